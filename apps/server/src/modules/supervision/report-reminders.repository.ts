// The queries behind the overdue-report notices (report-reminders.service.ts). Each names tenant_id.
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

    /**
     * The tenant's attended visits, not reported, whose visitor was not yet told, with the day the
     * report is counted from (the service applies the domain's due rule).
     */
    async unreported(tenantId: string): Promise<{ id: string; meetingDay: string }[]> {
      return db
        .select({ id: visits.id, meetingDay: sql<string>`(${visitDay})::text` })
        .from(visits)
        .leftJoin(
          meetings,
          and(eq(meetings.tenantId, visits.tenantId), eq(meetings.id, visits.meetingId)),
        )
        .where(
          and(
            eq(visits.tenantId, tenantId),
            eq(visits.state, "attended"),
            isNull(visits.reportOverdueNotifiedAt),
          ),
        )
        .orderBy(asc(visitDay), asc(visits.id));
    },

    /**
     * Takes the visit's notice for this run: only one concurrent run gets the row back, since the
     * update matches only while the visit is still attended and its visitor not yet told.
     */
    async claim(tenantId: string, id: string, now: Date): Promise<OverdueVisitRow | undefined> {
      const claimed = await db
        .update(visits)
        .set({ reportOverdueNotifiedAt: now })
        .where(
          and(
            eq(visits.id, id),
            eq(visits.tenantId, tenantId),
            eq(visits.state, "attended"),
            isNull(visits.reportOverdueNotifiedAt),
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
