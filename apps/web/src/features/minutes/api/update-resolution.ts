import type { ResolutionDto, ResolutionPatchInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { resolutionPath, useMinutesPart } from "./minutes-part";

// PATCH /api/v1/resolutions/:id { kind?, title?, content? }
export function updateResolution(id: string, input: ResolutionPatchInput): Promise<ResolutionDto> {
  return api.patch<ResolutionDto>(resolutionPath(id), input);
}

export function useUpdateResolution(meetingId: string, id: string) {
  return useMinutesPart(meetingId, (input: ResolutionPatchInput) => updateResolution(id, input));
}
