import type { Rubric } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { qualityKeys } from "./keys";

// POST /api/v1/rubrics: the tenant's own rubric, or a revision with the next version.
export function createRubric(input: Rubric): Promise<Rubric> {
  return api.post<Rubric>("/api/v1/rubrics", input);
}

export function useCreateRubric() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRubric,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: qualityKeys.rubrics });
    },
  });
}
