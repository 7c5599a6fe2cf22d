import type { MemberDto, UpdateMemberInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateRegister } from "./invalidate";

// PATCH /api/v1/members/:id with the version read (stale_version when someone saved in between).
export function updateMember(id: string, input: UpdateMemberInput): Promise<MemberDto> {
  return api.patch<MemberDto>(`/api/v1/members/${encodeURIComponent(id)}`, input);
}

export function useUpdateMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMemberInput) => updateMember(id, input),
    onSuccess: () => invalidateRegister(queryClient),
  });
}
