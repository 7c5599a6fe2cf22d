// Scoring a meeting against a rubric (issue 5; domain.md "Scoring a meeting"): the level from the
// points, the score sheet from answers, the points the record supports, and self-scores above them.
// Pure: the server passes the rubric in force on the meeting's date and the figures it measured.

import type { ErrorDetail } from "../errors.js";
import {
  CAP_CONDITIONS,
  EVIDENCE_MEASURES,
  formatPoints,
  isHalfStep,
  levelRank,
  type Band,
  type CapCondition,
  type CapLevel,
  type EvidenceValues,
  type LevelThresholds,
  type MeetingLevel,
  type Rubric,
  type RubricCriterion,
} from "./rubric.js";

export type EvidenceValue = number | boolean | null;

/**
 * Levels by points alone: the first threshold reached (Bình Thuận: Tốt ≥ 90, Khá ≥ 70, TB ≥ 50).
 */
export function levelByPoints(points: number, levels: LevelThresholds): MeetingLevel {
  if (points >= levels.tot) return "tot";
  if (points >= levels.kha) return "kha";
  if (points >= levels.trungBinh) return "trung_binh";
  return "kem";
}

/** The lower of two levels. */
export function lowerLevel(a: MeetingLevel, b: MeetingLevel): MeetingLevel {
  return levelRank(a) <= levelRank(b) ? a : b;
}

export interface LevelOptions {
  /**
   * Keys of `mustFull` criteria below full points (used when the rubric's `mustFullForTot` is on).
   */
  mustFullMissing?: readonly string[];
  /** Conditions that hold for the meeting (see capConditions); the rubric's caps on them apply. */
  conditions?: readonly CapCondition[];
}

/**
 * Bình Thuận's level rule: thresholds first; then Tốt needs full points on the must-full criteria
 * (otherwise Khá) when the tenant switched it on; then every cap that holds lowers the level to its
 * ceiling — a cap always wins over points. `points` are on the rubric's scale (the scaled total).
 */
export function levelOf(
  points: number,
  rubric: Pick<Rubric, "levels" | "mustFullForTot" | "caps">,
  opts: LevelOptions = {},
): MeetingLevel {
  let level = levelByPoints(points, rubric.levels);
  if (level === "tot" && rubric.mustFullForTot && (opts.mustFullMissing ?? []).length > 0)
    level = "kha";
  const holding = new Set(opts.conditions ?? []);
  for (const cap of rubric.caps) if (holding.has(cap.when)) level = lowerLevel(level, cap.maxLevel);
  return level;
}

function known<T>(v: T | null | undefined): v is T {
  return v !== null && v !== undefined;
}

/** Whether a condition holds on the record; null when the figures it needs are unknown. */
export function conditionHolds(
  condition: CapCondition,
  rubric: Pick<Rubric, "qualityRate">,
  facts: EvidenceValues,
): boolean | null {
  switch (condition) {
    case "attendance_below_quality_bar":
      // HD12: the rate must exceed the bar (85%): a rate equal to it fails.
      return known(facts.attendance_rate) ? facts.attendance_rate <= rubric.qualityRate : null;
    case "unexcused_absence":
      return known(facts.unexcused_absences) ? facts.unexcused_absences > 0 : null;
    case "long_absence":
      return known(facts.long_absence) ? facts.long_absence : null;
    case "not_held_on_schedule":
      return known(facts.held_on_schedule) ? !facts.held_on_schedule : null;
    case "minutes_missing":
      return known(facts.minutes_kept) ? !facts.minutes_kept : null;
    case "duration_short":
      return known(facts.duration_minutes) && known(facts.duration_required)
        ? facts.duration_minutes < facts.duration_required
        : null;
  }
}

/**
 * The conditions known to hold for a meeting (an unknown figure proves nothing, so caps nothing).
 */
export function capConditions(
  rubric: Pick<Rubric, "qualityRate">,
  facts: EvidenceValues,
): CapCondition[] {
  return CAP_CONDITIONS.filter((c) => conditionHolds(c, rubric, facts) === true);
}

export interface ApplicableCriterion {
  criterion: RubricCriterion;
  /**
   * Its maximum this month: raised on the target of "move_to_regular" in a month without thematic
   * meeting.
   */
  max: number;
}

/** Whether the month has a thematic meeting (unknown counts as no). */
export function isThematicMonth(facts: EvidenceValues): boolean {
  return facts.thematic_month === true;
}

/**
 * The ward sheet (domain.md): the thematic item counts only in a month with a thematic meeting; in
 * other months either the sheet is scored out of the rest (and scaled), or those points go to a
 * named regular criterion, as the tenant chose.
 */
export function applicableCriteria(
  rubric: Pick<Rubric, "criteria" | "thematicMonth">,
  facts: EvidenceValues,
): ApplicableCriterion[] {
  const thematic = isThematicMonth(facts);
  const skipped = thematic
    ? 0
    : rubric.criteria.filter((c) => c.onlyWhen === "thematic_month").reduce((s, c) => s + c.max, 0);
  const rule = rubric.thematicMonth;
  const target = rule.mode === "move_to_regular" ? rule.to : null;
  return rubric.criteria
    .filter((c) => thematic || c.onlyWhen !== "thematic_month")
    .map((c) => ({ criterion: c, max: c.key === target ? c.max + skipped : c.max }));
}

function bandThreshold(band: Band, required: number | null): number | null {
  if (band.ofRequired !== true) return band.from;
  // A share of the required duration held, as minutes relative to it.
  return required === null ? null : (band.from - 1) * required;
}

function bandPoints(bands: readonly Band[], value: number, required: number | null): number {
  let best = 0;
  for (const band of bands) {
    const threshold = bandThreshold(band, required);
    if (threshold === null) continue;
    const reached = band.above === true ? value > threshold : value >= threshold;
    if (reached) best = Math.max(best, band.points);
  }
  return best;
}

/**
 * The figure a criterion is scored from, as shown next to it (for the duration: the minutes held).
 */
function evidenceValue(criterion: RubricCriterion, facts: EvidenceValues): EvidenceValue {
  if (criterion.evidence === undefined) return null;
  return facts[criterion.evidence] ?? null;
}

/**
 * The points the record supports for one criterion, or null (a judgement, or the figure is
 * unknown). Booleans give full or none; bands give the best band reached, held down by their
 * `limit`.
 */
function supported(
  criterion: RubricCriterion,
  max: number,
  rubric: Pick<Rubric, "qualityRate">,
  facts: EvidenceValues,
): number | null {
  const key = criterion.evidence;
  if (key === undefined) return null;
  const value = facts[key];
  if (!known(value)) return null;
  const measure = EVIDENCE_MEASURES[key];
  const { scoring } = criterion;
  if (scoring.kind === "bands") {
    if (typeof value !== "number") return null;
    let measured = value;
    let required: number | null = null;
    if (measure === "minutes") {
      // Domain.md's duration table: minutes short of the required duration, or a share of it held.
      if (!known(facts.duration_required)) return null;
      required = facts.duration_required;
      measured = value - required;
    }
    let points = bandPoints(scoring.bands, measured, required);
    if (scoring.limit && conditionHolds(scoring.limit.when, rubric, facts) === true)
      points = Math.min(points, scoring.limit.points);
    return Math.min(points, max);
  }
  switch (measure) {
    case "flag":
      return value === true ? max : 0;
    case "flag_bad":
      return value === false ? max : 0;
    case "count":
      return value === 0 ? max : 0;
    case "share":
    case "minutes":
    case "context_minutes":
    case "context_flag":
      // Refused by rubricSchema; nothing is suggested from it.
      return null;
  }
}

export const SUGGESTION_SOURCES = ["evidence", "judgement", "no_data"] as const;
export type SuggestionSource = (typeof SUGGESTION_SOURCES)[number];

export interface EvidenceSuggestion {
  key: string;
  /** What the record supports; null for a judgement item or when the record lacks the figure. */
  points: number | null;
  /** Its maximum this month. */
  max: number;
  /** The figure shown next to the item. */
  evidence: EvidenceValue;
  /**
   * "evidence": scored from the record; "judgement": nothing measured; "no_data": the figure is
   * unknown.
   */
  source: SuggestionSource;
}

/**
 * Issue 5: the self-score form comes pre-filled from the record, each item showing its evidence.
 * One entry per criterion that counts this month, in the rubric's order.
 */
export function suggestFromEvidence(
  rubric: Pick<Rubric, "criteria" | "thematicMonth" | "qualityRate">,
  facts: EvidenceValues,
): EvidenceSuggestion[] {
  return applicableCriteria(rubric, facts).map(({ criterion, max }) => {
    const points = supported(criterion, max, rubric, facts);
    const source: SuggestionSource =
      criterion.evidence === undefined ? "judgement" : points === null ? "no_data" : "evidence";
    return { key: criterion.key, points, max, evidence: evidenceValue(criterion, facts), source };
  });
}

/** The suggested points of the items the record decides, by key: the form's starting answers. */
export function prefillAnswers(
  rubric: Pick<Rubric, "criteria" | "thematicMonth" | "qualityRate">,
  facts: EvidenceValues,
): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const s of suggestFromEvidence(rubric, facts))
    if (s.points !== null) answers[s.key] = s.points;
  return answers;
}

export interface OverClaim {
  key: string;
  claimed: number;
  supported: number;
  evidence: EvidenceValue;
}

/** Issue 5: a self-score above what the evidence supports is flagged for the committee. */
export function overClaims(
  rubric: Pick<Rubric, "criteria" | "thematicMonth" | "qualityRate">,
  facts: EvidenceValues,
  answers: Readonly<Record<string, number>>,
): OverClaim[] {
  const claims: OverClaim[] = [];
  for (const s of suggestFromEvidence(rubric, facts)) {
    const claimed = answers[s.key];
    if (s.points === null || typeof claimed !== "number") continue;
    if (claimed > s.points)
      claims.push({ key: s.key, claimed, supported: s.points, evidence: s.evidence });
  }
  return claims;
}

export interface ItemAnswer {
  points: number;
  reason?: string | null;
}

/**
 * Issue 5: an item may differ from what the record supports only with a written reason; a judgement
 * item marked `needsReason` needs one when scored below its maximum. Paths "items.<key>.reason".
 */
export function reasonProblems(
  rubric: Pick<Rubric, "criteria" | "thematicMonth" | "qualityRate">,
  facts: EvidenceValues,
  items: Readonly<Record<string, ItemAnswer>>,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const byKey = new Map(rubric.criteria.map((c) => [c.key, c]));
  for (const s of suggestFromEvidence(rubric, facts)) {
    const item = items[s.key];
    if (item === undefined) continue;
    if ((item.reason ?? "").trim() !== "") continue;
    const path = `items.${s.key}.reason`;
    if (s.points !== null && item.points !== s.points)
      problems.push({ path, message: "Cần ghi lý do khi chấm khác điểm theo dữ liệu ghi nhận" });
    else if (byKey.get(s.key)?.needsReason === true && item.points < s.max)
      problems.push({ path, message: "Cần ghi lý do khi chấm dưới điểm tối đa" });
  }
  return problems;
}

export interface ScoredItem {
  key: string;
  group: string;
  /** Its maximum this month. */
  max: number;
  /** The answer; null when missing or refused. */
  points: number | null;
}

export interface ScoredGroup {
  key: string;
  label: string;
  max: number;
  points: number;
}

export interface AppliedCap {
  when: CapCondition;
  maxLevel: CapLevel;
  label: string;
}

export interface SheetScore {
  /** Criteria counting this month, in the rubric's order. */
  items: ScoredItem[];
  groups: ScoredGroup[];
  /** Sum of the accepted answers (refused and missing count 0), in halves. */
  total: number;
  /**
   * The most points this month (95 on the ward sheet in a month without thematic meeting, "scale").
   */
  max: number;
  /**
   * The total on the rubric's scale, rounded down to a half point: the figure the level is read
   * from.
   */
  scaledTotal: number;
  thematicMonth: boolean;
  /** The level by the thresholds alone. */
  pointsLevel: MeetingLevel;
  level: MeetingLevel;
  /** Caps whose condition holds (each at most its level). */
  capsApplied: AppliedCap[];
  /** `mustFull` criteria below full points; they deny Tốt when `mustFullForTot` is on. */
  mustFullMissing: string[];
  /** Criteria counting this month without an answer. */
  missing: string[];
  /** Refused answers, paths "items.<key>.points". */
  problems: ErrorDetail[];
}

function answerProblem(criterion: RubricCriterion, max: number, value: unknown): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "Điểm phải là một số";
  if (value < 0) return "Điểm không được âm";
  if (value > max) return `Điểm không được vượt quá điểm tối đa (${formatPoints(max)})`;
  if (!isHalfStep(value)) return "Điểm chấm theo bước 0,5";
  if (criterion.scoring.kind === "yes_no" && value !== 0 && value !== max)
    return `Tiêu chí đạt/không đạt chỉ nhận 0 hoặc ${formatPoints(max)} điểm`;
  return null;
}

function halves(n: number): number {
  return Math.round(n * 2) / 2;
}

/**
 * HD12, domain.md: the score sheet of a meeting. Each answer is checked (0 to the item's maximum,
 * in halves; a yes/no item 0 or full; known keys only); refused answers count 0 and are listed. The
 * level is read from the scaled total, which is rounded down so that rounding never raises a level.
 */
export function scoreSheet(
  rubric: Rubric,
  answers: Readonly<Record<string, unknown>>,
  facts: EvidenceValues,
): SheetScore {
  const problems: ErrorDetail[] = [];
  const applicable = applicableCriteria(rubric, facts);
  const counting = new Map(applicable.map((a) => [a.criterion.key, a]));
  const all = new Set(rubric.criteria.map((c) => c.key));

  for (const [key, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const path = `items.${key}.points`;
    if (!all.has(key)) problems.push({ path, message: "Không có tiêu chí này trong bảng điểm" });
    else if (!counting.has(key) && value !== 0)
      problems.push({ path, message: "Tiêu chí chỉ chấm trong tháng có sinh hoạt chuyên đề" });
  }

  const items: ScoredItem[] = [];
  const missing: string[] = [];
  const mustFullMissing: string[] = [];
  for (const { criterion, max } of applicable) {
    const value = Object.hasOwn(answers, criterion.key) ? answers[criterion.key] : undefined;
    let points: number | null = null;
    if (value === undefined) missing.push(criterion.key);
    else {
      const problem = answerProblem(criterion, max, value);
      if (problem !== null)
        problems.push({ path: `items.${criterion.key}.points`, message: problem });
      else if (typeof value === "number") points = value;
    }
    if (criterion.mustFull === true && (points ?? 0) < max) mustFullMissing.push(criterion.key);
    items.push({ key: criterion.key, group: criterion.group, max, points });
  }

  const groups: ScoredGroup[] = rubric.groups.map((g) => {
    const mine = items.filter((i) => i.group === g.key);
    return {
      key: g.key,
      label: g.label,
      max: mine.reduce((s, i) => s + i.max, 0),
      points: mine.reduce((s, i) => s + (i.points ?? 0), 0),
    };
  });

  const total = halves(items.reduce((s, i) => s + (i.points ?? 0), 0));
  const max = items.reduce((s, i) => s + i.max, 0);
  const scaled = max > 0 ? (total * rubric.max) / max : 0;
  const scaledTotal = Math.min(rubric.max, Math.floor(scaled * 2 + 1e-9) / 2);

  const conditions = capConditions(rubric, facts);
  const capsApplied = rubric.caps
    .filter((c) => conditions.includes(c.when))
    .map((c) => ({ when: c.when, maxLevel: c.maxLevel, label: c.label }));

  return {
    items,
    groups,
    total,
    max,
    scaledTotal,
    thematicMonth: isThematicMonth(facts),
    pointsLevel: levelByPoints(scaledTotal, rubric.levels),
    level: levelOf(scaledTotal, rubric, { mustFullMissing, conditions }),
    capsApplied,
    mustFullMissing,
    missing,
    problems,
  };
}
