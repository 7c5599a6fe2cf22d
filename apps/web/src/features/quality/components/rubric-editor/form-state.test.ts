import {
  CAP_CONDITIONS,
  EVIDENCE_KEYS,
  HD42_WARD_REGULAR_RUBRIC,
  SHIPPED_RUBRICS,
  rubricSchema,
  type Band,
  type Rubric,
  type RubricCriterion,
} from "@chibo/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defaultMoveTarget,
  fromRubricForm,
  moveTargets,
  renameCriterion,
  renameGroup,
  toRubricForm,
  unshownErrors,
  withKind,
} from "./form-state";

const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/u);
const points = fc.integer({ min: 0, max: 200 }).map((n) => n / 2);

// Optional flags are either set or absent: the shape the editor and the shipped sheets write.
const flag = fc.option(fc.constant(true as const), { nil: undefined });
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const band: fc.Arbitrary<Band> = fc
  .record({
    from: fc.double({ min: -600, max: 600, noNaN: true }),
    points,
    above: flag,
    ofRequired: flag,
  })
  .map(compact);

const scoring: fc.Arbitrary<RubricCriterion["scoring"]> = fc.oneof(
  fc.constant({ kind: "yes_no" as const }),
  fc.constant({ kind: "points" as const }),
  fc
    .record({
      bands: fc.array(band, { minLength: 1, maxLength: 5 }),
      limit: fc.option(fc.record({ when: fc.constantFrom(...CAP_CONDITIONS), points }), {
        nil: undefined,
      }),
    })
    .map(({ bands, limit }) => compact({ kind: "bands" as const, bands, limit })),
);

const criterion: fc.Arbitrary<RubricCriterion> = fc
  .record({
    key,
    group: key,
    label: fc.string({ maxLength: 20 }),
    max: points,
    scoring,
    evidence: fc.option(fc.constantFrom(...EVIDENCE_KEYS), { nil: undefined }),
    onlyWhen: fc.option(fc.constant("thematic_month" as const), { nil: undefined }),
    mustFull: flag,
    needsReason: flag,
  })
  .map(compact);

/** Shipped sheets with their criteria, caps and thematic rule replaced by arbitrary ones. */
const rubric: fc.Arbitrary<Rubric> = fc
  .record({
    base: fc.constantFrom(...SHIPPED_RUBRICS),
    criteria: fc.array(criterion, { minLength: 1, maxLength: 8 }),
    thematicMonth: fc.oneof(
      fc.constant({ mode: "scale" as const }),
      key.map((to) => ({ mode: "move_to_regular" as const, to })),
    ),
    unitTypes: fc.constantFrom<Rubric["unitTypes"]>(null, ["administrative"]),
  })
  .map(({ base, ...rest }) => ({ ...base, ...rest }));

describe("the rubric editor's state", () => {
  it("gives back every shipped rubric unchanged", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHIPPED_RUBRICS), (r) => {
        expect(fromRubricForm(toRubricForm(r))).toEqual(r);
      }),
    );
    // Every part the editor now edits occurs in the shipped sheets.
    const all = JSON.stringify(SHIPPED_RUBRICS);
    for (const part of ['"onlyWhen"', '"above"', '"ofRequired"', '"limit"'])
      expect(all).toContain(part);
  });

  it("gives back any rubric, whatever its criteria and thematic rule", () => {
    fc.assert(
      fc.property(rubric, (r) => {
        expect(fromRubricForm(toRubricForm(r))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves the loaded rubric untouched while the state is edited", () => {
    const form = toRubricForm(HD42_WARD_REGULAR_RUBRIC);
    const first = form.criteria[0];
    if (first?.scoring.bands[0] === undefined) throw new Error("ward sheet starts with bands");
    first.scoring.bands[0].above = true;
    expect(HD42_WARD_REGULAR_RUBRIC.criteria[0]?.scoring).toEqual({
      kind: "bands",
      bands: [
        { from: 0, points: 5 },
        { from: -15, points: 4 },
        { from: -30, points: 3 },
        { from: 0.5, points: 2, ofRequired: true },
        { from: 0, points: 1, ofRequired: true },
      ],
    });
  });

  it("writes the new parts where rubricSchema reads them", () => {
    const form = toRubricForm(HD42_WARD_REGULAR_RUBRIC);
    form.thematicMonth = { mode: "move_to_regular", to: defaultMoveTarget(form) };
    const speakers = form.criteria.find((c) => c.key === "speakers");
    if (!speakers) throw new Error("ward sheet has speakers");
    speakers.scoring.limit = { when: "long_absence", points: 2 };
    const out = fromRubricForm(form);
    expect(out.thematicMonth).toEqual({ mode: "move_to_regular", to: "regular_content" });
    expect(out.criteria.find((c) => c.key === "speakers")?.scoring).toMatchObject({
      limit: { when: "long_absence", points: 2 },
    });
    expect(rubricSchema.safeParse(out).success).toBe(true);
  });

  it("forgets the target when the rule goes back to scaling, and the bands of another kind", () => {
    const form = toRubricForm(HD42_WARD_REGULAR_RUBRIC);
    form.thematicMonth = { mode: "scale", to: "regular_content" };
    const duration = form.criteria[0];
    if (!duration) throw new Error("ward sheet has a duration item");
    duration.scoring = withKind(duration.scoring, "points", duration.max);
    const out = fromRubricForm(form);
    expect(out.thematicMonth).toEqual({ mode: "scale" });
    expect(out.criteria[0]?.scoring).toEqual({ kind: "points" });
    // Back to bands: the ward sheet's five duration bands return.
    duration.scoring = withKind(duration.scoring, "bands", duration.max);
    expect(fromRubricForm(form).criteria[0]).toEqual(HD42_WARD_REGULAR_RUBRIC.criteria[0]);
  });

  it("starts a new band list with one band at full points", () => {
    const s = withKind({ kind: "yes_no", bands: [], limit: null }, "bands", 4);
    expect(s.bands).toEqual([{ from: 0, points: 4, above: false, ofRequired: false }]);
  });
});

describe("the thematic month's target", () => {
  it("offers only criteria scored every month and not by bands", () => {
    const form = toRubricForm(HD42_WARD_REGULAR_RUBRIC);
    const keys = moveTargets(form).map((c) => c.key);
    expect(keys).toContain("regular_content");
    expect(keys).not.toContain("thematic_content");
    expect(keys).not.toContain("speakers");
    // Whatever a rubric holds, the target offered first is one rubricSchema accepts.
    fc.assert(
      fc.property(rubric, (r) => {
        const f = toRubricForm(r);
        const to = defaultMoveTarget(f);
        if (to === "") return;
        const target = f.criteria.find((c) => c.key === to);
        expect(target?.onlyWhen).toBe(false);
        expect(target?.scoring.kind).not.toBe("bands");
      }),
    );
  });

  it("follows a criterion renamed, and criteria follow their group", () => {
    const form = toRubricForm(HD42_WARD_REGULAR_RUBRIC);
    form.thematicMonth = { mode: "move_to_regular", to: "regular_content" };
    const i = form.criteria.findIndex((c) => c.key === "regular_content");
    const renamed = renameCriterion(form, i, "noi_dung");
    expect(renamed.thematicMonth.to).toBe("noi_dung");
    expect(renameCriterion(form, 0, "other").thematicMonth.to).toBe("regular_content");
    const g = renameGroup(form, 0, "thoi_gian");
    expect(g.criteria.filter((c) => c.group === "thoi_gian").map((c) => c.key)).toEqual([
      "duration",
    ]);
    expect(rubricSchema.safeParse(fromRubricForm(g)).success).toBe(true);
  });
});

describe("unshownErrors", () => {
  it("keeps the issues no field shows", () => {
    expect(
      unshownErrors({
        "criteria.2.scoring.bands.1.ofRequired": "a",
        "criteria.0.scoring.limit.points": "b",
        "thematicMonth.to": "c",
        "criteria.3.onlyWhen": "d",
        "meetingKinds.1": "e",
        isDefault: "f",
      }),
    ).toEqual([
      ["meetingKinds.1", "e"],
      ["isDefault", "f"],
    ]);
  });
});
