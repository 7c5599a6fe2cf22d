import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ATTENDANCE_STATUSES,
  attendanceCounts,
  attendanceRate,
  hasQuorum,
  meetsProgrammeTarget,
  meetsQualityBar,
  quorumNeeded,
  resolutionPasses,
  votingBody,
  type AttendanceCounts,
  type AttendanceStatus,
  type RosterEntry,
} from "./attendance.js";
import { DEFAULT_MEETING_RULES, resolveMeetingRules } from "./rules.js";

const rules = resolveMeetingRules();

function member(n: number, extra: Partial<RosterEntry> = {}): RosterEntry {
  return { memberId: `m${n}`, status: "official", exempt: false, ...extra };
}

/** A cell of `size` official members, the first `exempt` of them exempted. */
function cell(size: number, exempt = 0): RosterEntry[] {
  return Array.from({ length: size }, (_, i) => member(i + 1, { exempt: i < exempt }));
}

/** Marks in roster order; members past the end of `statuses` stay unmarked. */
function marks(
  roster: readonly RosterEntry[],
  statuses: readonly AttendanceStatus[],
): Map<string, AttendanceStatus> {
  const m = new Map<string, AttendanceStatus>();
  roster.forEach((r, i) => {
    const s = statuses[i];
    if (s !== undefined) m.set(r.memberId, s);
  });
  return m;
}

const repeat = (status: AttendanceStatus, n: number): AttendanceStatus[] =>
  Array.from({ length: n }, () => status);

function counts(partial: Partial<AttendanceCounts>): AttendanceCounts {
  return {
    total: 0,
    official: 0,
    probationary: 0,
    exempt: 0,
    counted: 0,
    present: 0,
    countedPresent: 0,
    late: 0,
    excused: 0,
    unexcused: 0,
    unmarked: 0,
    ...partial,
  };
}

describe("ATTENDANCE_STATUSES", () => {
  it("lists the five marks", () => {
    expect(ATTENDANCE_STATUSES).toEqual([
      "present",
      "late",
      "absent_excused",
      "absent_unexcused",
      "exempt",
    ]);
  });
});

describe("worked examples of domain.md (20 members, 2 exempted)", () => {
  const roster = cell(20, 2);
  const exempt2 = repeat("exempt", 2);

  it("counts 18", () => {
    const c = attendanceCounts(roster, marks(roster, exempt2));
    expect(c).toMatchObject({ total: 20, exempt: 2, counted: 18 });
  });

  it("16 present → 88.9%, passes HD12's > 85%", () => {
    const m = marks(roster, [...exempt2, ...repeat("present", 16), ...repeat("absent_excused", 2)]);
    const c = attendanceCounts(roster, m);
    expect(c.countedPresent).toBe(16);
    expect(attendanceRate(c)).toBeCloseTo(0.889, 3);
    expect(meetsQualityBar(c, 1, rules)).toEqual({ ok: true, reasons: [] });
  });

  it("15 present → 83.3%, fails", () => {
    const m = marks(roster, [...exempt2, ...repeat("present", 15), ...repeat("absent_excused", 3)]);
    const c = attendanceCounts(roster, m);
    expect(attendanceRate(c)).toBeCloseTo(0.833, 3);
    expect(meetsQualityBar(c, 1, rules)).toEqual({ ok: false, reasons: ["rate"] });
  });

  it("17 present and the absentee gave no reason → 94.4%, yet fails", () => {
    const m = marks(roster, [...exempt2, ...repeat("present", 17), "absent_unexcused"]);
    const c = attendanceCounts(roster, m);
    expect(attendanceRate(c)).toBeCloseTo(0.944, 3);
    expect(meetsQualityBar(c, 0, rules)).toEqual({ ok: false, reasons: ["unexcused"] });
  });

  it("an exempt member who attends is present but not in the denominator", () => {
    const m = marks(roster, [
      "present",
      "exempt",
      ...repeat("present", 16),
      ...repeat("absent_excused", 2),
    ]);
    const c = attendanceCounts(roster, m);
    expect(c).toMatchObject({ present: 17, countedPresent: 16, counted: 18 });
    expect(attendanceRate(c)).toBeCloseTo(16 / 18, 10);
  });
});

describe("attendanceCounts", () => {
  it("does not count special duty nor attached elsewhere, but shows them present when they come", () => {
    const roster = [
      member(1),
      member(2, { specialDuty: true }),
      member(3, { attachedElsewhere: true }),
      member(4, { status: "probationary" }),
    ];
    const c = attendanceCounts(
      roster,
      marks(roster, ["present", "present", "absent_unexcused", "late"]),
    );
    expect(c).toEqual({
      total: 4,
      official: 3,
      probationary: 1,
      exempt: 0,
      counted: 2,
      present: 3,
      countedPresent: 2,
      late: 1,
      excused: 0,
      unexcused: 0,
      unmarked: 0,
    });
  });

  it("counts late members as present", () => {
    const roster = cell(3);
    const c = attendanceCounts(roster, marks(roster, ["late", "late", "present"]));
    expect(c).toMatchObject({ present: 3, countedPresent: 3, late: 2 });
    expect(attendanceRate(c)).toBe(1);
  });

  it("leaves members without a mark unmarked, and so does an 'exempt' mark on a member not exempted", () => {
    const roster = cell(3);
    const c = attendanceCounts(roster, marks(roster, ["present", "exempt"]));
    expect(c).toMatchObject({ counted: 3, countedPresent: 1, unmarked: 2 });
  });

  it("ignores marks of people not on the roster", () => {
    const roster = cell(2);
    const m = marks(roster, ["present", "present"]);
    m.set("stranger", "present");
    expect(attendanceCounts(roster, m).present).toBe(2);
  });
});

describe("attendanceRate", () => {
  it("is null with nobody counted", () => {
    const roster = cell(2, 2);
    expect(
      attendanceRate(attendanceCounts(roster, marks(roster, ["present", "present"]))),
    ).toBeNull();
  });
});

describe("meetsQualityBar", () => {
  it.each([
    // [countedPresent, counted, ok]
    [17, 20, false], // exactly 85%: the bar is "> 85%"
    [18, 20, true],
    [86, 100, true],
    [85, 100, false],
    [6, 7, true], // 85.7%
    [5, 6, false], // 83.3%
    [1, 1, true],
  ])("%i of %i present → passes on rate: %s", (countedPresent, counted, ok) => {
    const c = counts({ counted, countedPresent, excused: counted - countedPresent });
    expect(meetsQualityBar(c, 0, rules).ok).toBe(ok);
  });

  it("fails with nobody counted", () => {
    expect(meetsQualityBar(counts({}), 0, rules)).toEqual({ ok: false, reasons: ["rate"] });
  });

  it.each([
    [3, true],
    [4, false],
  ])("a member absent with reason %i times in a row → ok %s", (run, ok) => {
    const c = counts({ counted: 10, countedPresent: 10 });
    expect(meetsQualityBar(c, run, rules)).toEqual({
      ok,
      reasons: ok ? [] : ["consecutive_excused"],
    });
  });

  it("gives every reason at once", () => {
    const c = counts({ counted: 10, countedPresent: 5, unexcused: 5 });
    expect(meetsQualityBar(c, 4, rules).reasons).toEqual([
      "rate",
      "unexcused",
      "consecutive_excused",
    ]);
  });

  it("follows the tenant's threshold", () => {
    const c = counts({ counted: 10, countedPresent: 9, excused: 1 });
    expect(meetsQualityBar(c, 0, resolveMeetingRules({ qualityRateThreshold: 0.9 })).ok).toBe(
      false,
    );
    expect(meetsQualityBar(c, 0, resolveMeetingRules({ qualityRateThreshold: 0.89 })).ok).toBe(
      true,
    );
  });
});

describe("meetsProgrammeTarget", () => {
  it.each([
    [19 / 20, true], // exactly 95%: the target is "≥ 95%"
    [18 / 20, false],
    [1, true],
    [null, false],
  ])("rate %s → %s", (rate, ok) => {
    expect(meetsProgrammeTarget(rate, rules)).toBe(ok);
  });
});

describe("quorum", () => {
  it.each([
    // [counted, needed]
    [18, 12],
    [3, 2],
    [9, 6],
    [10, 7],
    [1, 1],
    [0, 0],
  ])("%i counted → %i needed at 2/3", (counted, needed) => {
    expect(quorumNeeded(counts({ counted }), rules)).toBe(needed);
  });

  it("needs exactly 2/3, not a hair more (floating error)", () => {
    for (let n = 1; n <= 300; n++) {
      const k = quorumNeeded(counts({ counted: n }), rules);
      expect(3 * k >= 2 * n && 3 * (k - 1) < 2 * n).toBe(true);
    }
  });

  it("is met at 12 of 18 and not at 11", () => {
    expect(hasQuorum(counts({ counted: 18, countedPresent: 12 }), rules)).toBe(true);
    expect(hasQuorum(counts({ counted: 18, countedPresent: 11 }), rules)).toBe(false);
  });

  it("is not met with nobody counted", () => {
    expect(hasQuorum(counts({}), rules)).toBe(false);
  });

  it("does not count exempt members who attend", () => {
    const roster = cell(5, 2);
    const c = attendanceCounts(
      roster,
      marks(roster, ["present", "present", "present", "absent_excused", "absent_excused"]),
    );
    expect(c).toMatchObject({ present: 3, counted: 3, countedPresent: 1 });
    expect(hasQuorum(c, rules)).toBe(false);
  });

  it("follows the tenant's fraction", () => {
    const c = counts({ counted: 10, countedPresent: 6 });
    expect(hasQuorum(c, rules)).toBe(false);
    expect(hasQuorum(c, resolveMeetingRules({ quorumFraction: 0.5 }))).toBe(true);
  });
});

describe("votingBody (24-QĐ/TW §9.3.2)", () => {
  it("takes official members only", () => {
    const roster = [member(1), member(2), member(3, { status: "probationary" })];
    expect(votingBody(roster, marks(roster, ["present", "present", "present"]))).toBe(2);
  });

  it("leaves out those attached elsewhere, suspended, and absent with an accepted reason", () => {
    const roster = [
      member(1),
      member(2, { attachedElsewhere: true }),
      member(3, { suspended: true }),
      member(4),
      member(5),
      member(6),
    ];
    const m = marks(roster, [
      "present",
      "present",
      "present",
      "absent_excused",
      "absent_unexcused",
    ]);
    // 1 present, 5 absent without reason, 6 unmarked: all three stay in the body.
    expect(votingBody(roster, m)).toBe(3);
  });

  it("leaves out exempt members who are absent, keeps those who attend", () => {
    const roster = [
      member(1, { exempt: true }),
      member(2, { exempt: true }),
      member(3, { exempt: true }),
      member(4),
    ];
    expect(votingBody(roster, marks(roster, ["present", "late", "exempt", "present"]))).toBe(3);
  });

  it("keeps a member on special duty (not a ground in §9.3.2)", () => {
    const roster = [member(1, { specialDuty: true }), member(2)];
    expect(votingBody(roster, marks(roster, ["absent_unexcused", "present"]))).toBe(2);
  });
});

describe("resolutionPasses (Charter: more than half)", () => {
  it.each([
    [10, 6, true],
    [10, 5, false],
    [9, 5, true],
    [9, 4, false],
    [1, 1, true],
    [1, 0, false],
    [0, 0, false],
    [0, 1, false],
  ])("body %i, %i approve → %s", (body, approve, ok) => {
    expect(resolutionPasses({ votingBody: body, approve })).toBe(ok);
  });
});

// ---- properties ----

const statusArb = fc.option(fc.constantFrom(...ATTENDANCE_STATUSES), { nil: undefined });
const entryArb = fc.record({
  status: fc.constantFrom("official" as const, "probationary" as const),
  exempt: fc.boolean(),
  specialDuty: fc.boolean(),
  attachedElsewhere: fc.boolean(),
  suspended: fc.boolean(),
  mark: statusArb,
});
const meetingArb = fc.array(entryArb, { maxLength: 40 }).map((entries) => {
  const roster: RosterEntry[] = entries.map(({ mark: _mark, ...e }, i) => ({
    memberId: `m${i}`,
    ...e,
  }));
  const m = new Map<string, AttendanceStatus>();
  entries.forEach((e, i) => {
    if (e.mark !== undefined) m.set(`m${i}`, e.mark);
  });
  return { roster, marks: m };
});

describe("properties", () => {
  it("rate is in [0, 1], or null exactly when nobody is counted", () => {
    fc.assert(
      fc.property(meetingArb, ({ roster, marks: m }) => {
        const c = attendanceCounts(roster, m);
        const rate = attendanceRate(c);
        if (c.counted === 0) expect(rate).toBeNull();
        else {
          expect(rate).not.toBeNull();
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("counted ≤ total; the counted split adds up; present ≤ counted + uncounted who came", () => {
    fc.assert(
      fc.property(meetingArb, ({ roster, marks: m }) => {
        const c = attendanceCounts(roster, m);
        expect(c.counted).toBeLessThanOrEqual(c.total);
        expect(c.official + c.probationary).toBe(c.total);
        expect(c.countedPresent + c.excused + c.unexcused + c.unmarked).toBe(c.counted);
        expect(c.late).toBeLessThanOrEqual(c.present);
        const uncountedPresent = c.present - c.countedPresent;
        expect(uncountedPresent).toBeGreaterThanOrEqual(0);
        expect(uncountedPresent).toBeLessThanOrEqual(c.total - c.counted);
        expect(c.present).toBeLessThanOrEqual(c.counted + uncountedPresent);
      }),
    );
  });

  it("adding an exempt member, present or not, never changes the rate nor the quorum", () => {
    fc.assert(
      fc.property(meetingArb, statusArb, ({ roster, marks: m }, mark) => {
        const before = attendanceCounts(roster, m);
        const extra = member(999, { exempt: true });
        const m2 = new Map(m);
        if (mark !== undefined) m2.set(extra.memberId, mark);
        const after = attendanceCounts([...roster, extra], m2);
        expect(attendanceRate(after)).toBe(attendanceRate(before));
        expect(hasQuorum(after, rules)).toBe(hasQuorum(before, rules));
        expect(after.exempt).toBe(before.exempt + 1);
      }),
    );
  });

  it("quorum is monotone in the number present", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (counted, a, b, quorumFraction) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const r = { ...DEFAULT_MEETING_RULES, quorumFraction };
          const has = (p: number) =>
            hasQuorum(counts({ counted, countedPresent: Math.min(p, counted) }), r);
          if (has(lo)) expect(has(hi)).toBe(true);
        },
      ),
    );
  });

  it("quorumNeeded is the least k with k/counted ≥ fraction", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (n, f) => {
          const k = quorumNeeded(counts({ counted: n }), {
            ...DEFAULT_MEETING_RULES,
            quorumFraction: f,
          });
          expect(k / n).toBeGreaterThanOrEqual(f);
          expect((k - 1) / n).toBeLessThan(f);
        },
      ),
    );
  });

  it("resolutionPasses is monotone in approvals", () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(500), (body, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        if (resolutionPasses({ votingBody: body, approve: lo })) {
          expect(resolutionPasses({ votingBody: body, approve: hi })).toBe(true);
        }
      }),
    );
  });

  it("the voting body holds official members only, and never those suspended or attached elsewhere", () => {
    fc.assert(
      fc.property(meetingArb, ({ roster, marks: m }) => {
        const eligible = roster.filter(
          (r) => r.status === "official" && r.suspended !== true && r.attachedElsewhere !== true,
        ).length;
        const body = votingBody(roster, m);
        expect(body).toBeGreaterThanOrEqual(0);
        expect(body).toBeLessThanOrEqual(eligible);
      }),
    );
  });
});
