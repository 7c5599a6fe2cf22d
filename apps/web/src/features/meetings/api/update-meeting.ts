import type { MeetingDetailDto, UpdateMeetingInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { useMeetingCommand } from "./meeting-command";

// PATCH /api/v1/meetings/:id with the version read (stale_version when someone saved in between).
export function updateMeeting(id: string, input: UpdateMeetingInput): Promise<MeetingDetailDto> {
  return api.patch<MeetingDetailDto>(`/api/v1/meetings/${encodeURIComponent(id)}`, input);
}

export function useUpdateMeeting(id: string) {
  return useMeetingCommand(id, updateMeeting);
}
