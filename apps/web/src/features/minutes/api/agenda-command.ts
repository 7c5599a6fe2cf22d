import type { AgendaDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { minutesKeys } from "./keys";

/** A command on the agenda that answers with the agenda: the cached one is replaced at once. */
export function useAgendaCommand<I>(
  meetingId: string,
  send: (meetingId: string, input: I) => Promise<AgendaDto>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => send(meetingId, input),
    onSuccess: (agenda) => {
      queryClient.setQueryData(minutesKeys.agenda(meetingId), agenda);
    },
  });
}
