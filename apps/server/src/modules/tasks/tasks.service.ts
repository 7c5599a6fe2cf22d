// Tasks after the meeting: the assignee's "Việc của tôi", progress reports, a unit's task list and
// the overdue notices (issue 4: "overdue tasks are flagged to them and the cell lead").
import {
  canMoveTask,
  isOpenTask,
  type MyTasksDto,
  type TaskDetailDto,
  type TaskDto,
  type TaskListQuery,
  type TaskProgressInput,
} from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { AppError, conflict, forbidden, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { MAIL_SIGNATURE, type MailLog, type MailMessage } from "../../lib/mailer.js";
import { authorize, can, type Actor } from "../../policy/policy.js";
import { overdueText, presentTaskDetail } from "./tasks.presenter.js";
import { presentTask, type TaskReadRow } from "./tasks.reader.js";
import { createTasksRepository, type TasksRepository } from "./tasks.repository.js";

/** "Việc của tôi" keeps finished tasks this long after their last change. */
export const MY_FINISHED_DAYS = 60;

/** What the tasks module needs from notifications: e-mails sent once a transaction has committed. */
export interface TaskMailer {
  sendAfterCommit(mails: MailMessage[]): void;
}

export interface OverdueRun {
  /** Tasks whose overdue notice this run wrote. */
  tasks: number;
  notifications: number;
  /** E-mails handed to the notifier. */
  mails: number;
}

const taskNotFound = () => new AppError(404, "not_found", "Không tìm thấy nhiệm vụ");

const finishedAt = (t: TaskReadRow) =>
  Math.max(t.updatedAt.getTime(), t.lastReportedAt?.getTime() ?? 0);

/** Open tasks first, the earliest due first (overdue ones lead); then finished ones, newest first. */
function myOrder(a: TaskReadRow, b: TaskReadRow): number {
  const ao = isOpenTask(a.state);
  const bo = isOpenTask(b.state);
  if (ao !== bo) return ao ? -1 : 1;
  if (ao) {
    return (
      a.dueDate.localeCompare(b.dueDate) ||
      a.meetingDate.localeCompare(b.meetingDate) ||
      a.id.localeCompare(b.id)
    );
  }
  return finishedAt(b) - finishedAt(a) || a.id.localeCompare(b.id);
}

export function createTasksService(deps: {
  db: Db;
  clock: Clock;
  notifier?: TaskMailer | undefined;
  log?: Pick<MailLog, "info" | "error"> | undefined;
}) {
  const { db, clock, notifier, log } = deps;
  const repo = createTasksRepository(db);

  const assigneeOf = (row: TaskReadRow, actor: Actor) =>
    actor.memberId !== null && row.assignees.some((a) => a.memberId === actor.memberId);

  async function detail(r: TasksRepository, actor: Actor, id: string): Promise<TaskDetailDto> {
    const row = await r.load(actor.tenantId, id);
    if (!row) throw taskNotFound();
    const history = await r.history(actor.tenantId, id);
    return presentTaskDetail(row, history, actor, clock.today());
  }

  /** Writes one overdue task's notices in its own transaction; the e-mails go after the commit. */
  async function overdueOne(tenantId: string, id: string, today: string, run: OverdueRun) {
    const result = await db.transaction(async (tx) => {
      const r = createTasksRepository(tx);
      const now = clock.now();
      if (!(await r.claimOverdue(tenantId, id, today, now))) return null;
      const row = await r.load(tenantId, id);
      if (!row) return null;
      const audience = await r.overdueAudience(tenantId, row, today);
      const text = overdueText(row);
      await r.notify(
        audience.map((a) => ({
          tenantId,
          userId: a.userId,
          kind: "task_overdue" as const,
          taskId: row.id,
          meetingId: row.meetingId,
          title: text.title,
          body: text.body,
          createdAt: now,
        })),
      );
      const addresses = new Set(
        audience.map((a) => a.email?.trim() ?? "").filter((e) => e.includes("@")),
      );
      const mails = [...addresses].map((to) => ({
        to,
        subject: text.title,
        text: text.body + MAIL_SIGNATURE,
      }));
      await recordAudit(tx, null, tenantId, {
        action: "task.overdue_notice",
        entity: "task",
        entityId: row.id,
        unitPath: row.unitPath,
        after: { dueDate: row.dueDate, notifications: audience.length, mails: mails.length },
      });
      return { notifications: audience.length, mails };
    });
    if (!result) return;
    run.tasks += 1;
    run.notifications += result.notifications;
    run.mails += result.mails.length;
    if (notifier && result.mails.length > 0) notifier.sendAfterCommit(result.mails);
  }

  return {
    /** "Việc của tôi": the caller's own tasks (by member record); staff accounts have none. */
    async mine(actor: Actor): Promise<MyTasksDto> {
      if (actor.memberId === null) return { items: [], open: 0, overdue: 0 };
      const today = clock.today();
      const since = new Date(clock.now().getTime() - MY_FINISHED_DAYS * 86_400_000);
      const rows = await repo.mine(actor.tenantId, actor.memberId, since);
      const items = [...rows].sort(myOrder).map((r) => presentTask(r, actor, today));
      return {
        items,
        open: items.filter((t) => isOpenTask(t.state)).length,
        overdue: items.filter((t) => t.overdue).length,
      };
    },

    /** A task with its reports and reviews: its assignees and whoever may read the cell's meetings. */
    async get(actor: Actor, id: string): Promise<TaskDetailDto> {
      const row = await repo.load(actor.tenantId, id);
      if (!row || !(assigneeOf(row, actor) || can(actor, "meeting.read", row.unitPath))) {
        throw taskNotFound();
      }
      const history = await repo.history(actor.tenantId, id);
      return presentTaskDetail(row, history, actor, clock.today());
    },

    /**
     * An assignee's progress report (or the cell lead's on their behalf): moves the task forward as
     * the domain's task states allow, keeps the report as history, one transaction with its audit.
     */
    async progress(actor: Actor, id: string, input: TaskProgressInput): Promise<TaskDetailDto> {
      return db.transaction(async (tx) => {
        const r = createTasksRepository(tx);
        const task = await r.findForUpdate(actor.tenantId, id);
        if (!task) throw taskNotFound();
        const assignee =
          actor.memberId !== null && (await r.isAssignee(actor.tenantId, id, actor.memberId));
        if (!assignee && !can(actor, "meeting.write", task.unitPath)) {
          if (can(actor, "meeting.read", task.unitPath)) {
            throw forbidden("Chỉ người được giao hoặc lãnh đạo chi bộ mới báo cáo được tiến độ");
          }
          throw taskNotFound();
        }
        if (!isOpenTask(task.state)) {
          throw conflict(
            "task_state",
            "Nhiệm vụ đã kết thúc, không báo cáo tiến độ được nữa",
            "body.state",
          );
        }
        // A further report while in progress updates the note; every other move follows the states.
        const stays = task.state === "in_progress" && input.state === "in_progress";
        if (!stays && !canMoveTask(task.state, input.state)) {
          throw conflict(
            "task_state",
            "Không chuyển được nhiệm vụ sang trạng thái này",
            "body.state",
          );
        }
        const note = input.note ?? null;
        await r.report(actor.tenantId, id, {
          state: input.state,
          note,
          at: clock.now(),
          byUser: actor.userId,
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "task.progress",
          entity: "task",
          entityId: id,
          unitPath: task.unitPath,
          before: { state: task.state, lastNote: task.lastNote },
          after: { state: input.state, lastNote: note },
        });
        return detail(r, actor, id);
      });
    },

    /** The tasks of a unit's subtree: open, overdue or all, one page. */
    async list(
      actor: Actor,
      unitId: string,
      query: TaskListQuery,
    ): Promise<{ items: TaskDto[]; total: number; page: number; pageSize: number }> {
      const unit = await repo.findUnit(actor.tenantId, unitId);
      if (!unit) throw notFound("unit");
      authorize(actor, "meeting.read", unit.path, "unit");
      const today = clock.today();
      const { rows, total } = await repo.page(actor.tenantId, unit.path, { ...query, today });
      return {
        items: rows.map((r) => presentTask(r, actor, today)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /**
     * Tells the assignees and the cell lead of every task that became overdue (domain isOverdue),
     * once per task: one transaction per task, then its e-mails. Safe to run concurrently on several
     * servers; `tenantId` limits the run to one tenant. Runs with the meeting reminders.
     */
    async runOverdueTasks(opts: { tenantId?: string } = {}): Promise<OverdueRun> {
      const run: OverdueRun = { tasks: 0, notifications: 0, mails: 0 };
      const tenantIds = opts.tenantId ? [opts.tenantId] : await repo.tenantIds();
      // One tenant or task failing leaves the others to be notified; the next run retries it.
      for (const tenantId of tenantIds) {
        try {
          const today = clock.today();
          for (const id of await repo.overdueCandidates(tenantId, today)) {
            try {
              await overdueOne(tenantId, id, today, run);
            } catch (err) {
              log?.error({ err, tenantId, taskId: id }, "overdue task notice failed");
            }
          }
        } catch (err) {
          log?.error({ err, tenantId }, "overdue task notices failed for a tenant");
        }
      }
      if (run.tasks > 0) log?.info({ overdue: run }, "overdue task notices sent");
      return run;
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;

declare module "fastify" {
  interface FastifyInstance {
    /** Built in buildApp; the reminder timer runs its overdue notices, tests call it directly. */
    tasks: TasksService;
  }
}
