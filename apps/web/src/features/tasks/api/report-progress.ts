import type { TaskDetailDto, TaskProgressInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// POST /api/v1/tasks/:id/progress { state, note? } → the task with its history. "not_done" needs the
// cause (422 at body.note); a finished task refuses further reports (409 task_state).
export function reportProgress(id: string, input: TaskProgressInput): Promise<TaskDetailDto> {
  return api.post<TaskDetailDto>(`/api/v1/tasks/${encodeURIComponent(id)}/progress`, input);
}

/** The task's detail is replaced at once; lists, counters and the next meeting's review are re-read. */
export function useReportProgress(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TaskProgressInput) => reportProgress(id, input),
    onSuccess: async (task) => {
      queryClient.setQueryData(queryKeys.task(id), task);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.tasks }),
        queryClient.invalidateQueries({ queryKey: queryKeys.meetings }),
      ]);
    },
  });
}
