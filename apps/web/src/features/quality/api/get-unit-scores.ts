import type { UnitScoresDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { qualityKeys } from "./keys";

// GET /api/v1/units/:id/scores?year=: the levels of the cells' regular meetings month by month.
export function getUnitScores(
  unitId: string,
  year: number,
  signal?: AbortSignal,
): Promise<UnitScoresDto> {
  return api.get<UnitScoresDto>(
    `/api/v1/units/${encodeURIComponent(unitId)}/scores`,
    { year },
    signal,
  );
}

export const unitScoresQueryOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: qualityKeys.unitScores(unitId, year),
    queryFn: ({ signal }) => getUnitScores(unitId, year, signal),
  });

export function useUnitScores(unitId: string, year: number) {
  return useQuery(unitScoresQueryOptions(unitId, year));
}
