import type { CloseMeetingInput, MeetingDetailDto } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { useMeetingCommand } from "./meeting-command";

// POST /api/v1/meetings/:id/close { endedAt? } → held; check-in closes.
export function closeMeeting(id: string, input: CloseMeetingInput): Promise<MeetingDetailDto> {
  return api.post<MeetingDetailDto>(`/api/v1/meetings/${encodeURIComponent(id)}/close`, input);
}

export function useCloseMeeting(id: string) {
  return useMeetingCommand(id, closeMeeting);
}
