import { api } from "@/lib/api-client";
import { resolutionPath, useMinutesPart } from "./minutes-part";

// DELETE /api/v1/resolutions/:id → 204
export function deleteResolution(id: string): Promise<void> {
  return api.delete<undefined>(resolutionPath(id));
}

export function useDeleteResolution(meetingId: string) {
  return useMinutesPart(meetingId, deleteResolution);
}
