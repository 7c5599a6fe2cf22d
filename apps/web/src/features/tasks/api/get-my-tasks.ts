import type { MyTasksDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/tasks/mine → { items, open, overdue }: the tasks the signed-in member holds.
export function getMyTasks(signal?: AbortSignal): Promise<MyTasksDto> {
  return api.get<MyTasksDto>("/api/v1/tasks/mine", undefined, signal);
}

export const myTasksQueryOptions = queryOptions({
  queryKey: queryKeys.myTasks,
  queryFn: ({ signal }) => getMyTasks(signal),
  // The navigation badge reads it too: one request a minute at most.
  staleTime: 60_000,
});

export function useMyTasks(enabled = true) {
  return useQuery({ ...myTasksQueryOptions, enabled });
}

/** The overdue count for the navigation's badge: 0 while unknown, and for users holding no tasks. */
export function useOverdueTaskCount(enabled: boolean): number {
  const { data } = useMyTasks(enabled);
  return enabled ? (data?.overdue ?? 0) : 0;
}
