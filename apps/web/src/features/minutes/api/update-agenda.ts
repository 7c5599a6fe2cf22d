import type { AgendaDto, AgendaItemsInput } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { useAgendaCommand } from "./agenda-command";
import { meetingPath } from "./keys";

// PUT /api/v1/meetings/:id/agenda { version, items }: replaces the steps of a draft agenda.
export function updateAgenda(meetingId: string, input: AgendaItemsInput): Promise<AgendaDto> {
  return api.put<AgendaDto>(`${meetingPath(meetingId)}/agenda`, input);
}

export function useUpdateAgenda(meetingId: string) {
  return useAgendaCommand(meetingId, updateAgenda);
}
