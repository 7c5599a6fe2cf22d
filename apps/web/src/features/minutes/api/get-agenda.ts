import type { AgendaDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { meetingPath, minutesKeys } from "./keys";

// GET /api/v1/meetings/:id/agenda: the steps, documents, last meeting's tasks, and what the caller may do.
export function getAgenda(meetingId: string, signal?: AbortSignal): Promise<AgendaDto> {
  return api.get<AgendaDto>(`${meetingPath(meetingId)}/agenda`, undefined, signal);
}

export const agendaQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: minutesKeys.agenda(meetingId),
    queryFn: ({ signal }) => getAgenda(meetingId, signal),
  });

export function useAgenda(meetingId: string) {
  return useQuery(agendaQueryOptions(meetingId));
}
