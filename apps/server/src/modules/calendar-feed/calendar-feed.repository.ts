import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import {
  calendarTokens,
  meetings,
  members,
  positions,
  postponements,
  units,
  users,
} from "../../db/schema/index.js";

export function createCalendarFeedRepository(db: DbOrTx) {
  return {
    /** The user's feed in force, if any. */
    async activeToken(tenantId: string, userId: string) {
      const [row] = await db
        .select({ id: calendarTokens.id, createdAt: calendarTokens.createdAt })
        .from(calendarTokens)
        .where(
          and(
            eq(calendarTokens.tenantId, tenantId),
            eq(calendarTokens.userId, userId),
            isNull(calendarTokens.revokedAt),
          ),
        )
        .limit(1);
      return row;
    },

    /** Revokes the user's feed in force; returns whether there was one. */
    async revoke(tenantId: string, userId: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(calendarTokens)
        .set({ revokedAt: now })
        .where(
          and(
            eq(calendarTokens.tenantId, tenantId),
            eq(calendarTokens.userId, userId),
            isNull(calendarTokens.revokedAt),
          ),
        )
        .returning({ id: calendarTokens.id });
      return rows.length > 0;
    },

    async insert(row: { id: string; tenantId: string; userId: string; createdAt: Date }) {
      await db.insert(calendarTokens).values(row);
    },

    /**
     * A feed by the hash of its token: the one lookup made before the tenant is known (like a
     * session). Everything after it filters on the tenant it names.
     */
    async findByHash(id: string) {
      const [row] = await db
        .select({ tenantId: calendarTokens.tenantId, userId: calendarTokens.userId })
        .from(calendarTokens)
        .where(and(eq(calendarTokens.id, id), isNull(calendarTokens.revokedAt)))
        .limit(1);
      return row;
    },

    /** The user's linked member and their cell, when the user is active. */
    async ownerOf(tenantId: string, userId: string) {
      const [row] = await db
        .select({
          active: users.active,
          memberId: members.id,
          unitId: members.unitId,
          leftOn: members.leftOn,
          unitName: units.name,
        })
        .from(users)
        .leftJoin(
          members,
          and(eq(members.tenantId, users.tenantId), eq(members.id, users.memberId)),
        )
        .leftJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.unitId)))
        .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
        .limit(1);
      return row;
    },

    /** Does the member hold a position in the unit on `today` (who sees cell-committee meetings)? */
    async holdsPosition(tenantId: string, memberId: string, unitId: string, today: string) {
      const [row] = await db
        .select({ id: positions.id })
        .from(positions)
        .where(
          and(
            eq(positions.tenantId, tenantId),
            eq(positions.memberId, memberId),
            eq(positions.unitId, unitId),
            lte(positions.fromDate, today),
            or(isNull(positions.toDate), gte(positions.toDate, today)),
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    /** The cell's meetings between two dates, cancelled ones left out. Only the meetings table. */
    async meetingsOf(
      tenantId: string,
      unitId: string,
      range: { from: string; to: string },
      withCommittee: boolean,
    ) {
      return db
        .select({
          id: meetings.id,
          kind: meetings.kind,
          status: meetings.status,
          mode: meetings.mode,
          period: meetings.period,
          date: meetings.date,
          startTime: meetings.startTime,
          place: meetings.place,
          onlineUrl: meetings.onlineUrl,
          topic: meetings.topic,
          combinedWithThematic: meetings.combinedWithThematic,
          startedAt: meetings.startedAt,
          endedAt: meetings.endedAt,
          version: meetings.version,
          updatedAt: meetings.updatedAt,
        })
        .from(meetings)
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            eq(meetings.unitId, unitId),
            ne(meetings.status, "cancelled"),
            gte(meetings.date, range.from),
            lte(meetings.date, range.to),
            withCommittee ? undefined : ne(meetings.kind, "committee"),
          ),
        )
        .orderBy(asc(meetings.date), asc(meetings.startTime));
    },

    /** The latest postponement of each of the given meetings. */
    async latestPostponements(tenantId: string, meetingIds: readonly string[]) {
      if (meetingIds.length === 0) return [];
      return db
        .selectDistinctOn([postponements.meetingId], {
          meetingId: postponements.meetingId,
          fromDate: postponements.fromDate,
          newDate: postponements.newDate,
          reason: postponements.reason,
        })
        .from(postponements)
        .where(
          and(
            eq(postponements.tenantId, tenantId),
            inArray(postponements.meetingId, [...meetingIds]),
          ),
        )
        .orderBy(postponements.meetingId, desc(postponements.reportedAt));
    },
  };
}

export type FeedMeeting = Awaited<
  ReturnType<ReturnType<typeof createCalendarFeedRepository>["meetingsOf"]>
>[number];
