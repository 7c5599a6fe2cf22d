import type { AbsenceAlertDto } from "@chibo/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/units/:id/absence-alerts?year → { year, items }
export async function listAbsenceAlerts(
  unitId: string,
  year: number,
  signal?: AbortSignal,
): Promise<AbsenceAlertDto[]> {
  const body = await api.get<{ year: number; items: AbsenceAlertDto[] }>(
    `/api/v1/units/${encodeURIComponent(unitId)}/absence-alerts`,
    { year },
    signal,
  );
  return body.items;
}

export const absenceAlertsQueryOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: queryKeys.absenceAlerts(unitId, year),
    queryFn: ({ signal }) => listAbsenceAlerts(unitId, year, signal),
    placeholderData: keepPreviousData,
  });

export function useAbsenceAlerts(unitId: string | null, year: number) {
  return useQuery({ ...absenceAlertsQueryOptions(unitId ?? "", year), enabled: unitId !== null });
}
