import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits.js";
import { UNIT_LEVELS, UNIT_TYPES } from "../org/tree.js";
import {
  createUnitInput,
  listUnitsQuery,
  meetingDay,
  moveUnitInput,
  updateUnitInput,
} from "./units.js";
import { issuePaths, issuesOf } from "./test-helpers.js";

const PARENT = "0b6c5a0e-8a3c-4f5e-9d2a-1f2e3d4c5b6a";
const valid = { parentId: PARENT, name: "Chi bộ Thôn 1", level: "cell" } as const;

describe("createUnitInput", () => {
  it("accepts the required fields alone", () => {
    expect(createUnitInput.parse(valid)).toEqual(valid);
  });

  it("accepts every level and unit type", () => {
    for (const level of UNIT_LEVELS) {
      expect(createUnitInput.safeParse({ ...valid, level }).success, level).toBe(true);
    }
    for (const unitType of [...UNIT_TYPES, null]) {
      expect(createUnitInput.safeParse({ ...valid, unitType }).success, String(unitType)).toBe(
        true,
      );
    }
  });

  it.each([1, 3, 28, 31, null])("accepts meeting day %j", (day) => {
    expect(createUnitInput.parse({ ...valid, meetingDay: day }).meetingDay).toBe(day);
  });

  it.each([0, 32, 40, -1, 1.5, "3", Number.NaN])("rejects meeting day %j at meetingDay", (day) => {
    expect(issuePaths(createUnitInput, { ...valid, meetingDay: day })).toEqual(["meetingDay"]);
  });

  it("says why a day outside 1..31 is refused", () => {
    for (const day of [0, 32]) {
      expect(issuesOf(createUnitInput, { ...valid, meetingDay: day })).toEqual([
        expect.objectContaining({ path: "meetingDay", message: "Ngày sinh hoạt từ 1 đến 31" }),
      ]);
    }
  });

  it("accepts an integer meeting day iff it is 1 to 31", () => {
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 60 }), (day) => {
        expect(meetingDay.safeParse(day).success).toBe(day >= 1 && day <= 31);
      }),
    );
  });

  it("trims the name and turns an empty code into null", () => {
    expect(createUnitInput.parse({ ...valid, name: "  Chi bộ 2 ", code: " " })).toEqual({
      ...valid,
      name: "Chi bộ 2",
      code: null,
    });
  });

  it.each([
    ["name", "   "],
    ["name", "x".repeat(LIMITS.name + 1)],
    ["code", "x".repeat(LIMITS.code + 1)],
    ["level", "village"],
    ["unitType", "farm"],
    ["parentId", "root"],
  ])("rejects %s %j at its path", (field, value) => {
    expect(issuePaths(createUnitInput, { ...valid, [field]: value })).toEqual([field]);
  });

  it("rejects an unknown field and names it", () => {
    const result = createUnitInput.safeParse({ ...valid, active: false });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["active"], path: [] }),
    ]);
  });

  it("reports every issue at once", () => {
    expect(issuePaths(createUnitInput, { ...valid, name: "", meetingDay: 32 })).toEqual([
      "name",
      "meetingDay",
    ]);
    expect(
      issuePaths(createUnitInput, {
        parentId: "x",
        name: "",
        level: "x",
        meetingDay: 0,
        kind: "cell",
      }),
    ).toEqual(["parentId", "name", "level", "meetingDay", ""]);
  });
});

describe("updateUnitInput", () => {
  it("accepts an empty change and clearing optional fields", () => {
    expect(updateUnitInput.parse({})).toEqual({});
    expect(updateUnitInput.parse({ meetingDay: null, unitType: null, code: "" })).toEqual({
      meetingDay: null,
      unitType: null,
      code: null,
    });
  });

  it("rejects a bad day, a blank name and a level change together", () => {
    expect(issuePaths(updateUnitInput, { meetingDay: 32, name: " ", level: "cell" })).toEqual([
      "name",
      "meetingDay",
      "",
    ]);
  });
});

describe("moveUnitInput", () => {
  it("needs a parent id", () => {
    expect(moveUnitInput.parse({ parentId: PARENT })).toEqual({ parentId: PARENT });
    expect(issuePaths(moveUnitInput, { parentId: "/a/b/" })).toEqual(["parentId"]);
    expect(issuePaths(moveUnitInput, {})).toEqual(["parentId"]);
  });
});

describe("listUnitsQuery", () => {
  it.each([
    [undefined, false],
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
  ])("reads includeInactive=%j as %s", (flag, value) => {
    expect(listUnitsQuery.parse({ parentId: PARENT, includeInactive: flag }).includeInactive).toBe(
      value,
    );
  });

  it("rejects a flag that is not a yes or a no", () => {
    expect(issuePaths(listUnitsQuery, { includeInactive: "maybe" })).toEqual(["includeInactive"]);
  });
});
