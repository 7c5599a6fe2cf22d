import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attendanceCounts,
  attendanceRate,
  type AttendanceStatus,
  type RosterEntry,
} from "../meetings/attendance.js";
import {
  CAP_CONDITIONS,
  MEETING_LEVELS,
  levelRank,
  type CapCondition,
  type EvidenceValues,
  type MeetingLevel,
  type Rubric,
} from "./rubric.js";
import { HD12_DEFAULT_RUBRIC, HD42_WARD_REGULAR_RUBRIC, SHIPPED_RUBRICS } from "./rubrics.js";
import {
  applicableCriteria,
  capConditions,
  conditionHolds,
  levelByPoints,
  levelOf,
  overClaims,
  prefillAnswers,
  reasonProblems,
  scoreSheet,
  suggestFromEvidence,
} from "./score.js";

const ward = HD42_WARD_REGULAR_RUBRIC;
const wardStrict: Rubric = { ...ward, mustFullForTot: true };

/** Full points on every item of the sheet that counts this month. */
function fullAnswers(r: Rubric, facts: EvidenceValues): Record<string, number> {
  return Object.fromEntries(applicableCriteria(r, facts).map((a) => [a.criterion.key, a.max]));
}

function suggestion(r: Rubric, facts: EvidenceValues, key: string): number | null {
  const s = suggestFromEvidence(r, facts).find((x) => x.key === key);
  if (!s) throw new Error(`no suggestion for ${key}`);
  return s.points;
}

const THEMATIC: EvidenceValues = { thematic_month: true };

describe("levelOf", () => {
  it("reads the thresholds (Bình Thuận: 90, 70, 50)", () => {
    expect([100, 90, 89.5, 70, 69.5, 50, 49.5, 0].map((p) => levelOf(p, ward))).toEqual([
      "tot",
      "tot",
      "kha",
      "kha",
      "trung_binh",
      "trung_binh",
      "kem",
      "kem",
    ]);
  });

  it("denies Tốt without the must-full criteria only when the tenant switched it on", () => {
    expect(levelOf(95, ward, { mustFullMissing: ["speakers"] })).toBe("tot");
    expect(levelOf(95, wardStrict, { mustFullMissing: ["speakers"] })).toBe("kha");
    expect(levelOf(85, wardStrict, { mustFullMissing: ["speakers"] })).toBe("kha");
    expect(levelOf(95, wardStrict, { mustFullMissing: [] })).toBe("tot");
  });

  it("lets a cap win over any points, and never raises a level", () => {
    expect(levelOf(100, ward, { conditions: ["unexcused_absence"] })).toBe("kha");
    expect(levelOf(100, ward, { conditions: ["minutes_missing"] })).toBe("trung_binh");
    expect(levelOf(40, ward, { conditions: ["unexcused_absence"] })).toBe("kem");
    // A condition the rubric has no cap for changes nothing.
    expect(levelOf(100, ward, { conditions: ["duration_short"] })).toBe("tot");
  });
});

describe("conditions on the record", () => {
  it("reads HD12's bar as 'must exceed 85%' and knows nothing from missing figures", () => {
    expect(conditionHolds("attendance_below_quality_bar", ward, { attendance_rate: 0.85 })).toBe(
      true,
    );
    expect(conditionHolds("attendance_below_quality_bar", ward, { attendance_rate: 0.86 })).toBe(
      false,
    );
    expect(conditionHolds("attendance_below_quality_bar", ward, {})).toBeNull();
    expect(conditionHolds("unexcused_absence", ward, { unexcused_absences: 1 })).toBe(true);
    expect(conditionHolds("long_absence", ward, { long_absence: true })).toBe(true);
    expect(conditionHolds("not_held_on_schedule", ward, { held_on_schedule: false })).toBe(true);
    expect(conditionHolds("minutes_missing", ward, { minutes_kept: true })).toBe(false);
    expect(
      conditionHolds("duration_short", ward, { duration_minutes: 89, duration_required: 90 }),
    ).toBe(true);
    expect(conditionHolds("duration_short", ward, { duration_minutes: 89 })).toBeNull();
    expect(
      capConditions(ward, {
        attendance_rate: 0.5,
        unexcused_absences: 0,
        long_absence: null,
        held_on_schedule: false,
      }),
    ).toEqual(["attendance_below_quality_bar", "not_held_on_schedule"]);
  });
});

describe("suggestFromEvidence on the ward sheet (domain.md's table)", () => {
  it("duration: met 5; short ≤ 15 min 4; 15–30 min 3; half of required 2; less 1", () => {
    const at = (held: number, required = 90) =>
      suggestion(ward, { duration_minutes: held, duration_required: required }, "duration");
    expect([120, 90, 89, 75, 74, 60, 59, 45, 44, 0].map((m) => at(m))).toEqual([
      5, 5, 4, 4, 3, 3, 2, 2, 1, 1,
    ]);
    // 120 minutes required: half is 60.
    expect([120, 105, 104, 90, 89, 60, 59].map((m) => at(m, 120))).toEqual([5, 4, 3, 3, 2, 2, 1]);
    expect(suggestion(ward, { duration_minutes: 90 }, "duration")).toBeNull();
  });

  it("attendance: ≥ 90% 4; 75–< 90% 3; 65–< 75% 2; < 65% or any unexcused absence 1", () => {
    const at = (rate: number, unexcused = 0) =>
      suggestion(ward, { attendance_rate: rate, unexcused_absences: unexcused }, "attendance_rate");
    expect([1, 0.9, 0.89, 0.75, 0.74, 0.65, 0.64, 0].map((r) => at(r))).toEqual([
      4, 4, 3, 3, 2, 2, 1, 1,
    ]);
    expect(at(1, 1)).toBe(1);
  });

  it("members speaking: > 50% 5; 40–50% 4; 30–40% 3; < 30% 2", () => {
    const at = (share: number) => suggestion(ward, { speakers_share: share }, "speakers");
    expect([1, 0.51, 0.5, 0.4, 0.39, 0.3, 0.29, 0].map(at)).toEqual([5, 5, 4, 4, 3, 3, 2, 2]);
  });

  it("last month's targets: 90–100% 30; 80 27; 70 24; 60 20; 50 15; < 50% 10", () => {
    const at = (share: number) =>
      suggestion(ward, { last_targets_achieved: share }, "last_targets");
    expect([1, 0.9, 0.85, 0.7, 0.65, 0.5, 0.49].map(at)).toEqual([30, 30, 27, 24, 20, 15, 10]);
    expect(at(27 / 30)).toBe(30);
  });

  it("yes/no evidence: full or none, the right way round", () => {
    expect(suggestion(ward, { long_absence: false }, "no_long_absence")).toBe(1);
    expect(suggestion(ward, { long_absence: true }, "no_long_absence")).toBe(0);
    expect(suggestion(ward, { notice_sent: true }, "notice")).toBe(1);
    expect(suggestion(ward, { documents_before: false }, "documents_before")).toBe(0);
    expect(suggestion(HD12_DEFAULT_RUBRIC, { unexcused_absences: 0 }, "no_unexcused")).toBe(3);
    expect(suggestion(HD12_DEFAULT_RUBRIC, { unexcused_absences: 2 }, "no_unexcused")).toBe(0);
  });

  it("marks judgements and unknown figures, and leaves out the thematic item outside its month", () => {
    const s = suggestFromEvidence(ward, { notice_sent: true });
    expect(s.find((x) => x.key === "content_fit")).toEqual({
      key: "content_fit",
      points: null,
      max: 3,
      evidence: null,
      source: "judgement",
    });
    expect(s.find((x) => x.key === "steps")).toMatchObject({ points: null, source: "no_data" });
    expect(s.find((x) => x.key === "notice")).toMatchObject({
      points: 1,
      evidence: true,
      source: "evidence",
    });
    expect(s.map((x) => x.key)).not.toContain("thematic_content");
    expect(suggestFromEvidence(ward, THEMATIC).map((x) => x.key)).toContain("thematic_content");
    expect(prefillAnswers(ward, { notice_sent: true, speakers_share: 0.45 })).toEqual({
      notice: 1,
      speakers: 4,
    });
  });
});

describe("worked attendance examples of domain.md (20 members, 2 exempted)", () => {
  const roster: RosterEntry[] = Array.from({ length: 20 }, (_, i) => ({
    memberId: `m${i}`,
    status: "official",
    exempt: i < 2,
  }));
  function facts(present: number, unexcused: number): EvidenceValues {
    const marks = new Map<string, AttendanceStatus>();
    roster.forEach((m, i) => {
      if (i < 2) marks.set(m.memberId, "exempt");
      else if (i < 2 + present) marks.set(m.memberId, "present");
      else if (i < 2 + present + unexcused) marks.set(m.memberId, "absent_unexcused");
      else marks.set(m.memberId, "absent_excused");
    });
    const counts = attendanceCounts(roster, marks);
    expect(counts.counted).toBe(18);
    return {
      attendance_rate: attendanceRate(counts),
      unexcused_absences: counts.unexcused,
      long_absence: false,
      thematic_month: true,
    };
  }

  it("16 present → 88.9%: 3 of 4 on the ward sheet, 5 of 10 on the HD12 default, no cap", () => {
    const f = facts(16, 0);
    expect(f.attendance_rate).toBeCloseTo(0.889, 3);
    expect(suggestion(ward, f, "attendance_rate")).toBe(3);
    expect(suggestion(HD12_DEFAULT_RUBRIC, f, "attendance_rate")).toBe(5);
    const s = scoreSheet(ward, fullAnswers(ward, f), f);
    expect(s.capsApplied).toEqual([]);
    expect(s.level).toBe("tot");
  });

  it("15 present → 83.3%: fails HD12's bar, so the level is capped at Khá whatever the points", () => {
    const f = facts(15, 0);
    expect(f.attendance_rate).toBeCloseTo(0.833, 3);
    expect(suggestion(ward, f, "attendance_rate")).toBe(3);
    const s = scoreSheet(ward, fullAnswers(ward, f), f);
    expect(s.scaledTotal).toBe(100);
    expect(s.pointsLevel).toBe("tot");
    expect(s.capsApplied.map((c) => c.when)).toEqual(["attendance_below_quality_bar"]);
    expect(s.level).toBe("kha");
  });

  it("17 present and the absentee gave no reason → 94.4%, yet capped (1 point on the ward sheet)", () => {
    const f = facts(17, 1);
    expect(f.attendance_rate).toBeCloseTo(0.944, 3);
    expect(suggestion(ward, f, "attendance_rate")).toBe(1);
    const answers = { ...fullAnswers(ward, f), ...prefillAnswers(ward, f) };
    const s = scoreSheet(ward, answers, f);
    expect(s.total).toBe(97);
    expect(s.capsApplied.map((c) => c.when)).toEqual(["unexcused_absence"]);
    expect(s.level).toBe("kha");
    expect(overClaims(ward, f, fullAnswers(ward, f))).toEqual([
      { key: "attendance_rate", claimed: 4, supported: 1, evidence: f.attendance_rate },
    ]);
  });
});

describe("scoreSheet", () => {
  it("refuses answers out of range, off the half-point step, partial yes/no, unknown keys", () => {
    const s = scoreSheet(
      ward,
      {
        ...fullAnswers(ward, THEMATIC),
        duration: 6,
        speakers: -1,
        new_issues: 2.25,
        atmosphere: 1.5,
        invented: 3,
        last_targets: Number.NaN,
      },
      THEMATIC,
    );
    expect(s.problems).toEqual([
      { path: "items.invented.points", message: "Không có tiêu chí này trong bảng điểm" },
      { path: "items.duration.points", message: "Điểm không được vượt quá điểm tối đa (5)" },
      { path: "items.speakers.points", message: "Điểm không được âm" },
      { path: "items.new_issues.points", message: "Điểm chấm theo bước 0,5" },
      { path: "items.atmosphere.points", message: "Tiêu chí đạt/không đạt chỉ nhận 0 hoặc 3 điểm" },
      { path: "items.last_targets.points", message: "Điểm phải là một số" },
    ]);
    // Refused answers count nothing.
    expect(s.total).toBe(100 - 5 - 5 - 4 - 3 - 30);
    expect(s.items.find((i) => i.key === "duration")?.points).toBeNull();
  });

  it("lists missing items and counts them 0; a points item takes halves", () => {
    const r = HD12_DEFAULT_RUBRIC;
    const s = scoreSheet(r, { self_criticism: 2.5, democratic_centralism: 3 }, {});
    expect(s.problems).toEqual([]);
    expect(s.total).toBe(5.5);
    expect(s.missing).toHaveLength(r.criteria.length - 2);
    expect(s.groups.find((g) => g.key === "principles")).toMatchObject({ max: 10, points: 5.5 });
    expect(s.level).toBe("kem");
  });

  it("scales a month without thematic meeting out of 95 (domain.md), rounding down", () => {
    const answers = fullAnswers(ward, {});
    expect(scoreSheet(ward, answers, {})).toMatchObject({
      total: 95,
      max: 95,
      scaledTotal: 100,
      level: "tot",
    });
    // 85.5 of 95 is exactly 90; 85 of 95 is 89.47…, shown as 89.
    const less = (n: number) => ({ ...answers, last_targets: 30 - n });
    expect(scoreSheet(ward, less(9.5), {})).toMatchObject({ total: 85.5, scaledTotal: 90 });
    expect(scoreSheet(ward, less(9.5), {}).level).toBe("tot");
    expect(scoreSheet(ward, less(10), {})).toMatchObject({ scaledTotal: 89, level: "kha" });
    // An answer to the thematic item outside its month is refused unless it is 0.
    expect(scoreSheet(ward, { ...answers, thematic_content: 0 }, {}).problems).toEqual([]);
    expect(scoreSheet(ward, { ...answers, thematic_content: 5 }, {}).problems).toEqual([
      {
        path: "items.thematic_content.points",
        message: "Tiêu chí chỉ chấm trong tháng có sinh hoạt chuyên đề",
      },
    ]);
  });

  it("or moves the thematic points to the regular content, as the tenant chose", () => {
    const moved: Rubric = {
      ...ward,
      thematicMonth: { mode: "move_to_regular", to: "regular_content" },
    };
    const s = scoreSheet(moved, fullAnswers(moved, {}), {});
    expect(s.items.find((i) => i.key === "regular_content")?.max).toBe(15);
    expect(s).toMatchObject({ total: 100, max: 100, scaledTotal: 100 });
    expect(
      scoreSheet(moved, { ...fullAnswers(moved, {}), regular_content: 10 }, {}).problems,
    ).toEqual([
      {
        path: "items.regular_content.points",
        message: "Tiêu chí đạt/không đạt chỉ nhận 0 hoặc 15 điểm",
      },
    ]);
    expect(
      applicableCriteria(moved, THEMATIC).find((a) => a.criterion.key === "regular_content")?.max,
    ).toBe(10);
  });

  it("names the must-full criteria below full", () => {
    const answers = { ...fullAnswers(ward, THEMATIC), speakers: 3, minutes_book: 0 };
    const s = scoreSheet(wardStrict, answers, THEMATIC);
    expect(s.total).toBe(97);
    expect(s.mustFullMissing).toEqual(["speakers", "minutes_book"]);
    expect(s.pointsLevel).toBe("tot");
    expect(s.level).toBe("kha");
    expect(scoreSheet(ward, answers, THEMATIC).level).toBe("tot");
  });
});

describe("reasons", () => {
  it("needs one to depart from the record, and for a judgement below its maximum", () => {
    const facts: EvidenceValues = { notice_sent: true, speakers_share: 0.45 };
    expect(
      reasonProblems(ward, facts, {
        notice: { points: 0 },
        speakers: { points: 4 },
        content_fit: { points: 0, reason: "  " },
        flexible: { points: 2 },
        sums_up: { points: 0, reason: "Chưa tổng hợp thành kết luận" },
        documents_before: { points: 0 },
      }),
    ).toEqual([
      // In the rubric's order.
      { path: "items.content_fit.reason", message: "Cần ghi lý do khi chấm dưới điểm tối đa" },
      {
        path: "items.notice.reason",
        message: "Cần ghi lý do khi chấm khác điểm theo dữ liệu ghi nhận",
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const factsArb: fc.Arbitrary<EvidenceValues> = fc.record(
  {
    attendance_rate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    unexcused_absences: fc.option(fc.nat(5), { nil: null }),
    long_absence: fc.option(fc.boolean(), { nil: null }),
    duration_minutes: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    duration_required: fc.option(fc.constantFrom(90, 120, 60, 1), { nil: null }),
    held_on_schedule: fc.option(fc.boolean(), { nil: null }),
    agenda_steps_present: fc.option(fc.boolean(), { nil: null }),
    committee_meeting_before: fc.option(fc.boolean(), { nil: null }),
    notice_sent: fc.option(fc.boolean(), { nil: null }),
    documents_before: fc.option(fc.boolean(), { nil: null }),
    tasks_reviewed: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    speakers_share: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    resolution_with_tasks: fc.option(fc.boolean(), { nil: null }),
    minutes_signed_in_time: fc.option(fc.boolean(), { nil: null }),
    documents_after: fc.option(fc.boolean(), { nil: null }),
    last_targets_achieved: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    thematic_month: fc.option(fc.boolean(), { nil: null }),
    minutes_kept: fc.option(fc.boolean(), { nil: null }),
  },
  { requiredKeys: [] },
);

const rubricArb = fc.constantFrom(...SHIPPED_RUBRICS, wardStrict, {
  ...ward,
  thematicMonth: { mode: "move_to_regular", to: "regular_content" },
} satisfies Rubric);

/** Any answers at all: valid halves, out of range, fractions, NaN, unknown keys. */
function answersArb(r: Rubric): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof(
    fc.integer({ min: 0, max: 60 }).map((n) => n / 2),
    fc.double({ noNaN: false }),
    fc.integer({ min: -10, max: 1000 }),
    fc.constant("5"),
  );
  return fc
    .array(fc.tuple(fc.constantFrom(...r.criteria.map((c) => c.key), "unknown"), value))
    .map((entries) => Object.fromEntries(entries));
}

const levelArb = fc.constantFrom<MeetingLevel>(...MEETING_LEVELS);

describe("properties", () => {
  it("the total never exceeds the maximum, whatever the answers", () => {
    fc.assert(
      fc.property(
        rubricArb.chain((r) => fc.tuple(fc.constant(r), answersArb(r), factsArb)),
        ([r, answers, facts]) => {
          const s = scoreSheet(r, answers, facts);
          expect(s.total).toBeGreaterThanOrEqual(0);
          expect(s.total).toBeLessThanOrEqual(s.max);
          expect(s.max).toBeLessThanOrEqual(r.max);
          expect(s.scaledTotal).toBeLessThanOrEqual(r.max);
          for (const i of s.items) expect(i.points ?? 0).toBeLessThanOrEqual(i.max);
        },
      ),
    );
  });

  it("a cap always wins over points", () => {
    fc.assert(
      fc.property(
        rubricArb,
        fc.integer({ min: 0, max: 200 }).map((n) => n / 2),
        fc.subarray([...CAP_CONDITIONS]),
        fc.boolean(),
        (r, points, conditions, mustFullMet) => {
          const level = levelOf(points, r, {
            conditions,
            mustFullMissing: mustFullMet ? [] : ["speakers"],
          });
          expect(levelRank(level)).toBeLessThanOrEqual(levelRank(levelByPoints(points, r.levels)));
          for (const cap of r.caps)
            if (conditions.includes(cap.when))
              expect(levelRank(level)).toBeLessThanOrEqual(levelRank(cap.maxLevel));
        },
      ),
    );
  });

  it("a cap on the record holds even with every point given", () => {
    fc.assert(
      fc.property(
        rubricArb,
        factsArb,
        fc.constantFrom<CapCondition>(...CAP_CONDITIONS),
        (r, facts, condition) => {
          const f: EvidenceValues = { ...facts };
          if (condition === "attendance_below_quality_bar") f.attendance_rate = 0.5;
          if (condition === "unexcused_absence") f.unexcused_absences = 1;
          if (condition === "long_absence") f.long_absence = true;
          if (condition === "not_held_on_schedule") f.held_on_schedule = false;
          if (condition === "minutes_missing") f.minutes_kept = false;
          if (condition === "duration_short") {
            f.duration_minutes = 30;
            f.duration_required = 90;
          }
          const s = scoreSheet(r, fullAnswers(r, f), f);
          const cap = r.caps.find((c) => c.when === condition);
          if (cap) expect(levelRank(s.level)).toBeLessThanOrEqual(levelRank(cap.maxLevel));
        },
      ),
    );
  });

  it("thresholds are monotone: more points never give a lower level, all else equal", () => {
    const thresholds = fc
      .tuple(fc.nat(200), fc.nat(200), fc.nat(200))
      .map((t) => {
        const [tot = 0, kha = 0, trungBinh = 0] = t.map((n) => n / 2).sort((a, b) => b - a);
        return { tot, kha, trungBinh };
      })
      .filter((l) => l.tot > l.kha && l.kha > l.trungBinh);
    fc.assert(
      fc.property(
        rubricArb,
        fc.option(thresholds, { nil: undefined }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.subarray([...CAP_CONDITIONS]),
        fc.boolean(),
        (base, levels, p, q, conditions, mustFullMet) => {
          const r = levels ? { ...base, levels } : base;
          const opts = { conditions, mustFullMissing: mustFullMet ? [] : ["duration"] };
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          expect(levelRank(levelOf(lo, r, opts))).toBeLessThanOrEqual(
            levelRank(levelOf(hi, r, opts)),
          );
        },
      ),
    );
  });

  it("suggestFromEvidence never exceeds an item's maximum", () => {
    fc.assert(
      fc.property(rubricArb, factsArb, (r, facts) => {
        for (const s of suggestFromEvidence(r, facts)) {
          if (s.points === null) continue;
          expect(s.points).toBeGreaterThanOrEqual(0);
          expect(s.points).toBeLessThanOrEqual(s.max);
        }
      }),
    );
  });

  it("overClaims is empty when the answers are the suggestions, and the sheet accepts them", () => {
    fc.assert(
      fc.property(rubricArb, factsArb, (r, facts) => {
        const answers = prefillAnswers(r, facts);
        expect(overClaims(r, facts, answers)).toEqual([]);
        expect(scoreSheet(r, answers, facts).problems).toEqual([]);
        expect(
          reasonProblems(
            r,
            facts,
            Object.fromEntries(Object.entries(answers).map(([k, points]) => [k, { points }])),
          ),
        ).toEqual([]);
      }),
    );
  });

  it("flags exactly the items claimed above the record", () => {
    fc.assert(
      fc.property(rubricArb, factsArb, fc.nat(10), (r, facts, bump) => {
        const answers = prefillAnswers(r, facts);
        const keys = Object.keys(answers);
        fc.pre(keys.length > 0);
        const key = keys[bump % keys.length] ?? "";
        const claimed = { ...answers, [key]: (answers[key] ?? 0) + 0.5 };
        expect(overClaims(r, facts, claimed).map((c) => c.key)).toEqual([key]);
      }),
    );
  });

  it("any level may be capped to, and a cap at the level itself changes nothing", () => {
    fc.assert(
      fc.property(levelArb, fc.integer({ min: 0, max: 100 }), (level, points) => {
        const byPoints = levelByPoints(points, ward.levels);
        const capped = levelOf(
          points,
          {
            ...ward,
            caps: level === "tot" ? [] : [{ when: "long_absence", maxLevel: level, label: "x" }],
          },
          { conditions: ["long_absence"] },
        );
        expect(levelRank(capped)).toBe(Math.min(levelRank(byPoints), levelRank(level)));
      }),
    );
  });
});
