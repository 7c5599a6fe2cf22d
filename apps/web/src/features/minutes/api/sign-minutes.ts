import type { MinutesDto, MinutesSignInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { meetingPath, minutesKeys } from "./keys";

// POST /api/v1/meetings/:id/minutes/sign { as } (422 minutes_not_ready with what is missing).
export function signMinutes(meetingId: string, input: MinutesSignInput): Promise<MinutesDto> {
  return api.post<MinutesDto>(`${meetingPath(meetingId)}/minutes/sign`, input);
}

export function useSignMinutes(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MinutesSignInput) => signMinutes(meetingId, input),
    onSuccess: (minutes) => {
      queryClient.setQueryData(minutesKeys.minutes(meetingId), minutes);
    },
  });
}
