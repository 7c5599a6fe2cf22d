import type { UserPageDto } from "@chibo/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supervisionKeys } from "./keys";

// GET /api/v1/users?q (user.manage only): a few accounts to assign as followers of a cell.
export function searchUsers(q: string, signal?: AbortSignal): Promise<UserPageDto> {
  return api.get<UserPageDto>("/api/v1/users", { q, page: 1, pageSize: 10 }, signal);
}

export function useUserSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: supervisionKeys.userSearch(q),
    queryFn: ({ signal }) => searchUsers(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled: enabled && q.trim().length >= 2,
  });
}
