import type { NotificationDto } from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { Clock } from "../../lib/clock.js";
import type { Actor } from "../../policy/policy.js";
import { presentNotification } from "./notifications.presenter.js";
import { createNotificationsRepository } from "./notifications.repository.js";

/** The list shows this many; older ones stay in the database. */
export const NOTIFICATION_LIST_LIMIT = 50;

const notificationNotFound = () => new AppError(404, "not_found", "Không tìm thấy thông báo");

// A user's own inbox: every query is keyed by the actor's tenant and user id, so there is no unit to
// ask the policy about; another user's notification is simply not found.
export function createNotificationsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createNotificationsRepository(db);

  return {
    /** The caller's newest notifications and how many are unread. */
    async list(actor: Actor): Promise<{ items: NotificationDto[]; unread: number }> {
      const [rows, unread] = await Promise.all([
        repo.listOf(actor.tenantId, actor.userId, NOTIFICATION_LIST_LIMIT),
        repo.unreadCount(actor.tenantId, actor.userId),
      ]);
      return { items: rows.map(presentNotification), unread };
    },

    async markRead(actor: Actor, id: string): Promise<void> {
      if (!(await repo.markRead(actor.tenantId, actor.userId, id, clock.now()))) {
        throw notificationNotFound();
      }
    },

    async markAllRead(actor: Actor): Promise<void> {
      await repo.markAllRead(actor.tenantId, actor.userId, clock.now());
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
