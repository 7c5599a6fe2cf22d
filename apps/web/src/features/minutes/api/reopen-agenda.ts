import type { AgendaDto } from "@chibo/domain";
import { api } from "@/lib/api-client";
import { useAgendaCommand } from "./agenda-command";
import { meetingPath } from "./keys";

// POST /api/v1/meetings/:id/agenda/reopen { version }: back to a draft to change it.
export function reopenAgenda(meetingId: string, input: { version: number }): Promise<AgendaDto> {
  return api.post<AgendaDto>(`${meetingPath(meetingId)}/agenda/reopen`, input);
}

export function useReopenAgenda(meetingId: string) {
  return useAgendaCommand(meetingId, reopenAgenda);
}
