import type { LeaveInput, MemberDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateRegister } from "./invalidate";

// POST /api/v1/members/:id/leave { kind, date, note }
export function leaveMember(id: string, input: LeaveInput): Promise<MemberDto> {
  return api.post<MemberDto>(`/api/v1/members/${encodeURIComponent(id)}/leave`, input);
}

export function useLeaveMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LeaveInput) => leaveMember(id, input),
    onSuccess: () => invalidateRegister(queryClient),
  });
}
