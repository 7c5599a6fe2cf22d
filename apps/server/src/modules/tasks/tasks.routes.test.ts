import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { MeetingKind, TaskState } from "@chibo/domain";
import { and, eq } from "drizzle-orm";
import { captureQueries, testContext } from "#test/db";
import { call, problem } from "#test/http";
import {
  createMember,
  createMemberUser,
  createOrg,
  createOrgUsers,
  travel,
  type TestUnit,
} from "#test/factories";
import type { Db } from "../../db/client.js";
import {
  auditLog,
  meetings,
  members,
  notifications,
  positions,
  resolutions,
  taskAssignees,
  taskReviews,
  taskUpdates,
  tasks,
  users,
} from "../../db/schema/index.js";

afterEach(async () => {
  (await testContext()).clock.reset();
});

/** A held meeting of `unit` on `date` with one resolution (rows written directly: no minutes module). */
async function heldMeeting(
  db: Db,
  tenantId: string,
  unit: TestUnit,
  date: string,
  kind: MeetingKind = "extraordinary",
) {
  const meetingId = randomUUID();
  await db.insert(meetings).values({
    id: meetingId,
    tenantId,
    unitId: unit.id,
    unitPath: unit.path,
    kind,
    status: "held",
    period: kind === "regular" ? date.slice(0, 7) : null,
    date,
    heldOn: date,
  });
  const resolutionId = randomUUID();
  await db.insert(resolutions).values({
    id: resolutionId,
    tenantId,
    meetingId,
    unitId: unit.id,
    unitPath: unit.path,
    kind: "resolution",
    title: `Nghị quyết ngày ${date}`,
  });
  return { meetingId, resolutionId, unit, date };
}

type Meeting = Awaited<ReturnType<typeof heldMeeting>>;

/** A task of the meeting's resolution, assigned to `assignees`. */
async function makeTask(
  db: Db,
  tenantId: string,
  meeting: Meeting,
  opts: {
    title: string;
    due: string;
    assignees: string[];
    state?: TaskState;
    updatedAt?: Date;
    body?: string;
  },
) {
  const id = randomUUID();
  await db.insert(tasks).values({
    id,
    tenantId,
    unitId: meeting.unit.id,
    unitPath: meeting.unit.path,
    meetingId: meeting.meetingId,
    meetingDate: meeting.date,
    resolutionId: meeting.resolutionId,
    title: opts.title,
    dueDate: opts.due,
    assigneeBody: opts.body ?? null,
    state: opts.state ?? "open",
    ...(opts.updatedAt ? { updatedAt: opts.updatedAt, createdAt: opts.updatedAt } : {}),
  });
  if (opts.assignees.length > 0) {
    await db
      .insert(taskAssignees)
      .values(opts.assignees.map((memberId) => ({ tenantId, taskId: id, memberId })));
  }
  return id;
}

async function setup() {
  const ctx = await testContext();
  const db = ctx.database.db;
  const org = await createOrg(db);
  const t = org.tenantId;
  const { lead, committee, otherLead, binh } = await createOrgUsers(db, org);
  const an = await createMemberUser(db, t, org.cellA1, org.people.an.id);
  const outsider = await createMemberUser(db, t, org.cellB1, org.people.dung.id);
  return { ...ctx, db, org, t, lead, committee, otherLead, binh, an, outsider };
}

async function taskRow(db: Db, id: string) {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

interface TaskJson {
  id: string;
  title: string;
  state: TaskState;
  overdue: boolean;
  lastNote: string | null;
  assignees: { memberId: string; fullName: string }[];
  can: { report: boolean; edit: boolean };
  updates?: { state: string; note: string | null; source: string; byName: string | null }[];
}

describe("my tasks", () => {
  it("lists the caller's open tasks first (overdue flagged), then those finished in 60 days", async () => {
    const { db, org, t, binh, an } = await setup();
    const feb = await heldMeeting(db, t, org.cellA1, "2026-02-03", "regular");
    const later = await makeTask(db, t, feb, {
      title: "Rà soát hồ sơ đảng viên",
      due: "2026-03-31",
      assignees: [org.people.binh.id],
    });
    const overdue = await makeTask(db, t, feb, {
      title: "Thu đảng phí quý I",
      due: "2026-03-01",
      assignees: [org.people.binh.id, org.people.an.id],
    });
    await makeTask(db, t, feb, {
      title: "Việc của đồng chí An",
      due: "2026-04-01",
      assignees: [org.people.an.id],
    });
    const recentDone = await makeTask(db, t, feb, {
      title: "Đã xong gần đây",
      due: "2026-02-20",
      assignees: [org.people.binh.id],
      state: "done",
      updatedAt: new Date("2026-02-25T03:00:00Z"),
    });
    await makeTask(db, t, feb, {
      title: "Đã xong từ lâu",
      due: "2025-12-20",
      assignees: [org.people.binh.id],
      state: "done",
      updatedAt: new Date("2025-12-01T03:00:00Z"),
    });

    const res = await call("GET", "/tasks/mine", binh.cookie);
    expect(res.statusCode).toBe(200);
    const mine = res.json<{ items: TaskJson[]; open: number; overdue: number }>();
    expect(mine.items.map((i) => i.id)).toEqual([overdue, later, recentDone]);
    expect(mine).toMatchObject({ open: 2, overdue: 1 });
    expect(mine.items.map((i) => i.overdue)).toEqual([true, false, false]);
    expect(mine.items[0]).toMatchObject({
      title: "Thu đảng phí quý I",
      meetingDate: "2026-02-03",
      meetingKind: "regular",
      resolutionTitle: "Nghị quyết ngày 2026-02-03",
      unitName: "Chi bộ Phòng A1",
      dueDate: "2026-03-01",
      state: "open",
      can: { report: true, edit: false },
    });
    // Assignees in Vietnamese name order: An before Bình.
    expect(mine.items[0]?.assignees.map((a) => a.fullName)).toEqual([
      "Nguyễn Văn An",
      "Trần Thị Bình",
    ]);
    expect(mine.items[2]?.can.report).toBe(false);

    const anMine = (await call("GET", "/tasks/mine", an.cookie)).json<{ items: TaskJson[] }>();
    expect(anMine.items.map((i) => i.title)).toEqual([
      "Thu đảng phí quý I",
      "Việc của đồng chí An",
    ]);
  });

  it("gives staff accounts without a member record an empty list, and needs a session", async () => {
    const { db, org, t, lead } = await setup();
    const feb = await heldMeeting(db, t, org.cellA1, "2026-02-03");
    await makeTask(db, t, feb, {
      title: "Việc",
      due: "2026-03-31",
      assignees: [org.people.binh.id],
    });
    const res = await call("GET", "/tasks/mine", lead.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], open: 0, overdue: 0 });
    problem(await call("GET", "/tasks/mine", null), 401, "unauthenticated");
  });
});

describe("task detail and progress", () => {
  it("lets an assignee report progress as the task moves forward, keeping every report", async () => {
    const { db, org, t, binh } = await setup();
    const feb = await heldMeeting(db, t, org.cellA1, "2026-02-03", "regular");
    const id = await makeTask(db, t, feb, {
      title: "Rà soát hồ sơ",
      due: "2026-03-31",
      assignees: [org.people.binh.id],
    });

    const first = await call("POST", `/tasks/${id}/progress`, binh.cookie, {
      state: "in_progress",
      note: "  Đã rà soát được một nửa  ",
    });
    expect(first.statusCode).toBe(200);
    expect(first.json<TaskJson>()).toMatchObject({
      id,
      state: "in_progress",
      lastNote: "Đã rà soát được một nửa",
      can: { report: true },
      updates: [
        {
          state: "in_progress",
          note: "Đã rà soát được một nửa",
          source: "report",
          byName: `Người dùng ${binh.username}`,
        },
      ],
    });
    expect(first.json<{ lastReportedAt: string }>().lastReportedAt).toBe(
      "2026-03-10T03:00:00.000Z",
    );

    // A further report while in progress updates the note.
    const ctx = await testContext();
    await travel(ctx, t, "2026-03-12T03:00:00.000Z");
    const again = await call("POST", `/tasks/${id}/progress`, binh.cookie, {
      state: "in_progress",
      note: "Còn hai hồ sơ",
    });
    expect(again.statusCode).toBe(200);
    await travel(ctx, t, "2026-03-14T03:00:00.000Z");
    const done = await call("POST", `/tasks/${id}/progress`, binh.cookie, { state: "done" });
    expect(done.statusCode).toBe(200);
    const detail = done.json<TaskJson>();
    expect(detail).toMatchObject({ state: "done", lastNote: null, can: { report: false } });
    expect(detail.updates?.map((u) => [u.state, u.note])).toEqual([
      ["done", null],
      ["in_progress", "Còn hai hồ sơ"],
      ["in_progress", "Đã rà soát được một nửa"],
    ]);

    // Finished: no further report.
    const late = await call("POST", `/tasks/${id}/progress`, binh.cookie, {
      state: "not_done",
      note: "Đổi ý",
    });
    problem(late, 409, "task_state", "body.state");
    expect(await taskRow(db, id)).toMatchObject({ state: "done", lastNote: null });
    expect(await db.select().from(taskUpdates).where(eq(taskUpdates.taskId, id))).toHaveLength(3);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t), eq(auditLog.action, "task.progress")));
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => a.entityId)).toEqual([id, id, id]);
    expect(audit.find((a) => (a.after as { state: string }).state === "done")).toMatchObject({
      unitPath: org.cellA1.path,
      before: { state: "in_progress", lastNote: "Còn hai hồ sơ" },
    });
  });

  it("needs the cause of a task not done, naming the field, and writes nothing", async () => {
    const { db, org, t, binh } = await setup();
    const feb = await heldMeeting(db, t, org.cellA1, "2026-02-03");
    const id = await makeTask(db, t, feb, {
      title: "Việc",
      due: "2026-03-31",
      assignees: [org.people.binh.id],
    });
    for (const payload of [{ state: "not_done" }, { state: "not_done", note: "   " }]) {
      const res = await call("POST", `/tasks/${id}/progress`, binh.cookie, payload);
      const body = problem(res, 400, "validation_failed", "body.note");
      expect(body.detail).toBeTruthy();
    }
    problem(
      await call("POST", `/tasks/${id}/progress`, binh.cookie, { state: "cancelled" }),
      400,
      "validation_failed",
      "body.state",
    );
    problem(
      await call("POST", `/tasks/${id}/progress`, binh.cookie, { state: "done", extra: 1 }),
      400,
      "validation_failed",
    );
    expect(await taskRow(db, id)).toMatchObject({ state: "open", lastReportedAt: null });
    expect(await db.select().from(taskUpdates).where(eq(taskUpdates.taskId, id))).toHaveLength(0);

    const notDone = await call("POST", `/tasks/${id}/progress`, binh.cookie, {
      state: "not_done",
      note: "Thiếu kinh phí",
    });
    expect(notDone.statusCode).toBe(200);
    expect(notDone.json()).toMatchObject({ state: "not_done", lastNote: "Thiếu kinh phí" });
  });

  it("refuses a cancelled task and a task already done", async () => {
    const { db, org, t, binh, lead } = await setup();
    const feb = await heldMeeting(db, t, org.cellA1, "2026-02-03");
    for (const state of ["done", "cancelled", "not_done"] as const) {
      const id = await makeTask(db, t, feb, {
        title: `Việc ${state}`,
        due: "2026-03-31",
        assignees: [org.people.binh.id],
        state,
      });
      for (const cookie of [binh.cookie, lead.cookie]) {
        const res = await call("POST", `/tasks/${id}/progress`, cookie, { state: "in_progress" });
        problem(res, 409, "task_state");
      }
      expect((await taskRow(db, id))?.state).toBe(state);
    }
  });

  it("lets the cell lead report, other cell members read only, and hides the task elsewhere", async () => {
    const { db, org, t, lead, committee, otherLead, an, outsider } = await setup();
    const feb = await heldMeeting(db, t, org.cellA1, "2026-02-03");
    const id = await makeTask(db, t, feb, {
      title: "Việc của Bình",
      due: "2026-03-31",
      assignees: [org.people.binh.id],
    });

    // A member of the cell who is not an assignee reads it but may not report.
    const read = await call("GET", `/tasks/${id}`, an.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ can: { report: false, edit: false }, updates: [] });
    problem(
      await call("POST", `/tasks/${id}/progress`, an.cookie, { state: "done" }),
      403,
      "forbidden",
    );
    // Another cell: not found either way.
    for (const who of [outsider, otherLead]) {
      problem(await call("GET", `/tasks/${id}`, who.cookie), 404, "not_found");
      problem(
        await call("POST", `/tasks/${id}/progress`, who.cookie, { state: "done" }),
        404,
        "not_found",
      );
    }
    problem(await call("GET", `/tasks/${randomUUID()}`, lead.cookie), 404, "not_found");
    problem(await call("GET", `/tasks/not-a-uuid`, lead.cookie), 400, "validation_failed");
    problem(await call("GET", `/tasks/${id}`, null), 401, "unauthenticated");
    expect((await taskRow(db, id))?.state).toBe("open");

    // The committee above reads it; the cell lead reports on the assignee's behalf.
    expect((await call("GET", `/tasks/${id}`, committee.cookie)).json()).toMatchObject({
      can: { report: true, edit: true },
    });
    const byLead = await call("POST", `/tasks/${id}/progress`, lead.cookie, {
      state: "in_progress",
      note: "Bình báo miệng tại cuộc họp chi ủy",
    });
    expect(byLead.statusCode).toBe(200);
    expect(byLead.json()).toMatchObject({
      updates: [{ source: "report", byName: `Người dùng ${lead.username}` }],
    });
  });

  it("merges the meetings' reviews with the reports, newest first", async () => {
    const { db, org, t, lead, binh } = await setup();
    const feb = await heldMeeting(db, t, org.cellA1, "2026-02-03", "regular");
    const mar = await heldMeeting(db, t, org.cellA1, "2026-03-03", "regular");
    const id = await makeTask(db, t, feb, {
      title: "Việc",
      due: "2026-03-31",
      assignees: [org.people.binh.id],
    });
    await db.insert(taskUpdates).values({
      tenantId: t,
      taskId: id,
      state: "in_progress",
      note: "Bắt đầu",
      byUser: binh.id,
      createdAt: new Date("2026-02-20T03:00:00Z"),
    });
    await db.insert(taskReviews).values({
      tenantId: t,
      taskId: id,
      meetingId: mar.meetingId,
      verdict: "in_progress",
      cause: "Chờ hồ sơ của phòng",
      reviewedBy: lead.id,
      createdAt: new Date("2026-03-03T03:00:00Z"),
      updatedAt: new Date("2026-03-03T03:00:00Z"),
    });
    const res = await call("GET", `/tasks/${id}`, binh.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json<TaskJson>().updates).toEqual([
      expect.objectContaining({
        source: "review",
        state: "in_progress",
        note: "Chờ hồ sơ của phòng",
        byName: `Người dùng ${lead.username}`,
        createdAt: "2026-03-03T03:00:00.000Z",
      }),
      expect.objectContaining({
        source: "report",
        note: "Bắt đầu",
        byName: `Người dùng ${binh.username}`,
      }),
    ]);
  });
});

describe("a unit's tasks", () => {
  async function listSetup() {
    const s = await setup();
    const { db, org, t } = s;
    const a1 = await heldMeeting(db, t, org.cellA1, "2026-01-06", "regular");
    const a1b = await heldMeeting(db, t, org.cellA1, "2026-02-03", "regular");
    const a2 = await heldMeeting(db, t, org.cellA2, "2026-02-05", "regular");
    const b1 = await heldMeeting(db, t, org.cellB1, "2026-02-05", "regular");
    const ids = {
      overdueA1: await makeTask(db, t, a1, {
        title: "A1 quá hạn",
        due: "2026-02-28",
        assignees: [org.people.an.id],
      }),
      openA1: await makeTask(db, t, a1b, {
        title: "A1 đang làm",
        due: "2026-03-20",
        assignees: [org.people.binh.id],
        state: "in_progress",
      }),
      doneA1: await makeTask(db, t, a1b, {
        title: "A1 xong",
        due: "2026-02-10",
        assignees: [org.people.binh.id],
        state: "done",
      }),
      overdueA2: await makeTask(db, t, a2, {
        title: "A2 quá hạn",
        due: "2026-03-01",
        assignees: [org.people.anh.id],
      }),
      bodyA2: await makeTask(db, t, a2, {
        title: "A2 của chi ủy",
        due: "2026-04-01",
        assignees: [],
        body: "Chi ủy",
      }),
      b1: await makeTask(db, t, b1, {
        title: "B1",
        due: "2026-03-01",
        assignees: [org.people.dung.id],
      }),
    };
    return { ...s, ids };
  }

  it("lists the subtree's open, overdue or all tasks, a page at a time", async () => {
    const { org, committee, ids } = await listSetup();
    const open = await call("GET", `/units/${org.dbA.id}/tasks`, committee.cookie);
    expect(open.statusCode).toBe(200);
    const page = open.json<{ items: TaskJson[]; total: number; page: number; pageSize: number }>();
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    // Open ones by due date.
    expect(page.items.map((i) => i.id)).toEqual([
      ids.overdueA1,
      ids.overdueA2,
      ids.openA1,
      ids.bodyA2,
    ]);
    expect(page.items.map((i) => i.overdue)).toEqual([true, true, false, false]);
    expect(page.items[3]).toMatchObject({ assignees: [], assigneeBody: "Chi ủy" });

    const overdue = await call(
      "GET",
      `/units/${org.dbA.id}/tasks?filter=overdue`,
      committee.cookie,
    );
    expect(overdue.json<{ items: TaskJson[] }>().items.map((i) => i.id)).toEqual([
      ids.overdueA1,
      ids.overdueA2,
    ]);

    // All of them, newest meeting first, two per page.
    const all1 = await call(
      "GET",
      `/units/${org.dbA.id}/tasks?filter=all&pageSize=2`,
      committee.cookie,
    );
    const all2 = await call(
      "GET",
      `/units/${org.dbA.id}/tasks?filter=all&pageSize=2&page=2`,
      committee.cookie,
    );
    const all3 = await call(
      "GET",
      `/units/${org.dbA.id}/tasks?filter=all&pageSize=2&page=3`,
      committee.cookie,
    );
    expect(all1.json()).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(
      [all1, all2, all3].flatMap((r) => r.json<{ items: TaskJson[] }>().items.map((i) => i.id)),
    ).toEqual([ids.overdueA2, ids.bodyA2, ids.doneA1, ids.openA1, ids.overdueA1]);

    // One cell only.
    const cell = await call("GET", `/units/${org.cellA1.id}/tasks?filter=all`, committee.cookie);
    expect(cell.json<{ total: number }>().total).toBe(3);
  });

  it("is readable by members of the unit only; bad filters are named", async () => {
    const { org, binh, otherLead } = await listSetup();
    const own = await call("GET", `/units/${org.cellA1.id}/tasks`, binh.cookie);
    expect(own.statusCode).toBe(200);
    expect(own.json<{ total: number }>().total).toBe(2);
    problem(await call("GET", `/units/${org.cellA1.id}/tasks`, otherLead.cookie), 404, "not_found");
    problem(await call("GET", `/units/${org.dbA.id}/tasks`, binh.cookie), 404, "not_found");
    problem(await call("GET", `/units/${randomUUID()}/tasks`, binh.cookie), 404, "not_found");
    problem(
      await call("GET", `/units/${org.cellA1.id}/tasks?filter=late`, binh.cookie),
      400,
      "validation_failed",
      "querystring.filter",
    );
    problem(
      await call("GET", `/units/${org.cellA1.id}/tasks?pageSize=500`, binh.cookie),
      400,
      "validation_failed",
      "querystring.pageSize",
    );
  });
});

describe("overdue notices", () => {
  async function overdueSetup() {
    const s = await setup();
    const { db, org, t, an } = s;
    // An is the cell's secretary; Chi is a committee member of the cell (not told); Giang is
    // assigned but their account is disabled.
    await db.insert(positions).values([
      {
        tenantId: t,
        memberId: org.people.an.id,
        unitId: org.cellA1.id,
        title: "secretary",
        fromDate: "2024-01-01",
      },
    ]);
    const chi = await createMember(db, t, org.cellA1, "Lê Thị Chi");
    await db.insert(positions).values({
      tenantId: t,
      memberId: chi.id,
      unitId: org.cellA1.id,
      title: "cell_committee_member",
      fromDate: "2024-01-01",
    });
    const chiUser = await createMemberUser(db, t, org.cellA1, chi.id);
    const giang = await createMember(db, t, org.cellA1, "Đỗ Văn Giang");
    const giangUser = await createMemberUser(db, t, org.cellA1, giang.id);
    await db.update(users).set({ active: false }).where(eq(users.id, giangUser.id));
    await db
      .update(members)
      .set({ email: "binh@example.vn" })
      .where(eq(members.id, org.people.binh.id));
    const feb = await heldMeeting(db, t, org.cellA1, "2026-02-03", "regular");
    return { ...s, an, chiUser, giang, giangUser, feb };
  }

  it("tells the assignees and the cell lead once, and nobody on the next run", async () => {
    const { app, db, org, t, binh, an, chiUser, giang, giangUser, feb } = await overdueSetup();
    const overdue = await makeTask(db, t, feb, {
      title: "Thu đảng phí quý I",
      due: "2026-03-09",
      assignees: [org.people.binh.id, giang.id],
    });
    const dueToday = await makeTask(db, t, feb, {
      title: "Hạn hôm nay",
      due: "2026-03-10",
      assignees: [org.people.binh.id],
    });
    const doneLate = await makeTask(db, t, feb, {
      title: "Đã xong",
      due: "2026-03-01",
      assignees: [org.people.binh.id],
      state: "done",
    });

    const run = await app.tasks.runOverdueTasks({ tenantId: t });
    expect(run).toEqual({ tasks: 1, notifications: 2, mails: 1 });
    const sent = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.tenantId, t), eq(notifications.kind, "task_overdue")));
    expect(sent.map((n) => n.userId).sort()).toEqual([binh.id, an.id].sort());
    expect(sent.map((n) => n.userId)).not.toContain(chiUser.id);
    expect(sent.map((n) => n.userId)).not.toContain(giangUser.id);
    for (const n of sent) {
      expect(n).toMatchObject({ taskId: overdue, meetingId: feb.meetingId, readAt: null });
      expect(n.title).toBe("Nhiệm vụ quá hạn: Thu đảng phí quý I");
      expect(n.body).toContain("hạn ngày 09/03/2026");
      expect(n.body).toContain("Người phụ trách: Trần Thị Bình, Đỗ Văn Giang.");
    }
    expect((await taskRow(db, overdue))?.overdueNotifiedAt?.toISOString()).toBe(
      "2026-03-10T03:00:00.000Z",
    );
    expect((await taskRow(db, dueToday))?.overdueNotifiedAt).toBeNull();
    expect((await taskRow(db, doneLate))?.overdueNotifiedAt).toBeNull();
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t), eq(auditLog.action, "task.overdue_notice")));
    expect(audit).toMatchObject([
      { entityId: overdue, actorUserId: null, unitPath: org.cellA1.path },
    ]);

    // The notice shows in the assignee's notifications.
    const list = await call("GET", "/me/notifications", binh.cookie);
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).toContain("Nhiệm vụ quá hạn: Thu đảng phí quý I");

    // Second run: nothing new.
    expect(await app.tasks.runOverdueTasks({ tenantId: t })).toEqual({
      tasks: 0,
      notifications: 0,
      mails: 0,
    });
    const again = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.tenantId, t), eq(notifications.kind, "task_overdue")));
    expect(again).toHaveLength(2);

    // The next day the task due today becomes overdue and is told in turn.
    const ctx = await testContext();
    ctx.clock.set("2026-03-11T03:00:00.000Z");
    expect(await app.tasks.runOverdueTasks({ tenantId: t })).toMatchObject({
      tasks: 1,
      notifications: 2,
    });
    expect((await taskRow(db, dueToday))?.overdueNotifiedAt).not.toBeNull();
  });

  it("leaves a task reported done before the run alone", async () => {
    const { app, db, org, t, binh, feb } = await overdueSetup();
    const id = await makeTask(db, t, feb, {
      title: "Việc quá hạn",
      due: "2026-03-01",
      assignees: [org.people.binh.id],
    });
    const res = await call("POST", `/tasks/${id}/progress`, binh.cookie, { state: "done" });
    expect(res.statusCode).toBe(200);
    expect(await app.tasks.runOverdueTasks({ tenantId: t })).toEqual({
      tasks: 0,
      notifications: 0,
      mails: 0,
    });
    const sent = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.tenantId, t), eq(notifications.taskId, id)));
    expect(sent).toEqual([]);
  });
});

describe("tenancy", () => {
  it("names tenant_id in every statement of every task command and the overdue run", async () => {
    const { app, db, org, t, binh, committee } = await setup();
    const feb = await heldMeeting(db, t, org.cellA1, "2026-02-03");
    const id = await makeTask(db, t, feb, {
      title: "Việc",
      due: "2026-03-01",
      assignees: [org.people.binh.id],
    });
    const queries = await captureQueries(async () => {
      expect((await call("GET", "/tasks/mine", binh.cookie)).statusCode).toBe(200);
      expect((await call("GET", `/tasks/${id}`, binh.cookie)).statusCode).toBe(200);
      expect((await call("GET", `/units/${org.dbA.id}/tasks`, committee.cookie)).statusCode).toBe(
        200,
      );
      expect(await app.tasks.runOverdueTasks({ tenantId: t })).toMatchObject({ tasks: 1 });
      expect(
        (await call("POST", `/tasks/${id}/progress`, binh.cookie, { state: "done" })).statusCode,
      ).toBe(200);
    });
    const statements = queries.filter(
      (q) => !/^(begin|commit|rollback|savepoint|release)/iu.test(q.trim()),
    );
    expect(statements.length).toBeGreaterThan(10);
    expect(statements.filter((q) => !q.includes("tenant_id"))).toEqual([]);
  });
});
