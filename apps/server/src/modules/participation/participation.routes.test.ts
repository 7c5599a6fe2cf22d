import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type {
  AttendanceStatus,
  MeetingKind,
  MeetingStatus,
  MinutesContentDto,
  TaskState,
} from "@chibo/domain";
import { eq } from "drizzle-orm";
import { captureQueries, testContext } from "#test/db";
import { call, problem, type Json } from "#test/http";
import {
  createMember,
  createOrg,
  createOrgUsers,
  createUser,
  type TestUnit,
} from "#test/factories";
import type { Db } from "../../db/client.js";
import {
  attendance,
  meetings,
  members,
  minutes,
  resolutions,
  taskAssignees,
  tasks,
} from "../../db/schema/index.js";

afterEach(async () => {
  (await testContext()).clock.reset();
});

interface Opinion {
  member?: string;
  guest?: string;
}

/**
 * A meeting of `unit` with its roster and marks, and minutes whose items hold the given opinions
 * (rows written directly, as the minutes module would).
 */
async function meetingWith(
  db: Db,
  tenantId: string,
  unit: TestUnit,
  opts: {
    date: string;
    kind?: MeetingKind;
    status?: MeetingStatus;
    marks: Record<string, AttendanceStatus | null>;
    /** Opinions per agenda item. */
    items?: Opinion[][];
  },
) {
  const id = randomUUID();
  const kind = opts.kind ?? "regular";
  await db.insert(meetings).values({
    id,
    tenantId,
    unitId: unit.id,
    unitPath: unit.path,
    kind,
    status: opts.status ?? "held",
    period: kind === "regular" ? opts.date.slice(0, 7) : null,
    date: opts.date,
    heldOn: (opts.status ?? "held") === "held" ? opts.date : null,
  });
  const marks = Object.entries(opts.marks);
  if (marks.length > 0) {
    await db.insert(attendance).values(
      marks.map(([memberId, status]) => ({
        tenantId,
        meetingId: id,
        memberId,
        memberStatus: "official" as const,
        status,
      })),
    );
  }
  if (opts.items) {
    const content: MinutesContentDto = {
      place: "Hội trường",
      opening: "Khai mạc",
      other: "",
      items: opts.items.map((opinions, i) => ({
        agendaItemId: null,
        title: `Mục ${String(i + 1)}`,
        presenter: null,
        summary: "Tóm tắt",
        conclusion: "Kết luận",
        opinions: opinions.map((o) => ({
          id: randomUUID(),
          speakerMemberId: o.member ?? null,
          speakerGuestId: o.guest ?? null,
          speakerName: o.guest ? "Đại biểu cấp trên" : "Đồng chí",
          text: "Ý kiến",
        })),
      })),
    };
    await db.insert(minutes).values({ tenantId, meetingId: id, unitPath: unit.path, content });
  }
  return id;
}

async function taskFor(
  db: Db,
  tenantId: string,
  unit: TestUnit,
  meetingId: string,
  meetingDate: string,
  assignees: string[],
  state: TaskState = "open",
) {
  const resolutionId = randomUUID();
  await db.insert(resolutions).values({
    id: resolutionId,
    tenantId,
    meetingId,
    unitId: unit.id,
    unitPath: unit.path,
    kind: "resolution",
    title: "Nghị quyết",
  });
  const id = randomUUID();
  await db.insert(tasks).values({
    id,
    tenantId,
    unitId: unit.id,
    unitPath: unit.path,
    meetingId,
    meetingDate,
    resolutionId,
    title: "Nhiệm vụ",
    dueDate: "2026-12-31",
    state,
  });
  await db
    .insert(taskAssignees)
    .values(assignees.map((memberId) => ({ tenantId, taskId: id, memberId })));
}

async function setup() {
  const ctx = await testContext();
  const db = ctx.database.db;
  const org = await createOrg(db);
  const t = org.tenantId;
  const { an, binh, anh } = org.people;
  const chi = await createMember(db, t, org.cellA1, "Lê Thị Chi");
  const dung = await createMember(db, t, org.cellA1, "Hoàng Văn Dũng");
  const gone = await createMember(db, t, org.cellA1, "Đỗ Văn Em");
  await db.update(members).set({ leftOn: "2026-02-20" }).where(eq(members.id, gone.id));

  // January: An, Bình present, Chi late, Dũng absent. An speaks twice, Bình once, a guest once,
  // and Dũng sends a written opinion without being there: 2 of the 3 present spoke.
  const jan = await meetingWith(db, t, org.cellA1, {
    date: "2026-01-06",
    marks: {
      [an.id]: "present",
      [binh.id]: "present",
      [chi.id]: "late",
      [dung.id]: "absent_excused",
    },
    items: [
      [{ member: an.id }, { guest: randomUUID() }],
      [{ member: binh.id }, { member: an.id }],
    ],
  });
  // February (thematic): An, Bình, Dũng present, Chi absent. Chi's opinion (absent) and An's:
  // 1 of the 3 present spoke.
  await meetingWith(db, t, org.cellA1, {
    date: "2026-02-10",
    kind: "thematic",
    marks: {
      [an.id]: "present",
      [binh.id]: "present",
      [chi.id]: "absent_unexcused",
      [dung.id]: "present",
      [gone.id]: "present",
    },
    items: [[{ member: chi.id }], [], [{ member: an.id }]],
  });
  // Not counted: before the period, a cell-committee meeting, a meeting not held.
  await meetingWith(db, t, org.cellA1, {
    date: "2025-03-05",
    marks: { [dung.id]: "present" },
    items: [[{ member: dung.id }]],
  });
  await meetingWith(db, t, org.cellA1, {
    date: "2026-02-15",
    kind: "committee",
    marks: { [an.id]: "present", [dung.id]: "present" },
    items: [[{ member: dung.id }]],
  });
  await meetingWith(db, t, org.cellA1, {
    date: "2026-03-03",
    status: "planned",
    marks: {},
  });
  // Cell A2: Anh present and speaks.
  await meetingWith(db, t, org.cellA2, {
    date: "2026-02-05",
    marks: { [anh.id]: "present" },
    items: [[{ member: anh.id }]],
  });
  // Tasks: Bình holds two from January, one done; An one from 2024 (outside the period).
  await taskFor(db, t, org.cellA1, jan, "2026-01-06", [binh.id], "done");
  await taskFor(db, t, org.cellA1, jan, "2026-01-06", [binh.id, chi.id], "in_progress");
  const old = await meetingWith(db, t, org.cellA1, { date: "2024-06-04", marks: {} });
  await taskFor(db, t, org.cellA1, old, "2024-06-04", [an.id], "done");

  const { lead, committee, otherLead, binh: member } = await createOrgUsers(db, org);
  const board = await createUser(db, t, [{ role: "org_board", unit: org.root }]);
  return { ...ctx, db, org, t, chi, dung, gone, lead, committee, board, otherLead, member };
}

interface ParticipationJson {
  unitId: string;
  from: string;
  to: string;
  members: Json[];
  meetings: number;
  meetingsMostSpoke: number;
  shareMostSpoke: number | null;
  neverSpoke: number;
  cells: Json[];
}

describe("participation", () => {
  it("gives a cell's members their figures over the last 12 months, and who never spoke", async () => {
    const { org, chi, dung, lead } = await setup();
    const res = await call("GET", `/units/${org.cellA1.id}/participation`, lead.cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json<ParticipationJson>();
    expect(body).toMatchObject({
      unitId: org.cellA1.id,
      from: "2025-03-11",
      to: "2026-03-10",
      meetings: 2,
      meetingsMostSpoke: 1,
      shareMostSpoke: 0.5,
      neverSpoke: 1,
      cells: [],
    });
    // Vietnamese name order (given name first): An, Bình, Chi, Dũng; Em left before the date.
    expect(body.members).toEqual([
      {
        memberId: org.people.an.id,
        fullName: "Nguyễn Văn An",
        status: "official",
        meetings: 2,
        attended: 2,
        opinions: 3,
        meetingsSpoken: 2,
        tasksHeld: 0,
        tasksDone: 0,
        neverSpoke: false,
      },
      {
        memberId: org.people.binh.id,
        fullName: "Trần Thị Bình",
        status: "official",
        meetings: 2,
        attended: 2,
        opinions: 1,
        meetingsSpoken: 1,
        tasksHeld: 2,
        tasksDone: 1,
        neverSpoke: false,
      },
      {
        memberId: chi.id,
        fullName: "Lê Thị Chi",
        status: "official",
        meetings: 2,
        attended: 1,
        opinions: 1,
        meetingsSpoken: 1,
        tasksHeld: 1,
        tasksDone: 0,
        neverSpoke: false,
      },
      {
        memberId: dung.id,
        fullName: "Hoàng Văn Dũng",
        status: "official",
        meetings: 2,
        attended: 1,
        opinions: 0,
        meetingsSpoken: 0,
        tasksHeld: 0,
        tasksDone: 0,
        neverSpoke: true,
      },
    ]);
  });

  it("measures the 12 months ending on the date asked", async () => {
    const { org, lead, gone } = await setup();
    const res = await call(
      "GET",
      `/units/${org.cellA1.id}/participation?to=2026-01-31`,
      lead.cookie,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<ParticipationJson>();
    expect(body).toMatchObject({
      from: "2025-02-01",
      to: "2026-01-31",
      meetings: 2,
      meetingsMostSpoke: 2,
      shareMostSpoke: 1,
    });
    // Em had not left on 31/01; March 2025 (Dũng alone, spoke) now falls inside.
    const byName = new Map(body.members.map((m) => [m.fullName, m]));
    expect(byName.get("Đỗ Văn Em")).toMatchObject({ memberId: gone.id, meetings: 0 });
    expect(byName.get("Hoàng Văn Dũng")).toMatchObject({
      meetings: 2,
      attended: 1,
      opinions: 1,
      neverSpoke: false,
    });
    problem(
      await call("GET", `/units/${org.cellA1.id}/participation?to=2026-02-30`, lead.cookie),
      400,
      "validation_failed",
      "querystring.to",
    );
  });

  it("gives a committee one line per cell, the top figures adding them up", async () => {
    const { org, committee, board } = await setup();
    const res = await call("GET", `/units/${org.dbA.id}/participation`, committee.cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json<ParticipationJson>();
    expect(body).toMatchObject({
      unitId: org.dbA.id,
      members: [],
      meetings: 3,
      meetingsMostSpoke: 2,
      neverSpoke: 1,
      cells: [
        {
          unitId: org.cellA1.id,
          unitName: "Chi bộ Phòng A1",
          members: 4,
          meetings: 2,
          meetingsMostSpoke: 1,
          shareMostSpoke: 0.5,
          neverSpoke: 1,
        },
        {
          unitId: org.cellA2.id,
          unitName: "Chi bộ Phòng A2",
          members: 1,
          meetings: 1,
          meetingsMostSpoke: 1,
          shareMostSpoke: 1,
          neverSpoke: 0,
        },
      ],
    });
    expect(body.shareMostSpoke).toBeCloseTo(2 / 3);

    // The whole bloc: every cell, those without meetings with no share.
    const all = (await call("GET", `/units/${org.root.id}/participation`, board.cookie)).json<
      ParticipationJson & { cells: { unitId: string; meetings: number; shareMostSpoke: unknown }[] }
    >();
    expect(all.cells.map((c) => c.unitId).sort()).toEqual(
      [org.cellA1.id, org.cellA2.id, org.cellB1.id, org.cellC.id].sort(),
    );
    expect(all.cells.find((c) => c.unitId === org.cellB1.id)).toMatchObject({
      meetings: 0,
      shareMostSpoke: null,
    });
    expect(all).toMatchObject({ meetings: 3, meetingsMostSpoke: 2, neverSpoke: 1 });
  });

  it("is refused to a member (it names members) and hidden from other cells", async () => {
    const { org, member, otherLead } = await setup();
    problem(
      await call("GET", `/units/${org.cellA1.id}/participation`, member.cookie),
      403,
      "forbidden",
    );
    problem(
      await call("GET", `/units/${org.cellA1.id}/participation`, otherLead.cookie),
      404,
      "not_found",
    );
    problem(
      await call("GET", `/units/${randomUUID()}/participation`, otherLead.cookie),
      404,
      "not_found",
    );
    problem(
      await call("GET", `/units/${org.cellA1.id}/participation`, null),
      401,
      "unauthenticated",
    );
  });

  it("reads a committee's figures in a few statements, each naming tenant_id", async () => {
    const { org, committee } = await setup();
    const queries = await captureQueries(async () => {
      const res = await call("GET", `/units/${org.dbA.id}/participation`, committee.cookie);
      expect(res.statusCode).toBe(200);
    });
    const statements = queries.filter((q) => !/^(begin|commit|rollback)/iu.test(q.trim()));
    // Session lookup and touch, the unit, cells, meetings, marks, speakers, members.
    expect(statements.length).toBeLessThanOrEqual(10);
    expect(statements.filter((q) => !q.includes("tenant_id") && !q.includes('"sessions"'))).toEqual(
      [],
    );
  });
});
