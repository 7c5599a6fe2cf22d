import type { ScoreDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { qualityKeys, refreshScoreLists } from "./keys";

/** A command on a meeting's score that answers with the score: the cached one is replaced. */
export function useScoreCommand<I>(
  meetingId: string,
  send: (meetingId: string, input: I) => Promise<ScoreDto>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => send(meetingId, input),
    onSuccess: async (score) => {
      queryClient.setQueryData(qualityKeys.score(meetingId), score);
      await refreshScoreLists(queryClient);
    },
  });
}
