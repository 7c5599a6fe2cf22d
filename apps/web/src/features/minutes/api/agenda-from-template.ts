import type { AgendaDto } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { useAgendaCommand } from "./agenda-command";
import { meetingPath } from "./keys";

// POST /api/v1/meetings/:id/agenda/from-template: the template in force on the meeting's date.
export function agendaFromTemplate(meetingId: string): Promise<AgendaDto> {
  return api.post<AgendaDto>(`${meetingPath(meetingId)}/agenda/from-template`, {});
}

export function useAgendaFromTemplate(meetingId: string) {
  return useAgendaCommand(meetingId, (id: string, _input: undefined) => agendaFromTemplate(id));
}
