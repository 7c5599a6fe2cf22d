import { and, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { AttendanceStatus, MeetingKind, MeetingStatus } from "@chibo/domain";
import type { DbOrTx } from "../../db/client.js";
import {
  attendance,
  meetings,
  members,
  postponements,
  units,
  users,
} from "../../db/schema/index.js";
import { escapeLike } from "../../policy/sql.js";

/** `column LIKE prefix%`: the subtree of a materialised path (byte-wise, COLLATE "C", indexed). */
function within(column: AnyPgColumn, path: string): SQL {
  return sql`${column} like ${`${escapeLike(path)}%`}`;
}

export interface ComplianceCellRow {
  id: string;
  name: string;
  meetingDay: number | null;
  createdAt: Date;
}

export interface RegularMeetingRow {
  id: string;
  unitId: string;
  period: string | null;
  registeredDate: string | null;
  date: string;
  status: MeetingStatus;
  heldOn: string | null;
  durationMinutes: number | null;
  combinedWithThematic: boolean;
  /** reported_on of the meeting's earliest postponement; null when never postponed. */
  firstReportedOn: string | null;
  /** Roster rows not exempt, and those of them present or late (held meetings only). */
  counted: number | null;
  countedPresent: number | null;
}

export interface HeldCountRow {
  unitId: string;
  kind: MeetingKind;
  quarter: number;
  held: number;
}

export interface PostponementListRow {
  id: string;
  meetingId: string;
  unitId: string;
  unitName: string;
  fromDate: string;
  newDate: string;
  reason: string;
  reportedAt: Date;
  reportedOn: string;
  reporterName: string | null;
  meetingKind: MeetingKind | null;
  registeredDate: string | null;
}

export interface AbsenceMarkRow {
  memberId: string;
  date: string;
  kind: MeetingKind;
  status: AttendanceStatus;
}

export interface CurrentMemberRow {
  id: string;
  fullName: string;
  unitId: string;
  unitName: string;
}

/** Set-based reads for the committee's compliance views: a handful of queries whatever the size. */
export function createComplianceRepository(db: DbOrTx) {
  return {
    async findUnit(tenantId: string, id: string) {
      const [row] = await db
        .select({ id: units.id, path: units.path, kind: units.kind, name: units.name })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.id, id)))
        .limit(1);
      return row;
    },

    /** Active cells of the subtree; the unit itself when it is a cell, even if inactive. */
    cells(tenantId: string, unitId: string, path: string): Promise<ComplianceCellRow[]> {
      return db
        .select({
          id: units.id,
          name: units.name,
          meetingDay: units.meetingDay,
          createdAt: units.createdAt,
        })
        .from(units)
        .where(
          and(
            eq(units.tenantId, tenantId),
            within(units.path, path),
            eq(units.kind, "cell"),
            or(eq(units.active, true), eq(units.id, unitId)),
          ),
        );
    },

    /**
     * Every regular meeting of the year in the subtree, with its first postponement's report date and
     * its attendance totals: one statement, two grouped subqueries restricted to the same meetings by
     * semi-joins (measured better on both engines than a CTE read once). Written as one raw statement
     * with explicit casts: for the ~5,000 rows of a 400-cell bloc, drizzle's row mapping cost more
     * CPU than the rest of the request's own work; both drivers answer it with `{ rows }`.
     */
    async regularMeetings(
      tenantId: string,
      path: string,
      year: number,
    ): Promise<RegularMeetingRow[]> {
      const prefix = `${escapeLike(path)}%`;
      const ofYear = sql`m.tenant_id = ${tenantId} and m.unit_path like ${prefix}
        and m.kind = 'regular' and m.period >= ${`${year}-01`} and m.period <= ${`${year}-12`}`;
      const result = await db.execute(sql`
        select m.id, m.unit_id as "unitId", m.period, m.registered_date::text as "registeredDate",
          m.date::text as date, m.status, m.held_on::text as "heldOn",
          m.duration_minutes as "durationMinutes",
          m.combined_with_thematic as "combinedWithThematic",
          fp.first_reported_on as "firstReportedOn",
          t.counted, t.counted_present as "countedPresent"
        from ${meetings} m
        left join (
          select p.meeting_id, min(p.reported_on)::text as first_reported_on
          from ${postponements} p
          where p.tenant_id = ${tenantId} and p.unit_path like ${prefix}
            and p.meeting_id in (select m.id from ${meetings} m where ${ofYear})
          group by p.meeting_id
        ) fp on fp.meeting_id = m.id
        left join (
          select a.meeting_id,
            (count(*) filter (where not a.exempt))::int as counted,
            (count(*) filter (where not a.exempt and a.status in ('present', 'late')))::int
              as counted_present
          from ${attendance} a
          where a.tenant_id = ${tenantId}
            and a.meeting_id in (select m.id from ${meetings} m where ${ofYear} and m.status = 'held')
          group by a.meeting_id
        ) t on t.meeting_id = m.id
        where ${ofYear}`);
      return (result as { rows: RegularMeetingRow[] }).rows;
    },

    /**
     * Held thematic meetings (and regular meetings combined with one) and forums of the year, counted
     * per cell, kind and quarter of the day they were held.
     */
    heldCounts(tenantId: string, path: string, year: number): Promise<HeldCountRow[]> {
      const heldDay = sql`coalesce(${meetings.heldOn}, ${meetings.date})`;
      const quarter = sql<number>`extract(quarter from ${heldDay})::int`;
      return db
        .select({
          unitId: meetings.unitId,
          kind: meetings.kind,
          quarter,
          held: sql<number>`count(*)::int`,
        })
        .from(meetings)
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            within(meetings.unitPath, path),
            eq(meetings.status, "held"),
            or(
              inArray(meetings.kind, ["thematic", "forum"]),
              and(eq(meetings.kind, "regular"), eq(meetings.combinedWithThematic, true)),
            ),
            sql`${heldDay} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
          ),
        )
        .groupBy(meetings.unitId, meetings.kind, quarter);
    },

    /** Postponements of the subtree whose from–new span overlaps [from, to], newest report first. */
    postponements(
      tenantId: string,
      path: string,
      from: string,
      to: string,
    ): Promise<PostponementListRow[]> {
      return db
        .select({
          id: postponements.id,
          meetingId: postponements.meetingId,
          unitId: postponements.unitId,
          unitName: units.name,
          fromDate: postponements.fromDate,
          newDate: postponements.newDate,
          reason: postponements.reason,
          reportedAt: postponements.reportedAt,
          reportedOn: postponements.reportedOn,
          reporterName: users.displayName,
          meetingKind: meetings.kind,
          registeredDate: meetings.registeredDate,
        })
        .from(postponements)
        .innerJoin(
          units,
          and(eq(units.tenantId, postponements.tenantId), eq(units.id, postponements.unitId)),
        )
        .leftJoin(
          meetings,
          and(
            eq(meetings.tenantId, postponements.tenantId),
            eq(meetings.id, postponements.meetingId),
          ),
        )
        .leftJoin(
          users,
          and(eq(users.tenantId, postponements.tenantId), eq(users.id, postponements.reportedBy)),
        )
        .where(
          and(
            eq(postponements.tenantId, tenantId),
            within(postponements.unitPath, path),
            sql`least(${postponements.fromDate}, ${postponements.newDate}) <= ${to}`,
            sql`greatest(${postponements.fromDate}, ${postponements.newDate}) >= ${from}`,
          ),
        )
        .orderBy(desc(postponements.reportedAt), desc(postponements.id));
    },

    /**
     * Every mark, in meetings held in `year` (wherever the meeting was), of the subtree's current
     * members who were absent at least once that year — no alert can concern anyone else: the input
     * of the absence alerts. Slim rows in no particular order, since a big subtree has tens of
     * thousands of them.
     */
    absenceMarks(tenantId: string, path: string, year: number): Promise<AbsenceMarkRow[]> {
      const heldIn = (m: { status: AnyPgColumn; heldOn: AnyPgColumn; date: AnyPgColumn }) =>
        and(
          eq(m.status, "held"),
          sql`coalesce(${m.heldOn}, ${m.date}) between ${`${year}-01-01`} and ${`${year}-12-31`}`,
        );
      const absentMark = alias(attendance, "absent_mark");
      const absentMeeting = alias(meetings, "absent_meeting");
      const absentees = db
        .select({ memberId: absentMark.memberId })
        .from(absentMark)
        .innerJoin(
          absentMeeting,
          and(
            eq(absentMeeting.tenantId, absentMark.tenantId),
            eq(absentMeeting.id, absentMark.meetingId),
          ),
        )
        .where(
          and(
            eq(absentMark.tenantId, tenantId),
            inArray(absentMark.status, ["absent_excused", "absent_unexcused"]),
            heldIn(absentMeeting),
          ),
        );
      return db
        .select({
          memberId: attendance.memberId,
          date: sql<string>`coalesce(${meetings.heldOn}, ${meetings.date})::text`,
          kind: meetings.kind,
          status: sql<AttendanceStatus>`${attendance.status}`,
        })
        .from(attendance)
        .innerJoin(
          meetings,
          and(eq(meetings.tenantId, attendance.tenantId), eq(meetings.id, attendance.meetingId)),
        )
        .innerJoin(
          members,
          and(eq(members.tenantId, attendance.tenantId), eq(members.id, attendance.memberId)),
        )
        .where(
          and(
            eq(attendance.tenantId, tenantId),
            isNotNull(attendance.status),
            heldIn(meetings),
            within(members.unitPath, path),
            isNull(members.leftOn),
            inArray(attendance.memberId, absentees),
          ),
        );
    },

    /** The subtree's current members with their cell's name, in Vietnamese name order. */
    currentMembers(tenantId: string, path: string): Promise<CurrentMemberRow[]> {
      return db
        .select({
          id: members.id,
          fullName: members.fullName,
          unitId: members.unitId,
          unitName: units.name,
        })
        .from(members)
        .innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.unitId)))
        .where(
          and(
            eq(members.tenantId, tenantId),
            within(members.unitPath, path),
            isNull(members.leftOn),
          ),
        )
        .orderBy(members.sortKey, members.id);
    },
  };
}

export type ComplianceRepository = ReturnType<typeof createComplianceRepository>;
