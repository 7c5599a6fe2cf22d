import type { RubricPreviewDto, RubricPreviewInput } from "@chibo/domain";
import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/api-client";

// POST /api/v1/rubrics/preview: a sample meeting scored with the rubric being edited.
export function previewRubric(input: RubricPreviewInput): Promise<RubricPreviewDto> {
  return api.post<RubricPreviewDto>("/api/v1/rubrics/preview", input);
}

export function usePreviewRubric() {
  return useMutation({ mutationFn: previewRubric });
}
