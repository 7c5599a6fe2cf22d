import type { MemberPageDto } from "@chibo/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/members?q: a few active members to link a new account to.
export function searchMembers(q: string, signal?: AbortSignal): Promise<MemberPageDto> {
  return api.get<MemberPageDto>("/api/v1/members", { q, pageSize: 10 }, signal);
}

export const memberSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: queryKeys.memberList({ q, pageSize: 10, for: "users" }),
    queryFn: ({ signal }) => searchMembers(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function useMemberSearch(q: string) {
  return useQuery({ ...memberSearchQueryOptions(q), enabled: q.trim().length >= 2 });
}
