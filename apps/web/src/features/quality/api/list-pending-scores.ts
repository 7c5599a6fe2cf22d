import type { ScoreListDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { qualityKeys } from "./keys";

// GET /api/v1/scores/pending: meetings whose score the caller is to decide.
export function listPendingScores(signal?: AbortSignal): Promise<ScoreListDto> {
  return api.get<ScoreListDto>("/api/v1/scores/pending", undefined, signal);
}

export const pendingScoresQueryOptions = queryOptions({
  queryKey: qualityKeys.pending,
  queryFn: ({ signal }) => listPendingScores(signal),
});

export function usePendingScores() {
  return useQuery(pendingScoresQueryOptions);
}
