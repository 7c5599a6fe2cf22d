import { and, count, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import type { ActorGrant } from "../../policy/policy.js";
import {
  grants,
  loginFailures,
  members,
  sessions,
  tenants,
  units,
  users,
} from "../../db/schema/index.js";

export function createAuthRepository(db: DbOrTx) {
  return {
    async findUserByUsername(username: string) {
      const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
      return row;
    },

    async findUser(tenantId: string, userId: string) {
      const [row] = await db
        .select()
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
        .limit(1);
      return row;
    },

    async findTenant(tenantId: string) {
      const [row] = await db
        .select()
        .from(tenants)
        .where(and(eq(tenants.tenantId, tenantId), eq(tenants.id, tenantId)))
        .limit(1);
      return row;
    },

    /** The user's grants with their unit's path, name and level; grants on inactive units count. */
    async grantsOf(tenantId: string, userId: string) {
      return db
        .select({
          id: grants.id,
          role: grants.role,
          unitId: grants.unitId,
          unitPath: units.path,
          unitName: units.name,
          unitLevel: units.level,
        })
        .from(grants)
        .innerJoin(units, and(eq(units.tenantId, grants.tenantId), eq(units.id, grants.unitId)))
        .where(and(eq(grants.tenantId, tenantId), eq(grants.userId, userId)))
        .orderBy(units.path);
    },

    /** The cell of a member record, while the member has not left. */
    async memberPathOf(tenantId: string, memberId: string): Promise<string | null> {
      const [row] = await db
        .select({ path: members.unitPath })
        .from(members)
        .where(
          and(eq(members.tenantId, tenantId), eq(members.id, memberId), isNull(members.leftOn)),
        )
        .limit(1);
      return row?.path ?? null;
    },

    async insertSession(row: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(row);
    },

    /** The session and its user in one round trip: this runs on every request. */
    async findSession(id: string) {
      const [row] = await db
        .select({
          session: sessions,
          user: {
            id: users.id,
            username: users.username,
            active: users.active,
            memberId: users.memberId,
          },
          // The cell of the user's own member record, while they have not left (policy: a planned
          // visit is never shown to one of the visited cell).
          memberPath: sql<string | null>`(
            select m.unit_path from ${members} m
            where m.tenant_id = ${sql.raw('"sessions"."tenant_id"')}
              and m.id = ${sql.raw('"users"."member_id"')} and m.left_on is null
          )`,
          // The actor's grants come along: one round trip authenticates a request.
          grants: sql<ActorGrant[]>`coalesce((
            select json_agg(json_build_object(
              'id', g.id, 'role', g.role, 'unitId', g.unit_id, 'unitPath', un.path))
            from ${grants} g join ${units} un on un.tenant_id = g.tenant_id and un.id = g.unit_id
            where g.tenant_id = ${sql.raw('"sessions"."tenant_id"')}
              and g.user_id = ${sql.raw('"users"."id"')}
          ), '[]'::json)`,
        })
        .from(sessions)
        .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
        .where(eq(sessions.id, id))
        .limit(1);
      return row;
    },

    async touchSession(tenantId: string, id: string, at: Date) {
      await db
        .update(sessions)
        .set({ lastSeenAt: at })
        .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id)));
    },

    async deleteSession(id: string) {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    async deleteSessionsOf(tenantId: string, userId: string, exceptId?: string) {
      await db
        .delete(sessions)
        .where(
          and(
            eq(sessions.tenantId, tenantId),
            eq(sessions.userId, userId),
            exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined,
          ),
        );
    },

    async countRecentFailures(username: string, since: Date) {
      const [row] = await db
        .select({ n: count() })
        .from(loginFailures)
        .where(and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
      return row?.n ?? 0;
    },

    async recordFailure(row: typeof loginFailures.$inferInsert) {
      await db.insert(loginFailures).values(row);
    },

    async clearFailures(username: string) {
      await db.delete(loginFailures).where(eq(loginFailures.username, username));
    },

    async pruneFailures(before: Date) {
      await db.delete(loginFailures).where(lt(loginFailures.at, before));
    },

    async setPassword(tenantId: string, userId: string, passwordHash: string, at: Date) {
      await db
        .update(users)
        .set({ passwordHash, passwordChangedAt: at, mustChangePassword: false })
        .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
