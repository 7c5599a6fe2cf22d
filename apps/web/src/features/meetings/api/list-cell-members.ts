import { LIMITS, type MemberPageDto, type MemberSummaryDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/members?unitId&pageSize: the cell's active members, to pick a topic's drafter.
export async function listCellMembers(
  unitId: string,
  signal?: AbortSignal,
): Promise<MemberSummaryDto[]> {
  const body = await api.get<MemberPageDto>(
    "/api/v1/members",
    { unitId, pageSize: LIMITS.pageSizeMax },
    signal,
  );
  return body.items;
}

export const cellMembersQueryOptions = (unitId: string) =>
  queryOptions({
    queryKey: queryKeys.cellMembers(unitId),
    queryFn: ({ signal }) => listCellMembers(unitId, signal),
    staleTime: 60_000,
  });

export function useCellMembers(unitId: string, enabled = true) {
  return useQuery({ ...cellMembersQueryOptions(unitId), enabled });
}
