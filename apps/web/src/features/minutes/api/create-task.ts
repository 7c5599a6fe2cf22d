import type { TaskDto, TaskInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { resolutionPath, useMinutesPart } from "./minutes-part";

// POST /api/v1/resolutions/:id/tasks → 201 the task (422 task_due_before_meeting at body.dueDate,
// task_assignee_not_in_cell).
export function createTask(resolutionId: string, input: TaskInput): Promise<TaskDto> {
  return api.post<TaskDto>(`${resolutionPath(resolutionId)}/tasks`, input);
}

export function useCreateTask(meetingId: string, resolutionId: string) {
  return useMinutesPart(meetingId, (input: TaskInput) => createTask(resolutionId, input));
}
