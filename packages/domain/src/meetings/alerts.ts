// Absence alerts for the cell lead and the committee above (HD12; seed 000; Charter 24-QĐ/TW §8.1).

import type { AttendanceStatus } from "./attendance.js";
import type { MeetingRules } from "./rules.js";
import type { MeetingKind } from "./kinds.js";

/** The meeting kind of the streak rules; every other kind counts only for removal review. */
const REGULAR = "regular";

/** One mark of a member's: a meeting's date ("YYYY-MM-DD"), kind ("regular", "thematic" …) and status. */
export interface AbsenceHistoryEntry {
  date: string;
  kind: MeetingKind;
  status: AttendanceStatus;
}

export const ABSENCE_ALERT_RULES = [
  "unexcused",
  "consecutive_absences",
  "excused_streak",
  "removal_review",
] as const;
export type AbsenceAlertRule = (typeof ABSENCE_ALERT_RULES)[number];

export interface AbsenceAlert {
  rule: AbsenceAlertRule;
  memberId: string;
  /** The meetings behind the alert, oldest first. */
  dates: string[];
}

type Alert = Omit<AbsenceAlert, "memberId">;

const yearOf = (date: string) => date.slice(0, 4);
const monthOf = (date: string) => date.slice(0, 7);

function byDate(history: readonly AbsenceHistoryEntry[]): AbsenceHistoryEntry[] {
  return [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Regular meetings in date order; exempt marks neither break nor extend a streak, so they are dropped. */
function regularMarks(history: readonly AbsenceHistoryEntry[]): AbsenceHistoryEntry[] {
  return byDate(history).filter((e) => e.kind === REGULAR && e.status !== "exempt");
}

/**
 * Maximal runs of consecutive entries that satisfy `inRun`; `sameRun` may also cut a run (year boundary).
 */
function runs(
  entries: readonly AbsenceHistoryEntry[],
  inRun: (e: AbsenceHistoryEntry) => boolean,
  sameRun: (prev: AbsenceHistoryEntry, next: AbsenceHistoryEntry) => boolean,
): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let last: AbsenceHistoryEntry | undefined;
  for (const e of entries) {
    const cut = !inRun(e) || (last !== undefined && !sameRun(last, e));
    if (cut && current.length > 0) {
      out.push(current);
      current = [];
    }
    last = inRun(e) ? e : undefined;
    if (last !== undefined) current.push(e.date);
  }
  if (current.length > 0) out.push(current);
  return out;
}

const isAbsent = (e: AbsenceHistoryEntry) =>
  e.status === "absent_excused" || e.status === "absent_unexcused";
const isExcused = (e: AbsenceHistoryEntry) => e.status === "absent_excused";
const sameYear = (a: AbsenceHistoryEntry, b: AbsenceHistoryEntry) =>
  yearOf(a.date) === yearOf(b.date);
const always = () => true;

function unexcused(history: readonly AbsenceHistoryEntry[]): Alert[] {
  return byDate(history)
    .filter((e) => e.status === "absent_unexcused")
    .map((e) => ({ rule: "unexcused", dates: [e.date] }));
}

function consecutiveAbsences(
  history: readonly AbsenceHistoryEntry[],
  rules: MeetingRules,
): Alert[] {
  return runs(regularMarks(history), isAbsent, always)
    .filter((r) => r.length >= rules.consecutiveAbsenceAlert)
    .map((dates) => ({ rule: "consecutive_absences", dates }));
}

function excusedStreaks(history: readonly AbsenceHistoryEntry[], rules: MeetingRules): Alert[] {
  return runs(regularMarks(history), isExcused, sameYear)
    .filter((r) => r.length > rules.maxConsecutiveExcused)
    .map((dates) => ({ rule: "excused_streak", dates }));
}

function removalReviews(history: readonly AbsenceHistoryEntry[], rules: MeetingRules): Alert[] {
  const byYear = new Map<string, string[]>();
  for (const e of byDate(history)) {
    if (e.status !== "absent_unexcused") continue;
    const dates = byYear.get(yearOf(e.date)) ?? [];
    dates.push(e.date);
    byYear.set(yearOf(e.date), dates);
  }
  const out: Alert[] = [];
  for (const dates of byYear.values()) {
    const months = new Set(dates.map(monthOf));
    if (months.size >= rules.removalReviewMonths) out.push({ rule: "removal_review", dates });
  }
  return out;
}

/**
 * HD12 excused streak: the longest run of excused absences from consecutive regular meetings within one
 * calendar year, across the years of `history`; feeds meetsQualityBar.
 */
export function longestExcusedRun(history: readonly AbsenceHistoryEntry[]): number {
  return Math.max(0, ...runs(regularMarks(history), isExcused, sameYear).map((r) => r.length));
}

/**
 * Every unexcused absence (issue 3); 3 regular meetings missed in a row (seed 000); excused more than 3
 * times in a row in a year (HD12); unexcused absences in 3 months of a year (Charter 24-QĐ/TW §8.1).
 */
export function absenceAlerts(
  memberId: string,
  history: readonly AbsenceHistoryEntry[],
  rules: MeetingRules,
): AbsenceAlert[] {
  const alerts = [
    ...unexcused(history),
    ...consecutiveAbsences(history, rules),
    ...excusedStreaks(history, rules),
    ...removalReviews(history, rules),
  ];
  return alerts.map((a) => ({ rule: a.rule, memberId, dates: a.dates }));
}

// Issue 3: the alerts of a whole cell, member by member in the map's order.
export function cellAbsenceAlerts(
  histories: ReadonlyMap<string, readonly AbsenceHistoryEntry[]>,
  rules: MeetingRules,
): AbsenceAlert[] {
  return [...histories].flatMap(([memberId, history]) => absenceAlerts(memberId, history, rules));
}
