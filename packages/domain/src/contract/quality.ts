// Meeting quality (issue 5): rubrics as data, the self-score pre-filled from evidence, the decision
// by the upper-level attendee or the committee, and the scores a committee follows.
import { z } from "zod";
import { MEETING_KINDS } from "../meetings/kinds.js";
import { UNIT_TYPES } from "../org/tree.js";
import {
  CAP_CONDITIONS,
  CAP_LEVELS,
  EVIDENCE_KEYS,
  evidenceValuesSchema,
  MEETING_LEVELS,
  rubricSchema,
} from "../scoring/rubric.js";
import { SUGGESTION_SOURCES } from "../scoring/score.js";
import { id, isoDate, text } from "./common.js";

const level = z.enum(MEETING_LEVELS);
const evidenceValue = z.union([z.number(), z.boolean()]).nullable();

// ---------------------------------------------------------------------------------------------------
// Rubrics.

export const rubricListItemDto = z.object({
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  source: z.string(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  meetingKinds: z.array(z.enum(MEETING_KINDS)),
  unitTypes: z.array(z.enum(UNIT_TYPES)).nullable(),
  isDefault: z.boolean(),
  /** The tenant's own (true) or shipped by chibo (false). */
  custom: z.boolean(),
});
export type RubricListItemDto = z.infer<typeof rubricListItemDto>;

export const rubricListDto = z.object({
  items: z.array(rubricListItemDto),
  /** May define or revise the tenant's rubrics (tenant.configure on the top unit). */
  canConfigure: z.boolean(),
});
export type RubricListDto = z.infer<typeof rubricListDto>;

export const rubricParams = z.object({
  code: z.string().max(100),
  version: z.coerce.number().int().min(1),
});

/** A tenant's rubric: the data of `rubricSchema`. */
export const rubricInput = rubricSchema;

export const scoreItemInput = z.strictObject({
  points: z.number({ message: "Điểm phải là một số" }),
  reason: text(2000).nullable().optional(),
});
export type ScoreItemInput = z.infer<typeof scoreItemInput>;

const itemsInput = z.record(z.string().max(100), scoreItemInput);

export const rubricPreviewInput = z.strictObject({
  rubric: rubricSchema,
  /** A sample meeting's evidence; default: a plausible complete meeting. */
  facts: evidenceValuesSchema.optional(),
  /** Points by criterion key; default: what the evidence supports. */
  answers: z.record(z.string().max(100), z.number()).optional(),
});
export type RubricPreviewInput = z.infer<typeof rubricPreviewInput>;

export const suggestionDto = z.object({
  key: z.string(),
  points: z.number().nullable(),
  max: z.number(),
  evidence: evidenceValue,
  source: z.enum(SUGGESTION_SOURCES),
});
export type SuggestionDto = z.infer<typeof suggestionDto>;

const problemDto = z.object({ path: z.string(), message: z.string() });

export const sheetScoreDto = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      group: z.string(),
      max: z.number(),
      points: z.number().nullable(),
    }),
  ),
  groups: z.array(
    z.object({ key: z.string(), label: z.string(), max: z.number(), points: z.number() }),
  ),
  total: z.number(),
  max: z.number(),
  scaledTotal: z.number(),
  thematicMonth: z.boolean(),
  pointsLevel: level,
  level,
  capsApplied: z.array(
    z.object({ when: z.enum(CAP_CONDITIONS), maxLevel: z.enum(CAP_LEVELS), label: z.string() }),
  ),
  mustFullMissing: z.array(z.string()),
  missing: z.array(z.string()),
  problems: z.array(problemDto),
});
export type SheetScoreDto = z.infer<typeof sheetScoreDto>;

export const rubricPreviewDto = z.object({
  facts: evidenceValuesSchema,
  suggestions: z.array(suggestionDto),
  score: sheetScoreDto,
});
export type RubricPreviewDto = z.infer<typeof rubricPreviewDto>;

// ---------------------------------------------------------------------------------------------------
// A meeting's score.

export const selfScoreInput = z.strictObject({
  items: itemsInput,
  /** The score's version the form was loaded with (optimistic lock); absent for a first score. */
  version: z.number().int().min(1).optional(),
});
export type SelfScoreInput = z.infer<typeof selfScoreInput>;

export const decisionInput = z.strictObject({
  items: itemsInput,
  version: z.number().int().min(1).optional(),
});
export type DecisionInput = z.infer<typeof decisionInput>;

const scoredItems = z.record(
  z.string(),
  z.object({ points: z.number(), reason: z.string().nullable() }),
);

export const scorePartDto = z.object({
  items: scoredItems,
  total: z.number(),
  /** On the rubric's scale (what the level is read from). */
  scaledTotal: z.number(),
  level,
  levelLabel: z.string(),
  by: z.object({ userId: id, name: z.string() }).nullable(),
  at: z.string(),
});
export type ScorePartDto = z.infer<typeof scorePartDto>;

export const scoreDto = z.object({
  meetingId: id,
  unitId: id,
  meetingDate: isoDate,
  meetingKind: z.enum(MEETING_KINDS),
  rubric: z.object({
    code: z.string(),
    version: z.number().int(),
    name: z.string(),
    source: z.string(),
    max: z.number(),
    /** The copy stored with the score once scored (a later revision never changes it). */
    stored: z.boolean(),
  }),
  groups: z.array(z.object({ key: z.string(), label: z.string(), max: z.number() })),
  criteria: z.array(
    z.object({
      key: z.string(),
      group: z.string(),
      label: z.string(),
      /** Its maximum this month. */
      max: z.number(),
      kind: z.enum(["yes_no", "bands", "points"]),
      evidenceKey: z.enum(EVIDENCE_KEYS).nullable(),
      needsReason: z.boolean(),
    }),
  ),
  /** The figures measured from the record, with their labels. */
  evidence: z.array(z.object({ key: z.string(), label: z.string(), value: evidenceValue })),
  suggestions: z.array(suggestionDto),
  levels: z.object({ tot: z.number(), kha: z.number(), trungBinh: z.number() }),
  caps: z.array(
    z.object({ when: z.enum(CAP_CONDITIONS), maxLevel: z.enum(CAP_LEVELS), label: z.string() }),
  ),
  self: scorePartDto.nullable(),
  decision: scorePartDto.extend({ as: z.enum(["visitor", "committee"]) }).nullable(),
  overClaims: z.array(
    z.object({
      key: z.string(),
      claimed: z.number(),
      supported: z.number(),
      evidence: evidenceValue,
    }),
  ),
  flagged: z.boolean(),
  version: z.number().int().nullable(),
  can: z.object({ selfScore: z.boolean(), decide: z.boolean() }),
});
export type ScoreDto = z.infer<typeof scoreDto>;

// ---------------------------------------------------------------------------------------------------
// Lists.

export const unitScoresQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const unitScoresDto = z.object({
  year: z.number().int(),
  cells: z.array(
    z.object({
      unitId: id,
      name: z.string(),
      months: z.array(
        z.object({
          /** "YYYY-MM". */
          period: z.string(),
          meetingId: id,
          level: level.nullable(),
          /** True when only the cell's self-score exists (not yet decided). */
          selfOnly: z.boolean(),
        }),
      ),
      /** The cell's year so far (scoring/year.ts cellYearSoFar). */
      yearStatus: z.enum(["tot", "on_track", "missed"]),
      /** Decided regular meetings rated Tốt this year. */
      yearTot: z.number().int(),
    }),
  ),
  /** Meetings by level (decided, else self). */
  counts: z.object({ tot: z.number(), kha: z.number(), trung_binh: z.number(), kem: z.number() }),
  /**
   * The yearly target: among cells with a decided regular meeting this year, the share whose latest
   * decided level is Tốt; null when nothing is decided yet.
   */
  totShare: z.number().nullable(),
  /**
   * The year against the programme's target (seed 000): cells whose year is Tốt, still on track, or
   * missed; the share Tốt or on track (the final share once the year is decided); the target in force
   * for the year (null before any) and whether the share is above it; how many Tốt meetings a cell's
   * year needs.
   */
  yearly: z.object({
    cells: z.number().int(),
    tot: z.number().int(),
    onTrack: z.number().int(),
    missed: z.number().int(),
    share: z.number().nullable(),
    target: z.number().nullable(),
    targetMet: z.boolean().nullable(),
    totMeetingsNeeded: z.number().int(),
  }),
});
export type UnitScoresDto = z.infer<typeof unitScoresDto>;

export const scoreListItemDto = z.object({
  meetingId: id,
  unitId: id,
  unitName: z.string(),
  meetingDate: isoDate,
  meetingKind: z.enum(MEETING_KINDS),
  selfTotal: z.number().nullable(),
  selfLevel: level.nullable(),
  flagged: z.boolean(),
  /** Why the caller sees it: their visit, or their committee. */
  as: z.enum(["visitor", "committee"]),
});
export type ScoreListItemDto = z.infer<typeof scoreListItemDto>;

export const scoreListDto = z.object({ items: z.array(scoreListItemDto) });
export type ScoreListDto = z.infer<typeof scoreListDto>;

// ---------------------------------------------------------------------------------------------------
// Rescoring with a rubric (a dry run: stored scores are never changed by a revision).

export const rescoreQuery = z.object({
  /** Inclusive bounds on the local date the meetings were held. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Every held meeting of the rubric's kinds, whatever its unit type and the rubric's validity. */
  force: z.stringbool().default(false),
});
export type RescoreQuery = z.infer<typeof rescoreQuery>;

export const rescoreDto = z.object({
  code: z.string(),
  version: z.number().int(),
  /** The range actually scored (the asked range within the rubric's validity unless forced). */
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  force: z.boolean(),
  /** Held meetings scored with the evidence-supported answers. */
  meetings: z.number().int(),
  counts: z.object({
    tot: z.number().int(),
    kha: z.number().int(),
    trung_binh: z.number().int(),
    kem: z.number().int(),
  }),
  /** Share of the scored meetings rated Tốt; null when none was scored. */
  totShare: z.number().nullable(),
  /** Scored meetings with a decided level, and how many of them would change level. */
  decided: z.number().int(),
  changed: z.number().int(),
});
export type RescoreDto = z.infer<typeof rescoreDto>;
