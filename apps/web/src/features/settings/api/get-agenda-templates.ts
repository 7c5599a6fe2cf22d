import type { AgendaTemplatesDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/settings/agenda-templates → the templates in force: the tenant's own, else the national.
export function getAgendaTemplates(signal?: AbortSignal): Promise<AgendaTemplatesDto> {
  return api.get<AgendaTemplatesDto>("/api/v1/settings/agenda-templates", undefined, signal);
}

export const agendaTemplatesQueryOptions = queryOptions({
  queryKey: queryKeys.agendaTemplates,
  queryFn: ({ signal }) => getAgendaTemplates(signal),
});

export function useAgendaTemplates() {
  return useQuery(agendaTemplatesQueryOptions);
}
