import { idParams, notificationListDto, okDto } from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { NotificationsService } from "./notifications.service.js";

export function notificationsRoutes(deps: {
  notifications: NotificationsService;
}): FastifyPluginAsyncZod {
  const { notifications } = deps;
  return async (app) => {
    app.get(
      "/me/notifications",
      {
        schema: {
          tags: ["notifications"],
          summary: "Thông báo của tôi (mới nhất trước) và số chưa đọc",
          response: { 200: notificationListDto },
        },
      },
      async (request) => notifications.list(requireActor(request)),
    );

    app.post(
      "/me/notifications/read-all",
      {
        schema: {
          tags: ["notifications"],
          summary: "Đánh dấu mọi thông báo là đã đọc",
          response: { 200: okDto },
        },
      },
      async (request) => {
        await notifications.markAllRead(requireActor(request));
        return { ok: true as const };
      },
    );

    app.post(
      "/me/notifications/:id/read",
      {
        schema: {
          tags: ["notifications"],
          summary: "Đánh dấu một thông báo là đã đọc",
          params: idParams,
          response: { 200: okDto },
        },
      },
      async (request) => {
        await notifications.markRead(requireActor(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
