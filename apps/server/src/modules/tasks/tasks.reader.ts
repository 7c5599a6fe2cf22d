// Reading tasks with everything their DTO shows (meeting, resolution, unit, assignees, lock), shared by
// the minutes module (a resolution's tasks, the next meeting's review) and the tasks module (my tasks,
// a unit's tasks). Access is the caller's business: these functions only read.
import { and, asc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { isOverdue, type MeetingKind, type TaskDto } from "@chibo/domain";
import type { DbOrTx } from "../../db/client.js";
import {
  meetings,
  members,
  minutes,
  resolutions,
  taskAssignees,
  taskReviews,
  tasks,
  units,
} from "../../db/schema/index.js";
import { can, type Actor } from "../../policy/policy.js";

export type TaskRow = typeof tasks.$inferSelect;

export interface TaskReadRow extends TaskRow {
  meetingKind: MeetingKind;
  resolutionTitle: string;
  unitName: string;
  /** The task's meeting has signed minutes: the task's wording can no longer change. */
  locked: boolean;
  assignees: { memberId: string; fullName: string }[];
}

// Correlated subqueries name the outer row explicitly: drizzle renders a lone column unqualified.
const outer = {
  id: sql.raw('"tasks"."id"'),
  tenantId: sql.raw('"tasks"."tenant_id"'),
  meetingId: sql.raw('"tasks"."meeting_id"'),
};

const assigneesJson = sql<{ memberId: string; fullName: string }[]>`coalesce((
  select json_agg(json_build_object('memberId', m.id, 'fullName', m.full_name)
    order by m.sort_key, m.id)
  from ${taskAssignees} ta
  join ${members} m on m.tenant_id = ta.tenant_id and m.id = ta.member_id
  where ta.tenant_id = ${outer.tenantId} and ta.task_id = ${outer.id}
), '[]'::json)`;

const lockedSql = sql<boolean>`exists (
  select 1 from ${minutes} mi
  where mi.tenant_id = ${outer.tenantId} and mi.meeting_id = ${outer.meetingId}
    and mi.locked_at is not null
)`;

export function createTasksReader(db: DbOrTx) {
  async function load(tenantId: string, where: SQL | undefined): Promise<TaskReadRow[]> {
    const rows = await db
      .select({
        task: tasks,
        meetingKind: meetings.kind,
        resolutionTitle: resolutions.title,
        unitName: units.name,
        locked: lockedSql,
        assignees: assigneesJson,
      })
      .from(tasks)
      .innerJoin(
        meetings,
        and(eq(meetings.tenantId, tasks.tenantId), eq(meetings.id, tasks.meetingId)),
      )
      .innerJoin(
        resolutions,
        and(eq(resolutions.tenantId, tasks.tenantId), eq(resolutions.id, tasks.resolutionId)),
      )
      .innerJoin(units, and(eq(units.tenantId, tasks.tenantId), eq(units.id, tasks.unitId)))
      .where(and(eq(tasks.tenantId, tenantId), where))
      .orderBy(
        asc(tasks.meetingDate),
        asc(resolutions.position),
        asc(tasks.position),
        asc(tasks.id),
      );
    return rows.map((r) => ({
      ...r.task,
      meetingKind: r.meetingKind,
      resolutionTitle: r.resolutionTitle,
      unitName: r.unitName,
      locked: r.locked,
      assignees: r.assignees,
    }));
  }

  return {
    load,

    byIds(tenantId: string, ids: readonly string[]): Promise<TaskReadRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return load(tenantId, inArray(tasks.id, [...ids]));
    },

    byResolutions(tenantId: string, resolutionIds: readonly string[]): Promise<TaskReadRow[]> {
      if (resolutionIds.length === 0) return Promise.resolve([]);
      return load(tenantId, inArray(tasks.resolutionId, [...resolutionIds]));
    },

    /**
     * HD12: the tasks a meeting of `unitId` on `meetingDate` reviews — those from its earlier meetings
     * still open, and those it has already reviewed (whatever their state since).
     */
    toReview(
      tenantId: string,
      unitId: string,
      meetingId: string,
      meetingDate: string,
    ): Promise<TaskReadRow[]> {
      const reviewedHere = sql`exists (
        select 1 from ${taskReviews} tr
        where tr.tenant_id = ${outer.tenantId} and tr.task_id = ${outer.id}
          and tr.meeting_id = ${meetingId}
      )`;
      return load(
        tenantId,
        and(
          eq(tasks.unitId, unitId),
          sql`${tasks.meetingId} <> ${meetingId}`,
          lt(tasks.meetingDate, meetingDate),
          or(inArray(tasks.state, ["open", "in_progress"]), reviewedHere),
        ),
      );
    },
  };
}

export type TasksReader = ReturnType<typeof createTasksReader>;

/**
 * Row → DTO. An assignee (by member record) or anyone who may run the cell's meetings reports
 * progress; the wording changes only while the meeting's minutes are unsigned.
 */
export function presentTask(row: TaskReadRow, actor: Actor, today: string): TaskDto {
  const lead = can(actor, "meeting.write", row.unitPath);
  const assignee =
    actor.memberId !== null && row.assignees.some((a) => a.memberId === actor.memberId);
  const open = row.state === "open" || row.state === "in_progress";
  return {
    id: row.id,
    meetingId: row.meetingId,
    meetingDate: row.meetingDate,
    meetingKind: row.meetingKind,
    resolutionId: row.resolutionId,
    resolutionTitle: row.resolutionTitle,
    unitId: row.unitId,
    unitName: row.unitName,
    title: row.title,
    details: row.details,
    dueDate: row.dueDate,
    assignees: row.assignees,
    assigneeBody: row.assigneeBody,
    state: row.state,
    lastNote: row.lastNote,
    lastReportedAt: row.lastReportedAt ? row.lastReportedAt.toISOString() : null,
    overdue: isOverdue({ state: row.state, due: row.dueDate }, today),
    can: { report: open && (assignee || lead), edit: lead && !row.locked },
  };
}
