import type { PostponementDto } from "@chibo/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export interface PostponementParams {
  from?: string;
  to?: string;
}

// GET /api/v1/units/:id/postponements?from&to → { items }
export async function listPostponements(
  unitId: string,
  params: PostponementParams,
  signal?: AbortSignal,
): Promise<PostponementDto[]> {
  const body = await api.get<{ items: PostponementDto[] }>(
    `/api/v1/units/${encodeURIComponent(unitId)}/postponements`,
    { ...params },
    signal,
  );
  return body.items;
}

export const postponementsQueryOptions = (unitId: string, params: PostponementParams) =>
  queryOptions({
    queryKey: queryKeys.postponements(unitId, params),
    queryFn: ({ signal }) => listPostponements(unitId, params, signal),
    placeholderData: keepPreviousData,
  });

export function usePostponements(unitId: string | null, params: PostponementParams) {
  return useQuery({ ...postponementsQueryOptions(unitId ?? "", params), enabled: unitId !== null });
}
