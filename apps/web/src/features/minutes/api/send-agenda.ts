import type { AgendaDto } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { useAgendaCommand } from "./agenda-command";
import { meetingPath } from "./keys";

// POST /api/v1/meetings/:id/agenda/send { version }: sent to members with its documents.
export function sendAgenda(meetingId: string, input: { version: number }): Promise<AgendaDto> {
  return api.post<AgendaDto>(`${meetingPath(meetingId)}/agenda/send`, input);
}

export function useSendAgenda(meetingId: string) {
  return useAgendaCommand(meetingId, sendAgenda);
}
