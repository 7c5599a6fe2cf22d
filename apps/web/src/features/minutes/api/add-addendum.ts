import type { AddendumInput, MinutesDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { meetingPath, minutesKeys } from "./keys";

// POST /api/v1/meetings/:id/minutes/addenda { text }: a dated correction of signed minutes.
export function addAddendum(meetingId: string, input: AddendumInput): Promise<MinutesDto> {
  return api.post<MinutesDto>(`${meetingPath(meetingId)}/minutes/addenda`, input);
}

export function useAddAddendum(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddendumInput) => addAddendum(meetingId, input),
    onSuccess: (minutes) => {
      queryClient.setQueryData(minutesKeys.minutes(meetingId), minutes);
    },
  });
}
