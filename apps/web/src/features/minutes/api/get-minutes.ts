import type { MinutesDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { meetingPath, minutesKeys } from "./keys";

// GET /api/v1/meetings/:id/minutes (403 forbidden for a plain member while the minutes are unsigned).
export function getMinutes(meetingId: string, signal?: AbortSignal): Promise<MinutesDto> {
  return api.get<MinutesDto>(`${meetingPath(meetingId)}/minutes`, undefined, signal);
}

export const minutesQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: minutesKeys.minutes(meetingId),
    queryFn: ({ signal }) => getMinutes(meetingId, signal),
  });

export function useMinutes(meetingId: string) {
  return useQuery(minutesQueryOptions(meetingId));
}
