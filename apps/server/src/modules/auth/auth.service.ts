import { createHash, randomBytes } from "node:crypto";
import { ACTIONS, type ChangePasswordInput, type LoginInput, type MeDto } from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { AppError, unauthenticated } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { anywhereActions, type Actor } from "../../policy/policy.js";
import { createAuthRepository } from "./auth.repository.js";
import { dummyHash, hashPassword, verifyPassword } from "./password.js";

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
  maxFailures: number;
  failureWindowMinutes: number;
}

const NIL_TENANT = "00000000-0000-0000-0000-000000000000";

export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function createAuthService(deps: { db: Db; clock: Clock; settings: SessionSettings }) {
  const { db, clock, settings } = deps;
  const repo = createAuthRepository(db);

  async function loadActor(user: {
    tenantId: string;
    id: string;
    username: string;
    memberId: string | null;
  }): Promise<Actor> {
    const [grants, memberPath] = await Promise.all([
      repo.grantsOf(user.tenantId, user.id),
      user.memberId === null ? null : repo.memberPathOf(user.tenantId, user.memberId),
    ]);
    return {
      userId: user.id,
      tenantId: user.tenantId,
      username: user.username,
      memberId: user.memberId,
      memberPath,
      grants: grants.map((g) => ({
        id: g.id,
        role: g.role,
        unitId: g.unitId,
        unitPath: g.unitPath,
      })),
    };
  }

  return {
    /** Checks the password, throttles repeated failures per username, and opens a session. */
    async login(input: LoginInput, meta: { ip: string | null; userAgent: string | null }) {
      const now = clock.now();
      const since = new Date(now.getTime() - settings.failureWindowMinutes * 60_000);
      if ((await repo.countRecentFailures(input.username, since)) >= settings.maxFailures) {
        throw new AppError(
          429,
          "too_many_attempts",
          `Đăng nhập sai quá ${settings.maxFailures} lần, vui lòng thử lại sau ${settings.failureWindowMinutes} phút`,
        );
      }
      const user = await repo.findUserByUsername(input.username);
      const ok = user
        ? user.active && (await verifyPassword(user.passwordHash, input.password))
        : await verifyPassword(await dummyHash(), input.password).then(() => false);
      if (!user || !ok) {
        await repo.recordFailure({
          tenantId: user?.tenantId ?? NIL_TENANT,
          username: input.username,
          ip: meta.ip,
          at: now,
        });
        throw new AppError(401, "invalid_credentials", "Tên đăng nhập hoặc mật khẩu không đúng");
      }
      await repo.clearFailures(input.username);
      const token = randomBytes(32).toString("base64url");
      await repo.insertSession({
        id: sessionIdOf(token),
        tenantId: user.tenantId,
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + settings.absoluteHours * 3_600_000),
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      });
      const actor = await loadActor(user);
      await recordAudit(db, actor, user.tenantId, {
        action: "auth.login",
        entity: "user",
        entityId: user.id,
        unitPath: null,
        after: { ip: meta.ip },
      });
      return { token, actor };
    },

    /** Resolves a session token to its actor, enforcing idle and absolute expiry. */
    async authenticate(token: string): Promise<{ actor: Actor; sessionId: string } | null> {
      const id = sessionIdOf(token);
      const found = await repo.findSession(id);
      if (!found) return null;
      const { session, user, grants, memberPath } = found;
      const now = clock.now();
      const idleLimit = session.lastSeenAt.getTime() + settings.idleMinutes * 60_000;
      if (now > session.expiresAt || now.getTime() > idleLimit || !user.active) {
        await repo.deleteSession(id);
        return null;
      }
      // Writing last_seen_at on every request would make every read a write: once a minute is enough.
      if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
        await repo.touchSession(session.tenantId, id, now);
      }
      const actor: Actor = {
        userId: user.id,
        tenantId: session.tenantId,
        username: user.username,
        memberId: user.memberId,
        memberPath,
        grants,
      };
      return { actor, sessionId: id };
    },

    async logout(sessionId: string) {
      await repo.deleteSession(sessionId);
    },

    async me(actor: Actor): Promise<MeDto> {
      const [user, tenant, grants] = await Promise.all([
        repo.findUser(actor.tenantId, actor.userId),
        repo.findTenant(actor.tenantId),
        repo.grantsOf(actor.tenantId, actor.userId),
      ]);
      if (!user || !tenant) throw unauthenticated();
      return {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          memberId: user.memberId,
          mustChangePassword: user.mustChangePassword,
        },
        tenant: { id: tenant.id, name: tenant.name, isDemo: tenant.isDemo },
        grants: grants.map((g) => ({
          id: g.id,
          role: g.role,
          unitId: g.unitId,
          unitName: g.unitName,
          unitLevel: g.unitLevel,
        })),
        actions: anywhereActions(actor, ACTIONS),
      };
    },

    /** Changes one's own password; every other session of the user is closed. */
    async changePassword(actor: Actor, sessionId: string, input: ChangePasswordInput) {
      const user = await repo.findUser(actor.tenantId, actor.userId);
      if (!user) throw unauthenticated();
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new AppError(422, "wrong_password", "Mật khẩu hiện tại không đúng", [
          { path: "body.currentPassword", message: "Mật khẩu hiện tại không đúng" },
        ]);
      }
      if (input.newPassword === input.currentPassword) {
        throw new AppError(422, "weak_password", "Mật khẩu mới phải khác mật khẩu hiện tại", [
          { path: "body.newPassword", message: "Mật khẩu mới phải khác mật khẩu hiện tại" },
        ]);
      }
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        const txRepo = createAuthRepository(tx);
        await txRepo.setPassword(actor.tenantId, actor.userId, passwordHash, clock.now());
        await txRepo.deleteSessionsOf(actor.tenantId, actor.userId, sessionId);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "user.change_password",
          entity: "user",
          entityId: actor.userId,
          unitPath: null,
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
