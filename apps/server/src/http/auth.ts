import "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../policy/policy.js";
import type { AuthService } from "../modules/auth/auth.service.js";
import { unauthenticated } from "./errors.js";

export const SESSION_COOKIE = "chibo_session";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
  }
}

/** Resolves the session cookie to an actor on every request; routes then call requireActor. */
export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionId", null);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/v1/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await auth.authenticate(token);
    if (found) {
      request.actor = found.actor;
      request.sessionId = found.sessionId;
    }
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  opts: { secure: boolean; maxAgeSeconds: number },
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: opts.secure,
    path: "/",
    maxAge: opts.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
