import type { MeetingDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supervisionKeys } from "./keys";

// GET /api/v1/meetings?unitId&from&to → the visited cell's meetings around the visit (to pick the one
// attended). A visitor reads them through their grant above the cell.
export async function listCellMeetings(
  unitId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<MeetingDto[]> {
  const body = await api.get<{ items: MeetingDto[] }>(
    "/api/v1/meetings",
    { unitId, from, to },
    signal,
  );
  return body.items;
}

export const cellMeetingsQueryOptions = (unitId: string, from: string, to: string) =>
  queryOptions({
    queryKey: supervisionKeys.cellMeetings(unitId, from, to),
    queryFn: ({ signal }) => listCellMeetings(unitId, from, to, signal),
  });

export function useCellMeetings(unitId: string, from: string, to: string) {
  return useQuery(cellMeetingsQueryOptions(unitId, from, to));
}
