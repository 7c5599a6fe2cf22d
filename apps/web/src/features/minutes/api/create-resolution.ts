import type { ResolutionDto, ResolutionInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { meetingPath } from "./keys";
import { useMinutesPart } from "./minutes-part";

// POST /api/v1/meetings/:id/resolutions { kind, title, content } → 201 the resolution.
export function createResolution(
  meetingId: string,
  input: ResolutionInput,
): Promise<ResolutionDto> {
  return api.post<ResolutionDto>(`${meetingPath(meetingId)}/resolutions`, input);
}

export function useCreateResolution(meetingId: string) {
  return useMinutesPart(meetingId, (input: ResolutionInput) => createResolution(meetingId, input));
}
