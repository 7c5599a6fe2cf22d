import type { MemberDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateRegister } from "./invalidate";

// POST /api/v1/members/:id/official { officialDate }
export function makeOfficial(id: string, input: { officialDate: string }): Promise<MemberDto> {
  return api.post<MemberDto>(`/api/v1/members/${encodeURIComponent(id)}/official`, input);
}

export function useMakeOfficial(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { officialDate: string }) => makeOfficial(id, input),
    onSuccess: () => invalidateRegister(queryClient),
  });
}
