import type { VisitDto, VisitPlanInput, VisitReportInput } from "@chibo/domain";
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { supervisionKeys, visitPath } from "./keys";

async function refresh(queryClient: QueryClient, meetings = false): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
    // Attending makes the visitor a guest of the meeting: its page shows them.
    meetings ? queryClient.invalidateQueries({ queryKey: queryKeys.meetings }) : undefined,
  ]);
}

// POST /api/v1/visits { unitId, plannedOn, meetingId? } → the planned visit (never told to the cell).
export function planVisit(input: VisitPlanInput): Promise<VisitDto> {
  return api.post<VisitDto>("/api/v1/visits", input);
}

export function usePlanVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: planVisit,
    onSuccess: () => refresh(queryClient),
  });
}

// POST /api/v1/visits/:id/attend { meetingId } → attended (the meeting must be in progress or held).
export function attendVisit(id: string, meetingId: string): Promise<VisitDto> {
  return api.post<VisitDto>(`${visitPath(id)}/attend`, { meetingId });
}

export function useAttendVisit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { meetingId: string }) => attendVisit(id, input.meetingId),
    onSuccess: () => refresh(queryClient, true),
  });
}

// POST /api/v1/visits/:id/cancel { reason } → cancelled (only while planned).
export function cancelVisit(id: string, reason: string): Promise<VisitDto> {
  return api.post<VisitDto>(`${visitPath(id)}/cancel`, { reason });
}

export function useCancelVisit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { reason: string }) => cancelVisit(id, input.reason),
    onSuccess: () => refresh(queryClient),
  });
}

// PUT /api/v1/visits/:id/report { time, cell, … } → reported; a blank part is a 422 at body.<part>.
export function reportVisit(id: string, input: VisitReportInput): Promise<VisitDto> {
  return api.put<VisitDto>(`${visitPath(id)}/report`, input);
}

export function useReportVisit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VisitReportInput) => reportVisit(id, input),
    onSuccess: () => refresh(queryClient),
  });
}
