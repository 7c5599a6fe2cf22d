import {
  applicableCriteria,
  EVIDENCE_KEYS,
  EVIDENCE_LABELS,
  MEETING_LEVEL_LABELS,
  overClaims,
  scoreSheet,
  suggestFromEvidence,
  type EvidenceValues,
  type MeetingKind,
  type MeetingLevel,
  type Rubric,
  type ScoreDto,
  type ScorePartDto,
} from "@chibo/domain";

/** Points and the reason given, by criterion key. */
export type ScoreItems = Record<string, { points: number; reason: string | null }>;

interface StoredScore {
  rubricCode: string;
  rubricVersion: number;
  selfItems: ScoreItems | null;
  selfTotal: number | null;
  selfLevel: MeetingLevel | null;
  selfBy: string | null;
  selfAt: Date | null;
  decidedItems: ScoreItems | null;
  decidedTotal: number | null;
  decidedLevel: MeetingLevel | null;
  decidedBy: string | null;
  decidedAs: "visitor" | "committee" | null;
  decidedAt: Date | null;
  flagged: boolean;
  version: number;
}

function part(
  rubric: Rubric,
  evidence: EvidenceValues,
  items: ScoreItems | null,
  total: number | null,
  level: MeetingLevel | null,
  by: string | null,
  at: Date | null,
  names: ReadonlyMap<string, string>,
): ScorePartDto | null {
  if (items === null || total === null || level === null || at === null) return null;
  const answers = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.points]));
  return {
    items,
    total,
    scaledTotal: scoreSheet(rubric, answers, evidence).scaledTotal,
    level,
    levelLabel: MEETING_LEVEL_LABELS[level],
    by: by === null ? null : { userId: by, name: names.get(by) ?? "" },
    at: at.toISOString(),
  };
}

export function presentScore(input: {
  meeting: { id: string; unitId: string; date: string; heldOn: string | null; kind: MeetingKind };
  rubric: Rubric;
  evidence: EvidenceValues;
  row: StoredScore | undefined;
  names: ReadonlyMap<string, string>;
  can: { selfScore: boolean; decide: boolean };
}): ScoreDto {
  const { meeting, rubric, evidence, row, names } = input;
  const self = row
    ? part(
        rubric,
        evidence,
        row.selfItems,
        row.selfTotal,
        row.selfLevel,
        row.selfBy,
        row.selfAt,
        names,
      )
    : null;
  const decided = row
    ? part(
        rubric,
        evidence,
        row.decidedItems,
        row.decidedTotal,
        row.decidedLevel,
        row.decidedBy,
        row.decidedAt,
        names,
      )
    : null;
  const selfAnswers = Object.fromEntries(
    Object.entries(row?.selfItems ?? {}).map(([k, v]) => [k, v.points]),
  );
  return {
    meetingId: meeting.id,
    unitId: meeting.unitId,
    meetingDate: meeting.heldOn ?? meeting.date,
    meetingKind: meeting.kind,
    rubric: {
      code: rubric.code,
      version: rubric.version,
      name: rubric.name,
      source: rubric.source,
      max: rubric.max,
      stored: row !== undefined,
    },
    groups: rubric.groups.map((g) => ({ key: g.key, label: g.label, max: g.max })),
    criteria: applicableCriteria(rubric, evidence).map(({ criterion, max }) => ({
      key: criterion.key,
      group: criterion.group,
      label: criterion.label,
      max,
      kind: criterion.scoring.kind,
      evidenceKey: criterion.evidence ?? null,
      needsReason: criterion.needsReason === true,
    })),
    evidence: EVIDENCE_KEYS.map((key) => ({
      key,
      label: EVIDENCE_LABELS[key],
      value: evidence[key] ?? null,
    })),
    suggestions: suggestFromEvidence(rubric, evidence),
    levels: rubric.levels,
    caps: rubric.caps,
    self,
    decision: decided && row?.decidedAs ? { ...decided, as: row.decidedAs } : null,
    overClaims: row?.selfItems ? overClaims(rubric, evidence, selfAnswers) : [],
    flagged: row?.flagged ?? false,
    version: row?.version ?? null,
    can: input.can,
  };
}
