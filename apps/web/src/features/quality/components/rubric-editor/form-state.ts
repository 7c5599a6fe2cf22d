import {
  EVIDENCE_KEYS,
  EVIDENCE_MEASURES,
  type Band,
  type CapCondition,
  type EvidenceKey,
  type EvidenceMeasure,
  type Rubric,
  type RubricCriterion,
  type ThematicMonthRule,
} from "@chibo/domain";

// The rubric editor's state: the rubric with every optional part spelled out (a flag is false, not
// absent; a band list is kept while another way of scoring is picked, so switching back restores
// it). Paths match rubricSchema's, so the schema's issues land on the field that shows them.

export type ScoringKind = RubricCriterion["scoring"]["kind"];
export const SCORING_KINDS: readonly ScoringKind[] = ["yes_no", "bands", "points"];
export type ThematicMode = ThematicMonthRule["mode"];
export const THEMATIC_MODES: readonly ThematicMode[] = ["scale", "move_to_regular"];

export interface BandForm {
  from: number;
  points: number;
  above: boolean;
  ofRequired: boolean;
}
export interface LimitForm {
  when: CapCondition;
  points: number;
}
export interface ScoringForm {
  kind: ScoringKind;
  bands: BandForm[];
  limit: LimitForm | null;
}
export interface CriterionForm {
  key: string;
  group: string;
  label: string;
  max: number;
  scoring: ScoringForm;
  /** "" when the item is a judgement. */
  evidence: EvidenceKey | "";
  /** The only condition the schema knows: a month with a thematic meeting. */
  onlyWhen: boolean;
  mustFull: boolean;
  needsReason: boolean;
}
/** `to` is kept while "scale" is picked, so switching back restores it. */
export interface ThematicForm {
  mode: ThematicMode;
  to: string;
}
export type RubricForm = Omit<Rubric, "criteria" | "thematicMonth"> & {
  criteria: CriterionForm[];
  thematicMonth: ThematicForm;
};

export function isScoringKind(v: string): v is ScoringKind {
  return (SCORING_KINDS as readonly string[]).includes(v);
}

export function isThematicMode(v: string): v is ThematicMode {
  return (THEMATIC_MODES as readonly string[]).includes(v);
}

export function evidenceKeyOf(v: string): EvidenceKey | "" {
  return EVIDENCE_KEYS.find((k) => k === v) ?? "";
}

function bandForm(b: Band): BandForm {
  return {
    from: b.from,
    points: b.points,
    above: b.above === true,
    ofRequired: b.ofRequired === true,
  };
}

function criterionForm(c: RubricCriterion): CriterionForm {
  const s = c.scoring;
  return {
    key: c.key,
    group: c.group,
    label: c.label,
    max: c.max,
    scoring: {
      kind: s.kind,
      bands: s.kind === "bands" ? s.bands.map(bandForm) : [],
      limit: s.kind === "bands" && s.limit ? { ...s.limit } : null,
    },
    evidence: c.evidence ?? "",
    onlyWhen: c.onlyWhen === "thematic_month",
    mustFull: c.mustFull === true,
    needsReason: c.needsReason === true,
  };
}

/** A rubric loaded into the editor. */
export function toRubricForm(rubric: Rubric): RubricForm {
  const { criteria, thematicMonth, ...rest } = structuredClone(rubric);
  return {
    ...rest,
    criteria: criteria.map(criterionForm),
    thematicMonth:
      thematicMonth.mode === "move_to_regular"
        ? { mode: thematicMonth.mode, to: thematicMonth.to }
        : { mode: thematicMonth.mode, to: "" },
  };
}

function band(b: BandForm): Band {
  return {
    from: b.from,
    points: b.points,
    ...(b.above ? { above: true } : {}),
    ...(b.ofRequired ? { ofRequired: true } : {}),
  };
}

function scoring(s: ScoringForm): RubricCriterion["scoring"] {
  switch (s.kind) {
    case "yes_no":
    case "points":
      return { kind: s.kind };
    case "bands":
      return {
        kind: "bands",
        bands: s.bands.map(band),
        ...(s.limit === null ? {} : { limit: { ...s.limit } }),
      };
  }
}

function criterion(c: CriterionForm): RubricCriterion {
  return {
    key: c.key,
    group: c.group,
    label: c.label,
    max: c.max,
    scoring: scoring(c.scoring),
    ...(c.evidence === "" ? {} : { evidence: c.evidence }),
    ...(c.onlyWhen ? { onlyWhen: "thematic_month" as const } : {}),
    ...(c.mustFull ? { mustFull: true } : {}),
    ...(c.needsReason ? { needsReason: true } : {}),
  };
}

/**
 * The editor's state as the rubric it describes: unset flags and the parts of a way of scoring not
 * picked are left out. Not yet validated (rubricSchema does that).
 */
export function fromRubricForm(form: RubricForm): Rubric {
  const { criteria, thematicMonth, ...rest } = structuredClone(form);
  return {
    ...rest,
    criteria: criteria.map(criterion),
    thematicMonth:
      thematicMonth.mode === "move_to_regular"
        ? { mode: "move_to_regular", to: thematicMonth.to }
        : { mode: "scale" },
  };
}

/** How the criterion's figure is read, or null for a judgement. */
export function measureOfCriterion(c: Pick<CriterionForm, "evidence">): EvidenceMeasure | null {
  return c.evidence === "" ? null : EVIDENCE_MEASURES[c.evidence];
}

/** The scoring after picking another way; a band list set aside earlier comes back. */
export function withKind(s: ScoringForm, kind: ScoringKind, max: number): ScoringForm {
  if (kind !== "bands" || s.bands.length > 0) return { ...s, kind };
  return { ...s, kind, bands: [{ from: 0, points: max, above: false, ofRequired: false }] };
}

/**
 * The criteria whose maximum may take the thematic item's points in other months: scored every
 * month, and not by bands (rubricProblems refuses the others).
 */
export function moveTargets(form: Pick<RubricForm, "criteria">): CriterionForm[] {
  return form.criteria.filter((c) => !c.onlyWhen && c.scoring.kind !== "bands" && c.key !== "");
}

/**
 * The target offered first: a judgement in the group of the first thematic-only item (the ward
 * sheet's "regular content"), else any allowed criterion.
 */
export function defaultMoveTarget(form: Pick<RubricForm, "criteria">): string {
  const targets = moveTargets(form);
  const group = form.criteria.find((c) => c.onlyWhen)?.group;
  const best =
    targets.find((c) => c.group === group && c.evidence === "") ??
    targets.find((c) => c.group === group) ??
    targets[0];
  return best?.key ?? "";
}

/** A criterion's key renamed: the thematic rule that names it follows. */
export function renameCriterion(form: RubricForm, index: number, key: string): RubricForm {
  const old = form.criteria[index]?.key;
  const renamed = form.criteria.map((c, i) => (i === index ? { ...c, key } : c));
  const follows = old !== undefined && old !== "" && form.thematicMonth.to === old;
  return {
    ...form,
    criteria: renamed,
    thematicMonth: follows ? { ...form.thematicMonth, to: key } : form.thematicMonth,
  };
}

/** A group's key renamed: its criteria follow. */
export function renameGroup(form: RubricForm, index: number, key: string): RubricForm {
  const old = form.groups[index]?.key;
  return {
    ...form,
    groups: form.groups.map((g, i) => (i === index ? { ...g, key } : g)),
    criteria: form.criteria.map((c) =>
      old !== undefined && old !== "" && c.group === old ? { ...c, group: key } : c,
    ),
  };
}

export function newCriterion(form: Pick<RubricForm, "criteria" | "groups">): CriterionForm {
  return {
    key: `tieu_chi_${String(form.criteria.length + 1)}`,
    group: form.groups[0]?.key ?? "",
    label: "",
    max: 1,
    scoring: { kind: "points", bands: [], limit: null },
    evidence: "",
    onlyWhen: false,
    mustFull: false,
    needsReason: false,
  };
}

export function newBand(): BandForm {
  return { from: 0, points: 0, above: false, ofRequired: false };
}

// The paths the editor shows an error next to (see ../rubric-editor.tsx); anything else the schema
// reports is listed at the foot of the form, so no issue is ever hidden.
const SHOWN: readonly RegExp[] = [
  /^(name|code|version|validFrom|validTo|source|max|qualityRate)$/u,
  /^(meetingKinds|unitTypes|groups|criteria)$/u,
  /^levels\.(tot|kha|trungBinh)$/u,
  /^groups\.\d+\.(key|label|max)$/u,
  /^criteria\.\d+\.(key|group|label|max|evidence|onlyWhen|scoring)$/u,
  /^criteria\.\d+\.scoring\.bands$/u,
  /^criteria\.\d+\.scoring\.bands\.\d+\.(from|points|above|ofRequired)$/u,
  /^criteria\.\d+\.scoring\.limit\.(when|points)$/u,
  /^caps\.\d+\.(when|maxLevel|label)$/u,
  /^thematicMonth(\.(mode|to))?$/u,
];

/** Errors on paths no field of the editor shows. */
export function unshownErrors(errors: Record<string, string>): [string, string][] {
  return Object.entries(errors).filter(([path]) => !SHOWN.some((re) => re.test(path)));
}
