import {
  pathIds,
  type AuditEntryDto,
  type CreateGrantInput,
  type CreateUserInput,
  type UpdateUserInput,
  type UserDto,
} from "@chibo/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditLog } from "../../db/schema/index.js";
import { conflict, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import { authorize, requireSomewhere, scopeRoots, type Actor } from "../../policy/policy.js";
import { withinAny } from "../../policy/sql.js";
import { hashPassword } from "../auth/password.js";
import { createMembersRepository } from "../members/members.repository.js";
import { createUnitsRepository } from "../units/units.repository.js";
import { createUsersRepository } from "./users.repository.js";

type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createUsersRepository>["find"]>>>;

export function createUsersService(deps: { db: Db }) {
  const { db } = deps;
  const repo = createUsersRepository(db);

  async function present(tenantId: string, rows: UserRow[]): Promise<UserDto[]> {
    const grants = await repo.grantsOf(
      tenantId,
      rows.map((u) => u.id),
    );
    return rows.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      active: u.active,
      memberId: u.memberId,
      createdAt: u.createdAt.toISOString(),
      grants: grants
        .filter((g) => g.userId === u.id)
        .map((g) => ({
          id: g.id,
          role: g.role,
          unitId: g.unitId,
          unitName: g.unitName,
          unitLevel: g.unitLevel,
        })),
    }));
  }

  async function presentOne(tenantId: string, row: UserRow): Promise<UserDto> {
    const [dto] = await present(tenantId, [row]);
    if (!dto) throw notFound("user");
    return dto;
  }

  /** Administrators manage the users whose every grant lies inside their own subtree. */
  function manageRoots(actor: Actor): string[] {
    requireSomewhere(actor, "user.manage");
    return scopeRoots(actor, "user.manage");
  }

  return {
    async list(actor: Actor, q: { q?: string | undefined; page: number; pageSize: number }) {
      const roots = manageRoots(actor);
      const { rows, total } = await repo.list(
        actor.tenantId,
        roots,
        q.q,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      );
      return {
        items: await present(actor.tenantId, rows),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string): Promise<UserDto> {
      const user = await repo.find(actor.tenantId, id, manageRoots(actor));
      if (!user) throw notFound("user");
      return presentOne(actor.tenantId, user);
    },

    async create(actor: Actor, input: CreateUserInput): Promise<UserDto> {
      const roots = manageRoots(actor);
      const passwordHash = await hashPassword(input.password);
      const created = await db.transaction(async (tx) => {
        const r = createUsersRepository(tx);
        if (await r.usernameTaken(input.username)) {
          throw conflict("username_taken", "Tên đăng nhập đã được dùng", "body.username");
        }
        if (input.memberId) {
          const member = await createMembersRepository(tx).find(actor.tenantId, input.memberId);
          // A user may be linked only to a member inside the administrator's subtree.
          authorize(actor, "user.manage", member?.unitPath, "member");
        }
        const user = await r.insert({
          tenantId: actor.tenantId,
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          memberId: input.memberId ?? null,
          mustChangePassword: true,
        });
        if (!user) throw new Error("insert returned no row");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "user.create",
          entity: "user",
          entityId: user.id,
          unitPath: roots[0] ?? null,
          after: {
            username: user.username,
            displayName: user.displayName,
            memberId: user.memberId,
          },
        });
        return user;
      });
      return presentOne(actor.tenantId, created);
    },

    async update(actor: Actor, id: string, input: UpdateUserInput): Promise<UserDto> {
      const roots = manageRoots(actor);
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      const updated = await db.transaction(async (tx) => {
        const r = createUsersRepository(tx);
        const user = await r.find(actor.tenantId, id, roots);
        if (!user) throw notFound("user");
        const next = await r.update(actor.tenantId, id, {
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(passwordHash
            ? { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() }
            : {}),
        });
        if (!next) throw notFound("user");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "user.update",
          entity: "user",
          entityId: id,
          unitPath: roots[0] ?? null,
          before: { displayName: user.displayName, active: user.active },
          after: {
            displayName: next.displayName,
            active: next.active,
            passwordReset: Boolean(passwordHash),
          },
        });
        return next;
      });
      return presentOne(actor.tenantId, updated);
    },

    async addGrant(actor: Actor, id: string, input: CreateGrantInput): Promise<UserDto> {
      const roots = manageRoots(actor);
      const user = await db.transaction(async (tx) => {
        const r = createUsersRepository(tx);
        const user = await r.find(actor.tenantId, id, roots);
        if (!user) throw notFound("user");
        const unit = await createUnitsRepository(tx).find(actor.tenantId, input.unitId);
        if (!unit) throw notFound("unit");
        authorize(actor, "user.manage", unit.path, "unit");
        const grant = await r.insertGrant({
          tenantId: actor.tenantId,
          userId: id,
          unitId: unit.id,
          role: input.role,
        });
        if (grant) {
          await recordAudit(tx, actor, actor.tenantId, {
            action: "grant.create",
            entity: "grant",
            entityId: grant.id,
            unitPath: unit.path,
            after: { userId: id, unitId: unit.id, role: input.role },
          });
        }
        return user;
      });
      return presentOne(actor.tenantId, user);
    },

    async removeGrant(actor: Actor, id: string, grantId: string): Promise<UserDto> {
      const roots = manageRoots(actor);
      const user = await db.transaction(async (tx) => {
        const r = createUsersRepository(tx);
        const user = await r.find(actor.tenantId, id, roots);
        if (!user) throw notFound("user");
        const removed = await r.deleteGrant(actor.tenantId, id, grantId);
        if (!removed) throw notFound("grant");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "grant.delete",
          entity: "grant",
          entityId: grantId,
          unitPath: null,
          before: { userId: id, unitId: removed.unitId, role: removed.role },
        });
        return user;
      });
      return presentOne(actor.tenantId, user);
    },

    /**
     * The audit trail of the actor's subtrees. Entries tied to no unit (logins, tenant-wide user
     * changes) are shown only to those who read the audit from the tenant's top unit.
     */
    async audit(
      actor: Actor,
      q: {
        entity?: string | undefined;
        entityId?: string | undefined;
        page: number;
        pageSize: number;
      },
    ): Promise<{ items: AuditEntryDto[]; total: number; page: number; pageSize: number }> {
      requireSomewhere(actor, "audit.read");
      const roots = scopeRoots(actor, "audit.read");
      const topLevel = roots.some((r) => pathIds(r).length === 1);
      const where = sql`(${withinAny(auditLog.unitPath, roots)}${
        topLevel ? sql` or ${auditLog.unitPath} is null` : sql``
      })${q.entity ? sql` and ${auditLog.entity} = ${q.entity}` : sql``}${
        q.entityId ? sql` and ${auditLog.entityId} = ${q.entityId}` : sql``
      }`;
      const { rows, total } = await repo.audit(
        actor.tenantId,
        where,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      );
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          at: r.at.toISOString(),
          actorName: r.actorName,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          before: r.before,
          after: r.after,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
