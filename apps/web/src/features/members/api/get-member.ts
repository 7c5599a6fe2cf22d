import type { MemberDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/members/:id
export function getMember(id: string, signal?: AbortSignal): Promise<MemberDto> {
  return api.get<MemberDto>(`/api/v1/members/${encodeURIComponent(id)}`, undefined, signal);
}

export const memberQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.member(id),
    queryFn: ({ signal }) => getMember(id, signal),
  });

export function useMember(id: string) {
  return useQuery(memberQueryOptions(id));
}
