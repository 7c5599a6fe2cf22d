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
  interface FastifyContextConfig {
    /** Reachable without a session (login, logout). */
    public?: boolean;
    /**
     * The handler checks the session itself, inside its own statement (the check-in hot path): the
     * hook only refuses a request without a session cookie. The handler must fall back to
     * `resolveActor` whenever its own check does not succeed.
     */
    sessionInHandler?: boolean;
  }
}

/** Resolves the session cookie to an actor on every request; routes then call requireActor. */
export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionId", null);
  // Authentication comes before validation: without a session every API route but the public
  // ones answers 401, whatever the request holds.
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/v1/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (request.routeOptions.config.sessionInHandler === true) {
      if (!token) throw unauthenticated();
      return;
    }
    const found = token ? await auth.authenticate(token) : null;
    if (found) {
      request.actor = found.actor;
      request.sessionId = found.sessionId;
    } else if (request.routeOptions.config.public !== true) {
      throw unauthenticated();
    }
  });
}

/** The session cookie's token, for handlers that check the session themselves. */
export function sessionToken(request: FastifyRequest): string {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw unauthenticated();
  return token;
}

/** The slow path of a `sessionInHandler` route: the full check the hook would have made. */
export async function resolveActor(request: FastifyRequest, auth: AuthService): Promise<Actor> {
  const found = await auth.authenticate(sessionToken(request));
  if (!found) throw unauthenticated();
  request.actor = found.actor;
  request.sessionId = found.sessionId;
  return found.actor;
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
