import type { MemberDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateRegister } from "./invalidate";

// POST /api/v1/members/:id/positions/:positionId/end { to }
export function endPosition(id: string, positionId: string, to: string): Promise<MemberDto> {
  return api.post<MemberDto>(
    `/api/v1/members/${encodeURIComponent(id)}/positions/${encodeURIComponent(positionId)}/end`,
    { to },
  );
}

export function useEndPosition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ positionId, to }: { positionId: string; to: string }) =>
      endPosition(id, positionId, to),
    onSuccess: () => invalidateRegister(queryClient),
  });
}
