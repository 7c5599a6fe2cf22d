import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issuePaths, issuesOf } from "../contract/test-helpers.js";
import {
  EVIDENCE_KEYS,
  EVIDENCE_MEASURES,
  MEETING_LEVELS,
  evidenceValuesSchema,
  formatPoints,
  isHalfStep,
  levelRank,
  rubricProblems,
  rubricSchema,
  type Rubric,
  type RubricCriterion,
} from "./rubric.js";
import { HD42_WARD_REGULAR_RUBRIC } from "./rubrics.js";

/** The element at `i`, which the test knows is there. */
function item<T>(list: readonly T[], i: number): T {
  const x = list[i];
  if (x === undefined) throw new Error(`nothing at ${i}`);
  return x;
}

/** A fresh copy of the ward sheet to spoil in one place. */
function sheet(): Rubric {
  return structuredClone(HD42_WARD_REGULAR_RUBRIC);
}

function criterion(r: Rubric, key: string): RubricCriterion {
  const c = r.criteria.find((x) => x.key === key);
  if (!c) throw new Error(`no criterion ${key}`);
  return c;
}

const indexOf = (r: Rubric, key: string) => r.criteria.findIndex((c) => c.key === key);
const groupIndex = (r: Rubric, key: string) => r.groups.findIndex((g) => g.key === key);

describe("vocabulary", () => {
  it("gives every evidence key a measure, and levels rank best first", () => {
    expect(Object.keys(EVIDENCE_MEASURES).sort()).toEqual([...EVIDENCE_KEYS].sort());
    expect(MEETING_LEVELS.map(levelRank)).toEqual([3, 2, 1, 0]);
    expect(isHalfStep(2.5)).toBe(true);
    expect(isHalfStep(2.25)).toBe(false);
    expect(formatPoints(89.5)).toBe("89,5");
  });

  it("validates a meeting's figures", () => {
    expect(
      evidenceValuesSchema.safeParse({
        attendance_rate: 16 / 18,
        unexcused_absences: 0,
        long_absence: false,
        duration_minutes: 95,
        duration_required: 90,
        thematic_month: null,
      }).success,
    ).toBe(true);
    expect(issuePaths(evidenceValuesSchema, { attendance_rate: 1.2 })).toEqual(["attendance_rate"]);
    expect(issuePaths(evidenceValuesSchema, { unexcused_absences: 1.5 })).toEqual([
      "unexcused_absences",
    ]);
    expect(issuePaths(evidenceValuesSchema, { guessed: true })).toEqual([""]);
  });
});

describe("rubricSchema refuses, naming the field", () => {
  it("accepts the ward sheet as it is", () => {
    expect(issuesOf(rubricSchema, sheet())).toEqual([]);
  });

  it("overlapping thresholds", () => {
    const r = sheet();
    r.levels = { tot: 90, kha: 90, trungBinh: 50 };
    expect(issuesOf(rubricSchema, r)).toEqual([
      {
        path: "levels.kha",
        code: "custom",
        message: "Ngưỡng xếp loại chồng lên nhau: ngưỡng Khá phải thấp hơn ngưỡng Tốt",
      },
    ]);
    r.levels = { tot: 90, kha: 70, trungBinh: 75 };
    expect(issuePaths(rubricSchema, r)).toEqual(["levels.trungBinh"]);
    r.levels = { tot: 100.5, kha: 70, trungBinh: 50 };
    expect(issuePaths(rubricSchema, r)).toEqual(["levels.tot"]);
  });

  it("a group whose maximum is not the sum of its criteria", () => {
    const r = sheet();
    item(r.groups, groupIndex(r, "preparation")).max = 12;
    expect(issuesOf(rubricSchema, r)).toEqual([
      {
        path: `groups.${groupIndex(r, "preparation")}.max`,
        code: "custom",
        message: "Điểm tối đa của nhóm (12) khác tổng điểm các tiêu chí của nhóm (10)",
      },
    ]);
  });

  it("criteria that do not add up to the rubric's maximum", () => {
    const r = sheet();
    criterion(r, "notice").max = 1.5;
    expect(issuePaths(rubricSchema, r)).toEqual([
      `groups.${groupIndex(r, "preparation")}.max`,
      "max",
    ]);
    expect(issuesOf(rubricSchema, r)[1]?.message).toBe(
      "Tổng điểm các tiêu chí (100,5) khác điểm tối đa của bảng điểm (100)",
    );
  });

  it("duplicate keys", () => {
    const r = sheet();
    criterion(r, "ideology_time").key = "documents_app";
    expect(issuesOf(rubricSchema, r)).toEqual([
      {
        path: `criteria.${indexOf(r, "documents_app") + 1}.key`,
        code: "custom",
        message: "Mã tiêu chí «documents_app» bị trùng",
      },
    ]);
    const g = sheet();
    item(g.groups, 1).key = "time";
    // The group is duplicated; its criteria now belong to nobody and the sums break too.
    expect(issuePaths(rubricSchema, g)).toContain("groups.1.key");
  });

  it("a criterion in no group", () => {
    const r = sheet();
    const i = indexOf(r, "notice");
    item(r.criteria, i).group = "nowhere";
    expect(issuePaths(rubricSchema, r)).toContain(`criteria.${i}.group`);
  });

  it("bands above the item's maximum, out of order or out of range", () => {
    const r = sheet();
    const i = indexOf(r, "attendance_rate");
    item(r.criteria, i).scoring = {
      kind: "bands",
      bands: [
        { from: 0.9, points: 5 },
        { from: 0.95, points: 3 },
        { from: 0.5, points: 4 },
        { from: 1.5, points: 1 },
      ],
    };
    expect(issuePaths(rubricSchema, r)).toEqual([
      `criteria.${i}.scoring.bands.0.points`,
      `criteria.${i}.scoring.bands.1.from`,
      `criteria.${i}.scoring.bands.2.points`,
      `criteria.${i}.scoring.bands.3.from`,
      `criteria.${i}.scoring.bands.3.from`,
    ]);
  });

  it("a share of the required duration on anything but the duration", () => {
    const r = sheet();
    const i = indexOf(r, "speakers");
    item(r.criteria, i).scoring = {
      kind: "bands",
      bands: [{ from: 0.5, points: 5, ofRequired: true }],
    };
    expect(issuePaths(rubricSchema, r)).toEqual([`criteria.${i}.scoring.bands.0.ofRequired`]);
  });

  it("evidence that does not fit the way the item is scored", () => {
    const r = sheet();
    const i = indexOf(r, "notice");
    item(r.criteria, i).evidence = "attendance_rate";
    expect(issuePaths(rubricSchema, r)).toEqual([`criteria.${i}.evidence`]);
    item(r.criteria, i).evidence = "thematic_month";
    expect(issuesOf(rubricSchema, r)[0]?.message).toBe(
      "Dữ liệu này không dùng để chấm một tiêu chí",
    );
    const b = sheet();
    const j = indexOf(b, "speakers");
    item(b.criteria, j).evidence = "notice_sent";
    expect(issuePaths(rubricSchema, b)).toEqual([`criteria.${j}.evidence`]);
  });

  it("moving the thematic points to an item that cannot take them", () => {
    const r = sheet();
    r.thematicMonth = { mode: "move_to_regular", to: "nothing" };
    expect(issuePaths(rubricSchema, r)).toEqual(["thematicMonth.to"]);
    r.thematicMonth = { mode: "move_to_regular", to: "thematic_content" };
    expect(issuePaths(rubricSchema, r)).toEqual(["thematicMonth.to"]);
    r.thematicMonth = { mode: "move_to_regular", to: "speakers" };
    expect(issuePaths(rubricSchema, r)).toEqual(["thematicMonth.to"]);
    r.thematicMonth = { mode: "move_to_regular", to: "regular_content" };
    expect(issuePaths(rubricSchema, r)).toEqual([]);
  });

  it("dates out of order, repeated values, a repeated cap", () => {
    const r = sheet();
    r.validTo = "2025-01-01";
    r.meetingKinds = ["regular", "regular"];
    r.caps = [...r.caps, { ...item(r.caps, 0) }];
    expect(issuePaths(rubricSchema, r)).toEqual([
      "validTo",
      "meetingKinds.1",
      `caps.${r.caps.length - 1}.when`,
    ]);
  });

  it("reports every issue at once, field errors and cross-field rules together", () => {
    const r: Record<string, unknown> = { ...sheet(), version: 0, extra: 1 };
    r.levels = { tot: 60, kha: 70, trungBinh: 50 };
    const paths = issuePaths(rubricSchema, r);
    expect(paths).toEqual(expect.arrayContaining(["version", "", "levels.kha"]));
  });

  it("refuses a half-point step, negative points and unknown kinds", () => {
    const r = sheet();
    const i = indexOf(r, "notice");
    item(r.criteria, i).max = 0.25;
    expect(issuePaths(rubricSchema, r)).toContain(`criteria.${i}.max`);
    const k = structuredClone(HD42_WARD_REGULAR_RUBRIC) as unknown as {
      criteria: { scoring: unknown }[];
    };
    item(k.criteria, 0).scoring = { kind: "stars" };
    expect(issuePaths(rubricSchema, k)).toContain("criteria.0.scoring.kind");
  });

  it("survives any shape (the cross-field rules check their own inputs)", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(() => rubricProblems(v)).not.toThrow();
        expect(() => rubricSchema.safeParse(v)).not.toThrow();
      }),
    );
  });
});

describe("properties of rubricSchema", () => {
  const half = fc.integer({ min: 0, max: 200 }).map((n) => n / 2);

  it("accepts thresholds exactly when they strictly decrease and Tốt fits under the maximum", () => {
    fc.assert(
      fc.property(half, half, half, (tot, kha, trungBinh) => {
        const r = sheet();
        r.levels = { tot, kha, trungBinh };
        const paths = issuePaths(rubricSchema, r);
        const ok = tot > kha && kha > trungBinh;
        expect(paths.filter((p) => p !== "levels.tot").length === 0).toBe(ok);
        if (!(tot > kha)) expect(paths).toContain("levels.kha");
        if (!(kha > trungBinh)) expect(paths).toContain("levels.trungBinh");
        expect(paths.includes("levels.tot")).toBe(tot > 100);
      }),
    );
  });

  it("refuses any change of one criterion's maximum, at its group and at the total", () => {
    const keys = HD42_WARD_REGULAR_RUBRIC.criteria.map((c) => c.key);
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.integer({ min: -4, max: 8 }).filter((d) => d !== 0),
        (key, delta) => {
          const r = sheet();
          const c = criterion(r, key);
          fc.pre(c.max + delta / 2 > 0);
          c.max += delta / 2;
          const paths = issuePaths(rubricSchema, r);
          expect(paths).toContain(`groups.${groupIndex(r, c.group)}.max`);
          expect(paths).toContain("max");
        },
      ),
    );
  });

  it("refuses any duplicated criterion key at the later one", () => {
    const n = HD42_WARD_REGULAR_RUBRIC.criteria.length;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: 0, max: n - 1 }),
        (a, b) => {
          fc.pre(a !== b);
          const r = sheet();
          item(r.criteria, Math.max(a, b)).key = item(r.criteria, Math.min(a, b)).key;
          expect(issuePaths(rubricSchema, r)).toContain(`criteria.${Math.max(a, b)}.key`);
        },
      ),
    );
  });
});
