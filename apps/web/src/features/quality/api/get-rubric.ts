import type { Rubric } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { qualityKeys } from "./keys";

// GET /api/v1/rubrics/:code/:version: one version of a rubric (a version never changes).
export function getRubric(code: string, version: number, signal?: AbortSignal): Promise<Rubric> {
  return api.get<Rubric>(
    `/api/v1/rubrics/${encodeURIComponent(code)}/${String(version)}`,
    undefined,
    signal,
  );
}

export const rubricQueryOptions = (code: string, version: number) =>
  queryOptions({
    queryKey: qualityKeys.rubric(code, version),
    queryFn: ({ signal }) => getRubric(code, version, signal),
    staleTime: Infinity,
  });

export function useRubric(code: string | null, version: number | null) {
  return useQuery({
    ...rubricQueryOptions(code ?? "", version ?? 0),
    enabled: code !== null && version !== null,
  });
}
