import type { NotificationDto } from "@chibo/domain";
import type { NotificationRow } from "./notifications.repository.js";

export function presentNotification(n: NotificationRow): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    meetingId: n.meetingId,
    taskId: n.taskId,
    title: n.title,
    body: n.body,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
