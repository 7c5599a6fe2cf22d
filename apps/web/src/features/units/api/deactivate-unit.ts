import type { UnitDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// POST /api/v1/units/:id/deactivate.
export function deactivateUnit(id: string): Promise<UnitDto> {
  return api.post<UnitDto>(`/api/v1/units/${encodeURIComponent(id)}/deactivate`);
}

export function useDeactivateUnit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deactivateUnit(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.units }),
  });
}
