import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  GUIDANCE,
  PLANNING_MONTHS_AHEAD,
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  formatDate,
  guidanceOn,
  monthEnd,
  monthOf,
  parseDate,
  quarterOf,
  quarterRange,
  registeredDate,
  upcomingRegularDates,
} from "./calendar.js";

const DAY_MS = 86_400_000;
const viaDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const yearArb = fc.integer({ min: 1900, max: 2099 });
const monthArb = fc.integer({ min: 1, max: 12 });
const meetingDayArb = fc.integer({ min: 1, max: 31 });
const dateArb = fc
  .record({ y: yearArb, m: monthArb, d: meetingDayArb })
  .map(({ y, m, d }) => formatDate(y, m, Math.min(d, daysInMonth(y, m))));

describe("daysInMonth", () => {
  it.each([
    [2024, 1, 31],
    [2024, 2, 29],
    [2025, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2100, 2, 28],
    [2025, 4, 30],
    [2025, 12, 31],
  ])("%i-%i has %i days", (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });

  it("rejects a month outside 1–12", () => {
    expect(() => daysInMonth(2025, 0)).toThrow(RangeError);
    expect(() => daysInMonth(2025, 13)).toThrow(RangeError);
  });
});

describe("registeredDate", () => {
  it.each([
    [2025, 4, 31, "2025-04-30"],
    [2025, 6, 31, "2025-06-30"],
    [2025, 1, 31, "2025-01-31"],
    [2024, 2, 31, "2024-02-29"],
    [2024, 2, 30, "2024-02-29"],
    [2024, 2, 29, "2024-02-29"],
    [2025, 2, 31, "2025-02-28"],
    [2025, 2, 29, "2025-02-28"],
    [2100, 2, 29, "2100-02-28"],
    [2000, 2, 29, "2000-02-29"],
    [2025, 3, 3, "2025-03-03"],
  ])("%i-%i day %i → %s", (y, m, d, expected) => {
    expect(registeredDate(y, m, d)).toBe(expected);
  });

  it("rejects a day outside 1–31", () => {
    expect(() => registeredDate(2025, 1, 0)).toThrow(RangeError);
    expect(() => registeredDate(2025, 1, 32)).toThrow(RangeError);
    expect(() => registeredDate(2025, 1, 2.5)).toThrow(RangeError);
  });

  it("is always within the month and never after the registered day", () => {
    fc.assert(
      fc.property(yearArb, monthArb, meetingDayArb, (y, m, d) => {
        const date = parseDate(registeredDate(y, m, d));
        expect(date.year).toBe(y);
        expect(date.month).toBe(m);
        expect(date.day).toBeGreaterThanOrEqual(1);
        expect(date.day).toBeLessThanOrEqual(Math.min(d, daysInMonth(y, m)));
        expect(date.day === d || date.day === daysInMonth(y, m)).toBe(true);
      }),
    );
  });

  it("is the registered day itself for days 1–28", () => {
    fc.assert(
      fc.property(yearArb, monthArb, fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        expect(registeredDate(y, m, d)).toBe(formatDate(y, m, d));
      }),
    );
  });
});

describe("upcomingRegularDates", () => {
  it("includes this month's date when it has not passed, the day itself included", () => {
    expect(upcomingRegularDates(3, "2025-03-01", 3)).toEqual([
      "2025-03-03",
      "2025-04-03",
      "2025-05-03",
    ]);
    expect(upcomingRegularDates(3, "2025-03-03", 3)).toEqual([
      "2025-03-03",
      "2025-04-03",
      "2025-05-03",
    ]);
  });

  it("starts next month when this month's date has passed", () => {
    expect(upcomingRegularDates(3, "2025-03-04", 3)).toEqual([
      "2025-04-03",
      "2025-05-03",
      "2025-06-03",
    ]);
  });

  it("crosses the year and falls back in short months", () => {
    expect(upcomingRegularDates(31, "2024-12-31", 4)).toEqual([
      "2024-12-31",
      "2025-01-31",
      "2025-02-28",
      "2025-03-31",
    ]);
    expect(upcomingRegularDates(30, "2024-01-31", 2)).toEqual(["2024-02-29", "2024-03-30"]);
  });

  it("plans three months by default", () => {
    expect(upcomingRegularDates(10, "2025-01-01")).toHaveLength(PLANNING_MONTHS_AHEAD);
  });

  it("is strictly increasing, one per consecutive month, none before fromDate", () => {
    fc.assert(
      fc.property(meetingDayArb, dateArb, fc.integer({ min: 1, max: 24 }), (day, from, n) => {
        const dates = upcomingRegularDates(day, from, n);
        expect(dates).toHaveLength(n);
        const first = dates[0];
        expect(first !== undefined && first >= from).toBe(true);
        expect(first !== undefined && monthOf(first) <= monthOf(addMonths(from, 1))).toBe(true);
        dates.forEach((date, i) => {
          const { year, month, day: d } = parseDate(date);
          expect(date).toBe(registeredDate(year, month, day));
          expect(d).toBeLessThanOrEqual(day);
          const prev = dates[i - 1];
          if (prev !== undefined) {
            expect(prev < date).toBe(true);
            expect(monthOf(addMonths(`${monthOf(prev)}-01`, 1))).toBe(monthOf(date));
          }
        });
      }),
    );
  });
});

describe("month and quarter helpers", () => {
  it.each([
    ["2025-01-01", 2025, 1],
    ["2025-03-31", 2025, 1],
    ["2025-04-01", 2025, 2],
    ["2025-09-30", 2025, 3],
    ["2025-10-01", 2025, 4],
    ["2025-12-31", 2025, 4],
  ])("%s is in %i Q%i", (date, year, quarter) => {
    expect(quarterOf(date)).toEqual({ year, quarter });
  });

  it("gives quarter ranges", () => {
    expect(quarterRange(2024, 1)).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(quarterRange(2024, 2)).toEqual({ from: "2024-04-01", to: "2024-06-30" });
    expect(quarterRange(2024, 4)).toEqual({ from: "2024-10-01", to: "2024-12-31" });
    expect(() => quarterRange(2024, 5)).toThrow(RangeError);
  });

  it("gives month and month end", () => {
    expect(monthOf("2025-04-17")).toBe("2025-04");
    expect(monthEnd("2024-02-10")).toBe("2024-02-29");
    expect(monthEnd("2025-02-10")).toBe("2025-02-28");
  });

  it("a date is within its quarter's range", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const { year, quarter } = quarterOf(date);
        const { from, to } = quarterRange(year, quarter);
        expect(from <= date && date <= to).toBe(true);
      }),
    );
  });

  it("rejects text that is not an ISO date", () => {
    expect(() => parseDate("03/04/2025")).toThrow(RangeError);
  });
});

describe("date arithmetic", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2025-01-15", 30, "2025-02-14"],
  ])("%s + %i days → %s", (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-03-31", 1, "2025-04-30"],
    ["2025-11-15", 2, "2026-01-15"],
    ["2025-01-15", -1, "2024-12-15"],
    ["2025-03-31", -1, "2025-02-28"],
  ])("%s + %i months → %s", (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it("addDays agrees with the JavaScript calendar and daysBetween inverts it", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -800, max: 800 }), (date, n) => {
        expect(addDays(date, n)).toBe(viaDate(date, n));
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it("addMonths stays in the target month, at the same day or that month's last", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -36, max: 36 }), (date, n) => {
        const { year, month, day } = parseDate(date);
        const index = year * 12 + month - 1 + n;
        const y = Math.floor(index / 12);
        const m = index - y * 12 + 1;
        expect(addMonths(date, n)).toBe(formatDate(y, m, Math.min(day, daysInMonth(y, m))));
      }),
    );
  });

  it("compareDates sorts", () => {
    expect(compareDates("2025-01-02", "2025-01-10")).toBe(-1);
    expect(compareDates("2025-01-10", "2025-01-10")).toBe(0);
    expect(compareDates("2025-02-01", "2025-01-10")).toBe(1);
  });
});

describe("guidanceOn", () => {
  it.each([
    ["2010-01-01", "HD09"],
    ["2018-07-05", "HD09"],
    ["2018-07-06", "HD12"],
    ["2025-10-27", "HD12"],
    ["2025-10-28", "HD42"],
    ["2030-01-01", "HD42"],
  ] as const)("%s → %s", (date, code) => {
    expect(guidanceOn(date)).toBe(code);
  });

  it("lists guidance in the order it came into force", () => {
    const froms = GUIDANCE.map((g) => g.inForceFrom);
    expect(froms).toEqual([...froms].sort());
  });
});
