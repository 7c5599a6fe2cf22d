import type { MyMeetingsDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/me/meetings → { next, current }: the member's next meeting and one in progress.
export function getMyMeetings(signal?: AbortSignal): Promise<MyMeetingsDto> {
  return api.get<MyMeetingsDto>("/api/v1/me/meetings", undefined, signal);
}

export const myMeetingsQueryOptions = queryOptions({
  queryKey: queryKeys.myMeetings,
  queryFn: ({ signal }) => getMyMeetings(signal),
  // A meeting may open while the page is shown.
  refetchInterval: 60_000,
});

export function useMyMeetings(enabled = true) {
  return useQuery({ ...myMeetingsQueryOptions, enabled });
}
