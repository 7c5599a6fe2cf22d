import type { MeetingDetailDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import { invalidateMeetings } from "./invalidate";

/**
 * A command on one meeting that answers with the meeting: the detail is replaced at once, everything
 * else about meetings is refreshed.
 */
export function useMeetingCommand<I>(
  id: string,
  send: (id: string, input: I) => Promise<MeetingDetailDto>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => send(id, input),
    onSuccess: async (meeting) => {
      queryClient.setQueryData(queryKeys.meeting(id), meeting);
      await invalidateMeetings(queryClient);
    },
  });
}
