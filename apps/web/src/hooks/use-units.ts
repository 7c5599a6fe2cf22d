import type { UnitDetailDto, UnitDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/units: the caller's top units, or the children of `parentId`.
// Shared: the tree, the unit pickers of members and users, and the units feature all read it.

type UnitList = UnitDto[] | { items: UnitDto[] };

export async function getUnitChildren(
  parentId: string | null,
  signal?: AbortSignal,
): Promise<UnitDto[]> {
  const body = await api.get<UnitList>(
    "/api/v1/units",
    parentId ? { parentId } : undefined,
    signal,
  );
  return Array.isArray(body) ? body : body.items;
}

export const unitChildrenQueryOptions = (parentId: string | null) =>
  queryOptions({
    queryKey: queryKeys.unitChildren(parentId),
    queryFn: ({ signal }) => getUnitChildren(parentId, signal),
    staleTime: 60_000,
  });

export function useUnitChildren(parentId: string | null, enabled = true) {
  return useQuery({ ...unitChildrenQueryOptions(parentId), enabled });
}

// GET /api/v1/units/:id
export function getUnit(id: string, signal?: AbortSignal): Promise<UnitDetailDto> {
  return api.get<UnitDetailDto>(`/api/v1/units/${encodeURIComponent(id)}`, undefined, signal);
}

export const unitQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.unit(id),
    queryFn: ({ signal }) => getUnit(id, signal),
    staleTime: 30_000,
  });

export function useUnit(id: string | null | undefined) {
  return useQuery({
    ...unitQueryOptions(id ?? ""),
    enabled: Boolean(id),
  });
}
