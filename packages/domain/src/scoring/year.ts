// A cell's year of meetings and the programme's yearly target (domain.md "Scoring a meeting"; seed
// 000). Phú Thọ's bloc committee: "a cell's year is Tốt when every regular meeting of the year was
// Khá or better and at least 7 were Tốt" — the only published rule, so the default; the number is a
// per-tenant setting. Seed 000 sets the target as the share of cells rated Tốt: above 85% by 2023,
// above 95% by 2025 ("trên": strictly above).

import { DEFAULT_MEETING_RULES, type MeetingRules } from "../meetings/rules.js";
import { levelRank, type MeetingLevel } from "./rubric.js";

/** Per tenant, with the meeting rules (settings: meetingRules). */
export type YearRules = Pick<MeetingRules, "yearTotMeetings" | "totTargets">;

/**
 * - `tot`: the year is over and it is Tốt;
 * - `on_track`: no meeting below Khá so far, and enough regular meetings remain to reach the number;
 * - `missed`: a meeting below Khá, or too few meetings left to reach the number.
 */
export type CellYearStatus = "tot" | "on_track" | "missed";

export interface CellYear {
  status: CellYearStatus;
  /** Decided regular meetings rated Tốt. */
  tot: number;
  /** Decided regular meetings below Khá. */
  belowKha: number;
}

/**
 * `levels`: the decided levels of the cell's regular meetings of the year so far (one a month);
 * `remaining`: regular meetings still to be held or decided this year (0 once the year is over and
 * everything is decided). A meeting not yet decided counts as remaining.
 */
export function cellYear(
  levels: readonly MeetingLevel[],
  remaining: number,
  rules: Pick<YearRules, "yearTotMeetings"> = DEFAULT_MEETING_RULES,
): CellYear {
  const tot = levels.filter((l) => l === "tot").length;
  const belowKha = levels.filter((l) => levelRank(l) < levelRank("kha")).length;
  const reachable = tot + Math.max(0, remaining) >= rules.yearTotMeetings;
  let status: CellYearStatus;
  if (belowKha > 0 || !reachable) status = "missed";
  else if (remaining <= 0) status = "tot";
  else status = "on_track";
  return { status, tot, belowKha };
}

/** The target in force for `year`: the latest one set for that year or before; null before any. */
export function totTargetFor(
  year: number,
  targets: YearRules["totTargets"] = DEFAULT_MEETING_RULES.totTargets,
): number | null {
  let best: { year: number; share: number } | null = null;
  for (const t of targets) if (t.year <= year && (best === null || t.year > best.year)) best = t;
  return best?.share ?? null;
}

/** Seed 000 says "trên 95%": the target is met only above it. */
export function totTargetMet(share: number, target: number): boolean {
  return share > target;
}

/** A regular meeting of the cell's year as the scores know it. */
export interface YearMeeting {
  /** "YYYY-MM". */
  period: string;
  /** The decided level; null while not decided (a self-score is not final). */
  decided: MeetingLevel | null;
  /** Held (so a decision may still come). */
  held: boolean;
}

/**
 * A cell's year so far on `today`: a month still counts as remaining when it is the current month or
 * later, or when its meeting was held and awaits its decision. A past month with no meeting held and
 * none decided misses the year: "every regular meeting of the year" was not held.
 */
export function cellYearSoFar(
  meetings: readonly YearMeeting[],
  year: number,
  today: string,
  rules: Pick<YearRules, "yearTotMeetings"> = DEFAULT_MEETING_RULES,
): CellYear {
  const current = today.slice(0, 7);
  const byPeriod = new Map(meetings.map((m) => [m.period, m]));
  const levels: MeetingLevel[] = [];
  let remaining = 0;
  let lost = 0;
  for (let month = 1; month <= 12; month++) {
    const period = `${String(year)}-${String(month).padStart(2, "0")}`;
    const m = byPeriod.get(period);
    if (m?.decided != null) levels.push(m.decided);
    else if (period >= current || m?.held === true) remaining += 1;
    else lost += 1;
  }
  const y = cellYear(levels, remaining, rules);
  return lost > 0 ? { ...y, status: "missed" } : y;
}

/**
 * A unit's year against the programme's target: its cells Tốt, on track and missed; the share Tốt or
 * still on track (the final share once every cell's year is settled); the target in force and whether
 * the share is above it.
 */
export function yearSummary(
  statuses: readonly CellYearStatus[],
  year: number,
  rules: YearRules = DEFAULT_MEETING_RULES,
) {
  const count = (s: CellYearStatus) => statuses.filter((x) => x === s).length;
  const tot = count("tot");
  const onTrack = count("on_track");
  const share = statuses.length === 0 ? null : (tot + onTrack) / statuses.length;
  const target = totTargetFor(year, rules.totTargets);
  return {
    cells: statuses.length,
    tot,
    onTrack,
    missed: count("missed"),
    share,
    target,
    targetMet: share === null || target === null ? null : totTargetMet(share, target),
    totMeetingsNeeded: rules.yearTotMeetings,
  };
}
