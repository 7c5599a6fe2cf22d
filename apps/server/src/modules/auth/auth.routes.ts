import { z } from "zod";
import { changePasswordInput, loginInput, meDto } from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { clearSessionCookie, requireActor, setSessionCookie } from "../../http/auth.js";
import { unauthenticated } from "../../http/errors.js";
import type { AuthService } from "./auth.service.js";

export function authRoutes(deps: {
  auth: AuthService;
  cookieSecure: boolean;
  absoluteHours: number;
}): FastifyPluginAsyncZod {
  const { auth } = deps;
  return async (app) => {
    app.post(
      "/auth/login",
      {
        schema: {
          tags: ["auth"],
          summary: "Đăng nhập",
          body: loginInput,
          response: { 200: meDto },
        },
        config: { public: true, rateLimit: { max: 30, timeWindow: "1 minute" } },
      },
      async (request, reply) => {
        const { token, actor } = await auth.login(request.body, {
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        });
        setSessionCookie(reply, token, {
          secure: deps.cookieSecure,
          maxAgeSeconds: deps.absoluteHours * 3600,
        });
        return auth.me(actor);
      },
    );

    app.post(
      "/auth/logout",
      {
        schema: { tags: ["auth"], summary: "Đăng xuất", response: { 204: z.null() } },
        config: { public: true },
      },
      async (request, reply) => {
        if (request.sessionId) await auth.logout(request.sessionId);
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/me",
      { schema: { tags: ["auth"], summary: "Người dùng hiện tại", response: { 200: meDto } } },
      async (request) => auth.me(requireActor(request)),
    );

    app.post(
      "/me/password",
      {
        schema: {
          tags: ["auth"],
          summary: "Đổi mật khẩu",
          body: changePasswordInput,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!request.sessionId) throw unauthenticated();
        await auth.changePassword(actor, request.sessionId, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
