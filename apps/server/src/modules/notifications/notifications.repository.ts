import { and, count, desc, eq, exists, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import {
  meetings,
  members,
  notifications,
  positions,
  postponements,
  supervisionAssignments,
  tenants,
  units,
  users,
} from "../../db/schema/index.js";

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = typeof notifications.$inferInsert;

/** Meetings that still lie ahead: the only ones reminded. */
const REMINDABLE = ["planned", "postponed"] as const;

/** What a notice says about a meeting. */
const noticeColumns = {
  id: meetings.id,
  tenantId: meetings.tenantId,
  unitId: meetings.unitId,
  unitPath: meetings.unitPath,
  unitName: units.name,
  kind: meetings.kind,
  status: meetings.status,
  period: meetings.period,
  date: meetings.date,
  startTime: meetings.startTime,
  place: meetings.place,
  mode: meetings.mode,
  onlineUrl: meetings.onlineUrl,
  topic: meetings.topic,
  combinedWithThematic: meetings.combinedWithThematic,
};

export function createNotificationsRepository(db: DbOrTx) {
  return {
    /** The user's newest notifications. */
    async listOf(tenantId: string, userId: string, limit: number): Promise<NotificationRow[]> {
      return db
        .select()
        .from(notifications)
        .where(and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId)))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit);
    },

    async unreadCount(tenantId: string, userId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(
          and(
            eq(notifications.tenantId, tenantId),
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
          ),
        );
      return row?.n ?? 0;
    },

    /** Marks one of the user's notifications read (the first reading time is kept). */
    async markRead(tenantId: string, userId: string, id: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
        .where(
          and(
            eq(notifications.tenantId, tenantId),
            eq(notifications.userId, userId),
            eq(notifications.id, id),
          ),
        )
        .returning({ id: notifications.id });
      return rows.length > 0;
    },

    async markAllRead(tenantId: string, userId: string, now: Date): Promise<void> {
      await db
        .update(notifications)
        .set({ readAt: now })
        .where(
          and(
            eq(notifications.tenantId, tenantId),
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
          ),
        );
    },

    async insertMany(rows: NotificationInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(notifications).values(rows);
    },

    /** A meeting with its cell's name, for the text of a notice. */
    async meetingForNotice(tenantId: string, meetingId: string) {
      const [row] = await db
        .select(noticeColumns)
        .from(meetings)
        .innerJoin(units, and(eq(units.tenantId, meetings.tenantId), eq(units.id, meetings.unitId)))
        .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)))
        .limit(1);
      return row;
    },

    /** The meeting's latest postponement (the one just recorded by the caller). */
    async latestPostponement(tenantId: string, meetingId: string) {
      const [row] = await db
        .select({
          fromDate: postponements.fromDate,
          newDate: postponements.newDate,
          reason: postponements.reason,
        })
        .from(postponements)
        .where(and(eq(postponements.tenantId, tenantId), eq(postponements.meetingId, meetingId)))
        .orderBy(desc(postponements.reportedAt))
        .limit(1);
      return row;
    },

    /**
     * Who hears about a meeting of a cell: active users linked to a member who has not left and is in
     * the cell now; for a cell-committee meeting, only those holding a current position in that unit.
     */
    async audience(
      tenantId: string,
      unitId: string,
      opts: { positionHoldersOnly: boolean; today: string },
    ): Promise<{ userId: string; email: string | null }[]> {
      const holdsPosition = exists(
        db
          .select({ one: sql`1` })
          .from(positions)
          .where(
            and(
              eq(positions.tenantId, members.tenantId),
              eq(positions.memberId, members.id),
              eq(positions.unitId, unitId),
              lte(positions.fromDate, opts.today),
              or(isNull(positions.toDate), gte(positions.toDate, opts.today)),
            ),
          ),
      );
      return db
        .select({ userId: users.id, email: members.email })
        .from(users)
        .innerJoin(
          members,
          and(eq(members.tenantId, users.tenantId), eq(members.id, users.memberId)),
        )
        .where(
          and(
            eq(users.tenantId, tenantId),
            eq(users.active, true),
            isNull(members.leftOn),
            opts.positionHoldersOnly ? holdsPosition : eq(members.unitId, unitId),
          ),
        )
        .orderBy(users.id);
    },

    /**
     * HD12 §2.3: the upper-level members assigned to follow the cell on `today` (active accounts),
     * with the e-mail of their member record if they have one.
     */
    async followers(
      tenantId: string,
      unitId: string,
      today: string,
    ): Promise<{ userId: string; email: string | null }[]> {
      return db
        .selectDistinct({ userId: users.id, email: members.email })
        .from(supervisionAssignments)
        .innerJoin(
          users,
          and(
            eq(users.tenantId, supervisionAssignments.tenantId),
            eq(users.id, supervisionAssignments.userId),
          ),
        )
        .leftJoin(
          members,
          and(eq(members.tenantId, users.tenantId), eq(members.id, users.memberId)),
        )
        .where(
          and(
            eq(supervisionAssignments.tenantId, tenantId),
            eq(supervisionAssignments.unitId, unitId),
            lte(supervisionAssignments.startsOn, today),
            or(isNull(supervisionAssignments.endsOn), gte(supervisionAssignments.endsOn, today)),
            eq(users.active, true),
          ),
        )
        .orderBy(users.id);
    },

    /** Every tenant, for the reminder run (each tenant is then handled on its own). */
    async tenantIds(): Promise<string[]> {
      const rows = await db.select({ tenantId: tenants.tenantId }).from(tenants);
      return rows.map((r) => r.tenantId);
    },

    /** Meetings not yet reminded whose date falls in [from, to]; the caller checks the hour. */
    async reminderCandidates(tenantId: string, from: string, to: string) {
      return db
        .select({ id: meetings.id, date: meetings.date, startTime: meetings.startTime })
        .from(meetings)
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            inArray(meetings.status, [...REMINDABLE]),
            isNull(meetings.remindedAt),
            gte(meetings.date, from),
            lte(meetings.date, to),
          ),
        );
    },

    /**
     * Takes the meeting's reminder for this run: only one concurrent run gets the row back, since the
     * update only matches while reminded_at is still null.
     */
    async claimReminder(tenantId: string, meetingId: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(meetings)
        .set({ remindedAt: now })
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            eq(meetings.id, meetingId),
            isNull(meetings.remindedAt),
            inArray(meetings.status, [...REMINDABLE]),
          ),
        )
        .returning({ id: meetings.id });
      return rows.length > 0;
    },
  };
}

export type MeetingNotice = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createNotificationsRepository>["meetingForNotice"]>>
>;
