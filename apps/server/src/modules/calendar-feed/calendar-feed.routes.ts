import { z } from "zod";
import { calendarFeedDto } from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { CalendarFeedService } from "./calendar-feed.service.js";

const feedParams = z.object({ token: z.string().min(1).max(200) });

export function calendarFeedRoutes(deps: {
  calendarFeed: CalendarFeedService;
}): FastifyPluginAsyncZod {
  const { calendarFeed } = deps;
  return async (app) => {
    app.get(
      "/me/calendar-feed",
      {
        schema: {
          tags: ["calendar"],
          summary: "Lịch riêng (.ics) của tôi: đã tạo chưa, từ khi nào",
          response: { 200: calendarFeedDto },
        },
      },
      async (request) => calendarFeed.get(requireActor(request)),
    );

    app.post(
      "/me/calendar-feed",
      {
        schema: {
          tags: ["calendar"],
          summary: "Tạo đường dẫn lịch riêng mới (đường dẫn cũ hết hiệu lực); chỉ hiện một lần",
          response: { 201: calendarFeedDto },
        },
      },
      async (request, reply) => {
        const created = await calendarFeed.create(requireActor(request));
        return reply.status(201).send(created);
      },
    );

    app.delete(
      "/me/calendar-feed",
      {
        schema: {
          tags: ["calendar"],
          summary: "Thu hồi đường dẫn lịch riêng",
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await calendarFeed.revoke(requireActor(request));
        return reply.status(204).send(null);
      },
    );

    // Calendar apps fetch this without a session: the secret token in the path is the credential.
    app.get(
      "/calendar/:token.ics",
      {
        schema: {
          tags: ["calendar"],
          summary: "Lịch sinh hoạt của chi bộ (iCalendar), theo đường dẫn bí mật",
          security: [],
          params: feedParams,
          produces: ["text/calendar"],
          response: { 200: z.string().describe("text/calendar (RFC 5545)") },
        },
        config: { public: true, rateLimit: { max: 60, timeWindow: "1 minute" } },
      },
      async (request, reply) => {
        const text = await calendarFeed.feed(request.params.token);
        return reply
          .header("cache-control", "private, no-store")
          .header("x-robots-tag", "noindex")
          .header("content-disposition", 'inline; filename="chibo.ics"')
          .type("text/calendar; charset=utf-8")
          .send(text);
      },
    );
  };
}
