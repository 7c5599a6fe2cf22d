import type { AttendanceDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/meetings/:id/attendance: roster with marks, counts, rate, quorum and target.
export function getAttendance(id: string, signal?: AbortSignal): Promise<AttendanceDto> {
  return api.get<AttendanceDto>(
    `/api/v1/meetings/${encodeURIComponent(id)}/attendance`,
    undefined,
    signal,
  );
}

export const attendanceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.meetingAttendance(id),
    queryFn: ({ signal }) => getAttendance(id, signal),
  });

/** `refreshMs`: poll while members check themselves in. */
export function useAttendance(id: string, options: { enabled?: boolean; refreshMs?: number } = {}) {
  return useQuery({
    ...attendanceQueryOptions(id),
    enabled: options.enabled ?? true,
    refetchInterval: options.refreshMs ?? false,
  });
}
