import type { MemberDto, TransferInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateRegister } from "./invalidate";

// POST /api/v1/members/:id/transfer { toUnitId, date, note }
export function transferMember(id: string, input: TransferInput): Promise<MemberDto> {
  return api.post<MemberDto>(`/api/v1/members/${encodeURIComponent(id)}/transfer`, input);
}

export function useTransferMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransferInput) => transferMember(id, input),
    onSuccess: () => invalidateRegister(queryClient),
  });
}
