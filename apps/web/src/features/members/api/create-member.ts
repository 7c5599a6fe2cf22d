import type { CreateMemberInput, MemberDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateRegister } from "./invalidate";

// POST /api/v1/members → the new member.
export function createMember(input: CreateMemberInput): Promise<MemberDto> {
  return api.post<MemberDto>("/api/v1/members", input);
}

export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMember,
    onSuccess: () => invalidateRegister(queryClient),
  });
}
