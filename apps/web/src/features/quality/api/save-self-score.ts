import type { ScoreDto, SelfScoreInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { scorePath } from "./keys";
import { useScoreCommand } from "./score-command";

// PUT /api/v1/meetings/:id/score/self { items, version }: the cell's self-score.
export function saveSelfScore(meetingId: string, input: SelfScoreInput): Promise<ScoreDto> {
  return api.put<ScoreDto>(`${scorePath(meetingId)}/self`, input);
}

export function useSaveSelfScore(meetingId: string) {
  return useScoreCommand(meetingId, saveSelfScore);
}
