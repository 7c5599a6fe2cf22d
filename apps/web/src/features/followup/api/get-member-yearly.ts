import type { MemberYearlyDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/members/:id/yearly → the member's yearly assignments and commitments, every year.
export function getMemberYearly(memberId: string, signal?: AbortSignal): Promise<MemberYearlyDto> {
  return api.get<MemberYearlyDto>(
    `/api/v1/members/${encodeURIComponent(memberId)}/yearly`,
    undefined,
    signal,
  );
}

export const memberYearlyQueryOptions = (memberId: string) =>
  queryOptions({
    queryKey: queryKeys.memberYearly(memberId),
    queryFn: ({ signal }) => getMemberYearly(memberId, signal),
  });

export function useMemberYearly(memberId: string) {
  return useQuery(memberYearlyQueryOptions(memberId));
}
