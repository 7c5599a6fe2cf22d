import type { MemberDto, PositionInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateRegister } from "./invalidate";

// POST /api/v1/members/:id/positions { unitId, title, from, to }
export function addPosition(id: string, input: PositionInput): Promise<MemberDto> {
  return api.post<MemberDto>(`/api/v1/members/${encodeURIComponent(id)}/positions`, input);
}

export function useAddPosition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PositionInput) => addPosition(id, input),
    onSuccess: () => invalidateRegister(queryClient),
  });
}
