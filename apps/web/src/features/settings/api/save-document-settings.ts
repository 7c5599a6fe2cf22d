import type { DocumentSettingsDto, DocumentSettingsInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { documentSettingsKey } from "./get-document-settings";

// PUT /api/v1/settings/documents (tenant.configure): replaces the province's own layout as a whole;
// a setting left out follows documents.md's default ({} returns to the defaults).
export function saveDocumentSettings(input: DocumentSettingsInput): Promise<DocumentSettingsDto> {
  return api.put<DocumentSettingsDto>("/api/v1/settings/documents", input);
}

export function useSaveDocumentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveDocumentSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(documentSettingsKey, settings);
    },
  });
}
