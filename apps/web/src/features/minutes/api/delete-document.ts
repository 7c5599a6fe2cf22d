import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { minutesKeys } from "./keys";

// GET /api/v1/documents/:id: the file itself (a link the browser opens).
export function documentUrl(documentId: string): string {
  return `/api/v1/documents/${encodeURIComponent(documentId)}`;
}

// DELETE /api/v1/documents/:id → 204
export function deleteDocument(documentId: string): Promise<void> {
  return api.delete<undefined>(documentUrl(documentId));
}

export function useDeleteDocument(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDocument,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: minutesKeys.agenda(meetingId) }),
  });
}
