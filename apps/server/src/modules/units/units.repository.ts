import { and, asc, eq, getTableColumns, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import {
  meetingAgendas,
  meetingDocuments,
  meetingScores,
  meetings,
  memberYearly,
  members,
  minutes,
  postponements,
  resolutions,
  supervisionAssignments,
  tasks,
  thematicPlans,
  units,
  visits,
} from "../../db/schema/index.js";
import { escapeLike, withinAny } from "../../policy/sql.js";

export type UnitRow = typeof units.$inferSelect;
export type UnitWithCounts = UnitRow & { memberCount: number; childCount: number };

/** Active members in the unit's subtree, and active direct children: one correlated count each. */
// Correlated subqueries name the outer row explicitly: drizzle renders a lone column unqualified,
// which inside the subquery would bind to the inner table.
const outer = {
  id: sql.raw('"units"."id"'),
  tenantId: sql.raw('"units"."tenant_id"'),
  path: sql.raw('"units"."path"'),
};
const countColumns = {
  memberCount: sql<number>`(
    select count(*)::int from ${members} m
    where m.tenant_id = ${outer.tenantId} and m.left_on is null
      and m.unit_path like ${outer.path} || '%'
  )`.as("member_count"),
  childCount: sql<number>`(
    select count(*)::int from ${units} c
    where c.tenant_id = ${outer.tenantId} and c.parent_id = ${outer.id} and c.active
  )`.as("child_count"),
};

export function createUnitsRepository(db: DbOrTx) {
  async function listWithCounts(where: SQL | undefined): Promise<UnitWithCounts[]> {
    return db
      .select({ ...getTableColumns(units), ...countColumns })
      .from(units)
      .where(where)
      .orderBy(asc(units.name));
  }

  return {
    async find(tenantId: string, id: string): Promise<UnitRow | undefined> {
      const [row] = await db
        .select()
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.id, id)))
        .limit(1);
      return row;
    },

    async findWithCounts(tenantId: string, id: string): Promise<UnitWithCounts | undefined> {
      const [row] = await listWithCounts(and(eq(units.tenantId, tenantId), eq(units.id, id)));
      return row;
    },

    async findMany(tenantId: string, ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: units.id, name: units.name, path: units.path })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), inArray(units.id, [...ids])));
    },

    children(tenantId: string, parentId: string, includeInactive: boolean) {
      return listWithCounts(
        and(
          eq(units.tenantId, tenantId),
          eq(units.parentId, parentId),
          includeInactive ? undefined : eq(units.active, true),
        ),
      );
    },

    byPaths(tenantId: string, paths: readonly string[]) {
      if (paths.length === 0) return Promise.resolve([]);
      return listWithCounts(and(eq(units.tenantId, tenantId), inArray(units.path, [...paths])));
    },

    /** Units in the given subtrees, for pickers and filters (no counts). */
    async inScope(tenantId: string, roots: readonly string[], kind?: UnitRow["kind"]) {
      return db
        .select({
          id: units.id,
          name: units.name,
          path: units.path,
          kind: units.kind,
          level: units.level,
          active: units.active,
        })
        .from(units)
        .where(
          and(
            eq(units.tenantId, tenantId),
            withinAny(units.path, roots),
            kind ? eq(units.kind, kind) : undefined,
          ),
        )
        .orderBy(asc(units.path));
    },

    async codeTaken(tenantId: string, code: string, exceptId?: string): Promise<boolean> {
      const rows = await db
        .select({ id: units.id })
        .from(units)
        .where(
          and(
            eq(units.tenantId, tenantId),
            eq(units.code, code),
            exceptId ? sql`${units.id} <> ${exceptId}` : undefined,
          ),
        )
        .limit(1);
      return rows.length > 0;
    },

    async insert(row: typeof units.$inferInsert): Promise<UnitRow> {
      const [created] = await db.insert(units).values(row).returning();
      if (!created) throw new Error("insert returned no row");
      return created;
    },

    /** Updates when the version still matches; returns undefined on a concurrent change. */
    async update(
      tenantId: string,
      id: string,
      version: number,
      patch: Partial<typeof units.$inferInsert>,
    ): Promise<UnitRow | undefined> {
      const [row] = await db
        .update(units)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(units.tenantId, tenantId), eq(units.id, id), eq(units.version, version)))
        .returning();
      return row;
    },

    /** Rewrites the path prefix of a whole subtree, and the copies members and meetings keep. */
    async rebaseSubtree(tenantId: string, oldPrefix: string, newPrefix: string) {
      const pattern = `${escapeLike(oldPrefix)}%`;
      const cut = oldPrefix.length + 1;
      await db
        .update(units)
        .set({ path: sql`${newPrefix} || substr(${units.path}, ${cut})` })
        .where(and(eq(units.tenantId, tenantId), sql`${units.path} like ${pattern}`));
      await db
        .update(members)
        .set({ unitPath: sql`${newPrefix} || substr(${members.unitPath}, ${cut})` })
        .where(and(eq(members.tenantId, tenantId), sql`${members.unitPath} like ${pattern}`));
      for (const table of PATH_COPIES) {
        await db
          .update(table)
          .set({ unitPath: sql`${newPrefix} || substr(${table.unitPath}, ${cut})` })
          .where(and(eq(table.tenantId, tenantId), sql`${table.unitPath} like ${pattern}`));
      }
      // A visit also keeps its visitor's committee, which decides who may see the plan.
      await db
        .update(visits)
        .set({ visitorUnitPath: sql`${newPrefix} || substr(${visits.visitorUnitPath}, ${cut})` })
        .where(and(eq(visits.tenantId, tenantId), sql`${visits.visitorUnitPath} like ${pattern}`));
    },

    async hasActiveChildren(tenantId: string, id: string): Promise<boolean> {
      const rows = await db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.parentId, id), eq(units.active, true)))
        .limit(1);
      return rows.length > 0;
    },

    async hasActiveMembers(tenantId: string, id: string): Promise<boolean> {
      const rows = await db
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.tenantId, tenantId), eq(members.unitId, id), isNull(members.leftOn)))
        .limit(1);
      return rows.length > 0;
    },
  };
}

export type UnitsRepository = ReturnType<typeof createUnitsRepository>;

/**
 * Tables keeping a copy of a unit's path (so subtree queries need no join): a move rewrites them all,
 * in the same transaction. A test checks that every table with a `unit_path` column is listed here.
 */
export const PATH_COPIES = [
  meetings,
  postponements,
  thematicPlans,
  meetingAgendas,
  meetingDocuments,
  minutes,
  resolutions,
  tasks,
  memberYearly,
  supervisionAssignments,
  meetingScores,
  visits,
] as const;
