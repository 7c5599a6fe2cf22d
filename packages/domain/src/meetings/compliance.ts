// Compliance with the meeting regime, per cell and month (regular meeting), quarter (thematic) and year
// (forums), and its roll-up for a committee. Pure: the caller passes "today" and the recorded facts.

import type { ErrorDetail } from "../errors.js";
import { addDays, monthOf } from "./calendar.js";
import type { MeetingRules } from "./rules.js";

/**
 * Outcome of one cell-month's regular meeting (Charter: a cell meets once a month; seed 000: on its
 * registered day, "only postponements are reported").
 */
export const REGULAR_STATES = [
  "upcoming", // registered date not passed, nothing held, no postponement
  "postponed_upcoming", // postponed with notice, new date not passed
  "held_on_day", // held on the registered date
  "held_early", // held before the registered date (no notice needed)
  "postponed_held", // postponed with notice, held by the new date
  "postponed_held_late", // postponed with notice, held after the new date
  "late_without_notice", // held after the registered date without a postponement reported before it
  "missed", // registered date passed, no meeting, no postponement reported before it
  "postponed_missed", // postponed with notice, new date passed, no meeting
] as const;
export type RegularState = (typeof REGULAR_STATES)[number];

/** HD12, HD42: minimum durations (90 minutes; 120 with a thematic meeting), per tenant in MeetingRules. */
export type DurationRules = Pick<MeetingRules, "regularMinMinutes" | "combinedMinMinutes">;

export interface RegularMonthInput {
  registeredDate: string;
  today: string;
  postponement: { reportedOn: string; newDate: string } | null;
  held: { date: string; minutes: number | null; combinedWithThematic: boolean } | null;
  rules: DurationRules;
}

export interface RegularMonthResult {
  state: RegularState;
  /** Held, its duration recorded and below the minimum. */
  short: boolean;
}

/**
 * Seed 000: "only postponements are reported" — a postponement counts as notice only when reported
 * before the registered date; otherwise the registered date is the one the cell answers for.
 */
export function hasNotice(
  registeredDate: string,
  postponement: { reportedOn: string } | null,
): boolean {
  return postponement !== null && postponement.reportedOn < registeredDate;
}

/** Charter and seed 000 (monthly meeting on the registered day), HD12/HD42 (duration): one cell-month. */
export function regularMonthState(input: RegularMonthInput): RegularMonthResult {
  const { registeredDate, today, postponement, held, rules } = input;
  const notice = hasNotice(registeredDate, postponement) ? postponement : null;

  if (held === null) {
    if (notice)
      return {
        state: today <= notice.newDate ? "postponed_upcoming" : "postponed_missed",
        short: false,
      };
    return { state: today <= registeredDate ? "upcoming" : "missed", short: false };
  }

  const minimum = held.combinedWithThematic ? rules.combinedMinMinutes : rules.regularMinMinutes;
  const short = held.minutes !== null && held.minutes < minimum;
  if (held.date === registeredDate) return { state: "held_on_day", short };
  if (held.date < registeredDate) return { state: "held_early", short };
  if (notice)
    return { state: held.date <= notice.newDate ? "postponed_held" : "postponed_held_late", short };
  return { state: "late_without_notice", short };
}

/** Seed 000: held on the registered day, earlier, or postponed with notice and held by the new date. */
export function isCompliant(state: RegularState): boolean {
  switch (state) {
    case "held_on_day":
    case "held_early":
    case "postponed_held":
      return true;
    case "upcoming":
    case "postponed_upcoming":
    case "postponed_held_late":
    case "late_without_notice":
    case "missed":
    case "postponed_missed":
      return false;
  }
}

/** The month's outcome is not known yet: the (new) date is still to come. */
export function isPending(state: RegularState): boolean {
  return state === "upcoming" || state === "postponed_upcoming";
}

/** A meeting took place (on time or not). */
export function isHeld(state: RegularState): boolean {
  switch (state) {
    case "held_on_day":
    case "held_early":
    case "postponed_held":
    case "postponed_held_late":
    case "late_without_notice":
      return true;
    case "upcoming":
    case "postponed_upcoming":
    case "missed":
    case "postponed_missed":
      return false;
  }
}

/** Days after the registered date a postponed meeting may be moved to; per-tenant, default 30. */
export const POSTPONEMENT_WINDOW_DAYS = 30;

export interface PostponementCheck {
  registeredDate: string;
  newDate: string;
  /** The day the postponement is reported. */
  today: string;
  windowDays?: number;
  /**
   * Charter: a cell meets once a month, so by default the new date stays in the registered month.
   * Per tenant (MeetingRules.postponeWithinMonth); when off, only the window limits it.
   */
  sameMonth?: boolean;
}

/**
 * Seed 000: a postponement is reported before the registered date, with a new date after it; every
 * problem is returned at once (paths name the postponement's fields).
 */
export function postponementProblems(check: PostponementCheck): ErrorDetail[] {
  const {
    registeredDate,
    newDate,
    today,
    windowDays = POSTPONEMENT_WINDOW_DAYS,
    sameMonth = true,
  } = check;
  const problems: ErrorDetail[] = [];
  if (today >= registeredDate) {
    problems.push({
      path: "registeredDate",
      message: "Chỉ báo hoãn trước ngày sinh hoạt đã đăng ký",
    });
  }
  if (newDate <= registeredDate) {
    problems.push({ path: "newDate", message: "Ngày mới phải sau ngày sinh hoạt đã đăng ký" });
  } else if (newDate > addDays(registeredDate, windowDays)) {
    problems.push({
      path: "newDate",
      message: `Ngày mới không được quá ${windowDays} ngày sau ngày sinh hoạt đã đăng ký`,
    });
  }
  if (sameMonth && newDate > registeredDate && monthOf(newDate) !== monthOf(registeredDate)) {
    problems.push({
      path: "newDate",
      message: "Ngày mới phải trong cùng tháng: mỗi tháng chi bộ sinh hoạt một lần",
    });
  }
  if (newDate < today) {
    problems.push({ path: "newDate", message: "Ngày mới không được ở trong quá khứ" });
  }
  return problems;
}

export const PERIOD_STATES = ["met", "pending", "missed"] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];

/** HD12 and seed 000: at least one thematic meeting a quarter; it never replaces the regular meeting. */
export function thematicQuarterState(input: {
  quarterEnd: string;
  today: string;
  heldCount: number;
  required?: number;
}): PeriodState {
  const { quarterEnd, today, heldCount, required = 1 } = input;
  if (heldCount >= required) return "met";
  return today <= quarterEnd ? "pending" : "missed";
}

export const FORUM_YEAR_STATES = ["met", "pending", "missed", "too_many"] as const;
export type ForumYearState = (typeof FORUM_YEAR_STATES)[number];

/** Seed 002: one or two forums a year. */
export function forumYearState(input: {
  yearEnd: string;
  today: string;
  heldCount: number;
  min?: number;
  max?: number;
}): ForumYearState {
  const { yearEnd, today, heldCount, min = 1, max = 2 } = input;
  if (heldCount > max) return "too_many";
  if (heldCount >= min) return "met";
  return today <= yearEnd ? "pending" : "missed";
}

export interface ComplianceSummary {
  counts: Record<RegularState, number>;
  /** Months counted. */
  total: number;
  /** Months whose outcome is known (not upcoming). */
  settled: number;
  compliant: number;
  /** compliant ÷ settled; null while no month is settled. */
  rate: number | null;
}

function emptyCounts(): Record<RegularState, number> {
  return {
    upcoming: 0,
    postponed_upcoming: 0,
    held_on_day: 0,
    held_early: 0,
    postponed_held: 0,
    postponed_held_late: 0,
    late_without_notice: 0,
    missed: 0,
    postponed_missed: 0,
  };
}

/** Seed 000: each quarter the grassroots committee assesses compliance with the meeting regime. */
export function summariseCell(months: readonly RegularState[]): ComplianceSummary {
  const counts = emptyCounts();
  let settled = 0;
  let compliant = 0;
  for (const state of months) {
    counts[state] += 1;
    if (!isPending(state)) settled += 1;
    if (isCompliant(state)) compliant += 1;
  }
  return {
    counts,
    total: months.length,
    settled,
    compliant,
    rate: settled === 0 ? null : compliant / settled,
  };
}

export interface CommitteeSummary extends ComplianceSummary {
  cells: number;
  /** Cells with at least one settled month, every settled month compliant ("n of m cells on schedule"). */
  cellsOnSchedule: number;
  /** Cells with no settled month yet. */
  cellsPending: number;
}

/**
 * Seed 000, seed 001: the committee announces compliance of its cells each quarter / half-year; month
 * counts and the rate are pooled over all cells' months.
 */
export function summariseCommittee(cells: readonly (readonly RegularState[])[]): CommitteeSummary {
  const pooled = summariseCell(cells.flat());
  let cellsOnSchedule = 0;
  let cellsPending = 0;
  for (const months of cells) {
    const cell = summariseCell(months);
    if (cell.settled === 0) cellsPending += 1;
    else if (cell.compliant === cell.settled) cellsOnSchedule += 1;
  }
  return { ...pooled, cells: cells.length, cellsOnSchedule, cellsPending };
}
