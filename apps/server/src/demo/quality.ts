// The demo's meeting quality: every cell's regular meetings of the last three months (six for the
// cells of the committee the demo logins belong to) scored from their own record — the cell's
// self-score, then the decision of the visitor who attended or of the committee above — so every
// level's "share rated Tốt" has figures; and the demo visitor's visits — reported, one report overdue,
// one visit planned that the cell never sees. Written after the rest of the demo, from the database,
// so the evidence is exactly what the scoring screens measure.
import {
  DEFAULT_MEETING_RULES,
  DEFAULT_SUPERVISION_RULES,
  MEETING_LEVEL_LABELS,
  SHIPPED_RUBRICS,
  meetingEvidence,
  prefillAnswers,
  rubricFor,
  scoreSheet,
  type Rubric,
  type VisitReportBody,
} from "@chibo/domain";
import type { Tx } from "../db/client.js";
import { meetingGuests, meetingScores, visits, type ScoreItems } from "../db/schema/index.js";
import { createEvidenceBatchRepository } from "../modules/scores/evidence-batch.repository.js";
import type { DemoMeeting } from "./meetings.js";
import type { DemoUnit, DemoUser } from "./generate.js";
import { addDays, createRng, uuidFrom } from "./random.js";

const VN_OFFSET_MS = 7 * 3_600_000;
const noonOf = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) - VN_OFFSET_MS);
const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3);

function report(cell: string, m: DemoMeeting, level: string): VisitReportBody {
  return {
    time: `${m.startTime ?? "14:00"} ngày ${m.date.split("-").reverse().join("/")}`,
    cell,
    situation: "Đơn vị hoàn thành nhiệm vụ chuyên môn trong tháng; tư tưởng đảng viên ổn định.",
    organisation:
      "Chi bộ chuẩn bị nội dung trước, có họp chi ủy; sinh hoạt đúng trình tự, đủ thời gian.",
    exchanged: "Việc kiểm điểm nhiệm vụ tháng trước và giao nhiệm vụ cụ thể cho đảng viên.",
    opinions: "Đề nghị chi bộ tăng thời lượng thảo luận, khuyến khích đảng viên trẻ phát biểu.",
    taken_back: "Kiến nghị của chi bộ về bố trí kinh phí hoạt động, báo cáo Đảng ủy.",
    assessment: `Buổi sinh hoạt đạt chất lượng, xếp loại ${level}.`,
    score_decision: `Thống nhất kết quả chấm điểm, xếp loại ${level}.`,
  };
}

export async function seedDemoQuality(
  tx: Tx,
  ctx: {
    tenantId: string;
    code: string;
    seed: number;
    today: string;
    units: readonly DemoUnit[];
    users: readonly DemoUser[];
    meetings: readonly DemoMeeting[];
  },
): Promise<{ scores: number; visits: number; guests: number; overdueReports: number }> {
  const rng = createRng(`${String(ctx.seed)}:${ctx.code}:quality`);
  const newId = () => uuidFrom(rng);
  const visitor = ctx.users.find((u) => u.username.endsWith("giamsat"));
  const committeeGrant = ctx.users.find((u) => u.username.endsWith("danguy"))?.grants[0];
  const committee = ctx.units.find((u) => u.id === committeeGrant?.unitId);
  if (!visitor || !committee) return { scores: 0, visits: 0, guests: 0, overdueReports: 0 };
  const units = new Map(ctx.units.map((u) => [u.id, u]));
  const ownCell = (unitId: string) => {
    const u = units.get(unitId);
    return u?.kind === "cell" && u.path.startsWith(committee.path);
  };
  const from = addDays(ctx.today, -183);
  const othersFrom = addDays(ctx.today, -92);
  const batch = await createEvidenceBatchRepository(tx).facts(
    ctx.tenantId,
    { kinds: ["regular"], from, to: ctx.today },
    [],
  );

  // One visit a quarter to each of the committee's cells: the first held regular meeting of the
  // quarter.
  const visited = new Set<string>();
  const seenQuarter = new Set<string>();
  const held = [...batch.meetings]
    .filter((m) => ownCell(m.unitId) || (m.heldOn ?? m.date) >= othersFrom)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const m of held) {
    if (!ownCell(m.unitId)) continue;
    const key = `${m.unitId}:${m.date.slice(0, 4)}:${String(quarterOf(m.date))}`;
    if (seenQuarter.has(key)) continue;
    seenQuarter.add(key);
    visited.add(m.id);
  }

  // The latest visited meeting whose report is already due is left unreported: one overdue report.
  const dueBy = addDays(ctx.today, -DEFAULT_SUPERVISION_RULES.reportDays - 1);
  const overdueId = held
    .filter((m) => visited.has(m.id) && (m.heldOn ?? m.date) <= dueBy)
    .at(-1)?.id;

  const scoreRows: (typeof meetingScores.$inferInsert)[] = [];
  const visitRows: (typeof visits.$inferInsert)[] = [];
  const guestRows: (typeof meetingGuests.$inferInsert)[] = [];
  const byId = new Map(ctx.meetings.map((m) => [m.id, m]));
  for (const m of held) {
    const facts = batch.facts.get(m.id);
    const cell = units.get(m.unitId);
    const demo = byId.get(m.id);
    if (!facts || !cell || !demo) continue;
    const local = m.heldOn ?? m.date;
    const rubric: Rubric | null = rubricFor(m.kind, m.unitType, local, SHIPPED_RUBRICS);
    if (!rubric) continue;
    const evidence = meetingEvidence(facts, DEFAULT_MEETING_RULES, DEFAULT_SUPERVISION_RULES);
    const answers: Record<string, number> = { ...prefillAnswers(rubric, evidence) };
    // Judgements the record cannot show: mostly met, now and then not.
    for (const c of rubric.criteria) {
      if (answers[c.key] !== undefined) continue;
      const met = rng.chance(0.85);
      answers[c.key] =
        met || c.scoring.kind === "yes_no" ? (met ? c.max : 0) : Math.floor(c.max * 0.6 * 2) / 2;
    }
    const self = scoreSheet(rubric, answers, evidence);
    if (self.problems.length > 0) continue;
    const items = (a: Record<string, number>, reason: string): ScoreItems =>
      Object.fromEntries(
        self.items.map((i) => [
          i.key,
          { points: a[i.key] ?? 0, reason: a[i.key] === answers[i.key] ? null : reason },
        ]),
      );
    const selfItems: ScoreItems = Object.fromEntries(
      self.items.map((i) => [i.key, { points: i.points ?? 0, reason: null }]),
    );
    const recent = local > addDays(ctx.today, -20);
    const attended = visited.has(m.id);
    // The last weeks' scores wait for their decision; the rest are decided.
    const decide = !recent || attended;
    let decidedItems: ScoreItems | null = null;
    let decided = self;
    if (decide) {
      const adjusted = { ...answers };
      const judged = rubric.criteria.find(
        (c) => c.evidence === undefined && adjusted[c.key] === c.max,
      );
      if (judged && rng.chance(0.3)) adjusted[judged.key] = 0;
      decided = scoreSheet(rubric, adjusted, evidence);
      decidedItems = items(adjusted, "Cấp trên điều chỉnh theo thực tế buổi sinh hoạt.");
    }
    const at = noonOf(addDays(local, 2));
    scoreRows.push({
      tenantId: ctx.tenantId,
      meetingId: m.id,
      unitId: m.unitId,
      unitPath: cell.path,
      meetingDate: local,
      rubricCode: rubric.code,
      rubricVersion: rubric.version,
      rubric,
      evidence,
      selfItems,
      selfTotal: self.scaledTotal,
      selfLevel: self.level,
      selfAt: noonOf(addDays(local, 1)),
      flagged: false,
      decidedItems,
      decidedTotal: decide ? decided.scaledTotal : null,
      decidedLevel: decide ? decided.level : null,
      decidedBy: decide && attended ? visitor.id : null,
      decidedAs: decide ? (attended ? "visitor" : "committee") : null,
      decidedAt: decide ? at : null,
    });

    if (attended) {
      const overdue = m.id === overdueId;
      visitRows.push({
        id: newId(),
        tenantId: ctx.tenantId,
        visitorUserId: visitor.id,
        visitorUnitPath: committee.path,
        unitId: m.unitId,
        unitPath: cell.path,
        meetingId: m.id,
        plannedOn: local,
        state: overdue ? "attended" : "reported",
        attendedAt: demo.endedAt ?? noonOf(local),
        report: overdue ? null : report(cell.name, demo, MEETING_LEVEL_LABELS[decided.level]),
        reportedAt: overdue ? null : noonOf(addDays(local, 1)),
        reportedOn: overdue ? null : addDays(local, 1),
        createdBy: visitor.id,
        createdAt: noonOf(addDays(local, -7)),
      });
      guestRows.push({
        id: newId(),
        tenantId: ctx.tenantId,
        meetingId: m.id,
        name: visitor.displayName,
        title: `Cán bộ dự sinh hoạt, ${committee.name}`,
        kind: "upper_level",
      });
    }
  }

  // A visit planned to a cell's next meeting: visible to the visitor and the committee only.
  const next = ctx.meetings
    .filter(
      (m) =>
        ownCell(m.unitId) && m.kind === "regular" && m.status === "planned" && m.date >= ctx.today,
    )
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  if (next) {
    visitRows.push({
      id: newId(),
      tenantId: ctx.tenantId,
      visitorUserId: visitor.id,
      visitorUnitPath: committee.path,
      unitId: next.unitId,
      unitPath: next.unitPath,
      meetingId: next.id,
      plannedOn: next.date,
      state: "planned",
      createdBy: visitor.id,
      createdAt: noonOf(ctx.today),
    });
  }

  if (scoreRows.length > 0) await tx.insert(meetingScores).values(scoreRows);
  if (visitRows.length > 0) await tx.insert(visits).values(visitRows);
  if (guestRows.length > 0) await tx.insert(meetingGuests).values(guestRows);
  return {
    scores: scoreRows.length,
    visits: visitRows.length,
    guests: guestRows.length,
    overdueReports: visitRows.filter((v) => v.state === "attended").length,
  };
}
