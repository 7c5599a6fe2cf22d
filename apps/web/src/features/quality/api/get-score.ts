import type { ScoreDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { qualityKeys, scorePath } from "./keys";

// GET /api/v1/meetings/:id/score: the rubric, the evidence, suggestions, self-score and decision.
export function getScore(meetingId: string, signal?: AbortSignal): Promise<ScoreDto> {
  return api.get<ScoreDto>(scorePath(meetingId), undefined, signal);
}

export const scoreQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: qualityKeys.score(meetingId),
    queryFn: ({ signal }) => getScore(meetingId, signal),
    retry: false,
  });

export function useScore(meetingId: string) {
  return useQuery(scoreQueryOptions(meetingId));
}
