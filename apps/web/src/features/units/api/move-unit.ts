import type { MoveUnitInput, UnitDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// POST /api/v1/units/:id/move: the unit and its subtree go under a new parent.
export function moveUnit(id: string, input: MoveUnitInput): Promise<UnitDto> {
  return api.post<UnitDto>(`/api/v1/units/${encodeURIComponent(id)}/move`, input);
}

export function useMoveUnit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MoveUnitInput) => moveUnit(id, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.units });
      await queryClient.invalidateQueries({ queryKey: queryKeys.members });
    },
  });
}
