import type { CheckinDto, CheckinInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateMeetings } from "./invalidate";

// POST /api/v1/checkin { code } or { token, via }: the member marks themself present.
export function checkin(input: CheckinInput): Promise<CheckinDto> {
  return api.post<CheckinDto>("/api/v1/checkin", input);
}

export function useCheckin() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: checkin, onSuccess: () => invalidateMeetings(queryClient) });
}
