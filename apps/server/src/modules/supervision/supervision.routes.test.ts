import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import {
  isInsider,
  type Role,
  type SupervisionAssignmentDto,
  type VisitDto,
  type VisitorComplianceDto,
  type MeetingKind,
  type MeetingStatus,
} from "@chibo/domain";
import { captureQueries, testContext } from "#test/db";
import { call, problem, type Json, type Problem } from "#test/http";
import { createMember, createOrg, createUser, travel, type TestUnit } from "#test/factories";
import type { Db } from "../../db/client.js";
import {
  auditLog,
  meetingGuests,
  meetingScores,
  meetings,
  supervisionAssignments,
  units,
  visits,
} from "../../db/schema/index.js";
import { readDocx } from "../../lib/docx/docx-reader.testing.js";

type Org = Awaited<ReturnType<typeof createOrg>>;

afterEach(async () => {
  (await testContext()).clock.reset();
});

const REPORT = {
  time: "19 giờ 30 ngày 20/3/2026",
  cell: "Chi bộ Phòng A1",
  situation: "Cơ sở ổn định; chi bộ 12 đảng viên",
  organisation: "Chuẩn bị chu đáo, đúng trình tự",
  exchanged: "Việc thu đảng phí",
  opinions: "Cần phân công nhiệm vụ cụ thể hơn",
  taken_back: "Kiến nghị về kinh phí",
  assessment: "Khá",
  score_decision: "Đồng ý mức Khá",
};

async function insertMeeting(
  db: Db,
  org: Org,
  values: {
    date: string;
    kind?: MeetingKind;
    status?: MeetingStatus;
    unit?: TestUnit;
    registeredDate?: string | null;
    heldOn?: string | null;
  },
): Promise<string> {
  const unit = values.unit ?? org.cellA1;
  const kind = values.kind ?? "regular";
  const [row] = await db
    .insert(meetings)
    .values({
      tenantId: org.tenantId,
      unitId: unit.id,
      unitPath: unit.path,
      kind,
      status: values.status ?? "planned",
      date: values.date,
      period: kind === "regular" ? values.date.slice(0, 7) : null,
      registeredDate:
        values.registeredDate === undefined
          ? kind === "regular"
            ? values.date
            : null
          : values.registeredDate,
      heldOn: values.heldOn ?? null,
      startTime: "07:30",
      place: "Hội trường tầng 2",
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error("insert failed");
  return row.id;
}

async function setMeetingStatus(db: Db, id: string, status: MeetingStatus, heldOn?: string) {
  await db
    .update(meetings)
    .set({ status, heldOn: heldOn ?? null })
    .where(eq(meetings.id, id));
}

async function setup() {
  const ctx = await testContext();
  const db = ctx.database.db;
  const org = await createOrg(db);
  const lead = await createUser(
    db,
    org.tenantId,
    [{ role: "cell_lead", unit: org.cellA1 }],
    undefined,
    { memberId: org.people.an.id },
  );
  const member = await createUser(
    db,
    org.tenantId,
    [{ role: "member", unit: org.cellA1 }],
    undefined,
    { memberId: org.people.binh.id },
  );
  const otherLead = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellA2 }]);
  const committee = await createUser(db, org.tenantId, [{ role: "committee", unit: org.dbA }]);
  // Staff of committee A (supervisor role), assigned to follow cell A1.
  const visitor = await createUser(db, org.tenantId, [{ role: "supervisor", unit: org.dbA }]);
  const outsider = await createUser(db, org.tenantId, [{ role: "committee", unit: org.dbB }]);
  const admin = await createUser(db, org.tenantId, [{ role: "admin", unit: org.root }]);
  return { ...ctx, db, org, lead, member, otherLead, committee, visitor, outsider, admin };
}
type Setup = Awaited<ReturnType<typeof setup>>;

async function assign(s: Setup, userId: string, unit: TestUnit, extra: Json = {}) {
  const res = await call("POST", "/supervision-assignments", s.committee.cookie, {
    userId,
    unitId: unit.id,
    startsOn: "2026-01-01",
    visitsPerQuarter: 1,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SupervisionAssignmentDto>();
}

async function plan(s: Setup, cookie: string, body: Json) {
  return call("POST", "/visits", cookie, { unitId: s.org.cellA1.id, ...body });
}

describe("supervision assignments", () => {
  it("assigns a committee's staff to a cell, lists and ends it, audited", async () => {
    const s = await setup();
    const a = await assign(s, s.visitor.id, s.org.cellA1);
    expect(a).toMatchObject({
      userId: s.visitor.id,
      unitId: s.org.cellA1.id,
      unitName: "Chi bộ Phòng A1",
      startsOn: "2026-01-01",
      endsOn: null,
      visitsPerQuarter: 1,
      active: true,
    });
    const list = await call(
      "GET",
      `/units/${s.org.dbA.id}/supervision-assignments`,
      s.committee.cookie,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: SupervisionAssignmentDto[] }>().items.map((i) => i.id)).toEqual([
      a.id,
    ]);
    // org_board-like readers (admin) see it too; the cell's lead has meeting.alerts on the cell.
    expect(
      (await call("GET", `/units/${s.org.root.id}/supervision-assignments`, s.admin.cookie))
        .statusCode,
    ).toBe(200);
    // A plain member has neither meeting.write nor meeting.alerts.
    const byMember = await call(
      "GET",
      `/units/${s.org.cellA1.id}/supervision-assignments`,
      s.member.cookie,
    );
    expect(byMember.statusCode).toBe(403);

    const ended = await call("PATCH", `/supervision-assignments/${a.id}`, s.committee.cookie, {
      endsOn: "2026-02-28",
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<SupervisionAssignmentDto>()).toMatchObject({
      endsOn: "2026-02-28",
      active: false,
    });
    const before = await call("PATCH", `/supervision-assignments/${a.id}`, s.committee.cookie, {
      endsOn: "2025-12-31",
    });
    expect(before.statusCode).toBe(422);
    expect(before.json<Problem>().details?.map((d) => d.path)).toEqual(["body.endsOn"]);
    const audits = await s.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, s.org.tenantId), eq(auditLog.entityId, a.id)));
    expect(audits.map((x) => x.action).sort()).toEqual([
      "supervision_assignment.create",
      "supervision_assignment.end",
    ]);
  });

  it("refuses insiders, bad numbers, non-cells, and callers without a grant above the cell", async () => {
    const s = await setup();
    const count = async () =>
      (
        await s.db
          .select()
          .from(supervisionAssignments)
          .where(eq(supervisionAssignments.tenantId, s.org.tenantId))
      ).length;
    // The lead of the cell is an insider.
    const insider = await call("POST", "/supervision-assignments", s.committee.cookie, {
      userId: s.lead.id,
      unitId: s.org.cellA1.id,
      startsOn: "2026-01-01",
      visitsPerQuarter: 1,
    });
    expect(insider.statusCode).toBe(422);
    expect(insider.json<Problem>().details?.map((d) => d.path)).toEqual(["body.userId"]);
    // Someone with no grant above the cell (the lead of a sibling cell).
    const notAbove = await call("POST", "/supervision-assignments", s.committee.cookie, {
      userId: s.otherLead.id,
      unitId: s.org.cellA1.id,
      startsOn: "2026-01-01",
      visitsPerQuarter: 1,
    });
    expect(notAbove.statusCode).toBe(422);
    expect(notAbove.json<Problem>().details?.[0]?.message).toMatch(/cấp ủy cấp trên/u);
    // Every problem at once.
    const bad = await call("POST", "/supervision-assignments", s.committee.cookie, {
      userId: s.visitor.id,
      unitId: s.org.cellA1.id,
      startsOn: "2026-03-01",
      endsOn: "2026-02-01",
      visitsPerQuarter: 0,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<Problem>().details?.map((d) => d.path)).toEqual([
      "body.endsOn",
      "body.visitsPerQuarter",
    ]);
    const notCell = await call("POST", "/supervision-assignments", s.committee.cookie, {
      userId: s.visitor.id,
      unitId: s.org.dbA.id,
      startsOn: "2026-01-01",
      visitsPerQuarter: 1,
    });
    expect(notCell.statusCode).toBe(403); // dbA is the committee's own unit: nothing strictly above
    const notCellByAdmin = await call("POST", "/supervision-assignments", s.admin.cookie, {
      userId: s.visitor.id,
      unitId: s.org.dbA.id,
      startsOn: "2026-01-01",
      visitsPerQuarter: 1,
    });
    expect(notCellByAdmin.statusCode).toBe(422);
    expect(notCellByAdmin.json<Problem>()).toMatchObject({ code: "not_a_cell" });
    // The cell's own lead may not assign followers to it; another committee cannot even see it.
    const byLead = await call("POST", "/supervision-assignments", s.lead.cookie, {
      userId: s.visitor.id,
      unitId: s.org.cellA1.id,
      startsOn: "2026-01-01",
      visitsPerQuarter: 1,
    });
    expect(byLead.statusCode).toBe(403);
    const byOutsider = await call("POST", "/supervision-assignments", s.outsider.cookie, {
      userId: s.visitor.id,
      unitId: s.org.cellA1.id,
      startsOn: "2026-01-01",
      visitsPerQuarter: 1,
    });
    expect(byOutsider.statusCode).toBe(404);
    expect(await count()).toBe(0);
  });
});

describe("visits", () => {
  it("plans, attends (as an upper-level guest), reports; refuses every wrong step", async () => {
    const s = await setup();
    await assign(s, s.visitor.id, s.org.cellA1);
    const m = await insertMeeting(s.db, s.org, { date: "2026-03-20" });
    await insertMeeting(s.db, s.org, { date: "2026-04-03" });

    const cells = await call("GET", "/me/assigned-cells", s.visitor.cookie);
    expect(cells.statusCode).toBe(200);
    const [cell] = cells.json<{ items: Json[] }>().items;
    expect(cell).toMatchObject({ unitId: s.org.cellA1.id, meetingDay: 3 });
    expect((cell?.nextMeetings as { date: string }[]).map((x) => x.date)).toEqual([
      "2026-03-20",
      "2026-04-03",
    ]);

    // Refusals when planning.
    const insider = await plan(s, s.lead.cookie, { plannedOn: "2026-03-20" });
    expect(insider.statusCode).toBe(422);
    expect(insider.json<Problem>().details?.map((d) => d.path)).toEqual(["body.unitId"]);
    expect(insider.json<Problem>().detail).toMatch(/Không đi dự sinh hoạt/u);
    const past = await plan(s, s.visitor.cookie, { plannedOn: "2026-03-01" });
    expect(past.statusCode).toBe(422);
    expect(past.json<Problem>().details?.map((d) => d.path)).toEqual(["body.plannedOn"]);
    const unassigned = await createUser(s.db, s.org.tenantId, [
      { role: "supervisor", unit: s.org.dbA },
    ]);
    const notAssigned = await plan(s, unassigned.cookie, { plannedOn: "2026-03-20" });
    expect(notAssigned.statusCode).toBe(403);
    const otherCommittee = await plan(s, s.outsider.cookie, { plannedOn: "2026-03-20" });
    expect(otherCommittee.statusCode).toBe(404);
    const otherMeeting = await insertMeeting(s.db, s.org, {
      date: "2026-03-20",
      unit: s.org.cellA2,
    });
    const wrongMeeting = await plan(s, s.visitor.cookie, {
      plannedOn: "2026-03-20",
      meetingId: otherMeeting,
    });
    expect(wrongMeeting.statusCode).toBe(422);
    expect(wrongMeeting.json<Problem>().details?.map((d) => d.path)).toEqual(["body.meetingId"]);

    const planned = await plan(s, s.visitor.cookie, { plannedOn: "2026-03-20", meetingId: m });
    expect(planned.statusCode, planned.body).toBe(201);
    const v = planned.json<VisitDto>();
    expect(v).toMatchObject({
      state: "planned",
      visitorUserId: s.visitor.id,
      unitId: s.org.cellA1.id,
      plannedOn: "2026-03-20",
      meeting: { id: m, date: "2026-03-20" },
      reportDueOn: "2026-03-23",
      overdue: false,
    });
    const [row] = await s.db.select().from(visits).where(eq(visits.id, v.id));
    expect(row?.visitorUnitPath).toBe(s.org.dbA.path);
    // The committee sees it; nothing was written to the meeting.
    expect((await call("GET", `/visits/${v.id}`, s.committee.cookie)).statusCode).toBe(200);
    expect(await s.db.select().from(meetingGuests).where(eq(meetingGuests.meetingId, m))).toEqual(
      [],
    );

    // Report before attending; attend a meeting not yet under way.
    const early = await call("PUT", `/visits/${v.id}/report`, s.visitor.cookie, REPORT);
    expect(early.statusCode).toBe(409);
    expect(early.json<Problem>().code).toBe("visit_state");
    const notRunning = await call("POST", `/visits/${v.id}/attend`, s.visitor.cookie, {
      meetingId: m,
    });
    expect(notRunning.statusCode).toBe(409);
    expect(notRunning.json<Problem>()).toMatchObject({ code: "meeting_state" });
    expect(notRunning.json<Problem>().details?.[0]?.path).toBe("body.meetingId");
    // Someone else (the committee) may read it, but attending is the visitor's own.
    const byCommittee = await call("POST", `/visits/${v.id}/attend`, s.committee.cookie, {
      meetingId: m,
    });
    expect(byCommittee.statusCode).toBe(403);

    await travel(s, s.org.tenantId, "2026-03-20T12:30:00.000Z");
    await setMeetingStatus(s.db, m, "in_progress");
    const attended = await call("POST", `/visits/${v.id}/attend`, s.visitor.cookie, {
      meetingId: m,
    });
    expect(attended.statusCode, attended.body).toBe(200);
    expect(attended.json<VisitDto>()).toMatchObject({ state: "attended" });
    const guests = await s.db.select().from(meetingGuests).where(eq(meetingGuests.meetingId, m));
    expect(guests).toHaveLength(1);
    expect(guests[0]).toMatchObject({
      kind: "upper_level",
      name: `Người dùng ${s.visitor.username}`,
      title: "Đảng bộ Sở A",
      tenantId: s.org.tenantId,
    });
    // Now the cell sees the visit (the visitor is a guest of its meeting), but not the report.
    const seenByLead = await call("GET", `/visits/${v.id}`, s.lead.cookie);
    expect(seenByLead.statusCode).toBe(200);
    const again = await call("POST", `/visits/${v.id}/attend`, s.visitor.cookie, { meetingId: m });
    expect(again.statusCode).toBe(409);

    // A report missing parts: every missing part at body.<part>, in Vietnamese; nothing written.
    const missing = await call("PUT", `/visits/${v.id}/report`, s.visitor.cookie, {
      ...REPORT,
      situation: "  ",
      opinions: null,
      score_decision: undefined,
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json<Problem>().details).toEqual([
      {
        path: "body.situation",
        message: expect.stringMatching(/thiếu nội dung bắt buộc: Tình hình/u),
      },
      { path: "body.opinions", message: expect.stringMatching(/Ý kiến trực tiếp/u) },
      { path: "body.score_decision", message: expect.stringMatching(/chấm điểm/u) },
    ]);
    const [still] = await s.db.select().from(visits).where(eq(visits.id, v.id));
    expect(still).toMatchObject({ state: "attended", report: null, reportedOn: null });

    await travel(s, s.org.tenantId, "2026-03-22T03:00:00.000Z");
    const filed = await call("PUT", `/visits/${v.id}/report`, s.visitor.cookie, REPORT);
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json<VisitDto>()).toMatchObject({
      state: "reported",
      reportedOn: "2026-03-22",
      report: REPORT,
      overdue: false,
    });
    expect((await call("PUT", `/visits/${v.id}/report`, s.visitor.cookie, REPORT)).statusCode).toBe(
      409,
    );
    // The committee reads the report; the cell's lead sees the visit without it.
    expect(
      (await call("GET", `/visits/${v.id}`, s.committee.cookie)).json<VisitDto>().report,
    ).toEqual(REPORT);
    expect(
      (await call("GET", `/visits/${v.id}`, s.lead.cookie)).json<VisitDto>().report,
    ).toBeNull();

    const mine = await call("GET", "/visits/mine", s.visitor.cookie);
    expect(mine.json<{ items: VisitDto[] }>().items.map((x) => [x.id, x.state])).toEqual([
      [v.id, "reported"],
    ]);
    const audits = await s.db
      .select({ action: auditLog.action, unitPath: auditLog.unitPath })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, s.org.tenantId), eq(auditLog.entityId, v.id)));
    expect(audits.map((a) => a.action).sort()).toEqual([
      "visit.attend",
      "visit.plan",
      "visit.report",
    ]);
    // The plan's audit entry is scoped to the visitor's committee, never to the cell.
    expect(audits.find((a) => a.action === "visit.plan")?.unitPath).toBe(s.org.dbA.path);
  });

  it("lets a committee member plan without an assignment, and cancels with a reason", async () => {
    const s = await setup();
    const res = await plan(s, s.committee.cookie, { plannedOn: "2026-03-25" });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json<VisitDto>();
    const empty = await call("POST", `/visits/${v.id}/cancel`, s.committee.cookie, { reason: " " });
    expect(empty.statusCode).toBe(400);
    const cancelled = await call("POST", `/visits/${v.id}/cancel`, s.committee.cookie, {
      reason: "Trùng lịch công tác",
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<VisitDto>()).toMatchObject({
      state: "cancelled",
      cancelledReason: "Trùng lịch công tác",
    });
    const twice = await call("POST", `/visits/${v.id}/cancel`, s.committee.cookie, { reason: "x" });
    expect(twice.statusCode).toBe(409);
    // Neither planning nor cancelling leaves an audit entry that audit readers in the cell could see.
    const audits = await s.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, s.org.tenantId), eq(auditLog.entity, "visit")));
    expect(audits).toEqual([]);
    // Cancelled visits stay away from the cell.
    expect((await call("GET", `/visits/${v.id}`, s.lead.cookie)).statusCode).toBe(404);
  });

  it("lists overdue reports only after the due date", async () => {
    const s = await setup();
    await assign(s, s.visitor.id, s.org.cellA1);
    const m = await insertMeeting(s.db, s.org, { date: "2026-03-11" });
    const v = (await plan(s, s.visitor.cookie, { plannedOn: "2026-03-11" })).json<VisitDto>();
    await travel(s, s.org.tenantId, "2026-03-11T12:00:00.000Z");
    await setMeetingStatus(s.db, m, "held", "2026-03-11");
    expect(
      (await call("POST", `/visits/${v.id}/attend`, s.visitor.cookie, { meetingId: m })).statusCode,
    ).toBe(200);
    const overdue = async () =>
      (await call("GET", `/units/${s.org.dbA.id}/overdue-reports`, s.committee.cookie)).json<{
        items: VisitDto[];
      }>().items;
    await travel(s, s.org.tenantId, "2026-03-14T10:00:00.000Z");
    expect(await overdue()).toEqual([]);
    await travel(s, s.org.tenantId, "2026-03-15T03:00:00.000Z");
    const items = await overdue();
    expect(items.map((i) => [i.id, i.overdue, i.reportDueOn])).toEqual([
      [v.id, true, "2026-03-14"],
    ]);
    expect(items[0]?.report).toBeNull();
    expect(
      (await call("GET", `/units/${s.org.cellA1.id}/overdue-reports`, s.member.cookie)).statusCode,
    ).toBe(403);
    expect(
      (await call("GET", `/units/${s.org.dbA.id}/overdue-reports`, s.member.cookie)).statusCode,
    ).toBe(404);
    // Late report: reported, but not on time.
    await call("PUT", `/visits/${v.id}/report`, s.visitor.cookie, REPORT);
    expect(await overdue()).toEqual([]);
    const c = (
      await call(
        "GET",
        `/units/${s.org.dbA.id}/visitor-compliance?year=2026&quarter=1`,
        s.committee.cookie,
      )
    ).json<VisitorComplianceDto>();
    expect(c.rows).toEqual([
      expect.objectContaining({
        userId: s.visitor.id,
        unitId: s.org.cellA1.id,
        required: 1,
        attended: 1,
        reported: 1,
        reportedOnTime: 0,
        met: true,
      }),
    ]);
  });
});

describe("visitor compliance per quarter", () => {
  it("counts required, attended, reported on time per visitor and cell, with totals", async () => {
    const s = await setup();
    const second = await createUser(s.db, s.org.tenantId, [{ role: "committee", unit: s.org.dbA }]);
    await assign(s, s.visitor.id, s.org.cellA1, { visitsPerQuarter: 2 });
    await assign(s, second.id, s.org.cellA2);
    // From mid-February: Q1 prorated (at least one), Q2 in full.
    await assign(s, second.id, s.org.cellA1, { startsOn: "2026-02-15" });
    const m1 = await insertMeeting(s.db, s.org, { date: "2026-03-12" });
    const m2 = await insertMeeting(s.db, s.org, { date: "2026-03-13", kind: "thematic" });
    const v1 = (await plan(s, s.visitor.cookie, { plannedOn: "2026-03-12" })).json<VisitDto>();
    const v2 = (await plan(s, s.visitor.cookie, { plannedOn: "2026-03-13" })).json<VisitDto>();
    // A planned visit never counts.
    await plan(s, second.cookie, { plannedOn: "2026-03-20", unitId: s.org.cellA2.id });
    await travel(s, s.org.tenantId, "2026-03-12T12:00:00.000Z");
    await setMeetingStatus(s.db, m1, "held", "2026-03-12");
    await call("POST", `/visits/${v1.id}/attend`, s.visitor.cookie, { meetingId: m1 });
    await call("PUT", `/visits/${v1.id}/report`, s.visitor.cookie, REPORT);
    await travel(s, s.org.tenantId, "2026-03-13T12:00:00.000Z");
    await setMeetingStatus(s.db, m2, "held", "2026-03-13");
    await call("POST", `/visits/${v2.id}/attend`, s.visitor.cookie, { meetingId: m2 });

    const res = await call(
      "GET",
      `/units/${s.org.dbA.id}/visitor-compliance?year=2026&quarter=1`,
      s.committee.cookie,
    );
    expect(res.statusCode).toBe(200);
    const c = res.json<VisitorComplianceDto>();
    const rows = c.rows.map((r) => ({
      who: r.userId === s.visitor.id ? "visitor" : "second",
      cell: r.unitName,
      n: [r.required, r.attended, r.reported, r.reportedOnTime],
      met: r.met,
    }));
    expect(rows).toEqual(
      expect.arrayContaining([
        { who: "visitor", cell: "Chi bộ Phòng A1", n: [2, 2, 1, 1], met: true },
        { who: "second", cell: "Chi bộ Phòng A2", n: [1, 0, 0, 0], met: false },
        { who: "second", cell: "Chi bộ Phòng A1", n: [1, 0, 0, 0], met: false },
      ]),
    );
    expect(c.rows).toHaveLength(3);
    expect(c.totals).toEqual({
      required: 4,
      attended: 2,
      reported: 1,
      reportedOnTime: 1,
      pairs: 3,
      met: 1,
      visitors: 2,
      visitorsMet: 1,
    });
    // Q2: the assignments require again, nothing attended yet.
    const q2 = (
      await call(
        "GET",
        `/units/${s.org.dbA.id}/visitor-compliance?year=2026&quarter=2`,
        s.committee.cookie,
      )
    ).json<VisitorComplianceDto>();
    expect(q2.totals).toMatchObject({ required: 4, attended: 0, pairs: 3, met: 0 });
    const bad = await call(
      "GET",
      `/units/${s.org.dbA.id}/visitor-compliance?year=2026&quarter=5`,
      s.committee.cookie,
    );
    expect(bad.statusCode).toBe(400);
  });
});

describe("quarterly notice", () => {
  it("exports the grassroots committee's notice in the Party layout, with the figures", async () => {
    const s = await setup();
    // Cells that existed the whole quarter (otherwise months before their creation are not due).
    await s.db
      .update(units)
      .set({ createdAt: new Date("2025-01-01T00:00:00Z") })
      .where(eq(units.tenantId, s.org.tenantId));
    const jan = await insertMeeting(s.db, s.org, {
      date: "2026-01-03",
      status: "held",
      heldOn: "2026-01-03",
    });
    await insertMeeting(s.db, s.org, { date: "2026-02-03", status: "held", heldOn: "2026-02-03" });
    await insertMeeting(s.db, s.org, {
      date: "2026-02-18",
      kind: "thematic",
      status: "held",
      heldOn: "2026-02-18",
    });
    await s.db.insert(meetingScores).values({
      tenantId: s.org.tenantId,
      meetingId: jan,
      unitId: s.org.cellA1.id,
      unitPath: s.org.cellA1.path,
      meetingDate: "2026-01-03",
      rubricCode: "test",
      rubricVersion: 1,
      rubric: {} as never,
      evidence: {} as never,
      decidedLevel: "tot",
      decidedTotal: 92.5,
    });
    await assign(s, s.visitor.id, s.org.cellA1);
    const res = await call(
      "GET",
      `/units/${s.org.dbA.id}/quarterly-notice.docx?year=2026&quarter=1`,
      s.committee.cookie,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/wordprocessingml/u);
    expect(res.headers["content-disposition"]).toMatch(/thong-bao-quy-1-2026\.docx/u);
    const doc = readDocx(res.rawPayload);
    const text = doc.paragraphs;
    expect(text).toEqual(
      expect.arrayContaining([
        "ĐẢNG BỘ KHỐI THỬ NGHIỆM",
        "ĐẢNG ỦY SỞ A",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "THÔNG BÁO",
        "Kết quả thực hiện chế độ sinh hoạt chi bộ quý I năm 2026",
        "T/M ĐẢNG ỦY",
        "Số chi bộ trực thuộc: 2.",
        "Sinh hoạt chi bộ định kỳ: đã tổ chức 2/6 buổi phải tổ chức trong quý.",
        "Sinh hoạt chuyên đề: đã tổ chức 1 buổi.",
        "Xếp loại chất lượng các buổi sinh hoạt đã quyết định: Tốt: 1.",
        "Chi bộ không sinh hoạt: Chi bộ Phòng A1, Chi bộ Phòng A2.",
        "Số lượt phải dự: 1; số lượt đã dự: 0; số báo cáo đã nộp: 0, trong đó đúng hạn: 0.",
        "Tốt (92,5)",
        "Chi bộ Phòng A2",
      ]),
    );
    expect(text.some((p) => /^Số\s+-TB\/ĐU$/u.test(p.trim()))).toBe(true);
    expect(text.some((p) => p.includes(`chưa dự đủ sinh hoạt tại Chi bộ Phòng A1 (0/1)`))).toBe(
      true,
    );
    // Only the committee (meeting.write on it); a cell is refused.
    expect(
      (
        await call(
          "GET",
          `/units/${s.org.dbA.id}/quarterly-notice.docx?year=2026&quarter=1`,
          s.member.cookie,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call(
          "GET",
          `/units/${s.org.cellA1.id}/quarterly-notice.docx?year=2026&quarter=1`,
          s.lead.cookie,
        )
      ).json<Problem>().code,
    ).toBe("not_a_cell");
  });
});

// ——— THE HARD RULE ———

const KINDS = [
  "member_of_cell",
  "lead_of_cell",
  "lead_of_other_cell",
  "committee",
  "committee_and_member_of_cell",
  "admin_and_member_of_cell",
  "org_board_and_lead_of_cell",
  "inspector_and_member_of_cell",
  "outsider_committee",
] as const;
type Kind = (typeof KINDS)[number];

function grantsOf(kind: Kind, org: Org): { role: Role; unit: TestUnit }[] {
  switch (kind) {
    case "member_of_cell":
      return [{ role: "member", unit: org.cellA1 }];
    case "lead_of_cell":
      return [{ role: "cell_lead", unit: org.cellA1 }];
    case "lead_of_other_cell":
      return [{ role: "cell_lead", unit: org.cellA2 }];
    case "committee":
      return [{ role: "committee", unit: org.dbA }];
    case "committee_and_member_of_cell":
      return [
        { role: "committee", unit: org.dbA },
        { role: "member", unit: org.cellA1 },
      ];
    case "admin_and_member_of_cell":
      return [
        { role: "admin", unit: org.root },
        { role: "member", unit: org.cellA1 },
      ];
    case "org_board_and_lead_of_cell":
      return [
        { role: "org_board", unit: org.root },
        { role: "cell_lead", unit: org.cellA1 },
      ];
    case "inspector_and_member_of_cell":
      return [
        { role: "inspector", unit: org.root },
        { role: "member", unit: org.cellA1 },
      ];
    case "outsider_committee":
      return [{ role: "committee", unit: org.dbB }];
  }
}

describe("a planned visit never reaches the visited cell", () => {
  it("holds for random users and random planned visits", { timeout: 240_000 }, async () => {
    const s = await setup();
    await assign(s, s.visitor.id, s.org.cellA1);
    const pool = [
      await insertMeeting(s.db, s.org, { date: "2026-03-20" }),
      await insertMeeting(s.db, s.org, {
        date: "2026-03-10",
        kind: "thematic",
        status: "in_progress",
      }),
      await insertMeeting(s.db, s.org, { date: "2026-04-03" }),
    ];
    const visitors = [s.visitor, s.committee];
    let memberNo = 0;

    /** Everything an insider can fetch that could carry the visit. */
    async function snapshot(cookie: string) {
      const urls = [
        "/visits/mine",
        "/me/assigned-cells",
        `/units/${s.org.cellA1.id}/visits?year=2026&quarter=1`,
        `/units/${s.org.cellA1.id}/visits?year=2026&quarter=2`,
        `/units/${s.org.dbA.id}/visits?year=2026&quarter=1`,
        `/units/${s.org.dbA.id}/visits?year=2026&quarter=2`,
        `/units/${s.org.root.id}/visits?year=2026&quarter=1`,
        `/units/${s.org.cellA1.id}/visitor-compliance?year=2026&quarter=1`,
        `/units/${s.org.dbA.id}/visitor-compliance?year=2026&quarter=1`,
        `/units/${s.org.cellA1.id}/overdue-reports`,
        `/units/${s.org.dbA.id}/overdue-reports`,
        "/me/meetings",
        "/me/notifications",
        "/audit?pageSize=100",
        ...pool.map((m) => `/meetings/${m}`),
      ];
      const out: Record<string, string> = {};
      for (const url of urls) {
        const res = await call("GET", url, cookie);
        out[url] = `${res.statusCode} ${problemFree(res.body)}`;
      }
      return out;
    }

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(0, 1),
        fc.option(fc.constantFrom(0, 1, 2), { nil: null }),
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        async (kinds, visitorIdx, meetingIdx, offset, cancel) => {
          const users = [];
          for (const kind of kinds) {
            const grants = grantsOf(kind, s.org);
            const inCell = grants.some((g) => g.unit.id === s.org.cellA1.id);
            const memberId = inCell
              ? (await createMember(s.db, s.org.tenantId, s.org.cellA1, `Đảng viên ${++memberNo}`))
                  .id
              : undefined;
            const u = await createUser(s.db, s.org.tenantId, grants, undefined, { memberId });
            const insider = isInsider(
              { grants: grants.map((g) => ({ role: g.role, unitPath: g.unit.path })) },
              s.org.cellA1.path,
            );
            users.push({ ...u, kind, insider });
          }
          const insiders = users.filter((u) => u.insider);
          const before = await Promise.all(insiders.map((u) => snapshot(u.cookie)));

          const visitor = visitors[visitorIdx] ?? s.visitor;
          const meetingId = meetingIdx === null ? null : (pool[meetingIdx] ?? null);
          const plannedOn = addDays("2026-03-10", offset);
          const res = await plan(s, visitor.cookie, { plannedOn, meetingId });
          expect(res.statusCode, res.body).toBe(201);
          const v = res.json<VisitDto>();
          if (cancel) {
            const c = await call("POST", `/visits/${v.id}/cancel`, visitor.cookie, {
              reason: "Bận",
            });
            expect(c.statusCode).toBe(200);
          }
          const random = randomUUID();
          for (const [i, u] of insiders.entries()) {
            const after = await snapshot(u.cookie);
            expect(after, `${u.kind} sees a change`).toEqual(before[i]);
            for (const body of Object.values(after)) {
              expect(body).not.toContain(v.id);
            }
            const direct = await call("GET", `/visits/${v.id}`, u.cookie);
            const none = await call("GET", `/visits/${random}`, u.cookie);
            expect(direct.statusCode).toBe(404);
            expect(problemFree(direct.body)).toBe(problemFree(none.body));
            // Commands answer as for a visit that does not exist, too.
            const attend = await call("POST", `/visits/${v.id}/attend`, u.cookie, {
              meetingId: pool[1],
            });
            const attendNone = await call("POST", `/visits/${random}/attend`, u.cookie, {
              meetingId: pool[1],
            });
            expect(attend.statusCode).toBe(404);
            expect(problemFree(attend.body)).toBe(problemFree(attendNone.body));
          }
          // Not vacuous: the visitor's committee (not inside the cell) does see it.
          for (const u of users.filter((x) => x.kind === "committee")) {
            const seen = await call("GET", `/visits/${v.id}`, u.cookie);
            expect(seen.statusCode).toBe(200);
          }
          // No meeting guest is written before the visit is attended.
          expect(
            await s.db
              .select()
              .from(meetingGuests)
              .where(eq(meetingGuests.tenantId, s.org.tenantId)),
          ).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("leaves the calendar feed of the cell's members unchanged", async () => {
    const s = await setup();
    await assign(s, s.visitor.id, s.org.cellA1);
    const m = await insertMeeting(s.db, s.org, { date: "2026-03-20" });
    const created = await call("POST", "/me/calendar-feed", s.member.cookie);
    expect(created.statusCode).toBe(201);
    const url = created.json<{ url: string }>().url;
    const { app } = await testContext();
    const feed = async () => (await app.inject({ method: "GET", url })).body;
    const before = await feed();
    expect(before).toContain("BEGIN:VCALENDAR");
    const v = (
      await plan(s, s.visitor.cookie, { plannedOn: "2026-03-20", meetingId: m })
    ).json<VisitDto>();
    const after = await feed();
    expect(after).toBe(before);
    expect(after).not.toContain(v.id);
    expect(after).not.toContain(s.visitor.username);
  });
});

describe("who sees a planned visit in the unit lists (PLANNED_VISIT_ROLES)", () => {
  it("the visitor and their committee, org_board and inspector; not admin, not the cell", async () => {
    const s = await setup();
    await assign(s, s.visitor.id, s.org.cellA1);
    const orgBoard = await createUser(s.db, s.org.tenantId, [
      { role: "org_board", unit: s.org.root },
    ]);
    const inspector = await createUser(s.db, s.org.tenantId, [
      { role: "inspector", unit: s.org.dbA },
    ]);
    const v = (await plan(s, s.visitor.cookie, { plannedOn: "2026-03-20" })).json<VisitDto>();
    const ids = async (cookie: string, unit: TestUnit) => {
      const res = await call("GET", `/units/${unit.id}/visits?year=2026&quarter=1`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: VisitDto[] }>().items.map((i) => i.id);
    };
    expect(await ids(s.visitor.cookie, s.org.dbA)).toEqual([v.id]);
    expect(await ids(s.committee.cookie, s.org.dbA)).toEqual([v.id]);
    expect(await ids(orgBoard.cookie, s.org.root)).toEqual([v.id]);
    expect(await ids(inspector.cookie, s.org.dbA)).toEqual([v.id]);
    // A technical administrator is not on the visitor's committee: no planned visits.
    expect(await ids(s.admin.cookie, s.org.root)).toEqual([]);
    expect(await ids(s.lead.cookie, s.org.cellA1)).toEqual([]);
    expect(await ids(s.member.cookie, s.org.cellA1)).toEqual([]);
    // Another committee does not see committee A's plans.
    expect(await ids(s.outsider.cookie, s.org.dbB)).toEqual([]);
    // The report body goes to the committee, never in lists to others.
    expect((await call("GET", `/visits/${v.id}`, s.admin.cookie)).statusCode).toBe(404);
  });
});

describe("supervision API description", () => {
  it("is part of the OpenAPI document", async () => {
    const { app } = await testContext();
    const doc = await app.inject({ method: "GET", url: "/api/openapi.json" });
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/v1/units/{id}/supervision-assignments",
        "/api/v1/supervision-assignments",
        "/api/v1/supervision-assignments/{id}",
        "/api/v1/visits",
        "/api/v1/visits/mine",
        "/api/v1/me/assigned-cells",
        "/api/v1/visits/{id}",
        "/api/v1/visits/{id}/attend",
        "/api/v1/visits/{id}/cancel",
        "/api/v1/visits/{id}/report",
        "/api/v1/units/{id}/visits",
        "/api/v1/units/{id}/visitor-compliance",
        "/api/v1/units/{id}/overdue-reports",
        "/api/v1/units/{id}/quarterly-notice.docx",
      ]),
    );
  });
});

describe("tenancy of the supervision API", () => {
  it("names tenant_id in every statement", async () => {
    const s = await setup();
    const m = await insertMeeting(s.db, s.org, { date: "2026-03-20" });
    const queries = await captureQueries(async () => {
      const a = await assign(s, s.visitor.id, s.org.cellA1);
      await call("PATCH", `/supervision-assignments/${a.id}`, s.committee.cookie, {
        endsOn: "2026-12-31",
      });
      await call("GET", `/units/${s.org.dbA.id}/supervision-assignments`, s.committee.cookie);
      await call("GET", "/me/assigned-cells", s.visitor.cookie);
      const v = (
        await plan(s, s.visitor.cookie, { plannedOn: "2026-03-20", meetingId: m })
      ).json<VisitDto>();
      await setMeetingStatus(s.db, m, "in_progress");
      await call("POST", `/visits/${v.id}/attend`, s.visitor.cookie, { meetingId: m });
      await call("PUT", `/visits/${v.id}/report`, s.visitor.cookie, REPORT);
      const w = (await plan(s, s.visitor.cookie, { plannedOn: "2026-03-21" })).json<VisitDto>();
      await call("POST", `/visits/${w.id}/cancel`, s.visitor.cookie, { reason: "Bận" });
      await call("GET", `/visits/${v.id}`, s.lead.cookie);
      await call("GET", "/visits/mine", s.visitor.cookie);
      await call("GET", `/units/${s.org.dbA.id}/visits?year=2026&quarter=1`, s.committee.cookie);
      await call(
        "GET",
        `/units/${s.org.dbA.id}/visitor-compliance?year=2026&quarter=1`,
        s.committee.cookie,
      );
      await call("GET", `/units/${s.org.dbA.id}/overdue-reports`, s.committee.cookie);
      await call(
        "GET",
        `/units/${s.org.dbA.id}/quarterly-notice.docx?year=2026&quarter=1`,
        s.committee.cookie,
      );
    });
    const statements = queries.filter(
      (q) =>
        !/^(begin|commit|rollback|analyze|savepoint|release)/iu.test(q.trim()) &&
        !/^select .* from "sessions" inner join "users"/u.test(q) &&
        // the test's own status change
        !q.startsWith('update "meetings" set "status"'),
    );
    expect(statements.length).toBeGreaterThan(25);
    expect(statements.filter((q) => !q.includes("tenant_id"))).toEqual([]);
  });
});

/** A response body without its request id (which differs between any two requests). */
function problemFree(body: string): string {
  return body.replace(/"requestId":"[^"]*"/gu, "").replace(/"instance":"[^"]*"/gu, "");
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe("one of the cell by member record only", () => {
  it("a committee member whose member record is in the cell never sees, plans or follows visits to it", async () => {
    const s = await setup();
    // Chí belongs to cell A1 by his member record; his only grant is on committee A.
    const chi = await createMember(s.db, s.org.tenantId, s.org.cellA1, "Lê Văn Chí");
    const k = await createUser(
      s.db,
      s.org.tenantId,
      [{ role: "committee", unit: s.org.dbA }],
      undefined,
      { memberId: chi.id },
    );
    await assign(s, s.visitor.id, s.org.cellA1);
    const planned = await plan(s, s.visitor.cookie, { plannedOn: "2026-03-20" });
    expect(planned.statusCode, planned.body).toBe(201);
    const id = planned.json<VisitDto>().id;

    // The committee sees the plan; Chí, on the same committee, does not — by no path.
    expect((await call("GET", `/visits/${id}`, s.committee.cookie)).statusCode).toBe(200);
    const direct = await call("GET", `/visits/${id}`, k.cookie);
    expect(direct.statusCode).toBe(404);
    expect(direct.body).not.toContain(id);
    for (const url of [
      `/units/${s.org.cellA1.id}/visits?year=2026&quarter=1`,
      `/units/${s.org.dbA.id}/visits?year=2026&quarter=1`,
    ]) {
      const committeeView = await call("GET", url, s.committee.cookie);
      expect(committeeView.body).toContain(id);
      const res = await call("GET", url, k.cookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(id);
    }

    // Nor can he plan a visit to his own cell, be assigned to follow it, or be offered for it.
    problem(
      await plan(s, k.cookie, { plannedOn: "2026-03-20" }),
      422,
      "validation_failed",
      "body.unitId",
    );
    problem(
      await call("POST", "/supervision-assignments", s.committee.cookie, {
        userId: k.id,
        unitId: s.org.cellA1.id,
        startsOn: "2026-01-01",
        visitsPerQuarter: 1,
      }),
      422,
      "validation_failed",
      "body.userId",
    );
    const offered = async (cell: TestUnit) =>
      (await call("GET", `/units/${cell.id}/supervision-candidates`, s.committee.cookie))
        .json<{ items: { userId: string }[] }>()
        .items.map((c) => c.userId);
    expect(await offered(s.org.cellA1)).not.toContain(k.id);
    expect(await offered(s.org.cellA2)).toContain(k.id);
  });
});
