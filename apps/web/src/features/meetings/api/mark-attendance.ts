import type { AttendanceDto, MarkAttendanceInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// PUT /api/v1/meetings/:id/attendance { marks: [{ memberId, status, reason? }] }
export function markAttendance(id: string, input: MarkAttendanceInput): Promise<AttendanceDto> {
  return api.put<AttendanceDto>(`/api/v1/meetings/${encodeURIComponent(id)}/attendance`, input);
}

// POST /api/v1/meetings/:id/attendance/all-present: everyone unmarked becomes present.
export function markAllPresent(id: string): Promise<AttendanceDto> {
  return api.post<AttendanceDto>(
    `/api/v1/meetings/${encodeURIComponent(id)}/attendance/all-present`,
    {},
  );
}

function useAttendanceCommand<I>(id: string, send: (input: I) => Promise<AttendanceDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (attendance) => {
      queryClient.setQueryData(queryKeys.meetingAttendance(id), attendance);
      // The meeting carries its rate.
      await queryClient.invalidateQueries({ queryKey: queryKeys.meeting(id), exact: true });
    },
  });
}

export function useMarkAttendance(id: string) {
  return useAttendanceCommand(id, (input: MarkAttendanceInput) => markAttendance(id, input));
}

export function useMarkAllPresent(id: string) {
  return useAttendanceCommand(id, () => markAllPresent(id));
}
