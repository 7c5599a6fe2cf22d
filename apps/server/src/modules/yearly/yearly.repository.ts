// Members' yearly task assignments and personal commitments, and how many members of a subtree have one.
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { UnitKind, YearlyKind } from "@chibo/domain";
import type { DbOrTx } from "../../db/client.js";
import { members, memberYearly, units, users } from "../../db/schema/index.js";
import { escapeLike } from "../../policy/sql.js";

export type YearlyRow = typeof memberYearly.$inferSelect;

export interface YearlyEntryRow {
  kind: YearlyKind;
  year: number;
  content: string;
  datedOn: string | null;
  updatedAt: Date;
  recordedBy: string | null;
}

export interface CoverageRow {
  unitId: string;
  members: number;
  withAssignment: number;
  withCommitment: number;
}

export function createYearlyRepository(db: DbOrTx) {
  return {
    async findMember(tenantId: string, id: string) {
      const [row] = await db
        .select({
          id: members.id,
          unitId: members.unitId,
          unitPath: members.unitPath,
          leftOn: members.leftOn,
        })
        .from(members)
        .where(and(eq(members.tenantId, tenantId), eq(members.id, id)))
        .limit(1);
      return row;
    },

    async findUnit(tenantId: string, id: string) {
      const [row] = await db
        .select({ id: units.id, path: units.path, kind: units.kind, name: units.name })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.id, id)))
        .limit(1);
      return row;
    },

    /** Every entry of the member, newest year first, the assignment before the commitment. */
    entries(tenantId: string, memberId: string): Promise<YearlyEntryRow[]> {
      return db
        .select({
          kind: memberYearly.kind,
          year: memberYearly.year,
          content: memberYearly.content,
          datedOn: memberYearly.datedOn,
          updatedAt: memberYearly.updatedAt,
          recordedBy: users.displayName,
        })
        .from(memberYearly)
        .leftJoin(
          users,
          and(eq(users.tenantId, memberYearly.tenantId), eq(users.id, memberYearly.recordedBy)),
        )
        .where(and(eq(memberYearly.tenantId, tenantId), eq(memberYearly.memberId, memberId)))
        .orderBy(desc(memberYearly.year), asc(memberYearly.kind));
    },

    async find(
      tenantId: string,
      memberId: string,
      year: number,
      kind: YearlyKind,
    ): Promise<YearlyRow | undefined> {
      const [row] = await db
        .select()
        .from(memberYearly)
        .where(
          and(
            eq(memberYearly.tenantId, tenantId),
            eq(memberYearly.memberId, memberId),
            eq(memberYearly.year, year),
            eq(memberYearly.kind, kind),
          ),
        )
        .limit(1);
      return row;
    },

    /** One entry per member, year and kind: a second save replaces the first. */
    async upsert(row: {
      tenantId: string;
      memberId: string;
      unitPath: string;
      year: number;
      kind: YearlyKind;
      content: string;
      datedOn: string | null;
      recordedBy: string;
      at: Date;
    }): Promise<YearlyRow | undefined> {
      const values = {
        tenantId: row.tenantId,
        memberId: row.memberId,
        unitPath: row.unitPath,
        year: row.year,
        kind: row.kind,
        content: row.content,
        datedOn: row.datedOn,
        recordedBy: row.recordedBy,
        createdAt: row.at,
        updatedAt: row.at,
      };
      const [saved] = await db
        .insert(memberYearly)
        .values(values)
        .onConflictDoUpdate({
          target: [
            memberYearly.tenantId,
            memberYearly.memberId,
            memberYearly.year,
            memberYearly.kind,
          ],
          set: {
            unitPath: row.unitPath,
            content: row.content,
            datedOn: row.datedOn,
            recordedBy: row.recordedBy,
            updatedAt: row.at,
          },
        })
        .returning();
      return saved;
    },

    /**
     * Members who have not left, counted per cell of the subtree, with how many have an assignment and
     * a commitment for `year`: one grouped statement.
     */
    coverage(tenantId: string, path: string, year: number): Promise<CoverageRow[]> {
      const has = (kind: YearlyKind) => sql`exists (
        select 1 from ${memberYearly} y
        where y.tenant_id = ${tenantId} and y.member_id = ${sql.raw('"members"."id"')}
          and y.year = ${year} and y.kind = ${kind}
      )`;
      return db
        .select({
          unitId: members.unitId,
          members: sql<number>`count(*)::int`,
          withAssignment: sql<number>`(count(*) filter (where ${has("assignment")}))::int`,
          withCommitment: sql<number>`(count(*) filter (where ${has("commitment")}))::int`,
        })
        .from(members)
        .where(
          and(
            eq(members.tenantId, tenantId),
            sql`${members.unitPath} like ${`${escapeLike(path)}%`}`,
            isNull(members.leftOn),
          ),
        )
        .groupBy(members.unitId);
    },

    /** The cells of the subtree (active ones, and any that still holds members). */
    cells(
      tenantId: string,
      path: string,
    ): Promise<{ id: string; name: string; kind: UnitKind; active: boolean }[]> {
      return db
        .select({ id: units.id, name: units.name, kind: units.kind, active: units.active })
        .from(units)
        .where(
          and(
            eq(units.tenantId, tenantId),
            sql`${units.path} like ${`${escapeLike(path)}%`}`,
            eq(units.kind, "cell"),
          ),
        );
    },
  };
}
