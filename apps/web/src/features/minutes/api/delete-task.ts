import { api } from "@/lib/api-client";
import { taskPath, useMinutesPart } from "./minutes-part";

// DELETE /api/v1/tasks/:id → 204
export function deleteTask(id: string): Promise<void> {
  return api.delete<undefined>(taskPath(id));
}

export function useDeleteTask(meetingId: string) {
  return useMinutesPart(meetingId, deleteTask);
}
