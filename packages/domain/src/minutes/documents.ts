// Meeting documents members read before the meeting (HD12 §2: documents go out early; HD42: posted at
// least one day before). The type is decided by the file's content, never by its name.

export const DOCUMENT_TYPES = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
} as const;
export type DocumentContentType = keyof typeof DOCUMENT_TYPES;

export function isAllowedDocumentType(mime: string | undefined): mime is DocumentContentType {
  return mime !== undefined && Object.hasOwn(DOCUMENT_TYPES, mime);
}

/** Default size limit of one document; a tenant may lower or raise it (meeting rules). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** HD42 (as scored by the default rubric): documents posted at least one day before the meeting. */
export function postedInTime(uploadedOn: string, meetingDate: string): boolean {
  return uploadedOn < meetingDate;
}
