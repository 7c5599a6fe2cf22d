import type { ComplianceDto } from "@chibo/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/units/:id/compliance?year: every cell of the subtree, month by month.
export function getCompliance(
  unitId: string,
  year: number,
  signal?: AbortSignal,
): Promise<ComplianceDto> {
  return api.get<ComplianceDto>(
    `/api/v1/units/${encodeURIComponent(unitId)}/compliance`,
    { year },
    signal,
  );
}

export const complianceQueryOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: queryKeys.compliance(unitId, year),
    queryFn: ({ signal }) => getCompliance(unitId, year, signal),
    placeholderData: keepPreviousData,
  });

export function useCompliance(unitId: string | null, year: number) {
  return useQuery({ ...complianceQueryOptions(unitId ?? "", year), enabled: unitId !== null });
}
