import type { RubricListDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { qualityKeys } from "./keys";

// GET /api/v1/rubrics: the shipped rubrics and the tenant's own.
export function listRubrics(signal?: AbortSignal): Promise<RubricListDto> {
  return api.get<RubricListDto>("/api/v1/rubrics", undefined, signal);
}

export const rubricsQueryOptions = queryOptions({
  queryKey: qualityKeys.rubrics,
  queryFn: ({ signal }) => listRubrics(signal),
});

export function useRubrics() {
  return useQuery(rubricsQueryOptions);
}
