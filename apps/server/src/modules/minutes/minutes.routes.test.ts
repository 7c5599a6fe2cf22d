import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { MinutesContentDto, MinutesDto } from "@chibo/domain";
import { and, eq, like } from "drizzle-orm";
import { captureQueries, testContext } from "#test/db";
import { call, ok, problem, regularMeetingId } from "#test/http";
import type { Actor } from "../../policy/policy.js";
import { readDocx, xmlProblem } from "../../lib/docx/docx-reader.testing.js";
import { createMinutesService } from "./minutes.service.js";
import {
  appointAnSecretary,
  createChiAndYoung,
  createMemberUser,
  createOrg,
  createUser,
  travel,
} from "#test/factories";
import {
  agendaItems,
  attendance,
  auditLog,
  minutes,
  minutesAddenda,
  notifications,
  resolutions,
  taskAssignees,
  taskReviews,
  tasks,
} from "../../db/schema/index.js";

type Setup = Awaited<ReturnType<typeof setup>>;

afterEach(async () => {
  (await testContext()).clock.reset();
});

/**
 * Cell A1 with four members: An (secretary, the chair), Bình (the minute-taker), Chí (a plain
 * member) — each with an account — and Trẻ, probationary, without one.
 */
async function setup() {
  const ctx = await testContext();
  const db = ctx.database.db;
  const org = await createOrg(db);
  const { chi, young } = await createChiAndYoung(db, org);
  const memberUser = (memberId: string) => createMemberUser(db, org.tenantId, org.cellA1, memberId);
  const lead = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellA1 }]);
  const an = await memberUser(org.people.an.id);
  const binh = await memberUser(org.people.binh.id);
  const chiUser = await memberUser(chi.id);
  const otherLead = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellB1 }]);
  await appointAnSecretary(db, org);
  return { ...ctx, db, org, chi, young, lead, an, binh, chiUser, otherLead };
}

/** The March meeting (day 20) of cell A1, planned with the registered schedule. */
async function march(s: Setup) {
  await ok("PUT", `/units/${s.org.cellA1.id}/meeting-schedule`, s.lead.cookie, {
    day: 20,
    time: "07:30",
    place: "Hội trường tầng 2",
    mode: "in_person",
  });
  return regularMeetingId(s.org.cellA1.id, "2026-03", s.lead.cookie);
}

async function open(s: Setup, meetingId: string, at = "2026-03-20T00:30:00Z") {
  await travel(s, s.org.tenantId, at);
  await ok("POST", `/meetings/${meetingId}/open`, s.lead.cookie, {});
}

async function allPresent(s: Setup, meetingId: string) {
  await ok("POST", `/meetings/${meetingId}/attendance/all-present`, s.lead.cookie, {});
}

async function close(s: Setup, meetingId: string, at = "2026-03-20T02:30:00Z") {
  await travel(s, s.org.tenantId, at);
  await ok("POST", `/meetings/${meetingId}/close`, s.lead.cookie, {});
}

/** Chosen by the client once, so every autosave of the same text is the same text. */
const OPINION_ID = randomUUID();

function content(s: Setup, extra: Partial<MinutesContentDto> = {}): MinutesContentDto {
  return {
    place: "Hội trường tầng 2",
    opening: "Đồng chí An tuyên bố lý do.",
    items: [
      {
        agendaItemId: null,
        title: "Thảo luận các vấn đề trọng tâm",
        presenter: "Đồng chí Nguyễn Văn An",
        summary: "Đánh giá công tác tháng 3.",
        opinions: [
          {
            id: OPINION_ID,
            speakerMemberId: s.org.people.binh.id,
            speakerGuestId: null,
            speakerName: "Đồng chí Trần Thị Bình",
            text: "Đề nghị giao việc rõ người, rõ hạn.",
          },
        ],
        conclusion: "Thống nhất giao nhiệm vụ cụ thể.",
      },
    ],
    other: "",
    ...extra,
  };
}

/** Saves the working copy on top of revision `rev`: chair An, minute-taker Bình. */
async function save(s: Setup, meetingId: string, rev: number, cookie = s.lead.cookie) {
  return call("PUT", `/meetings/${meetingId}/minutes`, cookie, {
    rev,
    chairMemberId: s.org.people.an.id,
    minuteTakerMemberId: s.org.people.binh.id,
    content: content(s),
  });
}

async function minutesRow(s: Setup, meetingId: string) {
  const [row] = await s.db
    .select()
    .from(minutes)
    .where(and(eq(minutes.tenantId, s.org.tenantId), eq(minutes.meetingId, meetingId)));
  return row;
}

/** Everything the minutes module writes for a meeting, to check that a refusal wrote nothing. */
async function snapshot(s: Setup, meetingId: string) {
  const taskRows = await s.db.select().from(tasks).where(eq(tasks.meetingId, meetingId));
  return {
    minutes: await minutesRow(s, meetingId),
    resolutions: await s.db
      .select()
      .from(resolutions)
      .where(eq(resolutions.meetingId, meetingId))
      .orderBy(resolutions.id),
    tasks: taskRows.sort((a, b) => a.id.localeCompare(b.id)),
    assignees: await s.db
      .select()
      .from(taskAssignees)
      .where(eq(taskAssignees.tenantId, s.org.tenantId))
      .orderBy(taskAssignees.taskId, taskAssignees.memberId),
    reviews: await s.db
      .select()
      .from(taskReviews)
      .where(eq(taskReviews.tenantId, s.org.tenantId))
      .orderBy(taskReviews.id),
    addenda: await s.db
      .select()
      .from(minutesAddenda)
      .where(eq(minutesAddenda.meetingId, meetingId)),
    audit: (await s.db.select().from(auditLog).where(eq(auditLog.tenantId, s.org.tenantId))).length,
  };
}

/**
 * The March meeting held, everyone present: minutes saved (chair An, minute-taker Bình), one
 * resolution voted and one task for Bình due in April.
 */
async function readyToSign(s: Setup) {
  const meetingId = await march(s);
  await open(s, meetingId);
  await allPresent(s, meetingId);
  expect((await save(s, meetingId, 0)).statusCode).toBe(200);
  const res = await ok<{ id: string }>(
    "POST",
    `/meetings/${meetingId}/resolutions`,
    s.lead.cookie,
    {
      title: "Nghị quyết tháng 3/2026",
      content: "Tập trung hoàn thành kế hoạch quý I.",
    },
  );
  await ok("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
    approve: 3,
    against: 0,
    other: 0,
  });
  const task = await ok<{ id: string }>("POST", `/resolutions/${res.id}/tasks`, s.lead.cookie, {
    title: "Hoàn thành báo cáo quý I",
    dueDate: "2026-04-15",
    assigneeMemberIds: [s.org.people.binh.id],
  });
  await close(s, meetingId);
  return { meetingId, resolutionId: res.id, taskId: task.id };
}

async function signBoth(s: Setup, meetingId: string) {
  await ok("POST", `/meetings/${meetingId}/minutes/sign`, s.an.cookie, { as: "chair" });
  return ok<MinutesDto>("POST", `/meetings/${meetingId}/minutes/sign`, s.binh.cookie, {
    as: "minute_taker",
  });
}

describe("reading the minutes", () => {
  it("prefills a working copy from the template, the secretary as chair, attendance from the record", async () => {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    await ok("PUT", `/meetings/${meetingId}/attendance`, s.lead.cookie, {
      marks: [
        { memberId: s.org.people.an.id, status: "present" },
        { memberId: s.org.people.binh.id, status: "late" },
        { memberId: s.chi.id, status: "absent_excused", reason: "Đi công tác" },
        { memberId: s.young.id, status: "absent_unexcused" },
      ],
    });
    await ok("POST", `/meetings/${meetingId}/guests`, s.lead.cookie, {
      name: "Phạm Văn Khách",
      title: "Đảng ủy viên",
      kind: "upper_level",
    });
    const dto = await ok<MinutesDto>("GET", `/meetings/${meetingId}/minutes`, s.lead.cookie);
    expect(dto).toMatchObject({
      meetingKind: "regular",
      meetingStatus: "in_progress",
      unitName: "Chi bộ Phòng A1",
      state: "draft",
      rev: 0,
      chairMemberId: s.org.people.an.id,
      chairName: "Nguyễn Văn An",
      minuteTakerMemberId: null,
      content: { place: "Hội trường tầng 2", opening: "", other: "" },
      resolutions: [],
      reviews: [],
      reviewCoverage: 1,
      signatures: { chair: null, minuteTaker: null },
      lockedAt: null,
      updatedAt: null,
      can: { edit: true, signAsChair: false, signAsMinuteTaker: false, addendum: false },
    });
    // HD12 §3.1 (HD42 keeps it): ten steps, from the opening to the minutes' approval.
    expect(dto.content.items.map((i) => i.title)[0]).toBe("Tuyên bố lý do, giới thiệu đại biểu");
    expect(dto.content.items).toHaveLength(10);
    expect(dto.content.items.every((i) => i.agendaItemId === null && i.opinions.length === 0)).toBe(
      true,
    );
    expect(dto.attendance).toMatchObject({
      counts: { total: 4, official: 3, probationary: 1, present: 2, late: 1, excused: 1 },
      presentOfficial: 2,
      presentProbationary: 0,
      officialPresent: 2,
      votingBody: 2,
      quorumNeeded: 3,
      hasQuorum: false,
      absentExcused: [{ memberId: s.chi.id, fullName: "Lê Văn Chí", reason: "Đi công tác" }],
      absentUnexcused: [{ memberId: s.young.id, fullName: "Lý Thị Trẻ" }],
      guests: [{ name: "Phạm Văn Khách", title: "Đảng ủy viên" }],
    });
    expect(dto.attendance.rate).toBeCloseTo(0.5);
  });

  it("takes the parts from the meeting's own agenda when it has one", async () => {
    const s = await setup();
    const meetingId = await march(s);
    const [first, second] = await s.db
      .insert(agendaItems)
      .values([
        {
          tenantId: s.org.tenantId,
          meetingId,
          position: 1,
          section: "proceedings",
          key: "report",
          title: "Kiểm điểm nghị quyết tháng 2",
          presenter: "Đồng chí An",
        },
        {
          tenantId: s.org.tenantId,
          meetingId,
          position: 2,
          section: "closing",
          key: "resolution",
          title: "Biểu quyết nghị quyết tháng 3",
        },
      ])
      .returning();
    const dto = await ok<MinutesDto>("GET", `/meetings/${meetingId}/minutes`, s.lead.cookie);
    expect(dto.content.items).toEqual([
      {
        agendaItemId: first?.id,
        title: "Kiểm điểm nghị quyết tháng 2",
        presenter: "Đồng chí An",
        summary: "",
        opinions: [],
        conclusion: "",
      },
      {
        agendaItemId: second?.id,
        title: "Biểu quyết nghị quyết tháng 3",
        presenter: null,
        summary: "",
        opinions: [],
        conclusion: "",
      },
    ]);
  });

  it("lets the chair and minute-taker read the draft, other members only once signed; other cells get 404", async () => {
    const s = await setup();
    const meetingId = await march(s);
    expect((await call("GET", `/meetings/${meetingId}/minutes`, null)).statusCode).toBe(401);
    const draft = problem(
      await call("GET", `/meetings/${meetingId}/minutes`, s.chiUser.cookie),
      403,
      "forbidden",
    );
    expect(draft.detail).toBe("Biên bản chưa được ký");
    // The proposed chair (the secretary) reads it before anything is saved.
    expect((await call("GET", `/meetings/${meetingId}/minutes`, s.an.cookie)).statusCode).toBe(200);
    problem(
      await call("GET", `/meetings/${meetingId}/minutes`, s.otherLead.cookie),
      404,
      "not_found",
    );
    problem(
      await call("GET", `/meetings/${randomUUID()}/minutes`, s.lead.cookie),
      404,
      "not_found",
    );
  });
});

describe("autosave", () => {
  it("saves on top of the stored revision; a stale copy is refused and changes nothing", async () => {
    const s = await setup();
    const meetingId = await march(s);
    // Nothing to write before the meeting opens.
    problem(await save(s, meetingId, 0), 409, "meeting_state");
    await open(s, meetingId);
    const first = await save(s, meetingId, 0);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ rev: 1, savedAt: "2026-03-20T00:30:00.000Z" });
    const row = await minutesRow(s, meetingId);
    expect(row).toMatchObject({
      rev: 1,
      chairMemberId: s.org.people.an.id,
      minuteTakerMemberId: s.org.people.binh.id,
      updatedBy: s.lead.id,
      lockedAt: null,
    });
    expect(row?.content.items[0]?.opinions[0]?.text).toBe("Đề nghị giao việc rõ người, rõ hạn.");

    const stale = problem(
      await call("PUT", `/meetings/${meetingId}/minutes`, s.lead.cookie, {
        rev: 0,
        chairMemberId: null,
        minuteTakerMemberId: null,
        content: content(s, { opening: "Một bản cũ" }),
      }),
      409,
      "stale_version",
    );
    expect(stale.details?.[0]?.path).toBe("body.rev");
    expect(await minutesRow(s, meetingId)).toEqual(row);

    const second = await save(s, meetingId, 1);
    expect(second.json()).toMatchObject({ rev: 2 });
    const dto = await ok<MinutesDto>("GET", `/meetings/${meetingId}/minutes`, s.lead.cookie);
    expect(dto).toMatchObject({
      rev: 2,
      chairName: "Nguyễn Văn An",
      minuteTakerName: "Trần Thị Bình",
      updatedAt: "2026-03-20T00:30:00.000Z",
    });
    // No audit entry per autosave: the signed text is audited when it is signed.
    const audit = await s.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, s.org.tenantId), like(auditLog.action, "minutes.%")));
    expect(audit).toEqual([]);
  });

  it("lets the member who takes the minutes save, but not another member; the minute-taker does not change the roles", async () => {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    // Before a lead names the minute-taker, Bình is a member like any other.
    problem(await save(s, meetingId, 0, s.binh.cookie), 403, "forbidden");
    expect((await save(s, meetingId, 0)).statusCode).toBe(200);
    const mine = await save(s, meetingId, 1, s.binh.cookie);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ rev: 2 });
    expect((await minutesRow(s, meetingId))?.updatedBy).toBe(s.binh.id);
    problem(await save(s, meetingId, 2, s.chiUser.cookie), 403, "forbidden");
    problem(await save(s, meetingId, 2, s.otherLead.cookie), 404, "not_found");
    const swap = await call("PUT", `/meetings/${meetingId}/minutes`, s.binh.cookie, {
      rev: 2,
      chairMemberId: s.org.people.an.id,
      minuteTakerMemberId: s.chi.id,
      content: content(s),
    });
    problem(swap, 403, "forbidden");
    expect((await minutesRow(s, meetingId))?.rev).toBe(2);
  });

  it("names roles and speakers from the meeting's roster and guests", async () => {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    const dung = s.org.people.dung.id; // a member of another cell
    const body = content(s);
    const item = body.items[0];
    if (!item) throw new Error("no item");
    item.opinions.push(
      {
        id: randomUUID(),
        speakerMemberId: dung,
        speakerGuestId: null,
        speakerName: "Đồng chí Dũng",
        text: "…",
      },
      {
        id: randomUUID(),
        speakerMemberId: null,
        speakerGuestId: randomUUID(),
        speakerName: "Đại biểu",
        text: "…",
      },
    );
    const res = await call("PUT", `/meetings/${meetingId}/minutes`, s.lead.cookie, {
      rev: 0,
      chairMemberId: dung,
      minuteTakerMemberId: s.org.people.binh.id,
      content: body,
    });
    const p = problem(res, 422, "validation_failed");
    expect(p.details?.map((d) => d.path)).toEqual([
      "body.chairMemberId",
      "body.content.items.0.opinions.1.speakerMemberId",
      "body.content.items.0.opinions.2.speakerGuestId",
    ]);
    expect(await minutesRow(s, meetingId)).toBeUndefined();
    // A guest of the meeting may speak.
    const guest = await ok<{ id: string }>("POST", `/meetings/${meetingId}/guests`, s.lead.cookie, {
      name: "Phạm Văn Khách",
      kind: "upper_level",
    });
    item.opinions = [
      {
        id: randomUUID(),
        speakerMemberId: null,
        speakerGuestId: guest.id,
        speakerName: "Đồng chí Khách",
        text: "Ghi nhận ý kiến.",
      },
    ];
    const fine = await call("PUT", `/meetings/${meetingId}/minutes`, s.lead.cookie, {
      rev: 0,
      chairMemberId: s.org.people.an.id,
      minuteTakerMemberId: s.org.people.binh.id,
      content: body,
    });
    expect(fine.statusCode).toBe(200);
  });

  it("refuses minutes over the size limit with 413", async () => {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    const long = "Ý kiến ".repeat(7000); // ~49 000 characters, ~63 000 bytes
    const body = content(s);
    body.items = Array.from({ length: 17 }, (_, i) => ({
      agendaItemId: null,
      title: `Phần ${String(i + 1)}`,
      presenter: null,
      summary: long,
      opinions: [],
      conclusion: "",
    }));
    const res = await call("PUT", `/meetings/${meetingId}/minutes`, s.lead.cookie, {
      rev: 0,
      chairMemberId: null,
      minuteTakerMemberId: null,
      content: body,
    });
    problem(res, 413, "payload_too_large");
    expect(await minutesRow(s, meetingId)).toBeUndefined();
  });
});

describe("resolutions and votes", () => {
  it("creates, edits and deletes a resolution with its tasks; only leads of the cell", async () => {
    const s = await setup();
    const meetingId = await march(s);
    const created = await call("POST", `/meetings/${meetingId}/resolutions`, s.lead.cookie, {
      kind: "conclusion",
      title: "Kết luận về công tác phát triển đảng viên",
    });
    expect(created.statusCode).toBe(201);
    const res = created.json<{ id: string }>();
    expect(created.json()).toMatchObject({
      meetingId,
      kind: "conclusion",
      number: null,
      content: "",
      vote: null,
      outcome: null,
      tasks: [],
    });
    problem(
      await call("POST", `/meetings/${meetingId}/resolutions`, s.chiUser.cookie, { title: "X" }),
      403,
      "forbidden",
    );
    problem(
      await call("POST", `/meetings/${meetingId}/resolutions`, s.otherLead.cookie, { title: "X" }),
      404,
      "not_found",
    );
    problem(
      await call("PATCH", `/resolutions/${res.id}`, s.otherLead.cookie, { title: "X" }),
      404,
      "not_found",
    );
    const bad = problem(
      await call("POST", `/meetings/${meetingId}/resolutions`, s.lead.cookie, { title: " " }),
      400,
      "validation_failed",
    );
    expect(bad.details?.[0]?.path).toBe("body.title");

    const patched = await ok("PATCH", `/resolutions/${res.id}`, s.lead.cookie, {
      kind: "resolution",
      content: "Kết nạp 2 quần chúng ưu tú trong năm.",
    });
    expect(patched).toMatchObject({
      kind: "resolution",
      title: "Kết luận về công tác phát triển đảng viên",
      content: "Kết nạp 2 quần chúng ưu tú trong năm.",
    });
    const task = await ok<{ id: string }>("POST", `/resolutions/${res.id}/tasks`, s.lead.cookie, {
      title: "Bồi dưỡng quần chúng",
      dueDate: "2026-06-30",
      assigneeMemberIds: [s.org.people.an.id],
    });
    problem(await call("DELETE", `/resolutions/${res.id}`, s.chiUser.cookie), 403, "forbidden");
    const del = await call("DELETE", `/resolutions/${res.id}`, s.lead.cookie);
    expect(del.statusCode).toBe(204);
    expect(await s.db.select().from(resolutions).where(eq(resolutions.id, res.id))).toEqual([]);
    expect(await s.db.select().from(tasks).where(eq(tasks.id, task.id))).toEqual([]);
    expect(
      await s.db.select().from(taskAssignees).where(eq(taskAssignees.taskId, task.id)),
    ).toEqual([]);
    const actions = (
      await s.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.tenantId, s.org.tenantId))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "resolution.create",
        "resolution.update",
        "task.create",
        "resolution.delete",
      ]),
    );
  });

  it("refuses resolutions in a cancelled meeting", async () => {
    const s = await setup();
    const m = await ok<{ id: string }>("POST", "/meetings", s.lead.cookie, {
      unitId: s.org.cellA1.id,
      kind: "thematic",
      date: "2026-03-25",
      startTime: "14:00",
    });
    await ok("POST", `/meetings/${m.id}/cancel`, s.lead.cookie, { reason: "Trùng lịch" });
    problem(
      await call("POST", `/meetings/${m.id}/resolutions`, s.lead.cookie, { title: "X" }),
      409,
      "meeting_state",
    );
  });

  it("records a vote against the official members present; too many ballots are refused", async () => {
    const s = await setup();
    const meetingId = await march(s);
    const res = await ok<{ id: string }>(
      "POST",
      `/meetings/${meetingId}/resolutions`,
      s.lead.cookie,
      { title: "Nghị quyết tháng 3" },
    );
    // No attendance record before the opening.
    problem(
      await call("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
        approve: 1,
        against: 0,
        other: 0,
      }),
      409,
      "meeting_state",
    );
    await open(s, meetingId);
    await allPresent(s, meetingId);
    // Three official members present (Trẻ is probationary and does not vote).
    const before = await snapshot(s, meetingId);
    const over = problem(
      await call("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
        approve: 3,
        against: 1,
        other: 0,
      }),
      422,
      "vote_invalid",
    );
    expect(over.details?.[0]?.path).toBe("body.approve");
    expect(over.detail).toContain("(4)");
    expect(await snapshot(s, meetingId)).toEqual(before);
    const negative = problem(
      await call("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
        approve: -1,
        against: 0,
        other: 0,
      }),
      400,
      "validation_failed",
    );
    expect(negative.details?.[0]?.path).toBe("body.approve");
    problem(
      await call("PUT", `/resolutions/${res.id}/vote`, s.chiUser.cookie, {
        approve: 3,
        against: 0,
        other: 0,
      }),
      403,
      "forbidden",
    );

    const voted = await ok("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
      approve: 2,
      against: 1,
      other: 0,
    });
    expect(voted).toMatchObject({
      vote: { approve: 2, against: 1, other: 0 },
      outcome: "adopted",
      votedAt: "2026-03-20T00:30:00.000Z",
    });
    const rejected = await ok("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
      approve: 1,
      against: 1,
      other: 1,
    });
    expect(rejected).toMatchObject({ outcome: "rejected" });
    const audit = await s.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, res.id), eq(auditLog.action, "resolution.vote")));
    expect(audit).toHaveLength(2);
  });

  it("adopts nothing without quorum", async () => {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    await ok("PUT", `/meetings/${meetingId}/attendance`, s.lead.cookie, {
      marks: [
        { memberId: s.org.people.an.id, status: "present" },
        { memberId: s.org.people.binh.id, status: "absent_unexcused" },
        { memberId: s.chi.id, status: "absent_unexcused" },
        { memberId: s.young.id, status: "absent_unexcused" },
      ],
    });
    const res = await ok<{ id: string }>(
      "POST",
      `/meetings/${meetingId}/resolutions`,
      s.lead.cookie,
      { title: "Nghị quyết tháng 3" },
    );
    const voted = await ok("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
      approve: 1,
      against: 0,
      other: 0,
    });
    expect(voted).toMatchObject({ vote: { approve: 1 }, outcome: "no_quorum" });
  });
});

describe("tasks", () => {
  async function withResolution() {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    const res = await ok<{ id: string }>(
      "POST",
      `/meetings/${meetingId}/resolutions`,
      s.lead.cookie,
      { title: "Nghị quyết tháng 3" },
    );
    return { s, meetingId, resolutionId: res.id };
  }

  it("assigns a task to members of the cell and tells them", async () => {
    const { s, meetingId, resolutionId } = await withResolution();
    const res = await call("POST", `/resolutions/${resolutionId}/tasks`, s.lead.cookie, {
      title: "Rà soát hồ sơ đảng viên",
      details: "Đối chiếu với sổ đảng viên",
      dueDate: "2026-04-10",
      assigneeMemberIds: [s.org.people.binh.id, s.young.id, s.org.people.binh.id],
      assigneeBody: "Chi ủy",
    });
    expect(res.statusCode).toBe(201);
    const task = res.json<{ id: string }>();
    expect(res.json()).toMatchObject({
      meetingId,
      meetingDate: "2026-03-20",
      meetingKind: "regular",
      resolutionId,
      resolutionTitle: "Nghị quyết tháng 3",
      unitId: s.org.cellA1.id,
      unitName: "Chi bộ Phòng A1",
      title: "Rà soát hồ sơ đảng viên",
      dueDate: "2026-04-10",
      assignees: [
        { memberId: s.org.people.binh.id, fullName: "Trần Thị Bình" },
        { memberId: s.young.id, fullName: "Lý Thị Trẻ" },
      ],
      assigneeBody: "Chi ủy",
      state: "open",
      overdue: false,
      can: { report: true, edit: true },
    });
    const [row] = await s.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({
      unitId: s.org.cellA1.id,
      unitPath: s.org.cellA1.path,
      meetingId,
      meetingDate: "2026-03-20",
    });
    // Bình has an account and is told; Trẻ has none.
    const notes = await s.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.tenantId, s.org.tenantId), eq(notifications.taskId, task.id)));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ userId: s.binh.id, kind: "task_assigned", meetingId });

    // Bình sees the task in the resolution, and may report on it but not edit it.
    const mine = await ok<MinutesDto>("GET", `/meetings/${meetingId}/minutes`, s.lead.cookie);
    expect(mine.resolutions[0]?.tasks.map((t) => t.id)).toEqual([task.id]);
  });

  it("refuses a task without assignee, due before the meeting, or assigned outside the cell", async () => {
    const { s, meetingId, resolutionId } = await withResolution();
    const before = await snapshot(s, meetingId);
    const nobody = problem(
      await call("POST", `/resolutions/${resolutionId}/tasks`, s.lead.cookie, {
        title: "Việc không ai làm",
        dueDate: "2026-04-10",
        assigneeMemberIds: [],
      }),
      400,
      "validation_failed",
    );
    expect(nobody.details?.map((d) => d.path)).toEqual(["body.assigneeMemberIds"]);
    const early = problem(
      await call("POST", `/resolutions/${resolutionId}/tasks`, s.lead.cookie, {
        title: "Việc hạn trước ngày họp",
        dueDate: "2026-03-19",
        assigneeMemberIds: [s.org.people.an.id],
      }),
      422,
      "task_due_before_meeting",
    );
    expect(early.details?.[0]?.path).toBe("body.dueDate");
    const elsewhere = problem(
      await call("POST", `/resolutions/${resolutionId}/tasks`, s.lead.cookie, {
        title: "Việc giao nhầm chi bộ",
        dueDate: "2026-04-10",
        assigneeMemberIds: [s.org.people.an.id, s.org.people.dung.id],
      }),
      422,
      "task_assignee_not_in_cell",
    );
    expect(elsewhere.details?.map((d) => d.path)).toEqual(["body.assigneeMemberIds.1"]);
    problem(
      await call("POST", `/resolutions/${resolutionId}/tasks`, s.chiUser.cookie, {
        title: "X",
        dueDate: "2026-04-10",
        assigneeBody: "Chi ủy",
      }),
      403,
      "forbidden",
    );
    expect(await snapshot(s, meetingId)).toEqual(before);
    const notes = await s.db
      .select()
      .from(notifications)
      .where(eq(notifications.tenantId, s.org.tenantId));
    expect(notes).toEqual([]);
  });

  it("edits a task: new assignees are told, removed ones dropped; deletes it", async () => {
    const { s, meetingId, resolutionId } = await withResolution();
    const task = await ok<{ id: string }>(
      "POST",
      `/resolutions/${resolutionId}/tasks`,
      s.lead.cookie,
      { title: "Việc A", dueDate: "2026-04-10", assigneeMemberIds: [s.org.people.an.id] },
    );
    const patched = await ok("PATCH", `/tasks/${task.id}`, s.lead.cookie, {
      title: "Việc A (sửa)",
      dueDate: "2026-04-30",
      assigneeMemberIds: [s.org.people.binh.id],
    });
    expect(patched).toMatchObject({
      title: "Việc A (sửa)",
      dueDate: "2026-04-30",
      assignees: [{ memberId: s.org.people.binh.id }],
    });
    const notes = await s.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.taskId, task.id));
    expect(notes.map((n) => n.userId).sort()).toEqual([s.an.id, s.binh.id].sort());
    problem(
      await call("PATCH", `/tasks/${task.id}`, s.lead.cookie, { dueDate: "2026-03-01" }),
      422,
      "task_due_before_meeting",
    );
    problem(
      await call("PATCH", `/tasks/${task.id}`, s.lead.cookie, {
        assigneeMemberIds: [s.org.people.anh.id],
      }),
      422,
      "task_assignee_not_in_cell",
    );
    problem(
      await call("PATCH", `/tasks/${task.id}`, s.otherLead.cookie, { title: "X" }),
      404,
      "not_found",
    );
    problem(await call("DELETE", `/tasks/${task.id}`, s.chiUser.cookie), 403, "forbidden");
    expect((await call("DELETE", `/tasks/${task.id}`, s.lead.cookie)).statusCode).toBe(204);
    expect(await s.db.select().from(tasks).where(eq(tasks.meetingId, meetingId))).toEqual([]);
    problem(await call("DELETE", `/tasks/${task.id}`, s.lead.cookie), 404, "not_found");
  });
});

describe("signing and locking", () => {
  it("is refused until the meeting is held and the minutes complete, naming each missing thing", async () => {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    await ok("POST", `/meetings/${meetingId}/resolutions`, s.lead.cookie, {
      title: "Chưa biểu quyết",
    });
    const early = problem(
      await call("POST", `/meetings/${meetingId}/minutes/sign`, s.lead.cookie, { as: "chair" }),
      422,
      "minutes_not_ready",
    );
    expect(early.details?.map((d) => d.path)).toEqual([
      "meeting.status",
      "chairMemberId",
      "minuteTakerMemberId",
      "content.items",
      "resolutions.0.vote",
    ]);
    // A member who holds neither role cannot sign at all.
    problem(
      await call("POST", `/meetings/${meetingId}/minutes/sign`, s.chiUser.cookie, { as: "chair" }),
      403,
      "forbidden",
    );
    expect(await minutesRow(s, meetingId)).toBeUndefined();
  });

  it("locks once both have signed: attendance frozen, resolution numbered, signed text audited", async () => {
    const s = await setup();
    const { meetingId, resolutionId } = await readyToSign(s);
    // Only the holder of a role signs it; a lead cannot sign for someone who has an account.
    problem(
      await call("POST", `/meetings/${meetingId}/minutes/sign`, s.binh.cookie, { as: "chair" }),
      403,
      "forbidden",
    );
    problem(
      await call("POST", `/meetings/${meetingId}/minutes/sign`, s.lead.cookie, { as: "chair" }),
      403,
      "forbidden",
    );
    const chair = await ok<MinutesDto>("POST", `/meetings/${meetingId}/minutes/sign`, s.an.cookie, {
      as: "chair",
    });
    expect(chair).toMatchObject({
      state: "draft",
      signatures: {
        chair: { at: "2026-03-20T02:30:00.000Z", byName: "Nguyễn Văn An", onBehalf: false },
        minuteTaker: null,
      },
      lockedAt: null,
    });
    // Signing again for the same role changes nothing (idempotent).
    const again = await ok<MinutesDto>("POST", `/meetings/${meetingId}/minutes/sign`, s.an.cookie, {
      as: "chair",
    });
    expect(again.signatures).toEqual(chair.signatures);

    // Attendance changes after the meeting are not what was signed: the snapshot keeps the signed one.
    await travel(s, s.org.tenantId, "2026-03-20T03:00:00Z");
    const locked = await ok<MinutesDto>(
      "POST",
      `/meetings/${meetingId}/minutes/sign`,
      s.binh.cookie,
      { as: "minute_taker" },
    );
    expect(locked).toMatchObject({
      state: "signed",
      lockedAt: "2026-03-20T03:00:00.000Z",
      signatures: {
        minuteTaker: { byName: "Trần Thị Bình", onBehalf: false },
      },
      can: { edit: false, signAsChair: false, signAsMinuteTaker: false, addendum: false },
    });
    expect(locked.resolutions[0]).toMatchObject({ id: resolutionId, number: "Số 01-NQ/CB" });
    const row = await minutesRow(s, meetingId);
    expect(row?.attendanceSnapshot).toMatchObject({
      counts: { total: 4, present: 4 },
      officialPresent: 3,
      hasQuorum: true,
    });
    await s.db
      .update(attendance)
      .set({ status: "absent_unexcused" })
      .where(eq(attendance.meetingId, meetingId));
    const read = await ok<MinutesDto>("GET", `/meetings/${meetingId}/minutes`, s.lead.cookie);
    expect(read.attendance.counts.present).toBe(4);

    const [lockAudit] = await s.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, meetingId), eq(auditLog.action, "minutes.lock")));
    expect(lockAudit?.after).toMatchObject({
      content: { opening: "Đồng chí An tuyên bố lý do." },
      chairMemberId: s.org.people.an.id,
      resolutions: [{ id: resolutionId, number: "Số 01-NQ/CB", outcome: "adopted" }],
    });
    const signs = await s.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, meetingId), eq(auditLog.action, "minutes.sign")));
    expect(signs).toHaveLength(2);
    // Signing locked minutes: refused.
    problem(
      await call("POST", `/meetings/${meetingId}/minutes/sign`, s.an.cookie, { as: "chair" }),
      409,
      "minutes_locked",
    );
  });

  it("numbers the unit's resolutions in sequence, per kind", async () => {
    const s = await setup();
    const { meetingId } = await readyToSign(s);
    // An earlier resolution of the cell already holds number 4.
    await s.db.insert(resolutions).values({
      tenantId: s.org.tenantId,
      meetingId: randomUUID(),
      unitId: s.org.cellA1.id,
      unitPath: s.org.cellA1.path,
      kind: "resolution",
      number: 4,
      title: "Nghị quyết tháng 2",
    });
    const locked = await signBoth(s, meetingId);
    expect(locked.resolutions.map((r) => r.number)).toEqual(["Số 05-NQ/CB"]);
  });

  it("lets a lead confirm for a signer without an account (the signature is in the book)", async () => {
    const s = await setup();
    const { meetingId } = await readyToSign(s);
    const rev = (await minutesRow(s, meetingId))?.rev ?? 0;
    const res = await call("PUT", `/meetings/${meetingId}/minutes`, s.lead.cookie, {
      rev,
      chairMemberId: s.org.people.an.id,
      minuteTakerMemberId: s.young.id,
      content: content(s),
    });
    expect(res.statusCode).toBe(200);
    problem(
      await call("POST", `/meetings/${meetingId}/minutes/sign`, s.binh.cookie, {
        as: "minute_taker",
      }),
      403,
      "forbidden",
    );
    const dto = await ok<MinutesDto>("POST", `/meetings/${meetingId}/minutes/sign`, s.lead.cookie, {
      as: "minute_taker",
    });
    expect(dto.signatures.minuteTaker).toMatchObject({ byName: "Lý Thị Trẻ", onBehalf: true });
    expect(await minutesRow(s, meetingId)).toMatchObject({
      takerSignedBy: s.lead.id,
      takerOnBehalf: true,
      lockedAt: null,
    });
  });

  it("voids a signature when what was signed changes afterwards", async () => {
    const s = await setup();
    const { meetingId, resolutionId } = await readyToSign(s);
    await ok("POST", `/meetings/${meetingId}/minutes/sign`, s.an.cookie, { as: "chair" });
    // Saving the same text keeps the signature.
    const rev = (await minutesRow(s, meetingId))?.rev ?? 0;
    expect((await save(s, meetingId, rev, s.binh.cookie)).statusCode).toBe(200);
    expect((await minutesRow(s, meetingId))?.chairSignedAt).not.toBeNull();
    // A new vote is not what the chair signed.
    await ok("PUT", `/resolutions/${resolutionId}/vote`, s.lead.cookie, {
      approve: 2,
      against: 1,
      other: 0,
    });
    expect(await minutesRow(s, meetingId)).toMatchObject({
      chairSignedAt: null,
      chairSignedBy: null,
    });
    await ok("POST", `/meetings/${meetingId}/minutes/sign`, s.an.cookie, { as: "chair" });
    const changed = await call("PUT", `/meetings/${meetingId}/minutes`, s.binh.cookie, {
      rev: rev + 1,
      chairMemberId: s.org.people.an.id,
      minuteTakerMemberId: s.org.people.binh.id,
      content: content(s, { other: "Bổ sung sau khi ký" }),
    });
    expect(changed.statusCode).toBe(200);
    expect((await minutesRow(s, meetingId))?.chairSignedAt).toBeNull();
  });

  it("refuses every write to locked minutes and writes nothing", async () => {
    const s = await setup();
    const { meetingId, resolutionId, taskId } = await readyToSign(s);
    await signBoth(s, meetingId);
    const before = await snapshot(s, meetingId);
    const rev = before.minutes?.rev ?? 0;
    const refusals = [
      await save(s, meetingId, rev),
      await save(s, meetingId, rev, s.binh.cookie),
      await call("POST", `/meetings/${meetingId}/resolutions`, s.lead.cookie, { title: "Mới" }),
      await call("PATCH", `/resolutions/${resolutionId}`, s.lead.cookie, { title: "Sửa" }),
      await call("DELETE", `/resolutions/${resolutionId}`, s.lead.cookie),
      await call("PUT", `/resolutions/${resolutionId}/vote`, s.lead.cookie, {
        approve: 1,
        against: 0,
        other: 0,
      }),
      await call("POST", `/resolutions/${resolutionId}/tasks`, s.lead.cookie, {
        title: "Việc mới",
        dueDate: "2026-05-01",
        assigneeBody: "Chi ủy",
      }),
      await call("PATCH", `/tasks/${taskId}`, s.lead.cookie, { title: "Sửa" }),
      await call("DELETE", `/tasks/${taskId}`, s.lead.cookie),
      await call("PUT", `/meetings/${meetingId}/reviews/${taskId}`, s.lead.cookie, {
        verdict: "done",
      }),
    ];
    for (const res of refusals) problem(res, 409, "minutes_locked");
    expect(await snapshot(s, meetingId)).toEqual(before);
  });
});

describe("addenda", () => {
  it("adds a dated correction to locked minutes and keeps the signed text intact", async () => {
    const s = await setup();
    const { meetingId } = await readyToSign(s);
    const early = problem(
      await call("POST", `/meetings/${meetingId}/minutes/addenda`, s.lead.cookie, {
        text: "Đính chính",
      }),
      409,
      "minutes_not_ready",
    );
    expect(early.detail).toContain("sửa trực tiếp bản nháp");
    await signBoth(s, meetingId);
    const signedRow = await minutesRow(s, meetingId);
    problem(
      await call("POST", `/meetings/${meetingId}/minutes/addenda`, s.binh.cookie, {
        text: "Đính chính",
      }),
      403,
      "forbidden",
    );
    await travel(s, s.org.tenantId, "2026-03-22T02:00:00Z");
    const dto = await ok<MinutesDto>(
      "POST",
      `/meetings/${meetingId}/minutes/addenda`,
      s.lead.cookie,
      { text: "Đính chính: đồng chí Bình phát biểu ở mục 1, không phải mục 2." },
    );
    expect(dto.addenda).toEqual([
      {
        id: expect.any(String),
        text: "Đính chính: đồng chí Bình phát biểu ở mục 1, không phải mục 2.",
        createdAt: "2026-03-22T02:00:00.000Z",
        createdBy: expect.stringContaining("Người dùng"),
      },
    ]);
    expect(dto.content).toEqual(signedRow?.content);
    expect(await minutesRow(s, meetingId)).toEqual(signedRow);
    const audit = await s.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, meetingId), eq(auditLog.action, "minutes.addendum")));
    expect(audit).toHaveLength(1);
  });
});

describe("the next regular meeting reviews open tasks", () => {
  it("lists last month's tasks, refuses to sign until each is reviewed, and moves them by the verdict", async () => {
    const s = await setup();
    const { meetingId: marchId, taskId } = await readyToSign(s);
    const res2 = await ok<{ id: string }>(
      "POST",
      `/meetings/${marchId}/resolutions`,
      s.lead.cookie,
      { title: "Kết luận về công tác dân vận", kind: "conclusion" },
    );
    await ok("PUT", `/resolutions/${res2.id}/vote`, s.lead.cookie, {
      approve: 3,
      against: 0,
      other: 0,
    });
    const task2 = await ok<{ id: string }>("POST", `/resolutions/${res2.id}/tasks`, s.lead.cookie, {
      title: "Thăm hộ nghèo",
      dueDate: "2026-04-30",
      assigneeBody: "Chi ủy",
    });
    const marchLocked = await signBoth(s, marchId);
    expect(marchLocked.resolutions.map((r) => r.number)).toEqual(["Số 01-NQ/CB", "Số 01-KL/CB"]);

    const aprilId = await regularMeetingId(s.org.cellA1.id, "2026-04", s.lead.cookie);
    await open(s, aprilId, "2026-04-20T00:30:00Z");
    await allPresent(s, aprilId);
    const april = await ok<MinutesDto>("GET", `/meetings/${aprilId}/minutes`, s.lead.cookie);
    expect(april.reviews.map((r) => [r.task.id, r.verdict])).toEqual([
      [taskId, null],
      [task2.id, null],
    ]);
    expect(april.reviewCoverage).toBe(0);
    expect((await save(s, aprilId, 0)).statusCode).toBe(200);
    await close(s, aprilId, "2026-04-20T02:30:00Z");
    const refused = problem(
      await call("POST", `/meetings/${aprilId}/minutes/sign`, s.an.cookie, { as: "chair" }),
      422,
      "minutes_not_ready",
    );
    expect(refused.details?.map((d) => d.path)).toEqual([
      `reviews.${taskId}`,
      `reviews.${task2.id}`,
    ]);

    // Reviews: a member cannot, not_done needs its cause, a task not under review is not found.
    problem(
      await call("PUT", `/meetings/${aprilId}/reviews/${taskId}`, s.chiUser.cookie, {
        verdict: "done",
      }),
      403,
      "forbidden",
    );
    const noCause = problem(
      await call("PUT", `/meetings/${aprilId}/reviews/${taskId}`, s.lead.cookie, {
        verdict: "not_done",
      }),
      400,
      "validation_failed",
    );
    expect(noCause.details?.[0]?.path).toBe("body.cause");
    problem(
      await call("PUT", `/meetings/${aprilId}/reviews/${randomUUID()}`, s.lead.cookie, {
        verdict: "done",
      }),
      404,
      "not_found",
    );
    // The March meeting itself does not review its own tasks.
    problem(
      await call("PUT", `/meetings/${marchId}/reviews/${taskId}`, s.lead.cookie, {
        verdict: "done",
      }),
      409,
      "minutes_locked",
    );

    const first = await ok("PUT", `/meetings/${aprilId}/reviews/${taskId}`, s.lead.cookie, {
      verdict: "not_done",
      cause: "Chưa đủ số liệu từ các phòng",
    });
    expect(first).toMatchObject({
      verdict: "not_done",
      cause: "Chưa đủ số liệu từ các phòng",
      task: { id: taskId, state: "not_done", lastNote: "Chưa đủ số liệu từ các phòng" },
    });
    // A second review by the same meeting corrects the first.
    const corrected = await ok("PUT", `/meetings/${aprilId}/reviews/${taskId}`, s.lead.cookie, {
      verdict: "done",
    });
    expect(corrected).toMatchObject({ verdict: "done", cause: null, task: { state: "done" } });
    await ok("PUT", `/meetings/${aprilId}/reviews/${task2.id}`, s.lead.cookie, {
      verdict: "in_progress",
    });
    const reviews = await s.db.select().from(taskReviews).where(eq(taskReviews.meetingId, aprilId));
    expect(reviews).toHaveLength(2);
    const reviewed = await ok<MinutesDto>("GET", `/meetings/${aprilId}/minutes`, s.lead.cookie);
    expect(reviewed.reviewCoverage).toBe(1);
    expect(reviewed.reviews.map((r) => [r.verdict, r.task.state])).toEqual([
      ["done", "done"],
      ["in_progress", "in_progress"],
    ]);

    const aprilLocked = await signBoth(s, aprilId);
    expect(aprilLocked.state).toBe("signed");

    // May lists the task still in progress, not the one done.
    const mayId = await regularMeetingId(s.org.cellA1.id, "2026-05", s.lead.cookie);
    await travel(s, s.org.tenantId, "2026-05-20T00:30:00Z");
    const may = await ok<MinutesDto>("GET", `/meetings/${mayId}/minutes`, s.lead.cookie);
    expect(may.reviews.map((r) => r.task.id)).toEqual([task2.id]);
  });
});

describe("who reads what", () => {
  it("shows signed minutes to every member of the cell, and nothing to another cell", async () => {
    const s = await setup();
    const { meetingId } = await readyToSign(s);
    problem(
      await call("GET", `/meetings/${meetingId}/minutes`, s.chiUser.cookie),
      403,
      "forbidden",
    );
    // The minute-taker reads the draft.
    expect((await call("GET", `/meetings/${meetingId}/minutes`, s.binh.cookie)).statusCode).toBe(
      200,
    );
    await signBoth(s, meetingId);
    const read = await call("GET", `/meetings/${meetingId}/minutes`, s.chiUser.cookie);
    expect(read.statusCode).toBe(200);
    const dto = read.json<MinutesDto>();
    expect(dto).toMatchObject({ state: "signed", can: { edit: false, addendum: false } });
    problem(
      await call("GET", `/meetings/${meetingId}/minutes`, s.otherLead.cookie),
      404,
      "not_found",
    );
  });

  it("hides other members' reasons for absence from plain members", async () => {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    await ok("PUT", `/meetings/${meetingId}/attendance`, s.lead.cookie, {
      marks: [{ memberId: s.chi.id, status: "absent_excused", reason: "Ốm" }],
    });
    expect((await save(s, meetingId, 0)).statusCode).toBe(200);
    const asTaker = await ok<MinutesDto>("GET", `/meetings/${meetingId}/minutes`, s.binh.cookie);
    expect(asTaker.attendance.absentExcused).toEqual([
      { memberId: s.chi.id, fullName: "Lê Văn Chí", reason: null },
    ]);
    const asLead = await ok<MinutesDto>("GET", `/meetings/${meetingId}/minutes`, s.lead.cookie);
    expect(asLead.attendance.absentExcused[0]?.reason).toBe("Ốm");
  });
});

describe("export data", () => {
  it("gives the .docx builder the minutes and the header facts", async () => {
    const s = await setup();
    const { meetingId } = await readyToSign(s);
    await signBoth(s, meetingId);
    const service = createMinutesService({ db: s.db, clock: s.clock });
    const actor = (
      userId: string,
      memberId: string | null,
      role: "cell_lead" | "member",
    ): Actor => ({
      userId,
      tenantId: s.org.tenantId,
      username: "x",
      memberId,
      memberPath: memberId === null ? null : s.org.cellA1.path,
      grants: [{ id: randomUUID(), role, unitId: s.org.cellA1.id, unitPath: s.org.cellA1.path }],
    });
    const data = await service.exportData(actor(s.lead.id, null, "cell_lead"), meetingId);
    expect(data.header).toEqual({
      superiorName: "Đảng bộ Sở A",
      issuerName: "Chi bộ Phòng A1",
      place: "Hội trường tầng 2",
      date: "2026-03-20",
      period: "2026-03",
      topic: null,
      label: "Sinh hoạt chi bộ thường kỳ tháng 3/2026",
    });
    expect(data.minutes).toMatchObject({
      meetingId,
      state: "signed",
      chairName: "Nguyễn Văn An",
      minuteTakerName: "Trần Thị Bình",
      resolutions: [{ number: "Số 01-NQ/CB", vote: { approve: 3, against: 0, other: 0 } }],
    });
    expect(data.minutes.content.items[0]?.opinions[0]?.speakerName).toBe("Đồng chí Trần Thị Bình");
    // Same access as reading: another cell's lead finds nothing.
    const stranger: Actor = {
      ...actor(s.otherLead.id, null, "cell_lead"),
      grants: [
        {
          id: randomUUID(),
          role: "cell_lead",
          unitId: s.org.cellB1.id,
          unitPath: s.org.cellB1.path,
        },
      ],
    };
    await expect(service.exportData(stranger, meetingId)).rejects.toMatchObject({ status: 404 });
  });
});

describe(".docx export", () => {
  it("writes the minutes and the resolution in the Party layout, parsed back: header, attendance, every opinion, the vote", async () => {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    await ok("PUT", `/meetings/${meetingId}/attendance`, s.lead.cookie, {
      marks: [
        { memberId: s.org.people.an.id, status: "present" },
        { memberId: s.org.people.binh.id, status: "present" },
        { memberId: s.young.id, status: "present" },
        { memberId: s.chi.id, status: "absent_excused", reason: "Đi công tác Hà Nội" },
      ],
    });
    const speakers = [
      [
        s.org.people.binh.id,
        "Đồng chí Trần Thị Bình",
        "Đề nghị giao việc rõ người, rõ hạn & rõ kết quả.",
      ],
      [s.young.id, "Đồng chí Lý Thị Trẻ", "Đoàn viên trẻ xin nhận nhiệm vụ chuyển đổi số."],
      [s.org.people.an.id, "Đồng chí Nguyễn Văn An", "Tiếp thu ý kiến, bổ sung vào nghị quyết."],
    ] as const;
    const body = content(s);
    const item = body.items[0];
    if (!item) throw new Error("no item");
    item.opinions = speakers.map(([memberId, name, text]) => ({
      id: randomUUID(),
      speakerMemberId: memberId,
      speakerGuestId: null,
      speakerName: name,
      text,
    }));
    await ok("PUT", `/meetings/${meetingId}/minutes`, s.lead.cookie, {
      rev: 0,
      chairMemberId: s.org.people.an.id,
      minuteTakerMemberId: s.org.people.binh.id,
      content: body,
    });
    const res = await ok<{ id: string }>(
      "POST",
      `/meetings/${meetingId}/resolutions`,
      s.lead.cookie,
      {
        title: "Nghị quyết tháng 3/2026",
        content: "Tập trung hoàn thành kế hoạch quý I.",
      },
    );
    await ok("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
      approve: 2,
      against: 0,
      other: 0,
    });
    await ok("POST", `/resolutions/${res.id}/tasks`, s.lead.cookie, {
      title: "Hoàn thành báo cáo quý I",
      dueDate: "2026-04-15",
      assigneeMemberIds: [s.org.people.binh.id],
    });
    await close(s, meetingId);

    // A draft is exported for its writers only.
    problem(
      await call("GET", `/meetings/${meetingId}/minutes/export.docx`, s.chiUser.cookie),
      403,
      "forbidden",
    );
    await signBoth(s, meetingId);

    const file = await call("GET", `/meetings/${meetingId}/minutes/export.docx`, s.chiUser.cookie);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("wordprocessingml.document");
    expect(file.headers["content-disposition"]).toContain("bien-ban-2026-03-20.docx");
    const doc = readDocx(file.rawPayload);
    for (const part of Object.values(doc.parts)) expect(xmlProblem(part)).toBeNull();
    const text = doc.paragraphs.join("\n");
    expect(doc.paragraphs).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(doc.paragraphs).toContain("ĐẢNG BỘ SỞ A");
    expect(doc.paragraphs).toContain("CHI BỘ PHÒNG A1");
    expect(doc.paragraphs).toContain("BIÊN BẢN");
    expect(text).toMatch(/ngày 20 tháng 03 năm 2026/u);
    // Attendance from the record: 4 on the roll, 3 present, the absentee named with the reason.
    expect(text).toMatch(/Tổng số đảng viên[^\n]*4/u);
    expect(text).toContain("Đi công tác Hà Nội");
    expect(text).toContain("Lê Văn Chí");
    for (const [, name, said] of speakers) {
      expect(
        doc.paragraphs.some((p) => p.includes(name.replace("Đồng chí ", "")) && p.includes(said)),
      ).toBe(true);
    }
    expect(text).toContain("Biểu quyết: tán thành 2/2 đồng chí, không tán thành 0, ý kiến khác 0.");
    expect(text).toContain("Hoàn thành báo cáo quý I");
    expect(doc.paragraphs).toContain("THƯ KÝ");
    expect(doc.paragraphs).toContain("CHỦ TRÌ");

    const nq = await call("GET", `/resolutions/${res.id}/export.docx`, s.chiUser.cookie);
    expect(nq.statusCode).toBe(200);
    const resolution = readDocx(nq.rawPayload);
    expect(resolution.paragraphs).toContain("NGHỊ QUYẾT");
    expect(resolution.paragraphs).toContain("Số 01-NQ/CB");
    expect(resolution.paragraphs.join("\n")).toContain("tán thành 2/2");
    expect(resolution.paragraphs).toContain("T/M CHI BỘ");
    // Another cell finds nothing.
    problem(
      await call("GET", `/resolutions/${res.id}/export.docx`, s.otherLead.cookie),
      404,
      "not_found",
    );
  });
});

describe("tenancy", () => {
  it("names tenant_id in every statement of the minutes' flow", async () => {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    await allPresent(s, meetingId);
    const queries = await captureQueries(async () => {
      await ok("GET", `/meetings/${meetingId}/minutes`, s.lead.cookie);
      expect((await save(s, meetingId, 0)).statusCode).toBe(200);
      const res = await ok<{ id: string }>(
        "POST",
        `/meetings/${meetingId}/resolutions`,
        s.lead.cookie,
        { title: "Nghị quyết" },
      );
      await ok("PATCH", `/resolutions/${res.id}`, s.lead.cookie, { content: "Nội dung" });
      await ok("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
        approve: 3,
        against: 0,
        other: 0,
      });
      const task = await ok<{ id: string }>("POST", `/resolutions/${res.id}/tasks`, s.lead.cookie, {
        title: "Việc",
        dueDate: "2026-04-01",
        assigneeMemberIds: [s.org.people.binh.id],
      });
      await ok("PATCH", `/tasks/${task.id}`, s.lead.cookie, {
        assigneeMemberIds: [s.org.people.an.id],
      });
      const spare = await ok<{ id: string }>(
        "POST",
        `/meetings/${meetingId}/resolutions`,
        s.lead.cookie,
        { title: "Dự thảo bỏ đi" },
      );
      const spareTask = await ok<{ id: string }>(
        "POST",
        `/resolutions/${spare.id}/tasks`,
        s.lead.cookie,
        { title: "Việc bỏ đi", dueDate: "2026-04-01", assigneeBody: "Chi ủy" },
      );
      await ok("DELETE", `/tasks/${spareTask.id}`, s.lead.cookie);
      await ok("DELETE", `/resolutions/${spare.id}`, s.lead.cookie);
      await close(s, meetingId);
      await signBoth(s, meetingId);
      await ok("POST", `/meetings/${meetingId}/minutes/addenda`, s.lead.cookie, { text: "Sửa" });
      await ok("GET", `/meetings/${meetingId}/minutes`, s.chiUser.cookie);
    });
    const statements = queries.filter(
      (q) => !/^(begin|commit|rollback|savepoint|release)/iu.test(q),
    );
    expect(statements.filter((q) => !q.includes("tenant_id"))).toEqual([]);
  });

  it("keeps the autosave to two statements besides the session", async () => {
    const s = await setup();
    const meetingId = await march(s);
    await open(s, meetingId);
    expect((await save(s, meetingId, 0)).statusCode).toBe(200);
    const queries = await captureQueries(async () => {
      expect((await save(s, meetingId, 1, s.lead.cookie)).statusCode).toBe(200);
    });
    const own = queries.filter((q) => q.includes('"minutes"'));
    expect(own).toHaveLength(2);
    expect(queries.some((q) => /^begin/iu.test(q))).toBe(false);
  });
});
