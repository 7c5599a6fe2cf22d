import type { AgendaAgreeInput, AgendaDto } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { useAgendaCommand } from "./agenda-command";
import { meetingPath } from "./keys";

// POST /api/v1/meetings/:id/agenda/agree { version, committeeMeetingId? }: agreed by the cell committee.
export function agreeAgenda(meetingId: string, input: AgendaAgreeInput): Promise<AgendaDto> {
  return api.post<AgendaDto>(`${meetingPath(meetingId)}/agenda/agree`, input);
}

export function useAgreeAgenda(meetingId: string) {
  return useAgendaCommand(meetingId, agreeAgenda);
}
