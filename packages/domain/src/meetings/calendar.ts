// The meeting calendar: month lengths, a cell's registered day in each month, quarters, and which national
// guidance on cell meetings was in force on a date. Dates are ISO "YYYY-MM-DD" strings; "today" is always
// a parameter.

const DAY_MS = 86_400_000;
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/u;

export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

/** Splits an ISO date; throws a RangeError on anything else (callers pass validated dates). */
export function parseDate(date: string): CalendarDate {
  const match = DATE_SHAPE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date: ${date}`);
  const [, year, month, day] = match;
  return { year: Number(year), month: Number(month), day: Number(day) };
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Gregorian month length (February 29 days in leap years). */
export function daysInMonth(year: number, month: number): number {
  const length = MONTH_LENGTHS[month - 1];
  if (length === undefined || !Number.isInteger(month)) throw new RangeError(`No month ${month}`);
  return month === 2 && isLeapYear(year) ? 29 : length;
}

/**
 * Seed 000: each cell registers a fixed day of the month; a day the month lacks (31 in April, 29–31 in
 * February) falls back to the month's last day, so every month still has its regular meeting.
 */
export function registeredDate(year: number, month: number, day: number): string {
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`No meeting day ${day}`);
  return formatDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** Chibo keeps the regular meeting of at least the next three months planned (issue 3). */
export const PLANNING_MONTHS_AHEAD = 3;

/**
 * Seed 000: the registered dates still to come, one per month — this month's when `fromDate` has not
 * passed it (the day itself counts as to come), then the following months — `monthsAhead` dates in all.
 */
export function upcomingRegularDates(
  day: number,
  fromDate: string,
  monthsAhead: number = PLANNING_MONTHS_AHEAD,
): string[] {
  const { year, month } = parseDate(fromDate);
  const first = registeredDate(year, month, day) >= fromDate ? 0 : 1;
  const dates: string[] = [];
  for (let i = 0; i < monthsAhead; i += 1) {
    const index = year * 12 + (month - 1) + first + i;
    dates.push(registeredDate(Math.floor(index / 12), (index % 12) + 1, day));
  }
  return dates;
}

/** "YYYY-MM": the month a regular meeting belongs to (Charter: one regular meeting a month). */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Last day of the month of `date`. */
export function monthEnd(date: string): string {
  const { year, month } = parseDate(date);
  return formatDate(year, month, daysInMonth(year, month));
}

export interface YearQuarter {
  year: number;
  /** 1–4. */
  quarter: number;
}

/** HD12: a thematic meeting at least once a quarter, so compliance is counted per calendar quarter. */
export function quarterOf(date: string): YearQuarter {
  const { year, month } = parseDate(date);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** First and last day of a calendar quarter. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`No quarter ${quarter}`);
  }
  const lastMonth = quarter * 3;
  return {
    from: formatDate(year, lastMonth - 2, 1),
    to: formatDate(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

function dayNumber(date: string): number {
  const { year, month, day } = parseDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY_MS);
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Same day `months` on, clamped to the month's last day like registeredDate (31/01 + 1 → 28/02 or 29/02). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** ISO dates order as strings; -1, 0 or 1 for sorting. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** National guidance on the quality of cell meetings, each replacing the one before. */
export const GUIDANCE_CODES = ["HD09", "HD12", "HD42"] as const;
export type GuidanceCode = (typeof GUIDANCE_CODES)[number];

export interface Guidance {
  code: GuidanceCode;
  title: string;
  /** Date issued, taken as the date it came into force; it stays in force until the next one's. */
  inForceFrom: string;
}

export const GUIDANCE: readonly Guidance[] = [
  { code: "HD09", title: "Hướng dẫn 09-HD/BTCTW ngày 02/3/2012", inForceFrom: "2012-03-02" },
  { code: "HD12", title: "Hướng dẫn 12-HD/BTCTW ngày 06/7/2018", inForceFrom: "2018-07-06" },
  { code: "HD42", title: "Hướng dẫn 42-HD/BTCTW ngày 28/10/2025", inForceFrom: "2025-10-28" },
];

/**
 * HD42 replaced HD12 (which replaced HD09): the guidance in force on a meeting's date. Dates before HD09
 * are reported as HD09, the earliest guidance chibo knows.
 */
export function guidanceOn(date: string): GuidanceCode {
  let code: GuidanceCode = "HD09";
  for (const g of GUIDANCE) {
    if (g.inForceFrom <= date) code = g.code;
  }
  return code;
}
