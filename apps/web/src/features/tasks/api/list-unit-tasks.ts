import type { TaskDto, TaskListQuery } from "@chibo/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export interface TaskPage {
  items: TaskDto[];
  total: number;
  page: number;
  pageSize: number;
}

// GET /api/v1/units/:id/tasks?filter=open|overdue|all&page&pageSize
export function listUnitTasks(
  unitId: string,
  params: TaskListQuery,
  signal?: AbortSignal,
): Promise<TaskPage> {
  return api.get<TaskPage>(
    `/api/v1/units/${encodeURIComponent(unitId)}/tasks`,
    { filter: params.filter, page: params.page, pageSize: params.pageSize },
    signal,
  );
}

export const unitTasksQueryOptions = (unitId: string, params: TaskListQuery) =>
  queryOptions({
    queryKey: queryKeys.unitTasks(unitId, params),
    queryFn: ({ signal }) => listUnitTasks(unitId, params, signal),
    placeholderData: keepPreviousData,
  });

export function useUnitTasks(unitId: string, params: TaskListQuery) {
  return useQuery(unitTasksQueryOptions(unitId, params));
}
