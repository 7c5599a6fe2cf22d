import type { MemberEventDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/members/:id/history → { items }
export async function getMemberHistory(
  id: string,
  signal?: AbortSignal,
): Promise<MemberEventDto[]> {
  const body = await api.get<{ items: MemberEventDto[] }>(
    `/api/v1/members/${encodeURIComponent(id)}/history`,
    undefined,
    signal,
  );
  return body.items;
}

export const memberHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.memberHistory(id),
    queryFn: ({ signal }) => getMemberHistory(id, signal),
  });

export function useMemberHistory(id: string, enabled = true) {
  return useQuery({ ...memberHistoryQueryOptions(id), enabled });
}
