import type { MeetingDetailDto, OpenMeetingInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { useMeetingCommand } from "./meeting-command";

// POST /api/v1/meetings/:id/open { startedAt? } → in progress: roster written, check-in open.
export function openMeeting(id: string, input: OpenMeetingInput): Promise<MeetingDetailDto> {
  return api.post<MeetingDetailDto>(`/api/v1/meetings/${encodeURIComponent(id)}/open`, input);
}

export function useOpenMeeting(id: string) {
  return useMeetingCommand(id, openMeeting);
}
