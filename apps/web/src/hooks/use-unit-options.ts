import type { UnitKind, UnitOptionDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** One unit the user may see, as offered by GET /api/v1/units/options (for pickers). */
export type UnitOption = UnitOptionDto;

// GET /api/v1/units/options?kind: every unit in the caller's subtrees, flat.
export async function getUnitOptions(kind?: UnitKind, signal?: AbortSignal): Promise<UnitOption[]> {
  const body = await api.get<{ items: UnitOption[] }>(
    "/api/v1/units/options",
    kind ? { kind } : undefined,
    signal,
  );
  return body.items;
}

export const unitOptionsQueryOptions = (kind?: UnitKind) =>
  queryOptions({
    queryKey: [...queryKeys.units, "options", kind ?? "all"] as const,
    queryFn: ({ signal }) => getUnitOptions(kind, signal),
    staleTime: 60_000,
  });

export function useUnitOptions(kind?: UnitKind) {
  return useQuery(unitOptionsQueryOptions(kind));
}
