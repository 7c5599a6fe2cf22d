import type { CreateUnitInput, UnitDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// POST /api/v1/units → the new unit.
export function createUnit(input: CreateUnitInput): Promise<UnitDto> {
  return api.post<UnitDto>("/api/v1/units", input);
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.units }),
  });
}
