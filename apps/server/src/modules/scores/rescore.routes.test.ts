import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  meetingEvidence,
  meetingRulesInput,
  resolveMeetingRules,
  resolveSupervisionRules,
  supervisionRulesInput,
  type MeetingFacts,
  type Rubric,
  type ScoreDto,
} from "@chibo/domain";
import { and, eq } from "drizzle-orm";
import { captureQueries, testContext } from "#test/db";
import { call, ok, regularMeetingId } from "#test/http";
import { createChiAndYoung, createOrg, createUser, travel } from "#test/factories";
import { auditLog, meetingScores } from "../../db/schema/index.js";
import { createRubricsRepository } from "../rubrics/rubrics.repository.js";
import { createEvidenceBatchRepository, type BatchFacts } from "./evidence-batch.repository.js";
import { createEvidenceRepository, storedTemplates } from "./evidence.repository.js";
import { createScoresRepository } from "./scores.repository.js";

type Setup = Awaited<ReturnType<typeof setup>>;

afterEach(async () => {
  (await testContext()).clock.reset();
});

/** Cell A1 with An, Bình, Chí and Trẻ (probationary); its lead, a committee member above, the admin. */
async function setup() {
  const ctx = await testContext();
  const db = ctx.database.db;
  const org = await createOrg(db);
  const { chi, young } = await createChiAndYoung(db, org);
  const lead = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellA1 }]);
  const committee = await createUser(db, org.tenantId, [{ role: "committee", unit: org.dbA }]);
  const admin = await createUser(db, org.tenantId, [{ role: "admin", unit: org.root }]);
  return { ...ctx, db, org, chi, young, lead, committee, admin };
}

/**
 * Holds the regular meeting of `period` on day 20 for 100 minutes from the template's agenda: An,
 * Bình, Chí present, Trẻ absent (excused in March, not in April); Bình and Chí speak.
 */
async function hold(s: Setup, period: string, during?: (id: string) => Promise<void>) {
  const meetingId = await regularMeetingId(s.org.cellA1.id, period, s.lead.cookie);
  const start = new Date(`${period}-20T00:30:00Z`);
  await travel(s, s.org.tenantId, new Date(start.getTime() - 5 * 86_400_000).toISOString());
  await ok("POST", `/meetings/${meetingId}/agenda/from-template`, s.lead.cookie, {});
  await travel(s, s.org.tenantId, start.toISOString());
  await ok("POST", `/meetings/${meetingId}/open`, s.lead.cookie, {});
  await ok("PUT", `/meetings/${meetingId}/attendance`, s.lead.cookie, {
    marks: [
      { memberId: s.org.people.an.id, status: "present" },
      { memberId: s.org.people.binh.id, status: "present" },
      { memberId: s.chi.id, status: "present" },
      period.endsWith("03")
        ? { memberId: s.young.id, status: "absent_excused", reason: "Đi công tác" }
        : { memberId: s.young.id, status: "absent_unexcused" },
    ],
  });
  const opinion = (memberId: string) => ({
    id: randomUUID(),
    speakerMemberId: memberId,
    speakerGuestId: null,
    speakerName: "Đồng chí",
    text: "Ý kiến phát biểu.",
  });
  await ok("PUT", `/meetings/${meetingId}/minutes`, s.lead.cookie, {
    rev: 0,
    chairMemberId: s.org.people.an.id,
    minuteTakerMemberId: s.org.people.binh.id,
    content: {
      place: "Hội trường",
      opening: "Tuyên bố lý do.",
      items: [
        {
          agendaItemId: null,
          title: "Thảo luận",
          presenter: "Đồng chí An",
          summary: "Đánh giá công tác tháng.",
          opinions: [opinion(s.org.people.binh.id), opinion(s.chi.id)],
          conclusion: "Thống nhất.",
        },
      ],
      other: "",
    },
  });
  if (during) await during(meetingId);
  await travel(s, s.org.tenantId, new Date(start.getTime() + 100 * 60_000).toISOString());
  await ok("POST", `/meetings/${meetingId}/close`, s.lead.cookie, {});
  return meetingId;
}

/** A resolution adopted 3–0 with two tasks, one owned by the cell committee, one by Chí. */
async function resolution(s: Setup, meetingId: string) {
  const res = await ok<{ id: string }>(
    "POST",
    `/meetings/${meetingId}/resolutions`,
    s.lead.cookie,
    {
      title: "Nghị quyết tháng",
    },
  );
  await ok("PUT", `/resolutions/${res.id}/vote`, s.lead.cookie, {
    approve: 3,
    against: 0,
    other: 0,
  });
  const one = await ok<{ id: string }>("POST", `/resolutions/${res.id}/tasks`, s.lead.cookie, {
    title: "Việc một",
    dueDate: "2026-04-10",
    assigneeBody: "Chi ủy",
  });
  const two = await ok<{ id: string }>("POST", `/resolutions/${res.id}/tasks`, s.lead.cookie, {
    title: "Việc hai",
    dueDate: "2026-04-15",
    assigneeMemberIds: [s.chi.id],
  });
  return [one.id, two.id];
}

/** March (a resolution with two tasks), April (reviews one of them), May: three held meetings. */
async function threeMonths(s: Setup) {
  await ok("PUT", `/units/${s.org.cellA1.id}/meeting-schedule`, s.lead.cookie, {
    day: 20,
    time: "07:30",
    place: "Hội trường",
    mode: "in_person",
  });
  let taskIds: string[] = [];
  const march = await hold(s, "2026-03", async (id) => {
    taskIds = await resolution(s, id);
  });
  const april = await hold(s, "2026-04", async (id) => {
    await ok("PUT", `/meetings/${id}/reviews/${taskIds[0] ?? ""}`, s.lead.cookie, {
      verdict: "done",
    });
  });
  const may = await hold(s, "2026-05");
  return { march, april, may };
}

function rubric(validFrom: string): Rubric {
  return {
    code: "tinh-x-thuong-ky",
    version: 1,
    name: "Bảng điểm sinh hoạt thường kỳ của Tỉnh ủy X",
    source: "Hướng dẫn của Ban Tổ chức Tỉnh ủy X",
    validFrom,
    validTo: null,
    meetingKinds: ["regular"],
    unitTypes: null,
    isDefault: false,
    max: 100,
    groups: [
      { key: "attendance", label: "Đảng viên dự sinh hoạt", max: 40 },
      { key: "conduct", label: "Tiến hành sinh hoạt", max: 60 },
    ],
    criteria: [
      {
        key: "attendance_rate",
        group: "attendance",
        label: "Tỷ lệ đảng viên dự",
        max: 40,
        scoring: {
          kind: "bands",
          bands: [
            { from: 0.9, points: 40 },
            { from: 0.7, points: 30 },
            { from: 0, points: 5 },
          ],
        },
        evidence: "attendance_rate",
      },
      {
        key: "content",
        group: "conduct",
        label: "Nội dung sinh hoạt",
        max: 60,
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

/**
 * The facts with the collections whose order the single loader leaves to the database (a
 * resolution's tasks, the marks history, the thematic dates) sorted; the evidence never reads them
 * in order.
 */
function normalised(f: MeetingFacts | undefined) {
  if (!f) return f;
  const byJson = <T>(list: readonly T[]) =>
    [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    ...f,
    absenceHistory: new Map([...f.absenceHistory].map(([k, v]) => [k, byJson(v)])),
    resolutions: byJson(f.resolutions.map((r) => ({ ...r, tasks: byJson(r.tasks) }))),
    documents: byJson(f.documents),
    thematicHeldOn: byJson(f.thematicHeldOn),
  };
}

interface Rescore {
  from: string | null;
  to: string | null;
  force: boolean;
  meetings: number;
  counts: { tot: number; kha: number; trung_binh: number; kem: number };
  totShare: number | null;
  decided: number;
  changed: number;
}

describe("the batch evidence loader", () => {
  it("gives every held meeting the same facts and evidence as the single loader", async () => {
    const s = await setup();
    const ids = await threeMonths(s);
    const settings = await createRubricsRepository(s.db).tenantSettings(s.org.tenantId);
    const templates = storedTemplates(settings);
    const rules = resolveMeetingRules(meetingRulesInput.parse(settings.meetingRules ?? {}));
    const sup = resolveSupervisionRules(
      supervisionRulesInput.parse(settings.supervisionRules ?? {}),
    );

    const loaded: BatchFacts[] = [];
    const queries = await captureQueries(async () => {
      loaded.push(await createEvidenceBatchRepository(s.db).facts(s.org.tenantId, {}, templates));
    });
    expect(queries.filter((q) => !q.includes("tenant_id"))).toEqual([]);
    // One statement per table read, whatever the number of meetings.
    expect(queries.length).toBeLessThanOrEqual(15);
    const all = loaded[0];
    if (!all) throw new Error("no batch");
    expect(all.meetings.map((m) => m.id)).toEqual([ids.march, ids.april, ids.may]);

    const single = createEvidenceRepository(s.db);
    for (const id of Object.values(ids)) {
      const row = await createScoresRepository(s.db).meeting(s.org.tenantId, id);
      if (!row) throw new Error("meeting");
      const one = await single.facts(s.org.tenantId, row, templates);
      const many = all.facts.get(id);
      expect(normalised(many)).toEqual(normalised(one));
      expect(meetingEvidence(many ?? one, rules, sup)).toEqual(meetingEvidence(one, rules, sup));
    }
    // The record exercised what it should: history, review list with a verdict, resolutions.
    const april = all.facts.get(ids.april);
    expect(april?.absenceHistory.get(s.young.id)).toHaveLength(2);
    expect(april?.review.tasks).toHaveLength(2);
    expect(april?.review.verdicts.size).toBe(1);
    expect(all.facts.get(ids.march)?.resolutions[0]?.tasks).toHaveLength(2);
    expect(all.facts.get(ids.may)?.review.tasks).toHaveLength(1);

    // A subtree and a range select a part; the statements stay the same in number.
    const part = await createEvidenceBatchRepository(s.db).facts(
      s.org.tenantId,
      { unitPath: s.org.cellA1.path, from: "2026-04-01", to: "2026-04-30", kinds: ["regular"] },
      templates,
    );
    expect(part.meetings.map((m) => m.id)).toEqual([ids.april]);
    expect(part.facts.get(ids.april)).toEqual(april);
    const other = await createEvidenceBatchRepository(s.db).facts(
      s.org.tenantId,
      { unitPath: s.org.dbB.path },
      templates,
    );
    expect(other.meetings).toEqual([]);
  });
});

describe("POST /rubrics/:code/:version/rescore", () => {
  it("scores every held meeting the rubric applies to with the evidence, and writes nothing", async () => {
    const s = await setup();
    const ids = await threeMonths(s);
    // June: the set spans two quarters, read one after the other.
    await hold(s, "2026-06");
    expect((await call("POST", "/rubrics", s.admin.cookie, rubric("2026-04-01"))).statusCode).toBe(
      201,
    );
    // The committee decides March with the judgement at its maximum: Tốt.
    const score = await ok<ScoreDto>("GET", `/meetings/${ids.march}/score`, s.committee.cookie);
    expect(score.rubric.code).toBe("hd42-ward-regular");
    const items: Record<string, { points: number }> = {};
    for (const x of score.suggestions) items[x.key] = { points: x.points ?? x.max };
    await ok("PUT", `/meetings/${ids.march}/score/decision`, s.committee.cookie, { items });
    const [before] = await s.db
      .select()
      .from(meetingScores)
      .where(
        and(eq(meetingScores.tenantId, s.org.tenantId), eq(meetingScores.meetingId, ids.march)),
      );
    const decidedLevel = before?.decidedLevel;
    const audits = (await s.db.select().from(auditLog).where(eq(auditLog.tenantId, s.org.tenantId)))
      .length;

    // HD42 in force since 28/10/2025: all four; the judgements are left unanswered (0 points).
    const hd42 = await ok<Rescore>("POST", "/rubrics/hd42-ward-regular/1/rescore", s.admin.cookie);
    expect(hd42).toMatchObject({
      from: "2025-10-28",
      to: null,
      force: false,
      meetings: 4,
      decided: 1,
    });
    const sum = hd42.counts.tot + hd42.counts.kha + hd42.counts.trung_binh + hd42.counts.kem;
    expect(sum).toBe(4);
    expect(hd42.totShare).toBe(hd42.counts.tot / 4);
    // Decided Khá with the judgements at their maximum; with them unanswered every meeting is Kém.
    expect(decidedLevel).toBe("kha");
    expect(hd42).toMatchObject({ counts: { tot: 0, kha: 0, trung_binh: 0, kem: 4 }, changed: 1 });

    // The tenant's rubric in force from April: April, May and June (3 of 4 present → 30 of 40: Kém);
    // forced, March too; a range clips it.
    const own = await ok<Rescore>("POST", "/rubrics/tinh-x-thuong-ky/1/rescore", s.admin.cookie);
    expect(own).toMatchObject({
      from: "2026-04-01",
      meetings: 3,
      counts: { tot: 0, kha: 0, trung_binh: 0, kem: 3 },
      totShare: 0,
      decided: 0,
      changed: 0,
    });
    const forced = await ok<Rescore>(
      "POST",
      "/rubrics/tinh-x-thuong-ky/1/rescore?force=1",
      s.admin.cookie,
    );
    expect(forced).toMatchObject({ from: null, force: true, meetings: 4, decided: 1, changed: 1 });
    const ranged = await ok<Rescore>(
      "POST",
      "/rubrics/tinh-x-thuong-ky/1/rescore?force=1&from=2026-03-01&to=2026-04-30",
      s.admin.cookie,
    );
    expect(ranged).toMatchObject({ from: "2026-03-01", to: "2026-04-30", meetings: 2 });
    const empty = await ok<Rescore>(
      "POST",
      "/rubrics/tinh-x-thuong-ky/1/rescore?to=2026-03-31",
      s.admin.cookie,
    );
    expect(empty).toMatchObject({ meetings: 0, totShare: null });

    // Nothing written: the decided score as it was, no audit entry.
    const [after] = await s.db
      .select()
      .from(meetingScores)
      .where(
        and(eq(meetingScores.tenantId, s.org.tenantId), eq(meetingScores.meetingId, ids.march)),
      );
    expect(after).toEqual(before);
    expect(
      (await s.db.select().from(auditLog).where(eq(auditLog.tenantId, s.org.tenantId))).length,
    ).toBe(audits);
    expect(
      await s.db.select().from(meetingScores).where(eq(meetingScores.tenantId, s.org.tenantId)),
    ).toHaveLength(1);
  });

  it("is for the tenant's administrator; an unknown rubric is 404, a reversed range 422", async () => {
    const s = await setup();
    for (const who of [s.lead, s.committee]) {
      const res = await call("POST", "/rubrics/hd42-ward-regular/1/rescore", who.cookie);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json<{ code: string; detail: string }>()).toMatchObject({ code: "forbidden" });
    }
    const missing = await call("POST", "/rubrics/khong-co/1/rescore", s.admin.cookie);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ detail: string }>().detail).toMatch(/bảng điểm/u);
    const reversed = await call(
      "POST",
      "/rubrics/hd42-ward-regular/1/rescore?from=2026-05-01&to=2026-04-01",
      s.admin.cookie,
    );
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json<{ details: { path: string }[] }>().details[0]?.path).toBe(
      "querystring.to",
    );
    const bad = await call(
      "POST",
      "/rubrics/hd42-ward-regular/1/rescore?from=2026-13-01",
      s.admin.cookie,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ details: { path: string }[] }>().details[0]?.path).toBe("querystring.from");
  });

  it("names tenant_id in every statement", async () => {
    const s = await setup();
    await threeMonths(s);
    const queries = await captureQueries(async () => {
      await ok("POST", "/rubrics/hd42-ward-regular/1/rescore?force=1", s.admin.cookie);
    });
    const statements = queries.filter(
      (q) => !/^(begin|commit|rollback|savepoint|release)/iu.test(q),
    );
    expect(statements.filter((q) => !q.includes("tenant_id"))).toEqual([]);
    // A fixed handful: session, tenant, rubric settings, the set's reads and the decided levels.
    expect(statements.length).toBeLessThanOrEqual(25);
  });
});
