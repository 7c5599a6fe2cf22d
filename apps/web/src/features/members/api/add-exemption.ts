import type { ExemptionInput, MemberDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateRegister } from "./invalidate";

// POST /api/v1/members/:id/exemptions { from, to, reason }
export function addExemption(id: string, input: ExemptionInput): Promise<MemberDto> {
  return api.post<MemberDto>(`/api/v1/members/${encodeURIComponent(id)}/exemptions`, input);
}

export function useAddExemption(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExemptionInput) => addExemption(id, input),
    onSuccess: () => invalidateRegister(queryClient),
  });
}
