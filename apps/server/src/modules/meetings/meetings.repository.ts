import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import {
  CHECKIN_LATE_AFTER_MINUTES,
  type AttendanceStatus,
  type CheckinMethod,
  type MeetingKind,
} from "@chibo/domain";
import type { Database, DbOrTx } from "../../db/client.js";
import {
  attendance,
  exemptions,
  meetingGuests,
  meetings,
  members,
  memberships,
  postponements,
  units,
  users,
} from "../../db/schema/index.js";
import { escapeLike } from "../../policy/sql.js";

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingInsert = typeof meetings.$inferInsert;
export type PostponementRow = typeof postponements.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;

// Correlated subqueries name the outer row explicitly: drizzle renders a lone column unqualified.
const outer = {
  id: sql.raw('"meetings"."id"'),
  tenantId: sql.raw('"meetings"."tenant_id"'),
};

/** The rate shown in lists: counted members who came ÷ counted members (HD12; exempt not counted). */
const attendanceRate = sql<number | null>`(
  select case when count(*) filter (where not a.exempt) = 0 then null
    else (count(*) filter (where not a.exempt and a.status in ('present', 'late')))::float8
      / count(*) filter (where not a.exempt) end
  from ${attendance} a
  where a.tenant_id = ${outer.tenantId} and a.meeting_id = ${outer.id}
)`;

/** The latest postponement with its reporter's name, as one JSON value. */
const latestPostponement = sql<PostponementJson | null>`(
  select json_build_object(
    'id', p.id, 'meetingId', p.meeting_id, 'unitId', p.unit_id, 'fromDate', p.from_date,
    'newDate', p.new_date, 'reason', p.reason, 'reportedAt', p.reported_at,
    'reportedOn', p.reported_on, 'reportedBy', u.display_name,
    'firstReportedOn', (select min(f.reported_on) from ${postponements} f
      where f.tenant_id = p.tenant_id and f.meeting_id = p.meeting_id))
  from ${postponements} p
  left join ${users} u on u.tenant_id = p.tenant_id and u.id = p.reported_by
  where p.tenant_id = ${outer.tenantId} and p.meeting_id = ${outer.id}
  order by p.reported_at desc limit 1
)`;

export interface PostponementJson {
  id: string;
  meetingId: string;
  unitId: string;
  fromDate: string;
  newDate: string;
  reason: string;
  reportedAt: string;
  reportedOn: string;
  reportedBy: string | null;
  /** The first report of all: notice is judged from it (a later re-postponement is no new notice). */
  firstReportedOn?: string;
}

export interface MeetingListRow {
  meeting: MeetingRow;
  unitName: string;
  attendanceRate: number | null;
  postponement: PostponementJson | null;
}

interface CheckinRow {
  meeting_id: string;
  status: AttendanceStatus;
  checked_in_at: string | Date;
  method: CheckinMethod;
  unit_name: string;
  date: string;
}

export interface RosterSource {
  memberId: string;
  officialDate: string | null;
  exempt: boolean;
}

export function createMeetingsRepository(db: DbOrTx) {
  function listWhere(where: SQL | undefined) {
    return db
      .select({
        meeting: meetings,
        unitName: units.name,
        attendanceRate,
        postponement: latestPostponement,
      })
      .from(meetings)
      .innerJoin(units, and(eq(units.tenantId, meetings.tenantId), eq(units.id, meetings.unitId)))
      .where(where);
  }

  return {
    async find(tenantId: string, id: string): Promise<MeetingRow | undefined> {
      const [row] = await db
        .select()
        .from(meetings)
        .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)))
        .limit(1);
      return row;
    },

    /** Locks the meeting row for the rest of the transaction (commands on one meeting queue up). */
    async findForUpdate(tenantId: string, id: string): Promise<MeetingRow | undefined> {
      const [row] = await db
        .select()
        .from(meetings)
        .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)))
        .for("update")
        .limit(1);
      return row;
    },

    async findListRow(tenantId: string, id: string): Promise<MeetingListRow | undefined> {
      const [row] = await listWhere(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)));
      return row;
    },

    async list(
      tenantId: string,
      q: { unitPath: string; from: string; to: string; kind?: MeetingKind | undefined },
    ): Promise<MeetingListRow[]> {
      return listWhere(
        and(
          eq(meetings.tenantId, tenantId),
          sql`${meetings.unitPath} like ${escapeLike(q.unitPath) + "%"}`,
          gte(meetings.date, q.from),
          lte(meetings.date, q.to),
          q.kind ? eq(meetings.kind, q.kind) : undefined,
        ),
      ).orderBy(asc(meetings.date), asc(meetings.startTime), asc(units.name));
    },

    async periodsPlanned(tenantId: string, unitId: string, periods: string[]): Promise<string[]> {
      if (periods.length === 0) return [];
      const rows = await db
        .select({ period: meetings.period })
        .from(meetings)
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            eq(meetings.unitId, unitId),
            eq(meetings.kind, "regular"),
            inArray(meetings.period, periods),
          ),
        );
      return rows.map((r) => r.period ?? "");
    },

    async insert(values: MeetingInsert[]): Promise<MeetingRow[]> {
      if (values.length === 0) return [];
      return db.insert(meetings).values(values).returning();
    },

    /**
     * Planned regular meetings after `today` that follow the registered schedule (not edited by hand,
     * never postponed): the ones a change of schedule moves.
     */
    async replannable(tenantId: string, unitId: string, today: string): Promise<MeetingRow[]> {
      return db
        .select()
        .from(meetings)
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            eq(meetings.unitId, unitId),
            eq(meetings.kind, "regular"),
            eq(meetings.status, "planned"),
            eq(meetings.custom, false),
            sql`${meetings.date} > ${today}`,
            sql`not exists (select 1 from ${postponements} p
              where p.tenant_id = ${outer.tenantId} and p.meeting_id = ${outer.id})`,
          ),
        );
    },

    async update(
      tenantId: string,
      id: string,
      patch: Partial<MeetingInsert>,
      expectVersion?: number,
    ): Promise<MeetingRow | undefined> {
      const [row] = await db
        .update(meetings)
        .set({ ...patch, version: sql`${meetings.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            eq(meetings.id, id),
            expectVersion === undefined ? undefined : eq(meetings.version, expectVersion),
          ),
        )
        .returning();
      return row;
    },

    async postponementsOf(tenantId: string, meetingId: string) {
      return db
        .select({ p: postponements, reportedBy: users.displayName })
        .from(postponements)
        .leftJoin(
          users,
          and(eq(users.tenantId, postponements.tenantId), eq(users.id, postponements.reportedBy)),
        )
        .where(and(eq(postponements.tenantId, tenantId), eq(postponements.meetingId, meetingId)))
        .orderBy(desc(postponements.reportedAt));
    },

    async insertPostponement(values: typeof postponements.$inferInsert) {
      const [row] = await db.insert(postponements).values(values).returning();
      return row;
    },

    async guests(tenantId: string, meetingId: string) {
      return db
        .select()
        .from(meetingGuests)
        .where(and(eq(meetingGuests.tenantId, tenantId), eq(meetingGuests.meetingId, meetingId)))
        .orderBy(asc(meetingGuests.createdAt), asc(meetingGuests.id));
    },

    async insertGuest(values: typeof meetingGuests.$inferInsert) {
      const [row] = await db.insert(meetingGuests).values(values).returning();
      return row;
    },

    async deleteGuest(tenantId: string, meetingId: string, guestId: string) {
      const rows = await db
        .delete(meetingGuests)
        .where(
          and(
            eq(meetingGuests.tenantId, tenantId),
            eq(meetingGuests.meetingId, meetingId),
            eq(meetingGuests.id, guestId),
          ),
        )
        .returning();
      return rows[0];
    },

    /**
     * Members of the cell on `date` (memberships history; joined and not yet left), with whether an
     * exemption covers the date: the source of a meeting's roster.
     */
    async rosterOn(tenantId: string, unitId: string, date: string): Promise<RosterSource[]> {
      return db
        .selectDistinct({
          memberId: members.id,
          officialDate: members.officialDate,
          exempt: sql<boolean>`exists (
            select 1 from ${exemptions} e
            where e.tenant_id = ${sql.raw('"members"."tenant_id"')}
              and e.member_id = ${sql.raw('"members"."id"')}
              and e.from_date <= ${date} and (e.to_date is null or e.to_date >= ${date})
          )`,
        })
        .from(memberships)
        .innerJoin(
          members,
          and(eq(members.tenantId, memberships.tenantId), eq(members.id, memberships.memberId)),
        )
        .where(
          and(
            eq(memberships.tenantId, tenantId),
            eq(memberships.unitId, unitId),
            lte(memberships.fromDate, date),
            or(isNull(memberships.toDate), gte(memberships.toDate, date)),
            or(isNull(members.joinDate), lte(members.joinDate, date)),
            or(isNull(members.leftOn), sql`${members.leftOn} > ${date}`),
          ),
        );
    },

    async insertRoster(rows: (typeof attendance.$inferInsert)[]) {
      if (rows.length === 0) return;
      await db.insert(attendance).values(rows).onConflictDoNothing();
    },

    async attendanceOf(tenantId: string, meetingId: string) {
      return db
        .select({ a: attendance, fullName: members.fullName, sortKey: members.sortKey })
        .from(attendance)
        .innerJoin(
          members,
          and(eq(members.tenantId, attendance.tenantId), eq(members.id, attendance.memberId)),
        )
        .where(and(eq(attendance.tenantId, tenantId), eq(attendance.meetingId, meetingId)))
        .orderBy(asc(members.sortKey), asc(members.id));
    },

    async attendanceRow(tenantId: string, meetingId: string, memberId: string) {
      const [row] = await db
        .select()
        .from(attendance)
        .where(
          and(
            eq(attendance.tenantId, tenantId),
            eq(attendance.meetingId, meetingId),
            eq(attendance.memberId, memberId),
          ),
        )
        .limit(1);
      return row;
    },

    async mark(
      tenantId: string,
      meetingId: string,
      memberId: string,
      patch: {
        status: AttendanceStatus | null;
        reason: string | null;
        checkedInAt?: Date | null;
        method?: CheckinMethod | null;
        markedBy: string;
        markedAt: Date;
      },
    ) {
      await db
        .update(attendance)
        .set(patch)
        .where(
          and(
            eq(attendance.tenantId, tenantId),
            eq(attendance.meetingId, meetingId),
            eq(attendance.memberId, memberId),
          ),
        );
    },

    /** "All present": every counted member still unmarked becomes present. */
    async markUnmarkedPresent(tenantId: string, meetingId: string, by: string, at: Date) {
      const rows = await db
        .update(attendance)
        .set({
          status: "present",
          method: "lead",
          checkedInAt: at,
          markedBy: by,
          markedAt: at,
        })
        .where(
          and(
            eq(attendance.tenantId, tenantId),
            eq(attendance.meetingId, meetingId),
            isNull(attendance.status),
            eq(attendance.exempt, false),
          ),
        )
        .returning({ memberId: attendance.memberId });
      return rows.length;
    },

    /** Why a check-in changed nothing: no such code, window closed, not on roster, or already in. */
    async diagnoseCheckIn(args: {
      tenantId: string;
      memberId: string;
      code?: string | undefined;
      token?: string | undefined;
    }) {
      const { tenantId, memberId } = args;
      const found = args.code
        ? eq(meetings.checkinCode, args.code)
        : eq(meetings.checkinToken, args.token ?? "");
      const [row] = await db
        .select({
          meeting: meetings,
          unitName: units.name,
          a: attendance,
        })
        .from(meetings)
        .innerJoin(units, and(eq(units.tenantId, meetings.tenantId), eq(units.id, meetings.unitId)))
        .leftJoin(
          attendance,
          and(
            eq(attendance.tenantId, meetings.tenantId),
            eq(attendance.meetingId, meetings.id),
            eq(attendance.memberId, memberId),
          ),
        )
        .where(and(eq(meetings.tenantId, tenantId), found))
        .limit(1);
      return row;
    },

    async codeInUse(tenantId: string, code: string): Promise<boolean> {
      const rows = await db
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.tenantId, tenantId), eq(meetings.checkinCode, code)))
        .limit(1);
      return rows.length > 0;
    },

    /** The caller's cell meetings from `today`: the next one, and any in progress. */
    async memberMeetings(tenantId: string, unitId: string, today: string, withCommittee: boolean) {
      return db
        .select({ id: meetings.id, status: meetings.status })
        .from(meetings)
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            eq(meetings.unitId, unitId),
            or(
              eq(meetings.status, "in_progress"),
              and(inArray(meetings.status, ["planned", "postponed"]), gte(meetings.date, today)),
            ),
            withCommittee ? undefined : sql`${meetings.kind} <> 'committee'`,
          ),
        )
        .orderBy(asc(meetings.date), asc(meetings.startTime))
        .limit(5);
    },
  };
}

/**
 * The check-in hot path in one round trip: the session (valid, not idle, its user active and linked to
 * a member; touched as the auth hook would), the open meeting by code ($6) or token, and the mark.
 * Kept as text for a named prepared statement: a whole cell checks in within a minute, and planning
 * this statement anew each time would cost more than running it.
 */
function checkinStatement(by: "code" | "token"): string {
  return `
    with s as (
      select se.id, se.tenant_id, u.member_id
      from sessions se
      join users u on u.tenant_id = se.tenant_id and u.id = se.user_id
      where se.id = $1 and se.expires_at > $2::timestamptz
        and se.last_seen_at > $2::timestamptz - make_interval(mins => $3::int)
        and u.active and u.member_id is not null
    ),
    touched as (
      update sessions t set last_seen_at = $2::timestamptz
      from s
      where t.tenant_id = s.tenant_id and t.id = s.id
        and t.last_seen_at < $2::timestamptz - interval '60 seconds'
      returning t.id
    )
    update attendance a
    set status = case when m.started_at + make_interval(mins => $4::int) < $2::timestamptz
        then 'late' else 'present' end,
      checked_in_at = $2::timestamptz, method = $5, marked_at = $2::timestamptz, marked_by = null
    from s, meetings m join units u on u.tenant_id = m.tenant_id and u.id = m.unit_id
    where m.tenant_id = s.tenant_id and m.checkin_${by} = $6
      and m.status = 'in_progress' and m.checkin_until > $2::timestamptz
      and a.tenant_id = s.tenant_id and a.meeting_id = m.id and a.member_id = s.member_id
      and (a.status is null or a.status not in ('present', 'late'))
    returning a.meeting_id, a.status, a.checked_in_at, a.method, u.name as unit_name,
      m.date::text as date`;
}

const CHECKIN_BY_CODE = checkinStatement("code");
const CHECKIN_BY_TOKEN = checkinStatement("token");

export async function checkInBySession(
  prepared: Database["prepared"],
  args: {
    sessionId: string;
    idleMinutes: number;
    code?: string | undefined;
    token?: string | undefined;
    method: CheckinMethod;
    at: Date;
  },
): Promise<CheckinRow | undefined> {
  const byCode = args.code !== undefined;
  const rows = await prepared<CheckinRow>(
    byCode ? "chibo_checkin_by_code" : "chibo_checkin_by_token",
    byCode ? CHECKIN_BY_CODE : CHECKIN_BY_TOKEN,
    [
      args.sessionId,
      args.at.toISOString(),
      args.idleMinutes,
      CHECKIN_LATE_AFTER_MINUTES,
      args.method,
      byCode ? args.code : (args.token ?? ""),
    ],
  );
  return rows[0];
}

export type MeetingsRepository = ReturnType<typeof createMeetingsRepository>;
