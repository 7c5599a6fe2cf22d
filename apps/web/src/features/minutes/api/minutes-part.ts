import { useMutation, useQueryClient } from "@tanstack/react-query";
import { refreshMinutes } from "./keys";

/** A change to a part of the minutes (resolution, vote, task, review), then the minutes read again. */
export function useMinutesPart<I, R>(meetingId: string, send: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => refreshMinutes(queryClient, meetingId),
  });
}

export const resolutionPath = (id: string) => `/api/v1/resolutions/${encodeURIComponent(id)}`;
export const taskPath = (id: string) => `/api/v1/tasks/${encodeURIComponent(id)}`;
