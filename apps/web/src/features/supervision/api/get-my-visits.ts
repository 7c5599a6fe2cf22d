import type { VisitDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supervisionKeys } from "./keys";

// GET /api/v1/visits/mine → every visit I planned, attended, reported or cancelled (with reports).
export async function getMyVisits(signal?: AbortSignal): Promise<VisitDto[]> {
  const body = await api.get<{ items: VisitDto[] }>("/api/v1/visits/mine", undefined, signal);
  return body.items;
}

export const myVisitsQueryOptions = queryOptions({
  queryKey: supervisionKeys.myVisits,
  queryFn: ({ signal }) => getMyVisits(signal),
});

export function useMyVisits() {
  return useQuery(myVisitsQueryOptions);
}
