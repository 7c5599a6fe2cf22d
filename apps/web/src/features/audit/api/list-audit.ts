import type { AuditPageDto } from "@chibo/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export type AuditPage = AuditPageDto;

export interface AuditListParams {
  entity?: string;
  entityId?: string;
  page: number;
  pageSize: number;
}

// GET /api/v1/audit?entity&entityId&page&pageSize, newest first.
export function listAudit(params: AuditListParams, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>("/api/v1/audit", { ...params }, signal);
}

export const auditQueryOptions = (params: AuditListParams) =>
  queryOptions({
    queryKey: queryKeys.auditList(params),
    queryFn: ({ signal }) => listAudit(params, signal),
    placeholderData: keepPreviousData,
  });

export function useAudit(params: AuditListParams) {
  return useQuery(auditQueryOptions(params));
}
