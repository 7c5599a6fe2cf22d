import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate } from "../contract/common.js";
import {
  PROBATION_MONTHS,
  periodCovers,
  periodsOverlap,
  probationEnds,
  type DatedPeriod,
} from "./member.js";

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function daysIn(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}
function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** A real calendar date between 1900 and 2099, as the contract accepts them. */
const dateArb = fc
  .record({
    y: fc.integer({ min: 1900, max: 2099 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => iso(y, m, Math.min(d, daysIn(y, m))));

describe("probationEnds", () => {
  it("is twelve months", () => {
    expect(PROBATION_MONTHS).toBe(12);
  });

  it.each([
    ["2024-01-15", "2025-01-15"],
    ["2023-12-31", "2024-12-31"],
    ["2024-01-01", "2025-01-01"],
    ["2023-03-31", "2024-03-31"],
    ["2023-02-28", "2024-02-28"],
    ["2023-02-27", "2024-02-27"],
    ["2024-02-28", "2025-02-28"],
    // No 29/02 in 2025: probation ends on the last day of February, not on 01/03.
    ["2024-02-29", "2025-02-28"],
    ["2096-02-29", "2097-02-28"],
    ["1999-12-31", "2000-12-31"],
  ])("admitted %s → probation ends %s", (joinDate, end) => {
    expect(probationEnds(joinDate)).toBe(end);
  });

  it("ends the same day a year on, or the last day of that month", () => {
    fc.assert(
      fc.property(dateArb, (joinDate) => {
        const [y, m, d] = joinDate.split("-").map(Number) as [number, number, number];
        const end = probationEnds(joinDate);
        expect(end).toBe(iso(y + 1, m, Math.min(d, daysIn(y + 1, m))));
        expect(isoDate.safeParse(end).success).toBe(true);
        expect(end > joinDate).toBe(true);
        expect(dayNumber(end) - dayNumber(joinDate)).toBeGreaterThanOrEqual(365);
        expect(dayNumber(end) - dayNumber(joinDate)).toBeLessThanOrEqual(366);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the order of admission dates", () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        if (a <= b) expect(probationEnds(a) <= probationEnds(b)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("periodCovers", () => {
  const year2024: DatedPeriod = { from: "2024-01-01", to: "2024-12-31" };
  const since2024: DatedPeriod = { from: "2024-01-01", to: null };

  it.each([
    [year2024, "2024-01-01", true],
    [year2024, "2024-12-31", true],
    [year2024, "2024-06-15", true],
    [year2024, "2023-12-31", false],
    [year2024, "2025-01-01", false],
    [since2024, "2024-01-01", true],
    [since2024, "2099-12-31", true],
    [since2024, "2023-12-31", false],
    [{ from: "2024-03-01", to: "2024-03-01" }, "2024-03-01", true],
    [{ from: "2024-03-01", to: "2024-03-01" }, "2024-03-02", false],
  ])("%j covers %s: %s", (period, date, covers) => {
    expect(periodCovers(period, date)).toBe(covers);
  });
});

// ---- Overlap, checked against day-by-day enumeration on a small calendar ----

const DAYS = 40;
const BASE = Date.UTC(2024, 1, 15); // crosses 29/02/2024 and a month end
const dayIso = (n: number) => new Date(BASE + n * DAY_MS).toISOString().slice(0, 10);

/** A valid period (from ≤ to) inside the small calendar, or open-ended. */
const periodArb: fc.Arbitrary<DatedPeriod> = fc
  .record({
    from: fc.integer({ min: 0, max: DAYS - 1 }),
    length: fc.option(fc.integer({ min: 0, max: DAYS }), { nil: null }),
  })
  .map(({ from, length }) => ({
    from: dayIso(from),
    to: length === null ? null : dayIso(Math.min(from + length, DAYS - 1)),
  }));

function sharesADay(a: DatedPeriod, b: DatedPeriod): boolean {
  // Open-ended periods reach past the calendar's last day, so look a little beyond it.
  for (let n = 0; n <= DAYS; n++) {
    const day = dayIso(n);
    if (periodCovers(a, day) && periodCovers(b, day)) return true;
  }
  return false;
}

describe("periodsOverlap", () => {
  it.each([
    [{ from: "2024-01-01", to: "2024-01-31" }, { from: "2024-01-31", to: "2024-02-10" }, true],
    [{ from: "2024-01-01", to: "2024-01-30" }, { from: "2024-01-31", to: "2024-02-10" }, false],
    [{ from: "2024-01-01", to: null }, { from: "2030-01-01", to: "2030-01-01" }, true],
    [{ from: "2024-01-01", to: null }, { from: "2020-01-01", to: "2023-12-31" }, false],
    [{ from: "2024-01-01", to: null }, { from: "2025-01-01", to: null }, true],
    [{ from: "2024-01-01", to: "2024-12-31" }, { from: "2024-03-01", to: "2024-03-02" }, true],
  ])("%j and %j overlap: %s", (a, b, overlap) => {
    expect(periodsOverlap(a, b)).toBe(overlap);
    expect(periodsOverlap(b, a)).toBe(overlap);
  });

  it("is symmetric", () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        expect(periodsOverlap(a, b)).toBe(periodsOverlap(b, a));
      }),
      { numRuns: 200 },
    );
  });

  it("holds between a period and itself", () => {
    fc.assert(
      fc.property(periodArb, (p) => {
        expect(periodsOverlap(p, p)).toBe(true);
      }),
    );
  });

  it("holds exactly when some day lies in both periods", () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        expect(periodsOverlap(a, b)).toBe(sharesADay(a, b));
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with periodCovers on one-day periods", () => {
    fc.assert(
      fc.property(periodArb, fc.integer({ min: 0, max: DAYS }), (p, n) => {
        const day = dayIso(n);
        expect(periodsOverlap(p, { from: day, to: day })).toBe(periodCovers(p, day));
      }),
      { numRuns: 200 },
    );
  });
});
