import type { MeetingRulesDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";

export const meetingRulesKey = ["settings", "meeting-rules"] as const;

// GET /api/v1/settings/meeting-rules → the rules in force, the province's own, whether one may change them.
export function getMeetingRules(signal?: AbortSignal): Promise<MeetingRulesDto> {
  return api.get<MeetingRulesDto>("/api/v1/settings/meeting-rules", undefined, signal);
}

export const meetingRulesQueryOptions = queryOptions({
  queryKey: meetingRulesKey,
  queryFn: ({ signal }) => getMeetingRules(signal),
});

export function useMeetingRules() {
  return useQuery(meetingRulesQueryOptions);
}
