import type { ScoreListDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { qualityKeys } from "./keys";

// GET /api/v1/scores/flagged: undecided self-scores above what the evidence supports.
export function listFlaggedScores(signal?: AbortSignal): Promise<ScoreListDto> {
  return api.get<ScoreListDto>("/api/v1/scores/flagged", undefined, signal);
}

export const flaggedScoresQueryOptions = queryOptions({
  queryKey: qualityKeys.flagged,
  queryFn: ({ signal }) => listFlaggedScores(signal),
});

export function useFlaggedScores() {
  return useQuery(flaggedScoresQueryOptions);
}
