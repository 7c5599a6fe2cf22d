import type { AssignmentCoverageDto } from "@chibo/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/units/:id/assignment-coverage?year → members with a yearly assignment (target 100%).
export function getAssignmentCoverage(
  unitId: string,
  year: number,
  signal?: AbortSignal,
): Promise<AssignmentCoverageDto> {
  return api.get<AssignmentCoverageDto>(
    `/api/v1/units/${encodeURIComponent(unitId)}/assignment-coverage`,
    { year },
    signal,
  );
}

export const assignmentCoverageQueryOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: queryKeys.assignmentCoverage(unitId, year),
    queryFn: ({ signal }) => getAssignmentCoverage(unitId, year, signal),
    placeholderData: keepPreviousData,
  });

export function useAssignmentCoverage(unitId: string | null, year: number) {
  return useQuery({
    ...assignmentCoverageQueryOptions(unitId ?? "", year),
    enabled: unitId !== null,
  });
}
