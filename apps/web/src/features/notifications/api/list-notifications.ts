import type { NotificationDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export interface NotificationList {
  items: NotificationDto[];
  unread: number;
}

// GET /api/v1/me/notifications → { items, unread }
export function listNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return api.get<NotificationList>("/api/v1/me/notifications", undefined, signal);
}

export const notificationsQueryOptions = queryOptions({
  queryKey: queryKeys.notifications,
  queryFn: ({ signal }) => listNotifications(signal),
  staleTime: 30_000,
  refetchInterval: 5 * 60_000,
});

export function useNotifications() {
  return useQuery(notificationsQueryOptions);
}
