import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysInMonth, formatDate, monthEnd } from "./calendar.js";
import {
  POSTPONEMENT_WINDOW_DAYS,
  REGULAR_STATES,
  forumYearState,
  isCompliant,
  isHeld,
  isPending,
  postponementProblems,
  regularMonthState,
  summariseCell,
  summariseCommittee,
  thematicQuarterState,
  type RegularMonthInput,
  type RegularState,
} from "./compliance.js";
import { DEFAULT_MEETING_RULES } from "./rules.js";

const R = "2025-04-10";
const rules = DEFAULT_MEETING_RULES;

function input(overrides: Partial<RegularMonthInput>): RegularMonthInput {
  return { registeredDate: R, today: R, postponement: null, held: null, rules, ...overrides };
}
const held = (date: string, minutes: number | null = 100, combinedWithThematic = false) => ({
  date,
  minutes,
  combinedWithThematic,
});
const notice = (reportedOn: string, newDate: string) => ({ reportedOn, newDate });

describe("regularMonthState", () => {
  it.each<[string, Partial<RegularMonthInput>, RegularState]>([
    ["nothing yet, date ahead", { today: "2025-04-01" }, "upcoming"],
    ["nothing yet, on the registered day", { today: R }, "upcoming"],
    ["nothing, the day after", { today: "2025-04-11" }, "missed"],
    ["nothing, after the month ended", { today: "2025-05-02" }, "missed"],
    ["held on the registered day", { today: "2025-04-20", held: held(R) }, "held_on_day"],
    [
      "held on the day, even with a postponement",
      { postponement: notice("2025-04-05", "2025-04-15"), held: held(R) },
      "held_on_day",
    ],
    ["held earlier in the month", { today: "2025-04-20", held: held("2025-04-03") }, "held_early"],
    [
      "postponed the day before, new date ahead",
      { today: "2025-04-09", postponement: notice("2025-04-09", "2025-04-17") },
      "postponed_upcoming",
    ],
    [
      "postponed, on the new date",
      { today: "2025-04-17", postponement: notice("2025-04-09", "2025-04-17") },
      "postponed_upcoming",
    ],
    [
      "postponed, held on the new date",
      {
        today: "2025-04-20",
        postponement: notice("2025-04-09", "2025-04-17"),
        held: held("2025-04-17"),
      },
      "postponed_held",
    ],
    [
      "postponed, held before the new date",
      {
        today: "2025-04-20",
        postponement: notice("2025-04-01", "2025-04-17"),
        held: held("2025-04-12"),
      },
      "postponed_held",
    ],
    [
      "postponed, held after the new date",
      {
        today: "2025-04-30",
        postponement: notice("2025-04-09", "2025-04-17"),
        held: held("2025-04-18"),
      },
      "postponed_held_late",
    ],
    [
      "postponed, new date passed, nothing",
      { today: "2025-04-18", postponement: notice("2025-04-09", "2025-04-17") },
      "postponed_missed",
    ],
    [
      "held one day late, no postponement",
      { today: "2025-04-20", held: held("2025-04-11") },
      "late_without_notice",
    ],
    [
      "held one day late, notice the day before",
      {
        today: "2025-04-20",
        postponement: notice("2025-04-09", "2025-04-11"),
        held: held("2025-04-11"),
      },
      "postponed_held",
    ],
    [
      "held one day late, 'postponed' on the day",
      { today: "2025-04-20", postponement: notice(R, "2025-04-11"), held: held("2025-04-11") },
      "late_without_notice",
    ],
    [
      "postponed on the day counts as no notice: missed",
      { today: "2025-04-11", postponement: notice(R, "2025-04-17") },
      "missed",
    ],
    [
      "postponed after the day counts as no notice: missed",
      { today: "2025-04-12", postponement: notice("2025-04-11", "2025-04-17") },
      "missed",
    ],
  ])("%s", (_name, overrides, state) => {
    expect(regularMonthState(input(overrides)).state).toBe(state);
  });

  it.each<[number | null, boolean, boolean]>([
    [89, false, true],
    [90, false, false],
    [119, true, true],
    [120, true, false],
    [100, true, true],
    [null, false, false],
    [null, true, false],
  ])("%s minutes (combined with thematic: %s) → short %s", (minutes, combined, short) => {
    expect(regularMonthState(input({ held: held(R, minutes, combined) })).short).toBe(short);
  });

  it("uses the tenant's durations", () => {
    const strict = { regularMinMinutes: 120, combinedMinMinutes: 150 };
    expect(regularMonthState(input({ held: held(R, 100), rules: strict })).short).toBe(true);
    expect(regularMonthState(input({ held: held(R, 140, true), rules: strict })).short).toBe(true);
  });

  it("a meeting not held is never short", () => {
    expect(regularMonthState(input({ today: "2025-05-01" })).short).toBe(false);
  });
});

const dateArb = fc
  .record({
    y: fc.integer({ min: 2015, max: 2030 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => formatDate(y, m, Math.min(d, daysInMonth(y, m))));
const nearArb = (base: string) => fc.integer({ min: -40, max: 40 }).map((n) => addDays(base, n));

/** Random but valid inputs, dates clustered around the registered date so that every branch is hit. */
const inputArb = dateArb.chain((registered) =>
  fc.record({
    registeredDate: fc.constant(registered),
    today: nearArb(registered),
    postponement: fc.option(
      fc.record({ reportedOn: nearArb(registered), newDate: nearArb(registered) }),
      {
        nil: null,
      },
    ),
    held: fc.option(
      fc.record({
        date: nearArb(registered),
        minutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
        combinedWithThematic: fc.boolean(),
      }),
      { nil: null },
    ),
    rules: fc.record({
      regularMinMinutes: fc.integer({ min: 0, max: 240 }),
      combinedMinMinutes: fc.integer({ min: 0, max: 240 }),
    }),
  }),
);

describe("regularMonthState properties", () => {
  it("is total and says held exactly when a meeting was held", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const { state, short } = regularMonthState(i);
        expect(REGULAR_STATES).toContain(state);
        expect(isHeld(state)).toBe(i.held !== null);
        if (i.held === null) expect(short).toBe(false);
        if (isCompliant(state)) expect(i.held).not.toBeNull();
      }),
    );
  });

  it("is pending only while the (new) date is not passed and nothing was held", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const { state } = regularMonthState(i);
        if (isPending(state)) {
          expect(i.held).toBeNull();
          const due =
            i.postponement && i.postponement.reportedOn < i.registeredDate
              ? i.postponement.newDate
              : i.registeredDate;
          expect(i.today <= due).toBe(true);
        }
      }),
    );
  });

  it("a postponement reported on or after the registered date changes nothing", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 10 }), (i, lateBy) => {
        const late = i.postponement && {
          ...i.postponement,
          reportedOn: addDays(i.registeredDate, lateBy),
        };
        expect(regularMonthState({ ...i, postponement: late })).toEqual(
          regularMonthState({ ...i, postponement: null }),
        );
      }),
    );
  });
});

describe("isCompliant", () => {
  it("is true for held on the day, early, and postponed with notice and held in time", () => {
    expect(REGULAR_STATES.filter(isCompliant)).toEqual([
      "held_on_day",
      "held_early",
      "postponed_held",
    ]);
  });

  it("implies held, and pending states are neither", () => {
    for (const state of REGULAR_STATES) {
      if (isCompliant(state)) expect(isHeld(state)).toBe(true);
      if (isPending(state)) expect(isHeld(state) || isCompliant(state)).toBe(false);
    }
  });
});

describe("postponementProblems", () => {
  const ok = { registeredDate: R, newDate: "2025-04-17", today: "2025-04-09" };

  it("accepts a postponement reported the day before, to a later date in the window", () => {
    expect(postponementProblems(ok)).toEqual([]);
    expect(
      postponementProblems({
        ...ok,
        newDate: addDays(R, POSTPONEMENT_WINDOW_DAYS),
        sameMonth: false,
      }),
    ).toEqual([]);
  });

  it("keeps the new date in the registered month unless the tenant allows otherwise", () => {
    const nextMonth = addDays(monthEnd(R), 1);
    expect(postponementProblems({ ...ok, newDate: nextMonth })).toEqual([
      {
        path: "newDate",
        message: "Ngày mới phải trong cùng tháng: mỗi tháng chi bộ sinh hoạt một lần",
      },
    ]);
    expect(postponementProblems({ ...ok, newDate: monthEnd(R) })).toEqual([]);
    expect(postponementProblems({ ...ok, newDate: nextMonth, sameMonth: false })).toEqual([]);
  });

  it("refuses a report on the registered day", () => {
    expect(postponementProblems({ ...ok, today: R })).toEqual([
      { path: "registeredDate", message: "Chỉ báo hoãn trước ngày sinh hoạt đã đăng ký" },
    ]);
  });

  it.each([R, "2025-04-09"])(
    "refuses the new date %s, not after the registered date",
    (newDate) => {
      expect(postponementProblems({ ...ok, newDate, today: "2025-04-01" })).toEqual([
        { path: "newDate", message: "Ngày mới phải sau ngày sinh hoạt đã đăng ký" },
      ]);
    },
  );

  it("refuses a new date beyond the window, which is configurable", () => {
    const far = addDays(R, POSTPONEMENT_WINDOW_DAYS + 1);
    expect(postponementProblems({ ...ok, newDate: far, sameMonth: false })).toEqual([
      { path: "newDate", message: "Ngày mới không được quá 30 ngày sau ngày sinh hoạt đã đăng ký" },
    ]);
    expect(postponementProblems({ ...ok, newDate: far, windowDays: 45, sameMonth: false })).toEqual(
      [],
    );
    expect(postponementProblems({ ...ok, windowDays: 5 })).toHaveLength(1);
  });

  it("reports every problem at once", () => {
    const problems = postponementProblems({
      registeredDate: R,
      newDate: "2025-04-05",
      today: "2025-04-12",
    });
    expect(problems.map((p) => p.path)).toEqual(["registeredDate", "newDate", "newDate"]);
    expect(problems[2]?.message).toBe("Ngày mới không được ở trong quá khứ");
  });

  it("a postponement it accepts is notice that regularMonthState honours", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        if (!i.postponement) return;
        const problems = postponementProblems({
          ...i.postponement,
          registeredDate: i.registeredDate,
          today: i.postponement.reportedOn,
        });
        if (problems.length > 0) return;
        const { state } = regularMonthState({ ...i, held: null, today: i.postponement.reportedOn });
        expect(state).toBe("postponed_upcoming");
      }),
    );
  });
});

describe("thematicQuarterState", () => {
  const quarterEnd = "2025-06-30";
  it.each([
    [0, "2025-06-30", "pending"],
    [0, "2025-07-01", "missed"],
    [1, "2025-05-01", "met"],
    [2, "2025-07-01", "met"],
  ] as const)("%i held, today %s → %s", (heldCount, today, state) => {
    expect(thematicQuarterState({ quarterEnd, today, heldCount })).toBe(state);
  });

  it("honours a higher requirement", () => {
    expect(
      thematicQuarterState({ quarterEnd, today: "2025-07-01", heldCount: 1, required: 2 }),
    ).toBe("missed");
  });
});

describe("forumYearState", () => {
  const yearEnd = "2025-12-31";
  it.each([
    [0, "2025-12-31", "pending"],
    [0, "2026-01-01", "missed"],
    [1, "2025-03-01", "met"],
    [2, "2026-01-01", "met"],
    [3, "2025-11-01", "too_many"],
  ] as const)("%i held, today %s → %s", (heldCount, today, state) => {
    expect(forumYearState({ yearEnd, today, heldCount })).toBe(state);
  });

  it("honours the tenant's bounds", () => {
    expect(forumYearState({ yearEnd, today: "2026-01-01", heldCount: 1, min: 2, max: 4 })).toBe(
      "missed",
    );
    expect(forumYearState({ yearEnd, today: "2025-06-01", heldCount: 3, min: 2, max: 4 })).toBe(
      "met",
    );
  });
});

describe("summariseCell", () => {
  it("counts states and rates compliant months among settled ones", () => {
    const s = summariseCell([
      "held_on_day",
      "held_early",
      "late_without_notice",
      "missed",
      "upcoming",
      "postponed_upcoming",
    ]);
    expect(s.total).toBe(6);
    expect(s.settled).toBe(4);
    expect(s.compliant).toBe(2);
    expect(s.rate).toBe(0.5);
    expect(s.counts.held_on_day).toBe(1);
    expect(s.counts.postponed_held).toBe(0);
  });

  it("has no rate while nothing is settled", () => {
    expect(summariseCell([]).rate).toBeNull();
    expect(summariseCell(["upcoming"]).rate).toBeNull();
  });

  it("counts add up and the rate stays in [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REGULAR_STATES)), (months) => {
        const s = summariseCell(months);
        expect(Object.values(s.counts).reduce((a, b) => a + b, 0)).toBe(months.length);
        expect(s.compliant).toBeLessThanOrEqual(s.settled);
        if (s.rate !== null) expect(s.rate >= 0 && s.rate <= 1).toBe(true);
      }),
    );
  });
});

describe("summariseCommittee", () => {
  it("tells how many cells met on schedule", () => {
    const s = summariseCommittee([
      ["held_on_day", "postponed_held", "upcoming"],
      ["held_on_day", "missed"],
      ["upcoming"],
      ["held_early"],
    ]);
    expect(s.cells).toBe(4);
    expect(s.cellsOnSchedule).toBe(2);
    expect(s.cellsPending).toBe(1);
    expect(s.total).toBe(7);
    expect(s.settled).toBe(5);
    expect(s.compliant).toBe(4);
    expect(s.rate).toBe(0.8);
  });

  it("pools months like one cell", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...REGULAR_STATES))), (cells) => {
        const s = summariseCommittee(cells);
        const { counts, rate } = summariseCell(cells.flat());
        expect(s.counts).toEqual(counts);
        expect(s.rate).toBe(rate);
        expect(s.cellsOnSchedule + s.cellsPending).toBeLessThanOrEqual(s.cells);
      }),
    );
  });
});
