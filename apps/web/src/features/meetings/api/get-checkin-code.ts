import type { CheckinCodeDto } from "@chibo/domain";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { codeRefreshMs } from "../lib/display";

// GET /api/v1/meetings/:id/checkin-code: six digits and the QR token, for the lead while in progress.
export function getCheckinCode(id: string, signal?: AbortSignal): Promise<CheckinCodeDto> {
  return api.get<CheckinCodeDto>(
    `/api/v1/meetings/${encodeURIComponent(id)}/checkin-code`,
    undefined,
    signal,
  );
}

/** Fetched again shortly before it runs out, so the screen never shows an expired code. */
export function useCheckinCode(id: string) {
  return useQuery({
    queryKey: queryKeys.meetingCheckinCode(id),
    queryFn: ({ signal }) => getCheckinCode(id, signal),
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data ? codeRefreshMs(query.state.data.validUntil, Date.now()) : false,
  });
}
