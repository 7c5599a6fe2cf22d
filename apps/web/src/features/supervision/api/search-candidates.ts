import type { SupervisionCandidateDto } from "@chibo/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supervisionKeys, unitApi } from "./keys";

// GET /api/v1/units/:id/supervision-candidates?q → committee members and staff who may follow the
// cells of the unit (a committee, or one cell), each with the grant that qualifies them; first 20 by name.
export async function searchCandidates(
  unitId: string,
  q: string,
  signal?: AbortSignal,
): Promise<SupervisionCandidateDto[]> {
  const body = await api.get<{ items: SupervisionCandidateDto[] }>(
    `${unitApi(unitId)}/supervision-candidates`,
    { q: q.trim() },
    signal,
  );
  return body.items;
}

export function useCandidateSearch(unitId: string, q: string) {
  return useQuery({
    queryKey: [...supervisionKeys.all, "candidates", unitId, q.trim()] as const,
    queryFn: ({ signal }) => searchCandidates(unitId, q, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
