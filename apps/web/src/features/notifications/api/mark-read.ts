import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// POST /api/v1/me/notifications/:id/read
export function markNotificationRead(id: string): Promise<unknown> {
  return api.post(`/api/v1/me/notifications/${encodeURIComponent(id)}/read`, {});
}

// POST /api/v1/me/notifications/read-all
export function markAllNotificationsRead(): Promise<unknown> {
  return api.post("/api/v1/me/notifications/read-all", {});
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
