import type { MemberDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateRegister } from "./invalidate";

// POST /api/v1/members/:id/exemptions/:exemptionId/end { to }
export function endExemption(id: string, exemptionId: string, to: string): Promise<MemberDto> {
  return api.post<MemberDto>(
    `/api/v1/members/${encodeURIComponent(id)}/exemptions/${encodeURIComponent(exemptionId)}/end`,
    { to },
  );
}

export function useEndExemption(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ exemptionId, to }: { exemptionId: string; to: string }) =>
      endExemption(id, exemptionId, to),
    onSuccess: () => invalidateRegister(queryClient),
  });
}
