// Tasks: the assignee's list, a unit's list, progress reports with their history, and the overdue run.
// Full task rows (meeting, resolution, unit, assignees) come from the shared reader.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { NotificationKind, TaskListQuery, TaskState } from "@chibo/domain";
import type { DbOrTx } from "../../db/client.js";
import {
  members,
  notifications,
  positions,
  taskAssignees,
  taskReviews,
  taskUpdates,
  tasks,
  tenants,
  units,
  users,
} from "../../db/schema/index.js";
import { escapeLike } from "../../policy/sql.js";
import { createTasksReader, type TaskReadRow } from "./tasks.reader.js";

const OPEN: TaskState[] = ["open", "in_progress"];

type TaskFilter = TaskListQuery["filter"];

/** Correlated subqueries name the outer row explicitly: drizzle renders a lone column unqualified. */
const outer = { id: sql.raw('"tasks"."id"'), tenantId: sql.raw('"tasks"."tenant_id"') };

export interface TaskHistoryRow {
  id: string;
  source: "report" | "review";
  state: TaskState;
  note: string | null;
  byName: string | null;
  createdAt: Date;
}

export interface OverdueAudienceRow {
  userId: string;
  email: string | null;
}

function filterOf(filter: TaskFilter, today: string): SQL | undefined {
  switch (filter) {
    case "open":
      return inArray(tasks.state, OPEN);
    case "overdue":
      return and(inArray(tasks.state, OPEN), lt(tasks.dueDate, today));
    case "all":
      return undefined;
  }
}

export function createTasksRepository(db: DbOrTx) {
  const reader = createTasksReader(db);

  return {
    reader,

    /** One task with everything its DTO shows; undefined when it does not exist in the tenant. */
    async load(tenantId: string, id: string): Promise<TaskReadRow | undefined> {
      const [row] = await reader.byIds(tenantId, [id]);
      return row;
    },

    /** The bare row, locked for the rest of the transaction (progress reports queue behind it). */
    async findForUpdate(tenantId: string, id: string) {
      const [row] = await db
        .select()
        .from(tasks)
        .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)))
        .limit(1)
        .for("update");
      return row;
    },

    async isAssignee(tenantId: string, taskId: string, memberId: string): Promise<boolean> {
      const [row] = await db
        .select({ one: sql<number>`1` })
        .from(taskAssignees)
        .where(
          and(
            eq(taskAssignees.tenantId, tenantId),
            eq(taskAssignees.taskId, taskId),
            eq(taskAssignees.memberId, memberId),
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    async report(
      tenantId: string,
      id: string,
      change: { state: TaskState; note: string | null; at: Date; byUser: string },
    ) {
      const [row] = await db
        .update(tasks)
        .set({
          state: change.state,
          lastNote: change.note,
          lastReportedAt: change.at,
          updatedAt: change.at,
        })
        .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)))
        .returning();
      await db.insert(taskUpdates).values({
        tenantId,
        taskId: id,
        state: change.state,
        note: change.note,
        byUser: change.byUser,
        createdAt: change.at,
      });
      return row;
    },

    /** Progress reports and meeting reviews of a task, newest first. */
    async history(tenantId: string, taskId: string): Promise<TaskHistoryRow[]> {
      // One after the other: inside a transaction both would share one connection.
      const reports = await db
        .select({
          id: taskUpdates.id,
          state: taskUpdates.state,
          note: taskUpdates.note,
          byName: users.displayName,
          createdAt: taskUpdates.createdAt,
        })
        .from(taskUpdates)
        .leftJoin(
          users,
          and(eq(users.tenantId, taskUpdates.tenantId), eq(users.id, taskUpdates.byUser)),
        )
        .where(and(eq(taskUpdates.tenantId, tenantId), eq(taskUpdates.taskId, taskId)));
      const reviews = await db
        .select({
          id: taskReviews.id,
          state: taskReviews.verdict,
          note: taskReviews.cause,
          byName: users.displayName,
          createdAt: taskReviews.updatedAt,
        })
        .from(taskReviews)
        .leftJoin(
          users,
          and(eq(users.tenantId, taskReviews.tenantId), eq(users.id, taskReviews.reviewedBy)),
        )
        .where(and(eq(taskReviews.tenantId, tenantId), eq(taskReviews.taskId, taskId)));
      return [
        ...reports.map((r) => ({ ...r, source: "report" as const })),
        ...reviews.map((r) => ({ ...r, source: "review" as const })),
      ].sort(
        (a, b) =>
          b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      );
    },

    /**
     * The member's tasks: those still open, and those finished since `finishedSince` (the last report
     * or the last change of the row falls after it).
     */
    mine(tenantId: string, memberId: string, finishedSince: Date): Promise<TaskReadRow[]> {
      const assigned = sql`exists (
        select 1 from ${taskAssignees} ta
        where ta.tenant_id = ${outer.tenantId} and ta.task_id = ${outer.id}
          and ta.member_id = ${memberId}
      )`;
      return reader.load(
        tenantId,
        and(
          assigned,
          or(
            inArray(tasks.state, OPEN),
            gte(tasks.updatedAt, finishedSince),
            gte(tasks.lastReportedAt, finishedSince),
          ),
        ),
      );
    },

    /**
     * One page of the subtree's tasks: open ones by due date, all of them newest meeting first.
     * The page's ids come from one indexed query; the reader then fills them in.
     */
    async page(
      tenantId: string,
      path: string,
      q: { filter: TaskFilter; today: string; page: number; pageSize: number },
    ): Promise<{ rows: TaskReadRow[]; total: number }> {
      const where = and(
        eq(tasks.tenantId, tenantId),
        sql`${tasks.unitPath} like ${`${escapeLike(path)}%`}`,
        filterOf(q.filter, q.today),
      );
      const order =
        q.filter === "all"
          ? [desc(tasks.meetingDate), asc(tasks.dueDate), asc(tasks.position), asc(tasks.id)]
          : [asc(tasks.dueDate), asc(tasks.meetingDate), asc(tasks.position), asc(tasks.id)];
      const [totalRow] = await db.select({ n: count() }).from(tasks).where(where);
      const ids = await db
        .select({ id: tasks.id })
        .from(tasks)
        .where(where)
        .orderBy(...order)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const rows = await reader.byIds(
        tenantId,
        ids.map((r) => r.id),
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        rows: ids.flatMap((r) => {
          const row = byId.get(r.id);
          return row ? [row] : [];
        }),
        total: totalRow?.n ?? 0,
      };
    },

    async tenantIds(): Promise<string[]> {
      const rows = await db.select({ tenantId: tenants.tenantId }).from(tenants);
      return rows.map((r) => r.tenantId);
    },

    /** Open tasks past their due date whose assignees have not been told yet. */
    async overdueCandidates(tenantId: string, today: string): Promise<string[]> {
      const rows = await db
        .select({ id: tasks.id })
        .from(tasks)
        .where(
          and(
            eq(tasks.tenantId, tenantId),
            inArray(tasks.state, OPEN),
            lt(tasks.dueDate, today),
            isNull(tasks.overdueNotifiedAt),
          ),
        )
        .orderBy(asc(tasks.dueDate), asc(tasks.id));
      return rows.map((r) => r.id);
    },

    /**
     * Takes the task's overdue notice for this run: only one concurrent run gets the row back, since
     * the update matches only while overdue_notified_at is still null and the task is still overdue.
     */
    async claimOverdue(tenantId: string, id: string, today: string, now: Date) {
      const rows = await db
        .update(tasks)
        .set({ overdueNotifiedAt: now })
        .where(
          and(
            eq(tasks.tenantId, tenantId),
            eq(tasks.id, id),
            isNull(tasks.overdueNotifiedAt),
            inArray(tasks.state, OPEN),
            lt(tasks.dueDate, today),
          ),
        )
        .returning({ id: tasks.id });
      return rows.length > 0;
    },

    /**
     * Who is told a task is overdue: the active accounts of its assignees who have not left, and of
     * the cell's secretary and deputy secretaries on `today` (the cell lead).
     */
    async overdueAudience(
      tenantId: string,
      task: { id: string; unitId: string },
      today: string,
    ): Promise<OverdueAudienceRow[]> {
      const assignee = sql`exists (
        select 1 from ${taskAssignees} ta
        where ta.tenant_id = ${tenantId} and ta.task_id = ${task.id}
          and ta.member_id = ${sql.raw('"members"."id"')}
      )`;
      const lead = sql`exists (
        select 1 from ${positions} p
        where p.tenant_id = ${tenantId} and p.member_id = ${sql.raw('"members"."id"')}
          and p.unit_id = ${task.unitId}
          and p.title in ('secretary', 'deputy_secretary')
          and p.from_date <= ${today} and (p.to_date is null or p.to_date >= ${today})
      )`;
      return db
        .selectDistinct({ userId: users.id, email: members.email })
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
            or(assignee, lead),
          ),
        )
        .orderBy(users.id);
    },

    async notify(
      rows: {
        tenantId: string;
        userId: string;
        kind: NotificationKind;
        taskId: string;
        meetingId: string;
        title: string;
        body: string;
        createdAt: Date;
      }[],
    ): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(notifications).values(rows);
    },

    async findUnit(tenantId: string, id: string) {
      const [row] = await db
        .select({ id: units.id, path: units.path, kind: units.kind, name: units.name })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.id, id)))
        .limit(1);
      return row;
    },
  };
}

export type TasksRepository = ReturnType<typeof createTasksRepository>;
