import type { TaskDto, TaskPatchInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { taskPath, useMinutesPart } from "./minutes-part";

// PATCH /api/v1/tasks/:id
export function updateTask(id: string, input: TaskPatchInput): Promise<TaskDto> {
  return api.patch<TaskDto>(taskPath(id), input);
}

export function useUpdateTask(meetingId: string, id: string) {
  return useMinutesPart(meetingId, (input: TaskPatchInput) => updateTask(id, input));
}
