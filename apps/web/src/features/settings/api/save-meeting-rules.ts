import type { MeetingRulesDto, MeetingRulesInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { meetingRulesKey } from "./get-meeting-rules";

// PUT /api/v1/settings/meeting-rules (tenant.configure): replaces the province's own rules as a whole;
// a rule left out follows the national default ({} returns to the defaults).
export function saveMeetingRules(input: MeetingRulesInput): Promise<MeetingRulesDto> {
  return api.put<MeetingRulesDto>("/api/v1/settings/meeting-rules", input);
}

export function useSaveMeetingRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveMeetingRules,
    onSuccess: async (rules) => {
      queryClient.setQueryData(meetingRulesKey, rules);
      // Targets, quorum and compliance shown with meetings follow the rules.
      await queryClient.invalidateQueries({ queryKey: queryKeys.meetings });
    },
  });
}
