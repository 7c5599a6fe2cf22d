import { meetingPath } from "./keys";

// GET /api/v1/meetings/:id/minutes/export.docx: the minutes in the Party layout (a link).
export function minutesDocxUrl(meetingId: string): string {
  return `${meetingPath(meetingId)}/minutes/export.docx`;
}

// GET /api/v1/resolutions/:id/export.docx: one resolution or conclusion (a link).
export function resolutionDocxUrl(resolutionId: string): string {
  return `/api/v1/resolutions/${encodeURIComponent(resolutionId)}/export.docx`;
}
