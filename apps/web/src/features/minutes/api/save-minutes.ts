import type { MinutesSaveInput, MinutesSavedDto } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { meetingPath } from "./keys";

// PUT /api/v1/meetings/:id/minutes { rev, chairMemberId, minuteTakerMemberId, content }: the autosave
// (409 stale_version when rev is old, 409 minutes_locked, 409 meeting_state). Driven by
// hooks/use-minutes-autosave.ts, not by a mutation: one request at a time, retried by the hook.
export function saveMinutes(meetingId: string, input: MinutesSaveInput): Promise<MinutesSavedDto> {
  return api.put<MinutesSavedDto>(`${meetingPath(meetingId)}/minutes`, input);
}
