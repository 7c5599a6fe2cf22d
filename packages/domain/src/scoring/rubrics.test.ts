import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issuesOf } from "../contract/test-helpers.js";
import { rubricSchema, type EvidenceValues, type MeetingLevel, type Rubric } from "./rubric.js";
import {
  HD42_THEMATIC_RUBRIC,
  HD42_WARD_REGULAR_RUBRIC,
  PHU_THO_RUBRIC,
  SHIPPED_RUBRICS,
  rubricFor,
} from "./rubrics.js";
import { applicableCriteria, levelOf, scoreSheet } from "./score.js";

const ward = HD42_WARD_REGULAR_RUBRIC;

describe("shipped rubrics", () => {
  it.each(SHIPPED_RUBRICS.map((r) => [r.code, r] as const))("%s validates", (_code, r) => {
    expect(issuesOf(rubricSchema, r)).toEqual([]);
    expect(rubricSchema.parse(r)).toEqual(r);
  });

  it("are 100-point defaults with Bình Thuận's levels, unique codes, HD12's caps", () => {
    expect(new Set(SHIPPED_RUBRICS.map((r) => r.code)).size).toBe(SHIPPED_RUBRICS.length);
    for (const r of SHIPPED_RUBRICS) {
      expect(r).toMatchObject({
        max: 100,
        isDefault: true,
        mustFullForTot: false,
        qualityRate: 0.85,
        levels: { tot: 90, kha: 70, trungBinh: 50 },
      });
      expect(r.caps.map((c) => c.when)).toEqual(
        expect.arrayContaining([
          "attendance_below_quality_bar",
          "unexcused_absence",
          "long_absence",
        ]),
      );
    }
  });

  it("date the HD12 sheets to HD12's period and the HD42 sheets from 28/10/2025", () => {
    expect(SHIPPED_RUBRICS.map((r) => [r.code, r.validFrom, r.validTo])).toEqual([
      ["hd42-ward-regular", "2025-10-28", null],
      ["hd42-thematic-derived", "2025-10-28", null],
      ["hd12-default-regular", "2018-07-06", "2025-10-27"],
      ["phu-tho-bloc-regular", "2018-07-06", "2025-10-27"],
      ["hd12-thematic-derived", "2018-07-06", "2025-10-27"],
    ]);
  });
});

describe("the ward's HD42 sheet is domain.md's table, item by item", () => {
  it("has the eight blocks with their maxima", () => {
    expect(ward.groups.map((g) => [g.key, g.max])).toEqual([
      ["time", 5],
      ["attendance", 5],
      ["preparation", 10],
      ["conduct", 30],
      ["chairing", 10],
      ["principles", 5],
      ["results", 30],
      ["closing", 5],
    ]);
  });

  it("has every item with its maximum and way of scoring", () => {
    expect(ward.criteria.map((c) => [c.group, c.max, c.scoring.kind])).toEqual([
      ["time", 5, "bands"],
      ["attendance", 4, "bands"],
      ["attendance", 1, "yes_no"],
      ["preparation", 3, "yes_no"],
      ["preparation", 2, "yes_no"],
      ["preparation", 2, "yes_no"],
      ["preparation", 1, "yes_no"],
      ["preparation", 2, "yes_no"],
      ["conduct", 5, "yes_no"],
      ["conduct", 10, "yes_no"],
      ["conduct", 5, "yes_no"],
      ["conduct", 2, "yes_no"],
      ["conduct", 5, "bands"],
      ["conduct", 1, "yes_no"],
      ["conduct", 1, "yes_no"],
      ["conduct", 1, "yes_no"],
      ["chairing", 2, "yes_no"],
      ["chairing", 4, "yes_no"],
      ["chairing", 3, "yes_no"],
      ["chairing", 1, "yes_no"],
      ["principles", 1, "yes_no"],
      ["principles", 2, "yes_no"],
      ["principles", 1, "yes_no"],
      ["principles", 1, "yes_no"],
      ["results", 30, "bands"],
      ["closing", 2, "yes_no"],
      ["closing", 2, "yes_no"],
      ["closing", 1, "yes_no"],
    ]);
    const bands = (key: string) => {
      const s = ward.criteria.find((c) => c.key === key)?.scoring;
      return s?.kind === "bands" ? s : null;
    };
    expect(bands("attendance_rate")).toEqual({
      kind: "bands",
      bands: [
        { from: 0.9, points: 4 },
        { from: 0.75, points: 3 },
        { from: 0.65, points: 2 },
        { from: 0, points: 1 },
      ],
      limit: { when: "unexcused_absence", points: 1 },
    });
    expect(bands("last_targets")?.bands.map((b) => [b.from, b.points])).toEqual([
      [0.9, 30],
      [0.8, 27],
      [0.7, 24],
      [0.6, 20],
      [0.5, 15],
      [0, 10],
    ]);
    expect(bands("speakers")?.bands).toEqual([
      { from: 0.5, points: 5, above: true },
      { from: 0.4, points: 4 },
      { from: 0.3, points: 3 },
      { from: 0, points: 2 },
    ]);
  });

  it("counts the thematic item only in its month, and scales the other months", () => {
    expect(ward.criteria.filter((c) => c.onlyWhen).map((c) => [c.key, c.max])).toEqual([
      ["thematic_content", 5],
    ]);
    expect(ward.thematicMonth).toEqual({ mode: "scale" });
    const sum = (facts: EvidenceValues) =>
      applicableCriteria(ward, facts).reduce((s, a) => s + a.max, 0);
    expect(sum({ thematic_month: true })).toBe(100);
    expect(sum({ thematic_month: false })).toBe(95);
  });

  it("marks Bình Thuận's four (attendance rate, duration, members speaking, minutes)", () => {
    expect(ward.criteria.filter((c) => c.mustFull).map((c) => c.key)).toEqual([
      "duration",
      "attendance_rate",
      "speakers",
      "minutes_book",
    ]);
  });

  it("asks a reason for every judgement below full, and names evidence for the rest", () => {
    for (const c of ward.criteria)
      expect(c.evidence !== undefined || c.needsReason === true).toBe(true);
  });
});

describe("the other shipped sheets", () => {
  it("Phú Thọ: preparation 15, attendance 20, conduct 45, closing 20", () => {
    expect(PHU_THO_RUBRIC.groups.map((g) => g.max)).toEqual([15, 20, 45, 20]);
    expect(PHU_THO_RUBRIC.meetingKinds).toEqual(["regular"]);
  });

  it("the thematic sheet: same eight blocks as the ward sheet, every item always counted", () => {
    expect(HD42_THEMATIC_RUBRIC.groups.map((g) => g.key)).toEqual(ward.groups.map((g) => g.key));
    expect(HD42_THEMATIC_RUBRIC.meetingKinds).toEqual(["thematic"]);
    expect(HD42_THEMATIC_RUBRIC.criteria.some((c) => c.onlyWhen)).toBe(false);
    expect(HD42_THEMATIC_RUBRIC.criteria.filter((c) => c.mustFull).map((c) => c.key)).toEqual([
      "duration",
      "attendance_rate",
      "speakers",
      "minutes_book",
    ]);
  });

  it("every sheet has its four must-full criteria", () => {
    for (const r of SHIPPED_RUBRICS) expect(r.criteria.filter((c) => c.mustFull)).toHaveLength(4);
  });
});

// domain.md "Worked examples (must hold for the 100-point level rule)".
const WORKED: [number, boolean | null, MeetingLevel][] = [
  [93, true, "tot"],
  [95, false, "kha"],
  [90, true, "tot"],
  [89.5, true, "kha"],
  [70, null, "kha"],
  [69.5, null, "trung_binh"],
  [50, null, "trung_binh"],
  [49, null, "kem"],
];

describe("worked examples of the 100-point level rule", () => {
  const withSwitch = SHIPPED_RUBRICS.map((r) => [r.code, { ...r, mustFullForTot: true }] as const);

  it.each(withSwitch)("hold exactly on %s with Bình Thuận's must-full switch on", (_c, r) => {
    for (const [total, fourFull, level] of WORKED) {
      const opts = { mustFullMissing: fourFull === false ? ["speakers"] : [] };
      expect([total, levelOf(total, r, opts)]).toEqual([total, level]);
      if (fourFull === null)
        expect(levelOf(total, r, { mustFullMissing: ["speakers"] })).toBe(level);
    }
  });

  it.each(SHIPPED_RUBRICS.map((r) => [r.code, r] as const))(
    "on %s as shipped (switch off), 95 without the four is Tốt; the rest as the table",
    (_c, r) => {
      for (const [total, fourFull, level] of WORKED) {
        const opts = { mustFullMissing: fourFull === false ? ["speakers"] : [] };
        expect(levelOf(total, r, opts)).toBe(fourFull === false ? "tot" : level);
      }
    },
  );

  /** Answers on the ward sheet in a thematic month: `drop` points taken from the given items. */
  function answers(r: Rubric, drop: Record<string, number>): Record<string, number> {
    return Object.fromEntries(
      applicableCriteria(r, { thematic_month: true }).map((a) => [
        a.criterion.key,
        a.max - (drop[a.criterion.key] ?? 0),
      ]),
    );
  }

  it("hold through whole score sheets on the ward sheet with the switch on", () => {
    const strict: Rubric = { ...ward, mustFullForTot: true };
    const facts: EvidenceValues = { thematic_month: true };
    // Points taken off a full sheet: yes/no items lose all their points, banded items any halves.
    const cases: [Record<string, number>, number, MeetingLevel][] = [
      // 93 with the four at full: results 24 of 30, the ideology item missed.
      [{ last_targets: 6, ideology_time: 1 }, 93, "tot"],
      // 95 without the four: members speaking 2 of 5 (the table's "6/10" on a 10-point item).
      [{ speakers: 3, documents_app: 1, character: 1 }, 95, "kha"],
      [{ last_targets: 10 }, 90, "tot"],
      [{ last_targets: 10.5 }, 89.5, "kha"],
      [{ last_targets: 20, regular_content: 10 }, 70, "kha"],
      [{ last_targets: 20.5, regular_content: 10 }, 69.5, "trung_binh"],
      [
        {
          last_targets: 30,
          regular_content: 10,
          new_issues: 4,
          atmosphere: 3,
          discussion_guide: 2,
          sums_up: 1,
        },
        50,
        "trung_binh",
      ],
      [
        {
          last_targets: 30,
          regular_content: 10,
          new_issues: 4,
          atmosphere: 3,
          discussion_guide: 2,
          sums_up: 1,
          ideology_time: 1,
        },
        49,
        "kem",
      ],
    ];
    for (const [drop, total, level] of cases) {
      const s = scoreSheet(strict, answers(strict, drop), facts);
      expect(s.problems).toEqual([]);
      expect([s.total, s.scaledTotal, s.level]).toEqual([total, total, level]);
    }
    const speakingShort = scoreSheet(
      strict,
      answers(strict, { speakers: 3, documents_app: 1, character: 1 }),
      facts,
    );
    expect(speakingShort.mustFullMissing).toEqual(["speakers"]);
    expect(speakingShort.pointsLevel).toBe("tot");
  });
});

describe("rubricFor: the rubric in force on the meeting's date", () => {
  it("switches from HD12's to HD42's sheet on 28/10/2025", () => {
    expect(rubricFor("regular", "residential", "2025-10-27", SHIPPED_RUBRICS)?.code).toBe(
      "hd12-default-regular",
    );
    expect(rubricFor("regular", "residential", "2025-10-28", SHIPPED_RUBRICS)?.code).toBe(
      "hd42-ward-regular",
    );
    expect(rubricFor("regular", null, "2018-07-06", SHIPPED_RUBRICS)?.code).toBe(
      "hd12-default-regular",
    );
    expect(rubricFor("regular", null, "2018-07-05", SHIPPED_RUBRICS)).toBeNull();
    expect(rubricFor("thematic", "administrative", "2026-03-10", SHIPPED_RUBRICS)?.code).toBe(
      "hd42-thematic-derived",
    );
    expect(rubricFor("thematic", "administrative", "2024-03-10", SHIPPED_RUBRICS)?.code).toBe(
      "hd12-thematic-derived",
    );
    expect(rubricFor("thematic", "administrative", "2025-10-27", SHIPPED_RUBRICS)?.code).toBe(
      "hd12-thematic-derived",
    );
    expect(rubricFor("forum", "administrative", "2026-03-10", SHIPPED_RUBRICS)).toBeNull();
  });

  const own: Rubric = {
    ...ward,
    code: "tinh-x-regular",
    isDefault: false,
    validFrom: "2026-01-01",
  };

  it("prefers a province's own to a shipped default, from its first day only", () => {
    const list = [...SHIPPED_RUBRICS, own];
    expect(rubricFor("regular", "residential", "2025-12-31", list)?.code).toBe("hd42-ward-regular");
    expect(rubricFor("regular", "residential", "2026-01-01", list)?.code).toBe("tinh-x-regular");
  });

  it("prefers one for the unit's type to one for every type", () => {
    const villages: Rubric = { ...own, code: "tinh-x-village", unitTypes: ["residential"] };
    const list = [own, villages];
    expect(rubricFor("regular", "residential", "2026-02-01", list)?.code).toBe("tinh-x-village");
    expect(rubricFor("regular", "administrative", "2026-02-01", list)?.code).toBe("tinh-x-regular");
    expect(rubricFor("regular", null, "2026-02-01", [villages])).toBeNull();
  });

  it("keeps old meetings on the old version when a revision starts later", () => {
    const v1: Rubric = { ...own, validTo: null };
    const v2: Rubric = {
      ...own,
      version: 2,
      validFrom: "2026-07-01",
      levels: { tot: 85, kha: 65, trungBinh: 50 },
    };
    const list = [v2, v1];
    expect(rubricFor("regular", null, "2026-06-30", list)?.version).toBe(1);
    expect(rubricFor("regular", null, "2026-07-01", list)?.version).toBe(2);
    // A correction in force from the same day: the higher version.
    const fix: Rubric = { ...v1, version: 3 };
    expect(rubricFor("regular", null, "2026-03-01", [v1, fix])?.version).toBe(3);
    // validTo is inclusive.
    const closed: Rubric = { ...v1, validTo: "2026-03-31" };
    expect(rubricFor("regular", null, "2026-03-31", [closed])?.version).toBe(1);
    expect(rubricFor("regular", null, "2026-04-01", [closed])).toBeNull();
  });

  it("picks a rubric that applies, and one no other applicable rubric is preferred to", () => {
    const dates = fc
      .date({ min: new Date("2017-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom("regular", "thematic", "forum" as const),
        fc.constantFrom("residential", "administrative", null),
        dates,
        fc.shuffledSubarray([...SHIPPED_RUBRICS, own]),
        (kind, type, date, list) => {
          const r = rubricFor(kind, type, date, list);
          const applying = list.filter(
            (x) =>
              x.meetingKinds.includes(kind) &&
              (x.unitTypes === null || (type !== null && x.unitTypes.includes(type))) &&
              x.validFrom <= date &&
              (x.validTo === null || date <= x.validTo),
          );
          if (applying.length === 0) expect(r).toBeNull();
          else {
            expect(applying).toContain(r);
            if (applying.some((x) => !x.isDefault)) expect(r?.isDefault).toBe(false);
          }
        },
      ),
    );
  });
});
