import type { CreateMeetingInput, MeetingDetailDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateMeetings } from "./invalidate";

// POST /api/v1/meetings (thematic, forum, extraordinary, committee, model) → 201 the meeting.
export function createMeeting(input: CreateMeetingInput): Promise<MeetingDetailDto> {
  return api.post<MeetingDetailDto>("/api/v1/meetings", input);
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMeeting,
    onSuccess: () => invalidateMeetings(queryClient),
  });
}
