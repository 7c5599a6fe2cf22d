import type { TaskReviewDto, TaskReviewInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { meetingPath } from "./keys";
import { useMinutesPart } from "./minutes-part";

// PUT /api/v1/meetings/:id/reviews/:taskId { verdict, cause? }: this meeting's review of an earlier task.
export function reviewTask(
  meetingId: string,
  taskId: string,
  input: TaskReviewInput,
): Promise<TaskReviewDto> {
  return api.put<TaskReviewDto>(
    `${meetingPath(meetingId)}/reviews/${encodeURIComponent(taskId)}`,
    input,
  );
}

export function useReviewTask(meetingId: string) {
  return useMinutesPart(meetingId, (v: { taskId: string; input: TaskReviewInput }) =>
    reviewTask(meetingId, v.taskId, v.input),
  );
}
