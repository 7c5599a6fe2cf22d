import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { PositionTitle } from "@chibo/domain";
import type { DbOrTx } from "../../db/client.js";
import {
  exemptions,
  memberEvents,
  members,
  memberships,
  positions,
  units,
} from "../../db/schema/index.js";
import { withinAny } from "../../policy/sql.js";

export type MemberRow = typeof members.$inferSelect;
export type MemberInsert = typeof members.$inferInsert;

export interface MemberListFilter {
  tenantId: string;
  roots: readonly string[];
  unitPath?: string;
  /** LIKE patterns from searchPatterns(): each must match. */
  patterns: readonly string[];
  status?: "probationary" | "official" | "left" | "all";
  exempt?: "yes" | "no";
  today: string;
  limit: number;
  offset: number;
}

// Correlated subqueries name the outer row explicitly: drizzle may render a lone column unqualified,
// which inside the subquery would bind to the inner table.
const outerMember = { id: sql.raw('"members"."id"'), tenantId: sql.raw('"members"."tenant_id"') };

function exemptOn(today: string): SQL {
  return sql`exists (select 1 from ${exemptions} e where e.tenant_id = ${outerMember.tenantId}
    and e.member_id = ${outerMember.id} and e.from_date <= ${today}
    and (e.to_date is null or e.to_date >= ${today}))`;
}

export function createMembersRepository(db: DbOrTx) {
  return {
    async find(tenantId: string, id: string): Promise<MemberRow | undefined> {
      const [row] = await db
        .select()
        .from(members)
        .where(and(eq(members.tenantId, tenantId), eq(members.id, id)))
        .limit(1);
      return row;
    },

    /** One page in Vietnamese name order, filtered in SQL by scope, search words and status. */
    async list(f: MemberListFilter) {
      const where = and(
        eq(members.tenantId, f.tenantId),
        withinAny(members.unitPath, f.roots),
        f.unitPath ? withinAny(members.unitPath, [f.unitPath]) : undefined,
        ...f.patterns.map((p) => sql`${members.searchText} like ${p}`),
        f.status === "left"
          ? isNotNull(members.leftOn)
          : f.status === "all"
            ? undefined
            : and(isNull(members.leftOn), f.status ? eq(members.status, f.status) : undefined),
        f.exempt === "yes"
          ? exemptOn(f.today)
          : f.exempt === "no"
            ? sql`not ${exemptOn(f.today)}`
            : undefined,
      );
      // One round trip: the inner query filters and cuts the page; the outer one adds the unit
      // name, today's flags for the page's rows only, and the total as an uncorrelated subquery
      // (computed once; a window count would carry every matching row through the sort).
      const page = db
        .select({
          id: members.id,
          tenantId: members.tenantId,
          unitId: members.unitId,
          unitPath: members.unitPath,
          sortKey: members.sortKey,
          fullName: members.fullName,
          gender: members.gender,
          status: members.status,
          birthDate: members.birthDate,
          cardNumber: members.cardNumber,
          leftOn: members.leftOn,
          leaveKind: members.leaveKind,
        })
        .from(members)
        .where(where)
        .orderBy(asc(members.sortKey), asc(members.id))
        .limit(f.limit)
        .offset(f.offset)
        .as("page");
      const pageRows = db
        .select({
          id: page.id,
          unitId: page.unitId,
          unitPath: page.unitPath,
          unitName: units.name,
          fullName: page.fullName,
          gender: page.gender,
          status: page.status,
          birthDate: page.birthDate,
          cardNumber: page.cardNumber,
          leftOn: page.leftOn,
          leaveKind: page.leaveKind,
          total: sql<number>`(${db.select({ n: count() }).from(members).where(where)})`.mapWith(
            Number,
          ),
          exempt: sql<boolean>`exists (select 1 from ${exemptions} e
            where e.tenant_id = ${page.tenantId} and e.member_id = ${page.id}
              and e.from_date <= ${f.today} and (e.to_date is null or e.to_date >= ${f.today}))`,
          positions: sql<PositionTitle[] | null>`(select array_agg(p.title order by p.title)
            from ${positions} p where p.tenant_id = ${page.tenantId} and p.member_id = ${page.id}
              and p.from_date <= ${f.today} and (p.to_date is null or p.to_date >= ${f.today}))`,
        })
        .from(page)
        .innerJoin(units, and(eq(units.tenantId, page.tenantId), eq(units.id, page.unitId)))
        .orderBy(asc(page.sortKey), asc(page.id));
      const rows = await pageRows;
      let total = rows[0]?.total ?? 0;
      if (rows.length === 0 && f.offset > 0) {
        const [c] = await db.select({ n: count() }).from(members).where(where);
        total = c?.n ?? 0;
      }
      return { rows: rows.map((r) => ({ ...r, positions: r.positions ?? [] })), total };
    },

    async exportRows(
      tenantId: string,
      roots: readonly string[],
      includeLeft: boolean,
      today: string,
    ) {
      return db
        .select({
          member: members,
          unitName: units.name,
          exempt: sql<boolean>`${exemptOn(today)}`,
        })
        .from(members)
        .innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.unitId)))
        .where(
          and(
            eq(members.tenantId, tenantId),
            withinAny(members.unitPath, roots),
            includeLeft ? undefined : isNull(members.leftOn),
          ),
        )
        .orderBy(asc(units.path), asc(members.sortKey), asc(members.id));
    },

    async cardTaken(tenantId: string, card: string, exceptId?: string): Promise<boolean> {
      const rows = await db
        .select({ id: members.id })
        .from(members)
        .where(
          and(
            eq(members.tenantId, tenantId),
            eq(members.cardNumber, card),
            exceptId ? sql`${members.id} <> ${exceptId}` : undefined,
          ),
        )
        .limit(1);
      return rows.length > 0;
    },

    async cardsTaken(tenantId: string, cards: readonly string[]): Promise<Set<string>> {
      if (cards.length === 0) return new Set();
      const found = new Set<string>();
      for (let i = 0; i < cards.length; i += 1000) {
        const rows = await db
          .select({ card: members.cardNumber })
          .from(members)
          .where(
            and(
              eq(members.tenantId, tenantId),
              inArray(members.cardNumber, cards.slice(i, i + 1000)),
            ),
          );
        for (const r of rows) if (r.card) found.add(r.card);
      }
      return found;
    },

    async insert(rows: MemberInsert[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db.insert(members).values(rows.slice(i, i + 500));
      }
    },

    async update(tenantId: string, id: string, version: number, patch: Partial<MemberInsert>) {
      const [row] = await db
        .update(members)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(
          and(eq(members.tenantId, tenantId), eq(members.id, id), eq(members.version, version)),
        )
        .returning();
      return row;
    },

    async insertMemberships(rows: (typeof memberships.$inferInsert)[]) {
      for (let i = 0; i < rows.length; i += 1000) {
        await db.insert(memberships).values(rows.slice(i, i + 1000));
      }
    },

    /** Closes the open membership; never before it began (a same-day transfer keeps one day). */
    async closeMembership(tenantId: string, memberId: string, toDate: string) {
      await db
        .update(memberships)
        .set({ toDate: sql`greatest(${memberships.fromDate}, ${toDate}::date)` })
        .where(
          and(
            eq(memberships.tenantId, tenantId),
            eq(memberships.memberId, memberId),
            isNull(memberships.toDate),
          ),
        );
    },

    async insertEvents(rows: (typeof memberEvents.$inferInsert)[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db.insert(memberEvents).values(rows.slice(i, i + 500));
      }
    },

    async events(tenantId: string, memberId: string) {
      const from = alias(units, "from_unit");
      const to = alias(units, "to_unit");
      return db
        .select({
          id: memberEvents.id,
          kind: memberEvents.kind,
          date: memberEvents.date,
          note: memberEvents.note,
          at: memberEvents.at,
          fromUnitName: from.name,
          toUnitName: to.name,
        })
        .from(memberEvents)
        .leftJoin(
          from,
          and(eq(from.tenantId, memberEvents.tenantId), eq(from.id, memberEvents.fromUnitId)),
        )
        .leftJoin(to, and(eq(to.tenantId, memberEvents.tenantId), eq(to.id, memberEvents.toUnitId)))
        .where(and(eq(memberEvents.tenantId, tenantId), eq(memberEvents.memberId, memberId)))
        .orderBy(desc(memberEvents.date), desc(memberEvents.seq));
    },

    async exemptionsOf(tenantId: string, memberId: string) {
      return db
        .select()
        .from(exemptions)
        .where(and(eq(exemptions.tenantId, tenantId), eq(exemptions.memberId, memberId)))
        .orderBy(desc(exemptions.fromDate));
    },

    async insertExemption(row: typeof exemptions.$inferInsert) {
      const [created] = await db.insert(exemptions).values(row).returning();
      return created;
    },

    async endExemption(tenantId: string, id: string, toDate: string) {
      await db
        .update(exemptions)
        .set({ toDate })
        .where(and(eq(exemptions.tenantId, tenantId), eq(exemptions.id, id)));
    },

    async endOpenExemptions(tenantId: string, memberId: string, toDate: string) {
      await db
        .update(exemptions)
        .set({ toDate: sql`greatest(${exemptions.fromDate}, ${toDate}::date)` })
        .where(
          and(
            eq(exemptions.tenantId, tenantId),
            eq(exemptions.memberId, memberId),
            isNull(exemptions.toDate),
          ),
        );
    },

    async positionsOf(tenantId: string, memberId: string) {
      return db
        .select({
          id: positions.id,
          unitId: positions.unitId,
          unitName: units.name,
          unitPath: units.path,
          title: positions.title,
          fromDate: positions.fromDate,
          toDate: positions.toDate,
        })
        .from(positions)
        .innerJoin(
          units,
          and(eq(units.tenantId, positions.tenantId), eq(units.id, positions.unitId)),
        )
        .where(and(eq(positions.tenantId, tenantId), eq(positions.memberId, memberId)))
        .orderBy(desc(positions.fromDate));
    },

    async insertPosition(row: typeof positions.$inferInsert) {
      const [created] = await db.insert(positions).values(row).returning();
      return created;
    },

    async endPosition(tenantId: string, id: string, toDate: string) {
      await db
        .update(positions)
        .set({ toDate })
        .where(and(eq(positions.tenantId, tenantId), eq(positions.id, id)));
    },

    /** Positions still open, optionally only those held in one unit. */
    async endOpenPositions(tenantId: string, memberId: string, toDate: string, unitId?: string) {
      await db
        .update(positions)
        .set({ toDate: sql`greatest(${positions.fromDate}, ${toDate}::date)` })
        .where(
          and(
            eq(positions.tenantId, tenantId),
            eq(positions.memberId, memberId),
            unitId ? eq(positions.unitId, unitId) : undefined,
            sql`(${positions.toDate} is null or ${positions.toDate} > ${toDate})`,
          ),
        );
    },

    async refreshStatistics() {
      await db.execute(sql`vacuum analyze members, memberships, member_events`);
    },

    async unit(tenantId: string, id: string) {
      const [row] = await db
        .select()
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.id, id)))
        .limit(1);
      return row;
    },
  };
}

export type MembersRepository = ReturnType<typeof createMembersRepository>;
