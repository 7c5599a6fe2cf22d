import type { CalendarFeedDto } from "@chibo/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

const PATH = "/api/v1/me/calendar-feed";

// GET /api/v1/me/calendar-feed: whether the user has a feed (its address is shown only when created).
export function getCalendarFeed(signal?: AbortSignal): Promise<CalendarFeedDto> {
  return api.get<CalendarFeedDto>(PATH, undefined, signal);
}

export const calendarFeedQueryOptions = queryOptions({
  queryKey: queryKeys.calendarFeed,
  queryFn: ({ signal }) => getCalendarFeed(signal),
});

export function useCalendarFeed() {
  return useQuery(calendarFeedQueryOptions);
}

// POST /api/v1/me/calendar-feed → { url, createdAt }, once; a new feed replaces the old one.
export function createCalendarFeed(): Promise<CalendarFeedDto> {
  return api.post<CalendarFeedDto>(PATH, {});
}

// DELETE /api/v1/me/calendar-feed → 204
export function revokeCalendarFeed(): Promise<void> {
  return api.delete<undefined>(PATH);
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed }),
  });
}
