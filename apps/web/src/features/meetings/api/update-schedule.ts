import type { MeetingScheduleDto, MeetingScheduleInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { invalidateMeetings } from "./invalidate";

// PUT /api/v1/units/:id/meeting-schedule: registers the day and plans the coming months.
export function updateSchedule(
  unitId: string,
  input: MeetingScheduleInput,
): Promise<MeetingScheduleDto> {
  return api.put<MeetingScheduleDto>(
    `/api/v1/units/${encodeURIComponent(unitId)}/meeting-schedule`,
    input,
  );
}

export function useUpdateSchedule(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MeetingScheduleInput) => updateSchedule(unitId, input),
    onSuccess: async (schedule) => {
      queryClient.setQueryData(queryKeys.meetingSchedule(unitId), schedule);
      // The unit page shows the meeting day too.
      await Promise.all([
        invalidateMeetings(queryClient),
        queryClient.invalidateQueries({ queryKey: queryKeys.units }),
      ]);
    },
  });
}
