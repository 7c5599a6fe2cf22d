import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { auditLog, grants, units, users } from "../../db/schema/index.js";
import { escapeLike, withinAny } from "../../policy/sql.js";

export function createUsersRepository(db: DbOrTx) {
  /** Users all of whose grants lie inside the roots: the ones a scoped administrator manages. */
  function manageable(roots: readonly string[]): SQL {
    return sql`not exists (select 1 from ${grants} g join ${units} u
      on u.tenant_id = g.tenant_id and u.id = g.unit_id
      where g.tenant_id = ${sql.raw('"users"."tenant_id"')} and g.user_id = ${sql.raw('"users"."id"')}
        and not (${withinAny(sql.raw("u.path"), roots)}))`;
  }

  return {
    manageable,

    async list(
      tenantId: string,
      roots: readonly string[],
      q: string | undefined,
      limit: number,
      offset: number,
    ) {
      const where = and(
        eq(users.tenantId, tenantId),
        manageable(roots),
        q
          ? or(
              ilike(users.username, `%${escapeLike(q)}%`),
              ilike(users.displayName, `%${escapeLike(q)}%`),
            )
          : undefined,
      );
      const rows = await db
        .select({ user: users, total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(users)
        .where(where)
        .orderBy(asc(users.username))
        .limit(limit)
        .offset(offset);
      return { rows: rows.map((r) => r.user), total: rows[0]?.total ?? 0 };
    },

    async find(tenantId: string, id: string, roots: readonly string[]) {
      const [row] = await db
        .select()
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.id, id), manageable(roots)))
        .limit(1);
      return row;
    },

    async usernameTaken(username: string) {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.username, username))
        .limit(1);
      return rows.length > 0;
    },

    async insert(row: typeof users.$inferInsert) {
      const [created] = await db.insert(users).values(row).returning();
      return created;
    },

    async update(tenantId: string, id: string, patch: Partial<typeof users.$inferInsert>) {
      const [row] = await db
        .update(users)
        .set(patch)
        .where(and(eq(users.tenantId, tenantId), eq(users.id, id)))
        .returning();
      return row;
    },

    async grantsOf(tenantId: string, userIds: readonly string[]) {
      if (userIds.length === 0) return [];
      return db
        .select({
          id: grants.id,
          userId: grants.userId,
          role: grants.role,
          unitId: grants.unitId,
          unitName: units.name,
          unitLevel: units.level,
          unitPath: units.path,
        })
        .from(grants)
        .innerJoin(units, and(eq(units.tenantId, grants.tenantId), eq(units.id, grants.unitId)))
        .where(and(eq(grants.tenantId, tenantId), inArray(grants.userId, [...userIds])))
        .orderBy(asc(units.path), asc(grants.role));
    },

    async insertGrant(row: typeof grants.$inferInsert) {
      const [created] = await db.insert(grants).values(row).onConflictDoNothing().returning();
      return created;
    },

    async deleteGrant(tenantId: string, userId: string, grantId: string) {
      const [row] = await db
        .delete(grants)
        .where(
          and(eq(grants.tenantId, tenantId), eq(grants.userId, userId), eq(grants.id, grantId)),
        )
        .returning();
      return row;
    },

    async audit(tenantId: string, where: SQL | undefined, limit: number, offset: number) {
      const rows = await db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          action: auditLog.action,
          entity: auditLog.entity,
          entityId: auditLog.entityId,
          before: auditLog.before,
          after: auditLog.after,
          actorName: users.displayName,
          total: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(auditLog)
        .leftJoin(
          users,
          and(eq(users.tenantId, auditLog.tenantId), eq(users.id, auditLog.actorUserId)),
        )
        .where(and(eq(auditLog.tenantId, tenantId), where))
        .orderBy(desc(auditLog.id))
        .limit(limit)
        .offset(offset);
      return { rows, total: rows[0]?.total ?? 0 };
    },
  };
}
