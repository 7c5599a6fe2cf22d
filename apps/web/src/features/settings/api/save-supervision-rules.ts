import type { SupervisionRulesDto, SupervisionRulesInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supervisionRulesKey } from "./get-supervision-rules";

// PUT /api/v1/settings/supervision-rules (tenant.configure): replaces the province's own rules as a
// whole; a rule left out follows the default ({} returns to the defaults).
export function saveSupervisionRules(input: SupervisionRulesInput): Promise<SupervisionRulesDto> {
  return api.put<SupervisionRulesDto>("/api/v1/settings/supervision-rules", input);
}

export function useSaveSupervisionRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSupervisionRules,
    onSuccess: (rules) => {
      queryClient.setQueryData(supervisionRulesKey, rules);
    },
  });
}
