import type { DocumentSettingsDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";

export const documentSettingsKey = ["settings", "documents"] as const;

// GET /api/v1/settings/documents → the layout of exported documents in force and the province's own.
export function getDocumentSettings(signal?: AbortSignal): Promise<DocumentSettingsDto> {
  return api.get<DocumentSettingsDto>("/api/v1/settings/documents", undefined, signal);
}

export const documentSettingsQueryOptions = queryOptions({
  queryKey: documentSettingsKey,
  queryFn: ({ signal }) => getDocumentSettings(signal),
});

export function useDocumentSettings() {
  return useQuery(documentSettingsQueryOptions);
}
