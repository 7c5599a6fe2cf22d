import type { MeetingDetailDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/meetings/:id, with what the caller may do (can) and their own attendance.
export function getMeeting(id: string, signal?: AbortSignal): Promise<MeetingDetailDto> {
  return api.get<MeetingDetailDto>(`/api/v1/meetings/${encodeURIComponent(id)}`, undefined, signal);
}

export const meetingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.meeting(id),
    queryFn: ({ signal }) => getMeeting(id, signal),
  });

export function useMeeting(id: string) {
  return useQuery(meetingQueryOptions(id));
}
