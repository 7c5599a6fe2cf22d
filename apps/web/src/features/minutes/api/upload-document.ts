import type { DocumentDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { meetingPath, minutesKeys } from "./keys";

// POST /api/v1/meetings/:id/documents (multipart "file"): PDF, DOCX or an image, checked by content
// (415 document_type_not_allowed, 413 document_too_large).
export function uploadDocument(meetingId: string, file: File): Promise<DocumentDto> {
  const body = new FormData();
  body.append("file", file, file.name);
  return api.post<DocumentDto>(`${meetingPath(meetingId)}/documents`, body);
}

export function useUploadDocument(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadDocument(meetingId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: minutesKeys.agenda(meetingId) }),
  });
}
