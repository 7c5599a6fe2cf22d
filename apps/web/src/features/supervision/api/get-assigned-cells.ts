import type { assignedCellListDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "@/lib/api-client";
import { supervisionKeys } from "./keys";

export type AssignedCell = z.infer<typeof assignedCellListDto>["items"][number];

// GET /api/v1/me/assigned-cells → the cells I follow today, their registered day and next meetings.
export async function getAssignedCells(signal?: AbortSignal): Promise<AssignedCell[]> {
  const body = await api.get<{ items: AssignedCell[] }>(
    "/api/v1/me/assigned-cells",
    undefined,
    signal,
  );
  return body.items;
}

export const assignedCellsQueryOptions = queryOptions({
  queryKey: supervisionKeys.assignedCells,
  queryFn: ({ signal }) => getAssignedCells(signal),
  staleTime: 60_000,
});

export function useAssignedCells() {
  return useQuery(assignedCellsQueryOptions);
}
