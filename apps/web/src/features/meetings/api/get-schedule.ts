import type { MeetingScheduleDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/units/:id/meeting-schedule: the cell's registered day, time, place and mode.
export function getSchedule(unitId: string, signal?: AbortSignal): Promise<MeetingScheduleDto> {
  return api.get<MeetingScheduleDto>(
    `/api/v1/units/${encodeURIComponent(unitId)}/meeting-schedule`,
    undefined,
    signal,
  );
}

export const scheduleQueryOptions = (unitId: string) =>
  queryOptions({
    queryKey: queryKeys.meetingSchedule(unitId),
    queryFn: ({ signal }) => getSchedule(unitId, signal),
  });

export function useSchedule(unitId: string) {
  return useQuery(scheduleQueryOptions(unitId));
}
