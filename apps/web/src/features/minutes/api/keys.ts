import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

// Under the meeting's key, so that any change to the meeting (closing it, attendance) refreshes them.
export const minutesKeys = {
  agenda: (meetingId: string) => [...queryKeys.meeting(meetingId), "agenda"] as const,
  minutes: (meetingId: string) => [...queryKeys.meeting(meetingId), "minutes"] as const,
};

export const meetingPath = (meetingId: string) =>
  `/api/v1/meetings/${encodeURIComponent(meetingId)}`;

/** Resolutions, votes, tasks and reviews are parts of the minutes: read them again. */
export async function refreshMinutes(queryClient: QueryClient, meetingId: string): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: minutesKeys.minutes(meetingId) });
}
