// The queries behind the overdue-report notices (report-reminders.service.ts). Each names tenant_id.
import { supervisionRulesInput, type SupervisionRulesInput } from "@chibo/domain";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import {
  meetings,
  members,
  notifications,
  tenants,
  units,
  users,
  visits,
} from "../../db/schema/index.js";

/** The day a visit's report is counted from: the meeting held (else its date, else the plan). */
const visitDay = sql<string>`coalesce(${meetings.heldOn}, ${meetings.date}, ${visits.plannedOn})`;

/** Attended, not reported, not yet told, and the last day to report has passed. */
function overdue(tenantId: string, today: string, reportDays: number) {
  return and(
    eq(visits.tenantId, tenantId),
    eq(visits.state, "attended"),
    isNull(visits.reportOverdueNotifiedAt),
    sql`(${visitDay})::date + ${reportDays}::int < ${today}::date`,
  );
}

export interface OverdueVisitRow {
  id: string;
  visitorUserId: string;
  visitorActive: boolean;
  email: string | null;
  unitName: string;
  unitPath: string;
  meetingDay: string;
}

export function createReportRemindersRepository(db: DbOrTx) {
  const fromVisits = () =>
    db
      .select({
        id: visits.id,
        visitorUserId: visits.visitorUserId,
        visitorActive: sql<boolean>`coalesce(${users.active}, false)`,
        email: members.email,
        unitName: units.name,
        unitPath: visits.unitPath,
        meetingDay: sql<string>`(${visitDay})::text`,
      })
      .from(visits)
      .innerJoin(units, and(eq(units.tenantId, visits.tenantId), eq(units.id, visits.unitId)))
      .leftJoin(
        meetings,
        and(eq(meetings.tenantId, visits.tenantId), eq(meetings.id, visits.meetingId)),
      )
      .leftJoin(users, and(eq(users.tenantId, visits.tenantId), eq(users.id, visits.visitorUserId)))
      .leftJoin(
        members,
        and(eq(members.tenantId, visits.tenantId), eq(members.id, users.memberId)),
      );

  return {
    async tenantIds(): Promise<string[]> {
      const rows = await db.select({ tenantId: tenants.tenantId }).from(tenants);
      return rows.map((r) => r.tenantId);
    },

    async supervisionRules(tenantId: string): Promise<SupervisionRulesInput> {
      const [row] = await db
        .select({ settings: tenants.settings })
        .from(tenants)
        .where(eq(tenants.tenantId, tenantId))
        .limit(1);
      const parsed = supervisionRulesInput.safeParse(row?.settings.supervisionRules ?? {});
      return parsed.success ? parsed.data : {};
    },

    /** Ids of the tenant's visits whose report became overdue and whose visitor was not told. */
    async candidates(tenantId: string, today: string, reportDays: number): Promise<string[]> {
      const rows = await fromVisits()
        .where(overdue(tenantId, today, reportDays))
        .orderBy(asc(visitDay), asc(visits.id));
      return rows.map((r) => r.id);
    },

    /**
     * Takes the visit's notice for this run: only one concurrent run gets the row back, since the
     * update matches only while the visit is still attended, overdue and not yet told.
     */
    async claim(
      tenantId: string,
      id: string,
      today: string,
      reportDays: number,
      now: Date,
    ): Promise<OverdueVisitRow | undefined> {
      const claimed = await db
        .update(visits)
        .set({ reportOverdueNotifiedAt: now })
        .where(
          and(
            eq(visits.id, id),
            eq(visits.tenantId, tenantId),
            eq(visits.state, "attended"),
            isNull(visits.reportOverdueNotifiedAt),
            sql`exists (
              select 1 from ${visits} v
              left join ${meetings} m on m.tenant_id = v.tenant_id and m.id = v.meeting_id
              where v.tenant_id = ${tenantId} and v.id = ${id}
                and coalesce(m.held_on, m.date, v.planned_on) + ${reportDays}::int < ${today}::date
            )`,
          ),
        )
        .returning({ id: visits.id });
      if (claimed.length === 0) return undefined;
      const [row] = await fromVisits().where(and(eq(visits.tenantId, tenantId), eq(visits.id, id)));
      return row;
    },

    async notify(row: {
      tenantId: string;
      userId: string;
      title: string;
      body: string;
      createdAt: Date;
    }): Promise<void> {
      await db.insert(notifications).values({ ...row, kind: "visit_report_overdue" });
    },
  };
}
