import type { ResolutionDto, VoteInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { resolutionPath, useMinutesPart } from "./minutes-part";

// PUT /api/v1/resolutions/:id/vote { approve, against, other } (422 vote_invalid at body.approve…).
export function voteResolution(id: string, input: VoteInput): Promise<ResolutionDto> {
  return api.put<ResolutionDto>(`${resolutionPath(id)}/vote`, input);
}

export function useVoteResolution(meetingId: string, id: string) {
  return useMinutesPart(meetingId, (input: VoteInput) => voteResolution(id, input));
}
