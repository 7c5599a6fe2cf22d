import type { UnitDto, UpdateUnitInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// PATCH /api/v1/units/:id with the version read, so that concurrent edits are refused.
export function updateUnit(id: string, input: UpdateUnitInput): Promise<UnitDto> {
  return api.patch<UnitDto>(`/api/v1/units/${encodeURIComponent(id)}`, input);
}

export function useUpdateUnit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUnitInput) => updateUnit(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.units }),
  });
}
