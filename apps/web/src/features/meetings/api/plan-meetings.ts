import type { MeetingDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateMeetings } from "./invalidate";

export interface PlanResult {
  created: number;
  items: MeetingDto[];
}

// POST /api/v1/units/:id/meetings/plan { months }: the regular meetings of the coming months.
export function planMeetings(unitId: string, months: number): Promise<PlanResult> {
  return api.post<PlanResult>(`/api/v1/units/${encodeURIComponent(unitId)}/meetings/plan`, {
    months,
  });
}

export function usePlanMeetings(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (months: number) => planMeetings(unitId, months),
    onSuccess: () => invalidateMeetings(queryClient),
  });
}
