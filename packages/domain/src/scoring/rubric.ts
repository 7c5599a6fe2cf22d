// A meeting's score sheet as versioned data (issue 5; domain.md "Scoring a meeting"): groups and
// criteria with their maximum points, how each is scored, what chibo measures for it, the
// conditions that cap the level whatever the points, and the thresholds of Tốt / Khá / Trung bình /
// Kém. A province enters its own; the admin editor and the server validate against `rubricSchema`.

import { z } from "zod";
import { isoDate, isValidDate, requiredText, crossField } from "../contract/common.js";
import { LIMITS } from "../limits.js";
import { MEETING_KINDS } from "../meetings/kinds.js";
import { UNIT_TYPES } from "../org/tree.js";

/** HD12, Bình Thuận's handbook: the four levels of a meeting, best first. */
export const MEETING_LEVELS = ["tot", "kha", "trung_binh", "kem"] as const;
export type MeetingLevel = (typeof MEETING_LEVELS)[number];

export const MEETING_LEVEL_LABELS: Readonly<Record<MeetingLevel, string>> = Object.freeze({
  tot: "Tốt",
  kha: "Khá",
  trung_binh: "Trung bình",
  kem: "Kém",
});

/** The levels a cap may hold a meeting to (a cap at Tốt would cap nothing). */
export const CAP_LEVELS = ["kha", "trung_binh", "kem"] as const;
export type CapLevel = (typeof CAP_LEVELS)[number];

/** Higher is better: Tốt 3, Khá 2, Trung bình 1, Kém 0. */
export function levelRank(level: MeetingLevel): number {
  return MEETING_LEVELS.length - 1 - MEETING_LEVELS.indexOf(level);
}

/**
 * What chibo measures from the meeting's record (issue 5, "Scoring from evidence"). The server
 * computes these; a criterion names the one it is scored from.
 */
export const EVIDENCE_KEYS = [
  // Share 0..1: counted members present ÷ counted members (HD12: exempt, special duty, attached
  // elsewhere not counted).
  "attendance_rate",
  // Count: counted members absent without a reason (HD12: any one fails the quality bar).
  "unexcused_absences",
  // Boolean: someone was absent, even with a reason, more than 3 times in a row this year (HD12).
  // True is bad.
  "long_absence",
  // Minutes the meeting lasted. Bands on it measure minutes relative to duration_required (negative
  // when short).
  "duration_minutes",
  // Minutes it had to last: 90; 120 with a thematic meeting (HD42) or, on the ward sheet, with ≥ 30
  // members.
  "duration_required",
  // Boolean: held on the registered day, or by the new date of a postponement reported in time
  // (seed 000).
  "held_on_schedule",
  // Boolean: every step of the procedure (HD12's order; the agenda template) is present in the
  // minutes.
  "agenda_steps_present",
  // Boolean: the chi ủy (or secretary and deputy) met before, with a record; true when the cell has
  // only a secretary.
  "committee_meeting_before",
  // Boolean: time, place and content sent to every member and the assigned upper-level member
  // (HD12).
  "notice_sent",
  // Boolean: meeting documents posted at least one day before (HD42).
  "documents_before",
  // Share 0..1: last meeting's open tasks reviewed at this meeting.
  "tasks_reviewed",
  // Share 0..1: members present who gave at least one opinion.
  "speakers_share",
  // Boolean: a resolution or conclusion adopted with tasks that have an owner and a due date.
  "resolution_with_tasks",
  // Boolean: the minutes signed by chair and minute-taker within the tenant's set number of days.
  "minutes_signed_in_time",
  // Boolean: the final conclusion and documents posted within two days after (HD42, the ward
  // sheet).
  "documents_after",
  // Share 0..1: last month's resolution targets achieved.
  "last_targets_achieved",
  // Boolean: a thematic meeting is held this month (the ward sheet's thematic item counts only
  // then).
  "thematic_month",
  // Boolean: minutes were written for the meeting (in chibo, or a paper book the cell declared).
  "minutes_kept",
] as const;
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

/**
 * How a figure is read: `share` 0..1 and `minutes` are measured by bands; `flag` is good when true,
 * `flag_bad` good when false, `count` good when zero (full or zero points); `context_*` figures are
 * not scored themselves (the required duration, whether the month has a thematic meeting).
 */
export const EVIDENCE_MEASURES = Object.freeze({
  attendance_rate: "share",
  unexcused_absences: "count",
  long_absence: "flag_bad",
  duration_minutes: "minutes",
  duration_required: "context_minutes",
  held_on_schedule: "flag",
  agenda_steps_present: "flag",
  committee_meeting_before: "flag",
  notice_sent: "flag",
  documents_before: "flag",
  tasks_reviewed: "share",
  speakers_share: "share",
  resolution_with_tasks: "flag",
  minutes_signed_in_time: "flag",
  documents_after: "flag",
  last_targets_achieved: "share",
  thematic_month: "context_flag",
  minutes_kept: "flag",
} as const satisfies Record<EvidenceKey, EvidenceMeasure>);
export type EvidenceMeasure =
  "share" | "count" | "minutes" | "flag" | "flag_bad" | "context_minutes" | "context_flag";

const share = z.number().min(0).max(1).nullable().optional();
const count = z.number().int().min(0).nullable().optional();
const minutes = z.number().min(0).max(1440).nullable().optional();
const flag = z.boolean().nullable().optional();

/**
 * The figures of one meeting; a missing or null figure is unknown (nothing is suggested from it).
 */
export const evidenceValuesSchema = z.strictObject({
  attendance_rate: share,
  unexcused_absences: count,
  long_absence: flag,
  duration_minutes: minutes,
  duration_required: minutes,
  held_on_schedule: flag,
  agenda_steps_present: flag,
  committee_meeting_before: flag,
  notice_sent: flag,
  documents_before: flag,
  tasks_reviewed: share,
  speakers_share: share,
  resolution_with_tasks: flag,
  minutes_signed_in_time: flag,
  documents_after: flag,
  last_targets_achieved: share,
  thematic_month: flag,
  minutes_kept: flag,
} satisfies Record<EvidenceKey, z.ZodType>);
export type EvidenceValues = z.infer<typeof evidenceValuesSchema>;

/**
 * Conditions that hold a meeting's level down whatever its points (issue 5). The first three are
 * HD12's quality bar: rate above `qualityRate`, nobody absent without reason, nobody absent more
 * than 3 times in a row this year.
 */
export const CAP_CONDITIONS = [
  "attendance_below_quality_bar", // attendance_rate ≤ rubric.qualityRate (HD12: must exceed 85%)
  "unexcused_absence", // unexcused_absences > 0 (HD12)
  "long_absence", // long_absence (HD12)
  "not_held_on_schedule", // held_on_schedule false (seed 000)
  "minutes_missing", // minutes_kept false
  "duration_short", // duration_minutes < duration_required (HD12, HD42)
] as const;
export type CapCondition = (typeof CAP_CONDITIONS)[number];

const KEY_SHAPE = /^[a-z][a-z0-9_]*$/u;
const CODE_SHAPE = /^[a-z0-9][a-z0-9-]*$/u;

/** Points are counted in halves. */
export function isHalfStep(n: number): boolean {
  return Number.isInteger(n * 2);
}

const key = z
  .string()
  .max(LIMITS.code, { message: `Tối đa ${LIMITS.code} ký tự` })
  .regex(KEY_SHAPE, {
    message: "Mã gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ",
  });

const points = z
  .number({ message: "Điểm phải là một số" })
  .min(0, { message: "Điểm không được âm" })
  .max(1000, { message: "Điểm quá lớn" })
  .refine(isHalfStep, { message: "Điểm tính theo bước 0,5" });

const positivePoints = points.refine((n) => n > 0, { message: "Điểm tối đa phải lớn hơn 0" });

const capCondition = z.enum(CAP_CONDITIONS, { message: "Điều kiện không hợp lệ" });

/**
 * One band of a measured figure: reached when the value is ≥ `from` (> `from` with `above`, e.g.
 * "more than 50%"). On the duration, `from` is minutes relative to the required duration (0 met,
 * −15 short by at most 15 minutes) or, with `ofRequired`, a share of the required duration held
 * (0.5: at least half).
 */
export const bandSchema = z.strictObject({
  from: z.number({ message: "Ngưỡng phải là một số" }),
  points,
  above: z.boolean().optional(),
  ofRequired: z.boolean().optional(),
});
export type Band = z.infer<typeof bandSchema>;

export const criterionScoringSchema = z.discriminatedUnion(
  "kind",
  [
    // Full points or none.
    z.strictObject({ kind: z.literal("yes_no") }),
    // The points of the best band the measured value reaches; `limit` holds them down when a
    // condition holds (the ward sheet: any unexcused absence gives 1 point whatever the rate).
    z.strictObject({
      kind: z.literal("bands"),
      bands: z
        .array(bandSchema)
        .min(1, { message: "Cần ít nhất một mức" })
        .max(20, { message: "Tối đa 20 mức" }),
      limit: z.strictObject({ when: capCondition, points }).optional(),
    }),
    // A judgement: any number of points from 0 to the maximum, in halves.
    z.strictObject({ kind: z.literal("points") }),
  ],
  { message: "Cách chấm phải là đạt/không đạt, theo mức hoặc chấm điểm" },
);
export type CriterionScoring = z.infer<typeof criterionScoringSchema>;

export const rubricGroupSchema = z.strictObject({
  key,
  label: requiredText(LIMITS.shortText),
  max: positivePoints,
});
export type RubricGroup = z.infer<typeof rubricGroupSchema>;

export const rubricCriterionSchema = z.strictObject({
  key,
  group: key,
  label: requiredText(LIMITS.shortText),
  max: positivePoints,
  scoring: criterionScoringSchema,
  /** What chibo measures for it; without it the item is a judgement. */
  evidence: z.enum(EVIDENCE_KEYS, { message: "Dữ liệu không hợp lệ" }).optional(),
  /** The ward sheet: the thematic item counts only in a month with a thematic meeting. */
  onlyWhen: z.literal("thematic_month", { message: "Điều kiện không hợp lệ" }).optional(),
  /** Bình Thuận: with `mustFullForTot`, Tốt needs full points here. */
  mustFull: z.boolean().optional(),
  /** A written reason is required when scored below its maximum. */
  needsReason: z.boolean().optional(),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const rubricCapSchema = z.strictObject({
  when: capCondition,
  maxLevel: z.enum(CAP_LEVELS, { message: "Mức trần phải là Khá, Trung bình hoặc Kém" }),
  label: requiredText(LIMITS.shortText),
});
export type RubricCap = z.infer<typeof rubricCapSchema>;

export const levelThresholdsSchema = z.strictObject({
  /** Fewest points for Tốt. */
  tot: points,
  /** Fewest points for Khá. */
  kha: points,
  /** Fewest points for Trung bình; below it, Kém. */
  trungBinh: points,
});
export type LevelThresholds = z.infer<typeof levelThresholdsSchema>;

/**
 * domain.md asks for an explicit per-tenant choice for months without a thematic meeting: score out
 * of the remaining points and scale to the rubric's maximum, or move the thematic item's points to
 * a regular one.
 */
export const thematicMonthRuleSchema = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({ mode: z.literal("scale") }),
    z.strictObject({ mode: z.literal("move_to_regular"), to: key }),
  ],
  { message: "Cách xử lý tháng không có sinh hoạt chuyên đề không hợp lệ" },
);
export type ThematicMonthRule = z.infer<typeof thematicMonthRuleSchema>;

const rubricShape = z.strictObject({
  /** Stable across versions, e.g. "hd42-ward-regular". */
  code: z
    .string()
    .max(LIMITS.code, { message: `Tối đa ${LIMITS.code} ký tự` })
    .regex(CODE_SHAPE, { message: "Mã gồm chữ thường không dấu, chữ số và dấu gạch ngang" }),
  version: z
    .number({ message: "Phiên bản phải là một số" })
    .int({ message: "Phiên bản phải là số nguyên" })
    .min(1, { message: "Phiên bản bắt đầu từ 1" }),
  name: requiredText(LIMITS.shortText),
  /** The regulation or text it comes from. */
  source: requiredText(LIMITS.longText),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  meetingKinds: z
    .array(z.enum(MEETING_KINDS, { message: "Loại cuộc họp không hợp lệ" }))
    .min(1, { message: "Chọn ít nhất một loại cuộc họp" }),
  /** null: every type of organisation. */
  unitTypes: z
    .array(z.enum(UNIT_TYPES, { message: "Loại hình không hợp lệ" }))
    .min(1, { message: "Chọn ít nhất một loại hình, hoặc để trống cho mọi loại hình" })
    .nullable(),
  /** Shipped by chibo as a default; a province's own rubric is preferred to it. */
  isDefault: z.boolean(),
  /** Total of the criteria's maxima, the thematic item included (usually 100). */
  max: positivePoints,
  groups: z
    .array(rubricGroupSchema)
    .min(1, { message: "Cần ít nhất một nhóm tiêu chí" })
    .max(20, { message: "Tối đa 20 nhóm" }),
  criteria: z
    .array(rubricCriterionSchema)
    .min(1, { message: "Cần ít nhất một tiêu chí" })
    .max(100, { message: "Tối đa 100 tiêu chí" }),
  levels: levelThresholdsSchema,
  /** Bình Thuận: Tốt needs full points on every `mustFull` criterion (otherwise Khá). */
  mustFullForTot: z.boolean(),
  /** HD12: the attendance rate must exceed this for the quality bar (0.85). */
  qualityRate: z.number().min(0).max(1),
  caps: z.array(rubricCapSchema).max(CAP_CONDITIONS.length),
  thematicMonth: thematicMonthRuleSchema,
});

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}
function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}
/** Vietnamese decimal comma. */
export function formatPoints(n: number): string {
  return String(Math.round(n * 100) / 100).replace(".", ",");
}

export interface RubricProblem {
  path: (string | number)[];
  message: string;
}

function duplicates(values: readonly unknown[]): number[] {
  const seen = new Set<unknown>();
  const dup: number[] = [];
  values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    if (seen.has(v)) dup.push(i);
    seen.add(v);
  });
  return dup;
}

function bandProblems(c: Record<string, unknown>, i: number, cMax: number | null): RubricProblem[] {
  const problems: RubricProblem[] = [];
  const scoring = isRecord(c.scoring) ? c.scoring : null;
  if (scoring?.kind !== "bands") return problems;
  const at = (j: number, field: string): (string | number)[] => [
    "criteria",
    i,
    "scoring",
    "bands",
    j,
    field,
  ];
  const evidence = str(c.evidence);
  const measure = evidence === null ? null : measureOf(evidence);
  const bands = records(scoring.bands);
  // Per unit (minutes or share of the required duration), the last band seen, to check the order.
  const last = new Map<string, { from: number; points: number }>();
  let prevPoints: number | null = null;
  bands.forEach((b, j) => {
    const from = num(b.from);
    const p = num(b.points);
    const ofRequired = b.ofRequired === true;
    if (p !== null && cMax !== null && p > cMax)
      problems.push({
        path: at(j, "points"),
        message: `Điểm của mức vượt quá điểm tối đa của tiêu chí (${formatPoints(cMax)})`,
      });
    if (p !== null && prevPoints !== null && p > prevPoints)
      problems.push({
        path: at(j, "points"),
        message: "Điểm của các mức phải giảm dần theo ngưỡng",
      });
    if (p !== null) prevPoints = p;
    if (from === null) return;
    if (ofRequired && measure !== "minutes")
      problems.push({
        path: at(j, "ofRequired"),
        message: "Ngưỡng theo thời lượng quy định chỉ dùng cho tiêu chí thời lượng",
      });
    else if ((measure === "share" || ofRequired) && (from < 0 || from > 1))
      problems.push({ path: at(j, "from"), message: "Ngưỡng tỷ lệ phải từ 0 đến 1" });
    else if (measure === "minutes" && Math.abs(from) > 600)
      problems.push({ path: at(j, "from"), message: "Ngưỡng thời lượng quá lớn" });
    const unit = ofRequired ? "required" : "plain";
    const prev = last.get(unit);
    if (prev !== undefined && from >= prev.from)
      problems.push({ path: at(j, "from"), message: "Các mức phải xếp theo ngưỡng giảm dần" });
    last.set(unit, { from, points: p ?? 0 });
  });
  const limit = isRecord(scoring.limit) ? scoring.limit : null;
  const limitPoints = limit === null ? null : num(limit.points);
  if (limitPoints !== null && cMax !== null && limitPoints > cMax)
    problems.push({
      path: ["criteria", i, "scoring", "limit", "points"],
      message: `Điểm vượt quá điểm tối đa của tiêu chí (${formatPoints(cMax)})`,
    });
  return problems;
}

function measureOf(evidence: string): EvidenceMeasure | null {
  const k = EVIDENCE_KEYS.find((e) => e === evidence);
  return k === undefined ? null : EVIDENCE_MEASURES[k];
}

function evidenceProblem(c: Record<string, unknown>): string | null {
  const evidence = str(c.evidence);
  if (evidence === null) return null;
  const measure = measureOf(evidence);
  if (measure === null) return null;
  if (measure === "context_minutes" || measure === "context_flag")
    return "Dữ liệu này không dùng để chấm một tiêu chí";
  const kind = isRecord(c.scoring) ? c.scoring.kind : null;
  if (kind === "bands" && measure !== "share" && measure !== "minutes")
    return "Chấm theo mức cần một số đo là tỷ lệ hoặc thời lượng";
  if ((kind === "yes_no" || kind === "points") && (measure === "share" || measure === "minutes"))
    return "Tiêu chí này cần dữ liệu có/không; một tỷ lệ hay thời lượng được chấm theo mức";
  return null;
}

/**
 * Cross-field rules of a rubric, on any object input (fields of the wrong type are skipped: they
 * have their own issue). Group maxima equal the sum of their criteria, the criteria add up to the
 * rubric's maximum, keys are unique, thresholds strictly decrease and fit under the maximum.
 */
export function rubricProblems(value: unknown): RubricProblem[] {
  if (!isRecord(value)) return [];
  const problems: RubricProblem[] = [];
  const groups = records(value.groups);
  const criteria = records(value.criteria);
  const max = num(value.max);

  const validFrom = value.validFrom;
  const validTo = value.validTo;
  if (isValidDate(validFrom) && isValidDate(validTo) && validTo < validFrom)
    problems.push({
      path: ["validTo"],
      message: "Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực",
    });
  for (const field of ["meetingKinds", "unitTypes"] as const) {
    const raw = value[field];
    const list: readonly unknown[] = Array.isArray(raw) ? raw : [];
    for (const j of duplicates(list))
      problems.push({ path: [field, j], message: "Giá trị bị lặp" });
  }

  for (const j of duplicates(groups.map((g) => str(g.key))))
    problems.push({
      path: ["groups", j, "key"],
      message: `Mã nhóm «${str(groups[j]?.key)}» bị trùng`,
    });
  for (const j of duplicates(criteria.map((c) => str(c.key))))
    problems.push({
      path: ["criteria", j, "key"],
      message: `Mã tiêu chí «${str(criteria[j]?.key)}» bị trùng`,
    });

  const groupKeys = new Set(groups.map((g) => str(g.key)));
  const sums = new Map<string, number>();
  let total = 0;
  criteria.forEach((c, i) => {
    const group = str(c.group);
    const cMax = num(c.max);
    if (group !== null && !groupKeys.has(group))
      problems.push({ path: ["criteria", i, "group"], message: `Không có nhóm «${group}»` });
    if (group !== null && cMax !== null) sums.set(group, (sums.get(group) ?? 0) + cMax);
    if (cMax !== null) total += cMax;
    const evidence = evidenceProblem(c);
    if (evidence !== null) problems.push({ path: ["criteria", i, "evidence"], message: evidence });
    problems.push(...bandProblems(c, i, cMax));
  });
  groups.forEach((g, i) => {
    const gMax = num(g.max);
    const k = str(g.key);
    if (gMax === null || k === null) return;
    const sum = sums.get(k) ?? 0;
    if (sum !== gMax)
      problems.push({
        path: ["groups", i, "max"],
        message: `Điểm tối đa của nhóm (${formatPoints(gMax)}) khác tổng điểm các tiêu chí của nhóm (${formatPoints(sum)})`,
      });
  });
  if (max !== null && criteria.length > 0 && total !== max)
    problems.push({
      path: ["max"],
      message: `Tổng điểm các tiêu chí (${formatPoints(total)}) khác điểm tối đa của bảng điểm (${formatPoints(max)})`,
    });

  const levels = isRecord(value.levels) ? value.levels : null;
  if (levels !== null) {
    const tot = num(levels.tot);
    const kha = num(levels.kha);
    const tb = num(levels.trungBinh);
    if (tot !== null && max !== null && tot > max)
      problems.push({
        path: ["levels", "tot"],
        message: `Ngưỡng Tốt vượt quá điểm tối đa (${formatPoints(max)})`,
      });
    if (tot !== null && kha !== null && kha >= tot)
      problems.push({
        path: ["levels", "kha"],
        message: "Ngưỡng xếp loại chồng lên nhau: ngưỡng Khá phải thấp hơn ngưỡng Tốt",
      });
    if (kha !== null && tb !== null && tb >= kha)
      problems.push({
        path: ["levels", "trungBinh"],
        message: "Ngưỡng xếp loại chồng lên nhau: ngưỡng Trung bình phải thấp hơn ngưỡng Khá",
      });
  }

  const caps = records(value.caps);
  for (const j of duplicates(caps.map((c) => str(c.when))))
    problems.push({ path: ["caps", j, "when"], message: "Điều kiện bị lặp" });

  const thematic = isRecord(value.thematicMonth) ? value.thematicMonth : null;
  const to = thematic?.mode === "move_to_regular" ? str(thematic.to) : null;
  if (to !== null) {
    const target = criteria.find((c) => str(c.key) === to);
    const kind = isRecord(target?.scoring) ? target.scoring.kind : null;
    if (target === undefined)
      problems.push({ path: ["thematicMonth", "to"], message: `Không có tiêu chí «${to}»` });
    else if (target.onlyWhen !== undefined)
      problems.push({
        path: ["thematicMonth", "to"],
        message: "Điểm phải chuyển sang một tiêu chí chấm hằng tháng",
      });
    else if (kind === "bands")
      problems.push({
        path: ["thematicMonth", "to"],
        message: "Chỉ chuyển điểm sang tiêu chí đạt/không đạt hoặc chấm điểm",
      });
  }
  return problems;
}

/** A rubric as the admin editor saves it and the server stores it, each version separately. */
export const rubricSchema = rubricShape.superRefine((value, ctx) => {
  for (const p of rubricProblems(value))
    ctx.addIssue({ code: "custom", path: p.path, message: p.message });
}, crossField);
export type Rubric = z.infer<typeof rubricSchema>;
