import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  HD42_WARD_REGULAR_RUBRIC,
  type MeetingLevel,
  type Rubric,
  type ScoreDto,
  type UnitScoresDto,
} from "@chibo/domain";
import { and, eq } from "drizzle-orm";
import { captureQueries, testContext } from "#test/db";
import { call, ok, problem, regularMeetingId } from "#test/http";
import { readDocx } from "../../lib/docx/docx-reader.testing.js";
import {
  appointAnSecretary,
  createChiAndYoung,
  createMemberUser,
  createOrg,
  createUser,
  travel,
} from "#test/factories";
import {
  auditLog,
  meetings,
  meetingScores,
  rubrics,
  tenants,
  visits,
} from "../../db/schema/index.js";

type Setup = Awaited<ReturnType<typeof setup>>;
type Items = Record<string, { points: number; reason?: string }>;

afterEach(async () => {
  (await testContext()).clock.reset();
});

/**
 * Cell A1 (under Đảng bộ Sở A) with An (secretary), Bình (minute-taker), Chí, and Trẻ
 * (probationary); its lead, a committee member of Sở A, another committee member of Sở A who visits,
 * and the tenant's administrator.
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
  const committee = await createUser(db, org.tenantId, [{ role: "committee", unit: org.dbA }]);
  const visitor = await createUser(db, org.tenantId, [{ role: "committee", unit: org.dbA }]);
  const otherCommittee = await createUser(db, org.tenantId, [{ role: "committee", unit: org.dbB }]);
  const admin = await createUser(db, org.tenantId, [{ role: "admin", unit: org.root }]);
  await appointAnSecretary(db, org);
  return {
    ...ctx,
    db,
    org,
    chi,
    young,
    lead,
    an,
    binh,
    committee,
    visitor,
    otherCommittee,
    admin,
  };
}

async function schedule(s: Setup) {
  await ok("PUT", `/units/${s.org.cellA1.id}/meeting-schedule`, s.lead.cookie, {
    day: 20,
    time: "07:30",
    place: "Hội trường tầng 2",
    mode: "in_person",
  });
}

/**
 * Holds the regular meeting of `period` on day 20: opened 07:30, closed after `minutes` minutes;
 * An, Bình, Chí present, Trẻ absent with reason; Bình and Chí speak (and Bình twice).
 */
async function hold(
  s: Setup,
  period: string,
  minutes = 100,
  beforeClose?: (id: string) => Promise<void>,
) {
  const meetingId = await regularMeetingId(s.org.cellA1.id, period, s.lead.cookie);
  const start = new Date(`${period}-20T00:30:00Z`);
  await travel(s, s.org.tenantId, start.toISOString());
  await ok("POST", `/meetings/${meetingId}/open`, s.lead.cookie, {});
  await ok("PUT", `/meetings/${meetingId}/attendance`, s.lead.cookie, {
    marks: [
      { memberId: s.org.people.an.id, status: "present" },
      { memberId: s.org.people.binh.id, status: "present" },
      { memberId: s.chi.id, status: "present" },
      { memberId: s.young.id, status: "absent_excused", reason: "Đi công tác" },
    ],
  });
  const opinion = (memberId: string, name: string) => ({
    id: randomUUID(),
    speakerMemberId: memberId,
    speakerGuestId: null,
    speakerName: name,
    text: "Ý kiến phát biểu.",
  });
  await ok("PUT", `/meetings/${meetingId}/minutes`, s.lead.cookie, {
    rev: 0,
    chairMemberId: s.org.people.an.id,
    minuteTakerMemberId: s.org.people.binh.id,
    content: {
      place: "Hội trường tầng 2",
      opening: "Đồng chí An tuyên bố lý do.",
      items: [
        {
          agendaItemId: null,
          title: "Thảo luận",
          presenter: "Đồng chí An",
          summary: "Đánh giá công tác tháng.",
          opinions: [
            opinion(s.org.people.binh.id, "Đồng chí Bình"),
            opinion(s.chi.id, "Đồng chí Chí"),
            opinion(s.org.people.binh.id, "Đồng chí Bình"),
          ],
          conclusion: "Thống nhất.",
        },
      ],
      other: "",
    },
  });
  if (beforeClose) await beforeClose(meetingId);
  await travel(s, s.org.tenantId, new Date(start.getTime() + minutes * 60_000).toISOString());
  await ok("POST", `/meetings/${meetingId}/close`, s.lead.cookie, {});
  return meetingId;
}

/** A resolution adopted 3–0 with two tasks owned by the cell committee. */
async function resolutionWithTwoTasks(s: Setup, meetingId: string) {
  const res = await ok<{ id: string }>(
    "POST",
    `/meetings/${meetingId}/resolutions`,
    s.lead.cookie,
    {
      title: "Nghị quyết tháng",
    },
  );
  await ok("PATCH", `/resolutions/${res.id}`, s.lead.cookie, { content: "Nội dung" });
  await ok("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
    approve: 3,
    against: 0,
    other: 0,
  });
  const ids: string[] = [];
  for (const title of ["Việc một", "Việc hai"]) {
    const t = await ok<{ id: string }>("POST", `/resolutions/${res.id}/tasks`, s.lead.cookie, {
      title,
      dueDate: "2026-04-10",
      assigneeBody: "Chi ủy",
    });
    ids.push(t.id);
  }
  return ids;
}

/** The self-score form as the record fills it: evidence points, judgements at their maximum. */
function prefilled(score: ScoreDto): Items {
  const items: Items = {};
  for (const s of score.suggestions) items[s.key] = { points: s.points ?? s.max };
  return items;
}

function evidence(score: ScoreDto, key: string) {
  return score.evidence.find((e) => e.key === key)?.value;
}

async function scoreRow(s: Setup, meetingId: string) {
  const [row] = await s.db
    .select()
    .from(meetingScores)
    .where(and(eq(meetingScores.tenantId, s.org.tenantId), eq(meetingScores.meetingId, meetingId)));
  return row;
}

async function attendedVisit(s: Setup, meetingId: string, userId: string) {
  await s.db.insert(visits).values({
    tenantId: s.org.tenantId,
    visitorUserId: userId,
    visitorUnitPath: s.org.dbA.path,
    unitId: s.org.cellA1.id,
    unitPath: s.org.cellA1.path,
    meetingId,
    plannedOn: "2026-03-20",
    state: "attended",
    attendedAt: new Date("2026-03-20T01:00:00Z"),
  });
}

function tenantRubric(version: number, attendanceMax: number): Rubric {
  return {
    code: "tinh-x-thuong-ky",
    version,
    name: `Bảng điểm sinh hoạt thường kỳ của Tỉnh ủy X (lần ${version})`,
    source: "Hướng dẫn của Ban Tổ chức Tỉnh ủy X",
    validFrom: "2026-01-01",
    validTo: null,
    meetingKinds: ["regular"],
    unitTypes: null,
    isDefault: false,
    max: 100,
    groups: [
      { key: "attendance", label: "Đảng viên dự sinh hoạt", max: attendanceMax },
      { key: "conduct", label: "Tiến hành sinh hoạt", max: 100 - attendanceMax },
    ],
    criteria: [
      {
        key: "attendance_rate",
        group: "attendance",
        label: "Tỷ lệ đảng viên dự",
        max: attendanceMax,
        scoring: {
          kind: "bands",
          bands: [
            { from: 0.9, points: attendanceMax },
            { from: 0.7, points: attendanceMax - 10 },
            { from: 0, points: 5 },
          ],
        },
        evidence: "attendance_rate",
      },
      {
        key: "content",
        group: "conduct",
        label: "Nội dung sinh hoạt",
        max: 100 - attendanceMax,
        scoring: { kind: "points" },
        needsReason: true,
      },
    ],
    levels: { tot: 90, kha: 70, trungBinh: 50 },
    mustFullForTot: false,
    qualityRate: 0.85,
    caps: [],
    thematicMonth: { mode: "scale" },
  };
}

describe("the self-score", () => {
  it("comes pre-filled from the evidence of the record", async () => {
    const s = await setup();
    await schedule(s);
    await hold(s, "2026-03", 100, async (id) => {
      await resolutionWithTwoTasks(s, id);
    });
    const april = await hold(s, "2026-04", 100, async (id) => {
      const minutes = await ok<{ reviews: { task: { id: string } }[] }>(
        "GET",
        `/meetings/${id}/minutes`,
        s.lead.cookie,
      );
      expect(minutes.reviews).toHaveLength(2);
      const first = minutes.reviews[0];
      if (!first) throw new Error("no task to review");
      await ok("PUT", `/meetings/${id}/reviews/${first.task.id}`, s.lead.cookie, {
        verdict: "done",
      });
    });

    const score = await ok<ScoreDto>("GET", `/meetings/${april}/score`, s.lead.cookie);
    expect(score.rubric).toMatchObject({ code: "hd42-ward-regular", version: 1, stored: false });
    // Three of four counted members present; 100 minutes of the 90 required.
    expect(evidence(score, "attendance_rate")).toBe(0.75);
    expect(evidence(score, "unexcused_absences")).toBe(0);
    expect(evidence(score, "duration_minutes")).toBe(100);
    expect(evidence(score, "duration_required")).toBe(90);
    // Bình and Chí of the three present spoke.
    expect(evidence(score, "speakers_share")).toBeCloseTo(2 / 3);
    // One of March's two open tasks reviewed.
    expect(evidence(score, "tasks_reviewed")).toBe(0.5);
    expect(evidence(score, "minutes_kept")).toBe(true);
    expect(evidence(score, "held_on_schedule")).toBe(true);
    expect(evidence(score, "notice_sent")).toBe(false);
    expect(score.evidence.find((e) => e.key === "attendance_rate")?.label).toContain("Tỷ lệ");

    const byKey = new Map(score.suggestions.map((x) => [x.key, x]));
    expect(byKey.get("attendance_rate")).toMatchObject({ points: 3, max: 4, source: "evidence" });
    expect(byKey.get("duration")).toMatchObject({ points: 5, source: "evidence" });
    expect(byKey.get("notice")).toMatchObject({ points: 0, source: "evidence" });
    expect(byKey.get("content_fit")).toMatchObject({ points: null, source: "judgement" });
    expect(score.self).toBeNull();
    expect(score.can).toEqual({ selfScore: true, decide: false });

    const saved = await ok<ScoreDto>("PUT", `/meetings/${april}/score/self`, s.lead.cookie, {
      items: prefilled(score),
    });
    expect(saved.self?.by?.userId).toBe(s.lead.id);
    expect(saved.flagged).toBe(false);
    expect(saved.overClaims).toEqual([]);
    expect(saved.rubric.stored).toBe(true);
    const row = await scoreRow(s, april);
    expect(row?.rubricCode).toBe("hd42-ward-regular");
    expect(row?.evidence.attendance_rate).toBe(0.75);
    expect(row?.selfTotal).toBe(saved.self?.total);
    expect(row?.flagged).toBe(false);
    // Nobody attended: the committee of Sở A decides; the cell's lead never does.
    const seenByCommittee = await ok<ScoreDto>(
      "GET",
      `/meetings/${april}/score`,
      s.committee.cookie,
    );
    expect(seenByCommittee.can).toEqual({ selfScore: true, decide: true });
  });

  it("refuses a change without reason, points out of range, and flags an over-claim", async () => {
    const s = await setup();
    await schedule(s);
    const march = await hold(s, "2026-03");
    const score = await ok<ScoreDto>("GET", `/meetings/${march}/score`, s.lead.cookie);
    const items = prefilled(score);

    // The record supports 3 of 4 for attendance; claiming 4 needs a reason.
    const noReason = problem(
      await call("PUT", `/meetings/${march}/score/self`, s.lead.cookie, {
        items: { ...items, attendance_rate: { points: 4 } },
      }),
      422,
      "validation_failed",
    );
    expect(noReason.details?.map((d) => d.path)).toEqual(["body.items.attendance_rate.reason"]);
    expect(noReason.detail).toMatch(/lý do/u);

    const above = problem(
      await call("PUT", `/meetings/${march}/score/self`, s.lead.cookie, {
        items: { ...items, content_fit: { points: 4 } },
      }),
      422,
      "validation_failed",
    );
    expect(above.details?.map((d) => d.path)).toContain("body.items.content_fit.points");
    const below = problem(
      await call("PUT", `/meetings/${march}/score/self`, s.lead.cookie, {
        items: { ...items, regular_content: { points: -1, reason: "Thử" } },
      }),
      422,
      "validation_failed",
    );
    expect(below.details?.map((d) => d.path)).toContain("body.items.regular_content.points");
    expect(below.details?.[0]?.message).toBe("Điểm không được âm");
    const { content_fit: _omit, ...partial } = items;
    const missing = problem(
      await call("PUT", `/meetings/${march}/score/self`, s.lead.cookie, { items: partial }),
      422,
      "validation_failed",
    );
    expect(missing.details?.map((d) => d.path)).toEqual(["body.items.content_fit.points"]);
    // Nothing was written.
    expect(await scoreRow(s, march)).toBeUndefined();

    const claimed = await ok<ScoreDto>("PUT", `/meetings/${march}/score/self`, s.lead.cookie, {
      items: {
        ...items,
        attendance_rate: { points: 4, reason: "Đồng chí Trẻ đi công tác theo phân công" },
      },
    });
    expect(claimed.flagged).toBe(true);
    expect(claimed.version).toBe(1);
    problem(
      await call("PUT", `/meetings/${march}/score/self`, s.lead.cookie, { items, version: 7 }),
      409,
      "stale_version",
    );
    expect(claimed.overClaims).toEqual([
      { key: "attendance_rate", claimed: 4, supported: 3, evidence: 0.75 },
    ]);
    expect(claimed.self?.items.attendance_rate?.reason).toBe(
      "Đồng chí Trẻ đi công tác theo phân công",
    );
    const flagged = await ok<{ items: { meetingId: string; flagged: boolean }[] }>(
      "GET",
      "/scores/flagged",
      s.committee.cookie,
    );
    expect(flagged.items.map((i) => i.meetingId)).toEqual([march]);
    const elsewhere = await ok<{ items: unknown[] }>(
      "GET",
      "/scores/flagged",
      s.otherCommittee.cookie,
    );
    expect(elsewhere.items).toEqual([]);
    const audits = await s.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, s.org.tenantId), eq(auditLog.action, "score.self")));
    expect(audits).toHaveLength(1);
  });

  it("is refused to a member and before the meeting is held; 404 outside the subtree", async () => {
    const s = await setup();
    await schedule(s);
    const march = await regularMeetingId(s.org.cellA1.id, "2026-03", s.lead.cookie);
    const early = await ok<ScoreDto>("GET", `/meetings/${march}/score`, s.lead.cookie);
    expect(early.can.selfScore).toBe(false);
    problem(
      await call("PUT", `/meetings/${march}/score/self`, s.lead.cookie, { items: {} }),
      409,
      "meeting_state",
    );
    problem(
      await call("GET", `/meetings/${march}/score`, s.otherCommittee.cookie),
      404,
      "not_found",
    );
    problem(
      await call("PUT", `/meetings/${march}/score/self`, s.an.cookie, { items: {} }),
      403,
      "forbidden",
    );
  });
});

describe("the decision", () => {
  it("by the attending visitor: adjusts an item with a reason, final, in the .docx", async () => {
    const s = await setup();
    await schedule(s);
    const march = await hold(s, "2026-03");
    await ok("POST", `/meetings/${march}/minutes/sign`, s.an.cookie, { as: "chair" });
    await ok("POST", `/meetings/${march}/minutes/sign`, s.binh.cookie, { as: "minute_taker" });
    const score = await ok<ScoreDto>("GET", `/meetings/${march}/score`, s.lead.cookie);
    const items = prefilled(score);
    await ok("PUT", `/meetings/${march}/score/self`, s.lead.cookie, { items });
    await attendedVisit(s, march, s.visitor.id);

    // With a visitor who attended, only they decide: not the committee, not the cell's lead.
    problem(
      await call("PUT", `/meetings/${march}/score/decision`, s.committee.cookie, { items }),
      403,
      "forbidden",
    );
    problem(
      await call("PUT", `/meetings/${march}/score/decision`, s.lead.cookie, { items }),
      403,
      "forbidden",
    );
    const pending = await ok<{ items: { meetingId: string; as: string }[] }>(
      "GET",
      "/scores/pending",
      s.visitor.cookie,
    );
    expect(pending.items).toContainEqual(
      expect.objectContaining({ meetingId: march, as: "visitor" }),
    );
    // Not the committee's to decide: a visitor attended.
    expect(
      (await ok<{ items: unknown[] }>("GET", "/scores/pending", s.committee.cookie)).items,
    ).toEqual([]);

    const lowered = { ...items, content_fit: { points: 0 } };
    const noReason = problem(
      await call("PUT", `/meetings/${march}/score/decision`, s.visitor.cookie, { items: lowered }),
      422,
      "validation_failed",
    );
    expect(noReason.details?.map((d) => d.path)).toEqual(["body.items.content_fit.reason"]);

    const decided = await ok<ScoreDto>(
      "PUT",
      `/meetings/${march}/score/decision`,
      s.visitor.cookie,
      {
        items: { ...items, content_fit: { points: 0, reason: "Nội dung chưa sát tình hình" } },
      },
    );
    const selfTotal = decided.self?.total ?? 0;
    expect(decided.decision).toMatchObject({
      as: "visitor",
      total: selfTotal - 3,
      by: { userId: s.visitor.id },
    });
    expect(decided.can.decide).toBe(false);

    // Final: a second decision is refused.
    problem(
      await call("PUT", `/meetings/${march}/score/decision`, s.visitor.cookie, { items }),
      409,
      "score_decided",
    );
    problem(
      await call("PUT", `/meetings/${march}/score/self`, s.lead.cookie, { items }),
      409,
      "score_decided",
    );
    // Visible to the cell.
    const seen = await ok<ScoreDto>("GET", `/meetings/${march}/score`, s.an.cookie);
    expect(seen.decision?.levelLabel).toBe(decided.decision?.levelLabel);
    expect(seen.decision?.total).toBe(selfTotal - 3);
    const audits = await s.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, s.org.tenantId), eq(auditLog.action, "score.decide")));
    expect(audits).toHaveLength(1);

    const file = await call("GET", `/meetings/${march}/minutes/export.docx`, s.an.cookie);
    expect(file.statusCode).toBe(200);
    const text = readDocx(file.rawPayload).paragraphs.join("\n");
    expect(text).toContain(`xếp loại: ${decided.decision?.levelLabel ?? "?"}`);

    const year = await ok<{
      cells: {
        unitId: string;
        months: { period: string; level: string | null; selfOnly: boolean }[];
      }[];
      counts: Record<string, number>;
      totShare: number | null;
    }>("GET", `/units/${s.org.dbA.id}/scores?year=2026`, s.committee.cookie);
    const a1 = year.cells.find((c) => c.unitId === s.org.cellA1.id);
    expect(a1?.months.find((m) => m.period === "2026-03")).toMatchObject({
      level: decided.decision?.level,
      selfOnly: false,
    });
    expect(Object.values(year.counts).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("by the committee when nobody attended; the cell lead never decides its own score", async () => {
    const s = await setup();
    await schedule(s);
    const march = await hold(s, "2026-03");
    const items = prefilled(await ok<ScoreDto>("GET", `/meetings/${march}/score`, s.lead.cookie));
    await ok("PUT", `/meetings/${march}/score/self`, s.lead.cookie, { items });
    problem(
      await call("PUT", `/meetings/${march}/score/decision`, s.lead.cookie, { items }),
      403,
      "forbidden",
    );
    problem(
      await call("PUT", `/meetings/${march}/score/decision`, s.otherCommittee.cookie, { items }),
      404,
      "not_found",
    );
    const pending = await ok<{ items: { meetingId: string; as: string }[] }>(
      "GET",
      "/scores/pending",
      s.committee.cookie,
    );
    expect(pending.items).toEqual([expect.objectContaining({ meetingId: march, as: "committee" })]);
    expect((await ok<{ items: unknown[] }>("GET", "/scores/pending", s.lead.cookie)).items).toEqual(
      [],
    );
    const decided = await ok<ScoreDto>(
      "PUT",
      `/meetings/${march}/score/decision`,
      s.committee.cookie,
      { items },
    );
    expect(decided.decision?.as).toBe("committee");
    expect(decided.decision?.total).toBe(decided.self?.total);
    const row = await scoreRow(s, march);
    expect(row?.decidedBy).toBe(s.committee.id);
    expect(row?.decidedAs).toBe("committee");
    expect(
      (await ok<{ items: unknown[] }>("GET", "/scores/pending", s.committee.cookie)).items,
    ).toEqual([]);
  });
});

describe("rubrics", () => {
  it("a revision leaves a scored meeting unchanged while a new meeting uses it", async () => {
    const s = await setup();
    await schedule(s);
    const v1 = tenantRubric(1, 40);
    const created = await call("POST", "/rubrics", s.admin.cookie, v1);
    expect(created.statusCode, created.body).toBe(201);
    problem(await call("POST", "/rubrics", s.lead.cookie, v1), 403, "forbidden");
    problem(await call("POST", "/rubrics", s.admin.cookie, v1), 409, "conflict");
    problem(await call("POST", "/rubrics", s.admin.cookie, tenantRubric(3, 50)), 409, "conflict");
    const list = await ok<{ items: { code: string; custom: boolean }[]; canConfigure: boolean }>(
      "GET",
      "/rubrics",
      s.admin.cookie,
    );
    expect(list.canConfigure).toBe(true);
    expect(list.items.filter((i) => i.custom).map((i) => i.code)).toEqual(["tinh-x-thuong-ky"]);
    expect(list.items.some((i) => i.code === "hd42-ward-regular" && !i.custom)).toBe(true);
    expect(
      (await ok<{ canConfigure: boolean }>("GET", "/rubrics", s.lead.cookie)).canConfigure,
    ).toBe(false);

    const march = await hold(s, "2026-03");
    const before = await ok<ScoreDto>("GET", `/meetings/${march}/score`, s.lead.cookie);
    expect(before.rubric).toMatchObject({ code: "tinh-x-thuong-ky", version: 1 });
    // 0.75 reaches the 0.7 band: 30 of 40.
    expect(before.suggestions[0]).toMatchObject({ key: "attendance_rate", points: 30, max: 40 });
    const scored = await ok<ScoreDto>("PUT", `/meetings/${march}/score/self`, s.lead.cookie, {
      items: { attendance_rate: { points: 30 }, content: { points: 55, reason: "Nội dung khá" } },
    });
    expect(scored.self).toMatchObject({ total: 85, level: "kha" });

    const v2 = await call("POST", "/rubrics", s.admin.cookie, tenantRubric(2, 50));
    expect(v2.statusCode, v2.body).toBe(201);
    expect(await ok<Rubric>("GET", "/rubrics/tinh-x-thuong-ky/2", s.lead.cookie)).toMatchObject({
      version: 2,
      max: 100,
    });

    const after = await ok<ScoreDto>("GET", `/meetings/${march}/score`, s.lead.cookie);
    expect(after.rubric).toMatchObject({ code: "tinh-x-thuong-ky", version: 1, stored: true });
    expect(after.criteria.find((c) => c.key === "attendance_rate")?.max).toBe(40);
    expect(after.self).toMatchObject({ total: 85, level: "kha" });
    const row = await scoreRow(s, march);
    expect(row?.rubricVersion).toBe(1);
    expect(row?.rubric.criteria[0]?.max).toBe(40);

    const april = await hold(s, "2026-04");
    const fresh = await ok<ScoreDto>("GET", `/meetings/${april}/score`, s.lead.cookie);
    expect(fresh.rubric).toMatchObject({ code: "tinh-x-thuong-ky", version: 2, stored: false });
    expect(fresh.suggestions[0]).toMatchObject({ key: "attendance_rate", points: 40, max: 50 });
    const stored = await s.db.select().from(rubrics).where(eq(rubrics.tenantId, s.org.tenantId));
    expect(stored.map((r) => r.version).sort()).toEqual([1, 2]);
  });

  it("refuses overlapping thresholds with the field named, and previews a sample meeting", async () => {
    const s = await setup();
    const bad = { ...tenantRubric(1, 40), levels: { tot: 80, kha: 85, trungBinh: 50 } };
    const res = problem(
      await call("POST", "/rubrics", s.admin.cookie, bad),
      400,
      "validation_failed",
    );
    expect(res.details?.map((d) => d.path)).toContain("body.levels.kha");
    expect(res.detail).toMatch(/chồng lên nhau/u);
    expect(await s.db.select().from(rubrics).where(eq(rubrics.tenantId, s.org.tenantId))).toEqual(
      [],
    );

    const preview = await ok<{ score: { total: number; level: string }; suggestions: unknown[] }>(
      "POST",
      "/rubrics/preview",
      s.admin.cookie,
      { rubric: tenantRubric(1, 40), answers: { attendance_rate: 40, content: 55 } },
    );
    expect(preview.score).toMatchObject({ total: 95, level: "tot" });
    expect(preview.suggestions).toHaveLength(2);
    const sample = await ok<{ score: { total: number }; facts: { attendance_rate: number } }>(
      "POST",
      "/rubrics/preview",
      s.admin.cookie,
      { rubric: tenantRubric(1, 40) },
    );
    // The sample meeting: 92% present gives 40; the judgement is left unanswered.
    expect(sample.facts.attendance_rate).toBe(0.92);
    expect(sample.score.total).toBe(40);
    problem(
      await call("POST", "/rubrics/preview", s.lead.cookie, { rubric: tenantRubric(1, 40) }),
      403,
      "forbidden",
    );
  });

  it("answers 409 with a Vietnamese message when no rubric applies", async () => {
    const s = await setup();
    // chibo ships no rubric for a forum (diễn đàn).
    const forum = await ok<{ id: string }>("POST", "/meetings", s.lead.cookie, {
      unitId: s.org.cellA1.id,
      kind: "forum",
      date: "2026-03-25",
      startTime: "08:00",
      place: "Hội trường",
      topic: "Diễn đàn thanh niên",
    });
    const res = problem(
      await call("GET", `/meetings/${forum.id}/score`, s.lead.cookie),
      409,
      "rubric_missing",
    );
    expect(res.detail).toMatch(/bảng chấm điểm/u);
  });
});

describe("queries", () => {
  it("name tenant_id in every statement", async () => {
    const s = await setup();
    await schedule(s);
    const march = await hold(s, "2026-03");
    await attendedVisit(s, march, s.visitor.id);
    const queries = await captureQueries(async () => {
      await ok("GET", "/rubrics", s.admin.cookie);
      await ok("POST", "/rubrics", s.admin.cookie, tenantRubric(1, 40));
      const score = await ok<ScoreDto>("GET", `/meetings/${march}/score`, s.lead.cookie);
      const items = prefilled(score);
      items.content = { points: 60 };
      await ok("PUT", `/meetings/${march}/score/self`, s.lead.cookie, { items });
      await ok("GET", "/scores/pending", s.visitor.cookie);
      await ok("GET", "/scores/flagged", s.committee.cookie);
      await ok("PUT", `/meetings/${march}/score/decision`, s.visitor.cookie, { items });
      await ok("GET", `/units/${s.org.dbA.id}/scores?year=2026`, s.committee.cookie);
    });
    const statements = queries.filter(
      (q) => !/^(begin|commit|rollback|savepoint|release)/iu.test(q),
    );
    expect(statements.filter((q) => !q.includes("tenant_id"))).toEqual([]);
  });

  it("reads a meeting's evidence with a fixed number of statements, whatever its size", async () => {
    const s = await setup();
    await schedule(s);
    const march = await hold(s, "2026-03", 100, async (id) => {
      await resolutionWithTwoTasks(s, id);
    });
    const count = async () =>
      (
        await captureQueries(async () => {
          await ok("GET", `/meetings/${march}/score`, s.lead.cookie);
        })
      ).length;
    const before = await count();
    const april = await hold(s, "2026-04");
    const started = performance.now();
    const queries = await captureQueries(async () => {
      await ok("GET", `/meetings/${april}/score`, s.lead.cookie);
    });
    expect(performance.now() - started).toBeLessThan(1000);
    // Session, meeting, visits, score, rubrics, settings and the evidence's set-based reads.
    expect(queries.length).toBeLessThanOrEqual(before + 1);
    expect(before).toBeLessThanOrEqual(20);
  });
});

describe("the year against the programme's target", () => {
  /** Twelve held regular meetings of 2025 for the cell, decided at the given levels (one a month). */
  async function decidedYear(s: Setup, cell: typeof s.org.cellA1, levels: MeetingLevel[]) {
    for (const [i, level] of levels.entries()) {
      const period = `2025-${String(i + 1).padStart(2, "0")}`;
      const date = `${period}-15`;
      const [m] = await s.db
        .insert(meetings)
        .values({
          tenantId: s.org.tenantId,
          unitId: cell.id,
          unitPath: cell.path,
          kind: "regular",
          status: "held",
          date,
          period,
          registeredDate: date,
          heldOn: date,
          startTime: "07:30",
          place: "Hội trường",
        })
        .returning({ id: meetings.id });
      if (!m) throw new Error("insert failed");
      await s.db.insert(meetingScores).values({
        tenantId: s.org.tenantId,
        meetingId: m.id,
        unitId: cell.id,
        unitPath: cell.path,
        meetingDate: date,
        rubricCode: HD42_WARD_REGULAR_RUBRIC.code,
        rubricVersion: HD42_WARD_REGULAR_RUBRIC.version,
        rubric: HD42_WARD_REGULAR_RUBRIC,
        evidence: {},
        decidedLevel: level,
        decidedTotal: level === "tot" ? 95 : 80,
        decidedAt: new Date(`${date}T12:00:00Z`),
      });
    }
  }

  it("rates a cell's year Tốt with 7 Tốt and the rest Khá, and tracks the share against the target", async () => {
    const s = await setup();
    const tot7 = [...Array<MeetingLevel>(7).fill("tot"), ...Array<MeetingLevel>(5).fill("kha")];
    await decidedYear(s, s.org.cellA1, tot7);
    // A2: one Trung bình spoils a year of Tốt.
    await decidedYear(s, s.org.cellA2, [...Array<MeetingLevel>(11).fill("tot"), "trung_binh"]);
    const year = await ok<UnitScoresDto>(
      "GET",
      `/units/${s.org.dbA.id}/scores?year=2025`,
      s.committee.cookie,
    );
    const status = Object.fromEntries(year.cells.map((c) => [c.unitId, [c.yearStatus, c.yearTot]]));
    expect(status[s.org.cellA1.id]).toEqual(["tot", 7]);
    expect(status[s.org.cellA2.id]).toEqual(["missed", 11]);
    // Seed 000: above 95% of cells from 2025.
    expect(year.yearly).toEqual({
      cells: 2,
      tot: 1,
      onTrack: 0,
      missed: 1,
      share: 0.5,
      target: 0.95,
      targetMet: false,
      totMeetingsNeeded: 7,
    });

    // A province that asks 8 Tốt meetings and aims above 40% from 2025.
    await s.db
      .update(tenants)
      .set({
        settings: {
          meetingRules: { yearTotMeetings: 8, totTargets: [{ year: 2025, share: 0.4 }] },
        },
      })
      .where(eq(tenants.tenantId, s.org.tenantId));
    const strict = await ok<UnitScoresDto>(
      "GET",
      `/units/${s.org.dbA.id}/scores?year=2025`,
      s.committee.cookie,
    );
    expect(strict.yearly).toMatchObject({ tot: 0, missed: 2, target: 0.4, targetMet: false });
    expect(strict.cells.find((c) => c.unitId === s.org.cellA1.id)?.yearStatus).toBe("missed");

    // March 2026: no regular meeting was held in January or February, so neither cell's year can
    // be Tốt any more.
    const now = await ok<UnitScoresDto>(
      "GET",
      `/units/${s.org.dbA.id}/scores?year=2026`,
      s.committee.cookie,
    );
    expect(now.yearly).toMatchObject({ cells: 2, tot: 0, onTrack: 0, missed: 2 });
  });
});
