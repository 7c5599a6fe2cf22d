import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  absenceAlerts,
  cellAbsenceAlerts,
  longestExcusedRun,
  type AbsenceAlertRule,
  type AbsenceHistoryEntry,
} from "./alerts.js";
import { ATTENDANCE_STATUSES, type AttendanceStatus } from "./attendance.js";
import { resolveMeetingRules } from "./rules.js";
import type { MeetingKind } from "./kinds.js";

const rules = resolveMeetingRules();

/** Shorthand marks: P present, L late, E absent with reason, U absent without, X exempt. */
const CODES: Record<string, AttendanceStatus> = {
  P: "present",
  L: "late",
  E: "absent_excused",
  U: "absent_unexcused",
  X: "exempt",
};

/** Regular meetings on the 3rd of each month from `start` ("YYYY-MM"), one letter a month. */
function monthly(
  start: string,
  codes: string,
  kind: MeetingKind = "regular",
): AbsenceHistoryEntry[] {
  const [y0, m0] = start.split("-").map(Number);
  return Array.from({ length: codes.length }, (_, i) => {
    const code = codes.charAt(i);
    const total = (y0 ?? 0) * 12 + (m0 ?? 1) - 1 + i;
    const date = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}-03`;
    return { date, kind, status: CODES[code] ?? "present" };
  });
}

function only(rule: AbsenceAlertRule, history: AbsenceHistoryEntry[], r = rules): string[][] {
  return absenceAlerts("m1", history, r)
    .filter((a) => a.rule === rule)
    .map((a) => a.dates);
}

describe("unexcused", () => {
  it("alerts every absence without reason, of any meeting kind, one by one", () => {
    const history = [
      ...monthly("2025-01", "PUPU"),
      { date: "2025-02-20", kind: "thematic" as const, status: "absent_unexcused" as const },
    ];
    expect(only("unexcused", history)).toEqual([["2025-02-03"], ["2025-02-20"], ["2025-04-03"]]);
  });

  it("says nothing of excused absences", () => {
    expect(only("unexcused", monthly("2025-01", "EEPL"))).toEqual([]);
  });
});

describe("consecutive_absences (seed 000: 3 in a row)", () => {
  it.each([
    ["PEEP", []],
    ["PEEEP", [["2025-02-03", "2025-03-03", "2025-04-03"]]],
    ["EUE", [["2025-01-03", "2025-02-03", "2025-03-03"]]],
    ["UUUUU", [["2025-01-03", "2025-02-03", "2025-03-03", "2025-04-03", "2025-05-03"]]],
    ["EELEE", []],
    ["EEPEEE", [["2025-04-03", "2025-05-03", "2025-06-03"]]],
  ])("%s → %j", (codes, expected) => {
    expect(only("consecutive_absences", monthly("2025-01", codes))).toEqual(expected);
  });

  it("skips exempt marks: they neither break nor count", () => {
    expect(only("consecutive_absences", monthly("2025-01", "EXEXX"))).toEqual([]);
    expect(only("consecutive_absences", monthly("2025-01", "EXEXE"))).toEqual([
      ["2025-01-03", "2025-03-03", "2025-05-03"],
    ]);
  });

  it("runs on across the new year (consecutive meetings are consecutive)", () => {
    expect(only("consecutive_absences", monthly("2024-11", "EEE"))).toEqual([
      ["2024-11-03", "2024-12-03", "2025-01-03"],
    ]);
  });

  it("looks at regular meetings only", () => {
    const history = [...monthly("2025-01", "EPE"), ...monthly("2025-01", "EEE", "thematic")];
    expect(only("consecutive_absences", history)).toEqual([]);
  });

  it("follows the tenant's number", () => {
    expect(
      only(
        "consecutive_absences",
        monthly("2025-01", "EE"),
        resolveMeetingRules({ consecutiveAbsenceAlert: 2 }),
      ),
    ).toHaveLength(1);
  });
});

describe("excused_streak (HD12: more than 3 in a row in the year)", () => {
  it.each([
    ["EEE", 0],
    ["EEEE", 1],
    ["EEEEEE", 1],
    ["EEEPEEE", 0],
    ["EEEUE", 0], // broken by an absence without reason (that one is alerted by the other rules)
    ["EEEEPEEEE", 2],
  ])("%s → %i alerts", (codes, n) => {
    expect(only("excused_streak", monthly("2025-01", codes))).toHaveLength(n);
  });

  it("the 4th excused absence in a row triggers, with all four dates", () => {
    expect(only("excused_streak", monthly("2025-03", "PEEEE"))).toEqual([
      ["2025-04-03", "2025-05-03", "2025-06-03", "2025-07-03"],
    ]);
  });

  it("resets at the year boundary", () => {
    // Oct–Dec and Jan–Mar: six in a row, but three in each year.
    expect(only("excused_streak", monthly("2024-10", "EEEEEE"))).toEqual([]);
    expect(only("excused_streak", monthly("2024-11", "EEEEEE"))).toEqual([
      ["2025-01-03", "2025-02-03", "2025-03-03", "2025-04-03"],
    ]);
  });

  it("skips exempt marks: they neither break nor count", () => {
    expect(only("excused_streak", monthly("2025-01", "EEXE"))).toEqual([]);
    expect(only("excused_streak", monthly("2025-01", "EEXEE"))).toEqual([
      ["2025-01-03", "2025-02-03", "2025-04-03", "2025-05-03"],
    ]);
  });

  it("sorts an unsorted history first", () => {
    const history = monthly("2025-01", "EEEE").reverse();
    expect(only("excused_streak", history)).toEqual([
      ["2025-01-03", "2025-02-03", "2025-03-03", "2025-04-03"],
    ]);
  });
});

describe("longestExcusedRun", () => {
  it.each([
    ["", 0],
    ["PPP", 0],
    ["EEPE", 2],
    ["EXEXE", 3],
    ["EEUEE", 2],
  ])("%s → %i", (codes, n) => {
    expect(longestExcusedRun(monthly("2025-01", codes))).toBe(n);
  });

  it("does not join runs across years", () => {
    expect(longestExcusedRun(monthly("2024-11", "EEEE"))).toBe(2);
  });
});

describe("removal_review (Charter 24-QĐ/TW §8.1: 3 months of a year, not necessarily in a row)", () => {
  it("triggers on unexcused absences in 3 distinct months", () => {
    expect(only("removal_review", monthly("2025-01", "UPPUPPPPU"))).toEqual([
      ["2025-01-03", "2025-04-03", "2025-09-03"],
    ]);
  });

  it("counts months, not meetings: two absences in one month count once", () => {
    const history: AbsenceHistoryEntry[] = [
      { date: "2025-03-03", kind: "regular" as const, status: "absent_unexcused" },
      { date: "2025-03-20", kind: "thematic" as const, status: "absent_unexcused" },
      { date: "2025-05-03", kind: "regular" as const, status: "absent_unexcused" },
    ];
    expect(only("removal_review", history)).toEqual([]);
    history.push({ date: "2025-11-15", kind: "forum" as const, status: "absent_unexcused" });
    expect(only("removal_review", history)).toEqual([
      ["2025-03-03", "2025-03-20", "2025-05-03", "2025-11-15"],
    ]);
  });

  it("ignores absences with a reason", () => {
    expect(only("removal_review", monthly("2025-01", "UEEU"))).toEqual([]);
  });

  it("keeps each calendar year apart", () => {
    expect(only("removal_review", monthly("2024-11", "UUUU"))).toEqual([]);
    expect(only("removal_review", monthly("2024-10", "UUUUUU"))).toEqual([
      ["2024-10-03", "2024-11-03", "2024-12-03"],
      ["2025-01-03", "2025-02-03", "2025-03-03"],
    ]);
  });

  it("follows the tenant's number", () => {
    expect(
      only(
        "removal_review",
        monthly("2025-01", "UU"),
        resolveMeetingRules({ removalReviewMonths: 2 }),
      ),
    ).toHaveLength(1);
  });
});

describe("absenceAlerts", () => {
  it("gives nothing for a good record", () => {
    expect(absenceAlerts("m1", monthly("2025-01", "PPLPXPEPPEPP"), rules)).toEqual([]);
    expect(absenceAlerts("m1", [], rules)).toEqual([]);
  });

  it("gives every rule's alerts, with the member", () => {
    const alerts = absenceAlerts("m7", monthly("2025-01", "UUUEEEE"), rules);
    expect(alerts.map((a) => a.rule)).toEqual([
      "unexcused",
      "unexcused",
      "unexcused",
      "consecutive_absences",
      "excused_streak",
      "removal_review",
    ]);
    expect(alerts.every((a) => a.memberId === "m7")).toBe(true);
  });
});

describe("cellAbsenceAlerts", () => {
  it("gathers each member's alerts", () => {
    const histories = new Map([
      ["a", monthly("2025-01", "PPP")],
      ["b", monthly("2025-01", "PUP")],
      ["c", monthly("2025-01", "EEE")],
    ]);
    expect(cellAbsenceAlerts(histories, rules)).toEqual([
      { rule: "unexcused", memberId: "b", dates: ["2025-02-03"] },
      {
        rule: "consecutive_absences",
        memberId: "c",
        dates: ["2025-01-03", "2025-02-03", "2025-03-03"],
      },
    ]);
  });
});

// ---- properties ----

const historyArb = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: 3 * 365 }),
      kind: fc.constantFrom("regular", "regular", "regular", "thematic", "forum"),
      status: fc.constantFrom(...ATTENDANCE_STATUSES),
    }),
    { maxLength: 40 },
  )
  .map((rows) => {
    const seen = new Set<string>();
    const out: AbsenceHistoryEntry[] = [];
    for (const r of rows) {
      const date = new Date(Date.UTC(2024, 0, 1 + r.day)).toISOString().slice(0, 10);
      if (seen.has(date)) continue;
      seen.add(date);
      out.push({ date, kind: r.kind, status: r.status });
    }
    return out;
  });

describe("properties", () => {
  it("does not depend on the order of the history", () => {
    fc.assert(
      fc.property(historyArb, fc.func(fc.integer()), (history, key) => {
        const shuffled = [...history].sort((a, b) => key(a.date) - key(b.date));
        expect(absenceAlerts("m", shuffled, rules)).toEqual(absenceAlerts("m", history, rules));
      }),
    );
  });

  it("every alert has sorted dates, and each rule's own shape", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const a of absenceAlerts("m", history, rules)) {
          expect([...a.dates].sort()).toEqual(a.dates);
          const years = new Set(a.dates.map((d) => d.slice(0, 4)));
          switch (a.rule) {
            case "unexcused":
              expect(a.dates).toHaveLength(1);
              break;
            case "consecutive_absences":
              expect(a.dates.length).toBeGreaterThanOrEqual(rules.consecutiveAbsenceAlert);
              break;
            case "excused_streak":
              expect(a.dates.length).toBeGreaterThan(rules.maxConsecutiveExcused);
              expect(years.size).toBe(1);
              break;
            case "removal_review":
              expect(new Set(a.dates.map((d) => d.slice(0, 7))).size).toBeGreaterThanOrEqual(
                rules.removalReviewMonths,
              );
              expect(years.size).toBe(1);
              break;
          }
        }
      }),
    );
  });

  it("an excused streak alert exists exactly when the longest excused run exceeds the limit", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const streaks = absenceAlerts("m", history, rules).filter(
          (a) => a.rule === "excused_streak",
        );
        expect(streaks.length > 0).toBe(longestExcusedRun(history) > rules.maxConsecutiveExcused);
      }),
    );
  });

  it("exempt marks change no alert", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const without = history.filter((e) => e.status !== "exempt");
        expect(absenceAlerts("m", history, rules)).toEqual(absenceAlerts("m", without, rules));
      }),
    );
  });
});
