import type { AttendanceDto } from "@chibo/domain";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { meetingPath } from "./keys";

// GET /api/v1/meetings/:id/attendance: the roster and guests, for the chair, speaker and assignee
// pickers. Same key as the attendance screen, so both share one copy.
export function getRoster(meetingId: string, signal?: AbortSignal): Promise<AttendanceDto> {
  return api.get<AttendanceDto>(`${meetingPath(meetingId)}/attendance`, undefined, signal);
}

export function useRoster(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.meetingAttendance(meetingId),
    queryFn: ({ signal }) => getRoster(meetingId, signal),
    enabled,
  });
}
