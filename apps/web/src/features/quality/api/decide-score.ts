import type { DecisionInput, ScoreDto } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { scorePath } from "./keys";
import { useScoreCommand } from "./score-command";

// PUT /api/v1/meetings/:id/score/decision { items, version }: the final score and level.
export function decideScore(meetingId: string, input: DecisionInput): Promise<ScoreDto> {
  return api.put<ScoreDto>(`${scorePath(meetingId)}/decision`, input);
}

export function useDecideScore(meetingId: string) {
  return useScoreCommand(meetingId, decideScore);
}
