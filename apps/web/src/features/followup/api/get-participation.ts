import type { ParticipationDto } from "@chibo/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/units/:id/participation?to → the twelve months up to `to` (today by default): a cell's
// members, or a committee's cells.
export function getParticipation(
  unitId: string,
  to: string | null,
  signal?: AbortSignal,
): Promise<ParticipationDto> {
  return api.get<ParticipationDto>(
    `/api/v1/units/${encodeURIComponent(unitId)}/participation`,
    { to },
    signal,
  );
}

export const participationQueryOptions = (unitId: string, to: string | null) =>
  queryOptions({
    queryKey: queryKeys.participation(unitId, to),
    queryFn: ({ signal }) => getParticipation(unitId, to, signal),
    placeholderData: keepPreviousData,
  });

export function useParticipation(unitId: string | null, to: string | null) {
  return useQuery({ ...participationQueryOptions(unitId ?? "", to), enabled: unitId !== null });
}
