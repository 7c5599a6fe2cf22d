import type { GrantDto } from "@chibo/domain";
import { describe, expect, it } from "vitest";
import { canAtUnit, unitsAllowing } from "./access";

const committee = "11111111-1111-4111-8111-111111111111";
const cell = "22222222-2222-4222-8222-222222222222";
const other = "33333333-3333-4333-8333-333333333333";

const grant = (role: GrantDto["role"], unitId: string, unitLevel: GrantDto["unitLevel"]) => ({
  id: `${unitId.slice(0, 8)}-0000-4000-8000-000000000000`,
  role,
  unitId,
  unitName: "x",
  unitLevel,
});

describe("canAtUnit", () => {
  it("reaches the subtree of the granted unit", () => {
    const grants = [grant("committee", committee, "grassroots_committee")];
    expect(canAtUnit(grants, "meeting.write", `/${committee}/${cell}/`)).toBe(true);
    expect(canAtUnit(grants, "meeting.write", `/${other}/`)).toBe(false);
  });
  it("needs a role that allows the action", () => {
    const grants = [grant("member", cell, "cell")];
    expect(canAtUnit(grants, "meeting.read", `/${committee}/${cell}/`)).toBe(true);
    expect(canAtUnit(grants, "meeting.write", `/${committee}/${cell}/`)).toBe(false);
  });
});

describe("unitsAllowing", () => {
  it("keeps committee units once", () => {
    const grants = [
      grant("committee", committee, "grassroots_committee"),
      grant("supervisor", committee, "grassroots_committee"),
      grant("cell_lead", cell, "cell"),
    ];
    expect(unitsAllowing(grants, "meeting.read", "committee").map((g) => g.unitId)).toEqual([
      committee,
    ]);
    expect(unitsAllowing(grants, "meeting.write", "cell").map((g) => g.unitId)).toEqual([cell]);
  });
});
