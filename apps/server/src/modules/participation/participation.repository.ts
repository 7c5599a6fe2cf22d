// Set-based reads for members' participation over a period: the held meetings of a subtree's cells,
// their attendance, the speakers of every opinion in their minutes, the cells' members on a date and
// their tasks — a handful of statements whatever the number of meetings.
import { and, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { AttendanceStatus, MeetingKind, MemberStatus, UnitKind } from "@chibo/domain";
import type { DbOrTx } from "../../db/client.js";
import {
  attendance,
  meetings,
  members,
  memberships,
  minutes,
  taskAssignees,
  tasks,
  units,
} from "../../db/schema/index.js";
import { escapeLike } from "../../policy/sql.js";

/** The meetings where members speak: not the cell committee's own meetings. */
export const PARTICIPATION_KINDS: readonly MeetingKind[] = [
  "regular",
  "thematic",
  "forum",
  "extraordinary",
  "model",
];

export interface HeldMeetingRow {
  id: string;
  unitId: string;
  /** Its minutes are kept: who spoke is known. */
  recorded: boolean;
}

export interface AttendanceMarkRow {
  meetingId: string;
  memberId: string;
  status: AttendanceStatus | null;
}

export interface SpeakerRow {
  meetingId: string;
  memberId: string;
}

export interface CellMemberRow {
  id: string;
  fullName: string;
  status: MemberStatus;
  unitId: string;
  fromDate: string;
}

export interface MemberTasksRow {
  memberId: string;
  held: number;
  done: number;
}

export interface Period {
  from: string;
  to: string;
}

export function createParticipationRepository(db: DbOrTx) {
  /** Held meetings of the subtree's cells in the period (the day held, else the planned day). */
  const heldIn = (tenantId: string, path: string, p: Period): SQL =>
    sql`m.tenant_id = ${tenantId} and m.unit_path like ${`${escapeLike(path)}%`}
      and m.status = 'held'
      and m.kind in (${sql.join(
        PARTICIPATION_KINDS.map((k) => sql`${k}`),
        sql`, `,
      )})
      and coalesce(m.held_on, m.date) between ${p.from} and ${p.to}`;

  return {
    async findUnit(tenantId: string, id: string) {
      const [row] = await db
        .select({ id: units.id, path: units.path, kind: units.kind, name: units.name })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.id, id)))
        .limit(1);
      return row;
    },

    /** The cells of the subtree (the unit itself when it is one). */
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

    async heldMeetings(tenantId: string, path: string, p: Period): Promise<HeldMeetingRow[]> {
      const result = await db.execute(sql`
        select m.id, m.unit_id as "unitId",
          exists (select 1 from ${minutes} mi
            where mi.tenant_id = m.tenant_id and mi.meeting_id = m.id) as "recorded"
        from ${meetings} m
        where ${heldIn(tenantId, path, p)}`);
      return (result as { rows: HeldMeetingRow[] }).rows;
    },

    /** Every roster row of those meetings, with its mark. */
    async marks(tenantId: string, path: string, p: Period): Promise<AttendanceMarkRow[]> {
      const result = await db.execute(sql`
        select a.meeting_id as "meetingId", a.member_id as "memberId", a.status
        from ${attendance} a
        where a.tenant_id = ${tenantId}
          and a.meeting_id in (select m.id from ${meetings} m where ${heldIn(tenantId, path, p)})`);
      return (result as { rows: AttendanceMarkRow[] }).rows;
    },

    /**
     * One row per opinion given by a member in the minutes of those meetings (content → items →
     * opinions; guests' opinions have no member). Anything but an array is read as empty.
     */
    async speakers(tenantId: string, path: string, p: Period): Promise<SpeakerRow[]> {
      const arrayOf = (v: SQL) =>
        sql`case when jsonb_typeof(${v}) = 'array' then ${v} else '[]'::jsonb end`;
      const result = await db.execute(sql`
        select mi.meeting_id as "meetingId", op.value ->> 'speakerMemberId' as "memberId"
        from ${minutes} mi
        cross join lateral jsonb_array_elements(${arrayOf(sql`mi.content -> 'items'`)}) it(value)
        cross join lateral jsonb_array_elements(${arrayOf(sql`it.value -> 'opinions'`)}) op(value)
        where mi.tenant_id = ${tenantId}
          and mi.meeting_id in (select m.id from ${meetings} m where ${heldIn(tenantId, path, p)})
          and jsonb_typeof(op.value -> 'speakerMemberId') = 'string'`);
      return (result as { rows: SpeakerRow[] }).rows;
    },

    /**
     * Members of the given cells on `date` (memberships history; joined and not yet left), in the
     * Vietnamese name order, with their status on that date.
     */
    cellMembers(
      tenantId: string,
      cellIds: readonly string[],
      date: string,
    ): Promise<CellMemberRow[]> {
      if (cellIds.length === 0) return Promise.resolve([]);
      return db
        .select({
          id: members.id,
          fullName: members.fullName,
          status: sql<MemberStatus>`case when ${members.officialDate} is not null
            and ${members.officialDate} <= ${date} then 'official' else 'probationary' end`,
          unitId: memberships.unitId,
          fromDate: memberships.fromDate,
        })
        .from(memberships)
        .innerJoin(
          members,
          and(eq(members.tenantId, memberships.tenantId), eq(members.id, memberships.memberId)),
        )
        .where(
          and(
            eq(memberships.tenantId, tenantId),
            inArray(memberships.unitId, [...cellIds]),
            lte(memberships.fromDate, date),
            or(isNull(memberships.toDate), gte(memberships.toDate, date)),
            or(isNull(members.joinDate), lte(members.joinDate, date)),
            or(isNull(members.leftOn), sql`${members.leftOn} > ${date}`),
          ),
        )
        .orderBy(members.sortKey, members.id);
    },

    /** Tasks the members held from meetings in the period, and how many of them are done. */
    memberTasks(
      tenantId: string,
      memberIds: readonly string[],
      p: Period,
    ): Promise<MemberTasksRow[]> {
      if (memberIds.length === 0) return Promise.resolve([]);
      return db
        .select({
          memberId: taskAssignees.memberId,
          held: sql<number>`count(*)::int`,
          done: sql<number>`(count(*) filter (where ${tasks.state} = 'done'))::int`,
        })
        .from(taskAssignees)
        .innerJoin(
          tasks,
          and(eq(tasks.tenantId, taskAssignees.tenantId), eq(tasks.id, taskAssignees.taskId)),
        )
        .where(
          and(
            eq(taskAssignees.tenantId, tenantId),
            inArray(taskAssignees.memberId, [...memberIds]),
            gte(tasks.meetingDate, p.from),
            lte(tasks.meetingDate, p.to),
          ),
        )
        .groupBy(taskAssignees.memberId);
    },
  };
}
