import type { TaskDetailDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/tasks/:id → the task with its history (progress reports and meeting reviews).
export function getTask(id: string, signal?: AbortSignal): Promise<TaskDetailDto> {
  return api.get<TaskDetailDto>(`/api/v1/tasks/${encodeURIComponent(id)}`, undefined, signal);
}

export const taskQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.task(id),
    queryFn: ({ signal }) => getTask(id, signal),
  });

export function useTask(id: string | null) {
  return useQuery({ ...taskQueryOptions(id ?? ""), enabled: id !== null });
}
