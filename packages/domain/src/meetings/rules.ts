// Meeting numbers a province may set differently: per-tenant configuration with the national defaults.

import { z } from "zod";

export interface MeetingRules {
  /** Minimum length of a regular meeting, in minutes (HD12, HD42). */
  regularMinMinutes: number;
  /** Minimum length when a thematic and a regular meeting are held together (HD42). */
  combinedMinMinutes: number;
  /** Thematic meetings required per quarter (HD12; seed 000). */
  thematicPerQuarter: number;
  /** Forum meetings per year (seed 002: 1–2). */
  forumsPerYear: { min: number; max: number };
  /** Attendance rate a regular meeting must EXCEED for the quality bar (HD12: "> 85%"). */
  qualityRateThreshold: number;
  /** Attendance rate a programme requires, inclusive (seed 000: "≥ 95%"). */
  programmeTarget: number;
  /** Share of counted members that must be present (unverified: configurable, default 2/3). */
  quorumFraction: number;
  /** Most excused absences in a row allowed in a year (HD12: not "more than 3 consecutive times"). */
  maxConsecutiveExcused: number;
  /** Consecutive regular meetings missed that raise an alert (seed 000 target). */
  consecutiveAbsenceAlert: number;
  /** Months of a year with an unexcused absence that open a removal review (Charter 24-QĐ/TW §8.1). */
  removalReviewMonths: number;
  /** A postponed regular meeting stays in its month (Charter: the cell meets once a month). */
  postponeWithinMonth: boolean;
  /** How many hours before a meeting's start its members are reminded (in the app and by e-mail). */
  reminderHoursBefore: number;
  /** Regular meetings rated Tốt that make a cell's year Tốt, all others Khá (Phú Thọ: 7). */
  yearTotMeetings: number;
  /** The share of cells rated Tốt the programme aims above, from a year on (seed 000). */
  totTargets: readonly { year: number; share: number }[];
}

export const DEFAULT_MEETING_RULES: Readonly<MeetingRules> = Object.freeze({
  regularMinMinutes: 90,
  combinedMinMinutes: 120,
  thematicPerQuarter: 1,
  forumsPerYear: Object.freeze({ min: 1, max: 2 }),
  qualityRateThreshold: 0.85,
  programmeTarget: 0.95,
  quorumFraction: 2 / 3,
  maxConsecutiveExcused: 3,
  consecutiveAbsenceAlert: 3,
  removalReviewMonths: 3,
  postponeWithinMonth: true,
  reminderHoursBefore: 24,
  yearTotMeetings: 7,
  totTargets: Object.freeze([
    Object.freeze({ year: 2023, share: 0.85 }),
    Object.freeze({ year: 2025, share: 0.95 }),
  ]),
});

const minutes = z.number().int().min(1).max(600);
const rate = z.number().min(0).max(1);
const count = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * A tenant's overrides; every field optional, unknown fields refused. `forumsPerYear` is replaced as a
 * whole (min and max together) so that a half override cannot leave min above max.
 */
export const meetingRulesInput = z
  .strictObject({
    regularMinMinutes: minutes.optional(),
    combinedMinMinutes: minutes.optional(),
    thematicPerQuarter: count(0, 3).optional(),
    forumsPerYear: z
      .strictObject({ min: count(0, 12), max: count(0, 12) })
      .refine((f) => f.min <= f.max, {
        message: "Số diễn đàn tối thiểu không được lớn hơn tối đa",
        path: ["min"],
      })
      .optional(),
    qualityRateThreshold: rate.optional(),
    programmeTarget: rate.optional(),
    quorumFraction: z.number().gt(0).max(1).optional(),
    maxConsecutiveExcused: count(1, 12).optional(),
    consecutiveAbsenceAlert: count(1, 12).optional(),
    removalReviewMonths: count(1, 12).optional(),
    postponeWithinMonth: z.boolean().optional(),
    // From one hour to one week ahead.
    reminderHoursBefore: count(1, 168).optional(),
    yearTotMeetings: count(1, 12).optional(),
    // Replaced as a whole; one target a year.
    totTargets: z
      .array(z.strictObject({ year: count(2000, 2100), share: rate }))
      .max(30)
      .refine((list) => new Set(list.map((t) => t.year)).size === list.length, {
        message: "Mỗi năm chỉ có một chỉ tiêu",
      })
      .optional(),
  })
  .refine(
    (r) =>
      (r.regularMinMinutes ?? DEFAULT_MEETING_RULES.regularMinMinutes) <=
      (r.combinedMinMinutes ?? DEFAULT_MEETING_RULES.combinedMinMinutes),
    {
      message: "Thời lượng họp ghép không được ngắn hơn họp thường kỳ",
      path: ["combinedMinMinutes"],
    },
  );
export type MeetingRulesInput = z.infer<typeof meetingRulesInput>;

// HD12/HD42, seeds 000 and 002, Charter: a tenant's overrides laid over the national defaults.
export function resolveMeetingRules(partial: MeetingRulesInput = {}): MeetingRules {
  const d = DEFAULT_MEETING_RULES;
  const forums = partial.forumsPerYear ?? d.forumsPerYear;
  return {
    regularMinMinutes: partial.regularMinMinutes ?? d.regularMinMinutes,
    combinedMinMinutes: partial.combinedMinMinutes ?? d.combinedMinMinutes,
    thematicPerQuarter: partial.thematicPerQuarter ?? d.thematicPerQuarter,
    forumsPerYear: { min: forums.min, max: forums.max },
    qualityRateThreshold: partial.qualityRateThreshold ?? d.qualityRateThreshold,
    programmeTarget: partial.programmeTarget ?? d.programmeTarget,
    quorumFraction: partial.quorumFraction ?? d.quorumFraction,
    maxConsecutiveExcused: partial.maxConsecutiveExcused ?? d.maxConsecutiveExcused,
    consecutiveAbsenceAlert: partial.consecutiveAbsenceAlert ?? d.consecutiveAbsenceAlert,
    removalReviewMonths: partial.removalReviewMonths ?? d.removalReviewMonths,
    postponeWithinMonth: partial.postponeWithinMonth ?? d.postponeWithinMonth,
    reminderHoursBefore: partial.reminderHoursBefore ?? d.reminderHoursBefore,
    yearTotMeetings: partial.yearTotMeetings ?? d.yearTotMeetings,
    totTargets: (partial.totTargets ?? d.totTargets).map((t) => ({ year: t.year, share: t.share })),
  };
}
