import type { AgendaTemplatesDto, AgendaTemplatesInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// PUT /api/v1/settings/agenda-templates { templates } (tenant.configure): replaces the tenant's own
// templates; a template left out returns to the national default.
export function saveAgendaTemplates(input: AgendaTemplatesInput): Promise<AgendaTemplatesDto> {
  return api.put<AgendaTemplatesDto>("/api/v1/settings/agenda-templates", input);
}

export function useSaveAgendaTemplates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAgendaTemplates,
    onSuccess: (templates) => {
      queryClient.setQueryData(queryKeys.agendaTemplates, templates);
    },
  });
}
