import type { MemberYearlyDto, YearlyInput, YearlyKind } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// PUT /api/v1/members/:id/yearly/:year/:kind { content, datedOn? } → the member's yearly entries.
export function saveYearly(
  memberId: string,
  year: number,
  kind: YearlyKind,
  input: YearlyInput,
): Promise<MemberYearlyDto> {
  return api.put<MemberYearlyDto>(
    `/api/v1/members/${encodeURIComponent(memberId)}/yearly/${year}/${kind}`,
    input,
  );
}

/** The member's entries are replaced at once; coverage figures are read again. */
export function useSaveYearly(memberId: string, year: number, kind: YearlyKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: YearlyInput) => saveYearly(memberId, year, kind, input),
    onSuccess: async (yearly) => {
      queryClient.setQueryData(queryKeys.memberYearly(memberId), yearly);
      await queryClient.invalidateQueries({ queryKey: queryKeys.followup });
    },
  });
}
