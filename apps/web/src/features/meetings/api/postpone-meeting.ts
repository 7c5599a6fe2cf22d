import type { MeetingDetailDto, PostponeMeetingInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { useMeetingCommand } from "./meeting-command";

// POST /api/v1/meetings/:id/postpone { newDate, startTime?, reason } (seed 000: "báo hoãn").
export function postponeMeeting(
  id: string,
  input: PostponeMeetingInput,
): Promise<MeetingDetailDto> {
  return api.post<MeetingDetailDto>(`/api/v1/meetings/${encodeURIComponent(id)}/postpone`, input);
}

export function usePostponeMeeting(id: string) {
  return useMeetingCommand(id, postponeMeeting);
}
