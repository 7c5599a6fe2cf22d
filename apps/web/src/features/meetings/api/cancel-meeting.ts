import type { CancelMeetingInput, MeetingDetailDto } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { useMeetingCommand } from "./meeting-command";

// POST /api/v1/meetings/:id/cancel { reason }
export function cancelMeeting(id: string, input: CancelMeetingInput): Promise<MeetingDetailDto> {
  return api.post<MeetingDetailDto>(`/api/v1/meetings/${encodeURIComponent(id)}/cancel`, input);
}

export function useCancelMeeting(id: string) {
  return useMeetingCommand(id, cancelMeeting);
}
