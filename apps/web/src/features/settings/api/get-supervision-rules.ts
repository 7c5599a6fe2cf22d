import type { SupervisionRulesDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";

export const supervisionRulesKey = ["settings", "supervision-rules"] as const;

// GET /api/v1/settings/supervision-rules → days to sign minutes and to report a visit, the large-cell
// rule, visits per quarter: in force and the province's own.
export function getSupervisionRules(signal?: AbortSignal): Promise<SupervisionRulesDto> {
  return api.get<SupervisionRulesDto>("/api/v1/settings/supervision-rules", undefined, signal);
}

export const supervisionRulesQueryOptions = queryOptions({
  queryKey: supervisionRulesKey,
  queryFn: ({ signal }) => getSupervisionRules(signal),
});

export function useSupervisionRules() {
  return useQuery(supervisionRulesQueryOptions);
}
