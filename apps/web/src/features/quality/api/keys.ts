import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

// A meeting's score sits under the meeting's key (closing the meeting refreshes it); the lists and
// rubrics under "quality", so that a decision refreshes every list at once.
export const qualityKeys = {
  all: ["quality"] as const,
  score: (meetingId: string) => [...queryKeys.meeting(meetingId), "score"] as const,
  pending: ["quality", "pending"] as const,
  flagged: ["quality", "flagged"] as const,
  unitScores: (unitId: string, year: number) => ["quality", "unit", unitId, year] as const,
  rubrics: ["quality", "rubrics"] as const,
  rubric: (code: string, version: number) => ["quality", "rubrics", code, version] as const,
};

export const scorePath = (meetingId: string) =>
  `/api/v1/meetings/${encodeURIComponent(meetingId)}/score`;

/** A saved or decided score changes the lists and the unit's history. */
export async function refreshScoreLists(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: qualityKeys.all });
}
