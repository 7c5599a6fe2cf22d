import type { ListMembersQuery, MemberPageDto } from "@chibo/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export type MemberListParams = Partial<Omit<ListMembersQuery, "page" | "pageSize">> & {
  page: number;
  pageSize: number;
};

// GET /api/v1/members: one page, in the server's Vietnamese name order (never re-sorted here).
export function listMembers(
  params: MemberListParams,
  signal?: AbortSignal,
): Promise<MemberPageDto> {
  return api.get<MemberPageDto>("/api/v1/members", { ...params }, signal);
}

export const membersQueryOptions = (params: MemberListParams) =>
  queryOptions({
    queryKey: queryKeys.memberList(params),
    queryFn: ({ signal }) => listMembers(params, signal),
    placeholderData: keepPreviousData,
  });

export function useMembers(params: MemberListParams) {
  return useQuery(membersQueryOptions(params));
}
