import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROLES, type Role } from "@chibo/domain";
import { scoreDecider, type Actor } from "./policy.js";

const PROVINCE = "/p/";
const COMMITTEE = "/p/c/";
const CELL = "/p/c/cell/";
const OTHER_CELL = "/p/c/other/";
const PATHS = [PROVINCE, COMMITTEE, CELL, OTHER_CELL];

function actor(userId: string, grants: { role: Role; unitPath: string }[]): Actor {
  return {
    userId,
    tenantId: "t",
    username: userId,
    memberId: null,
    memberPath: null,
    grants: grants.map((g, i) => ({ id: `g${String(i)}`, unitId: g.unitPath, ...g })),
  };
}

describe("scoreDecider", () => {
  it("gives the decision to the visitor who attended, and to nobody else", () => {
    const visitor = actor("v", []);
    const secretary = actor("s", [{ role: "committee", unitPath: COMMITTEE }]);
    expect(scoreDecider(visitor, CELL, ["v"])).toBe("visitor");
    expect(scoreDecider(secretary, CELL, ["v"])).toBeNull();
  });

  it("gives it to the committee above when nobody attended, never to the cell itself", () => {
    expect(scoreDecider(actor("s", [{ role: "committee", unitPath: COMMITTEE }]), CELL, [])).toBe(
      "committee",
    );
    expect(scoreDecider(actor("c", [{ role: "cell_lead", unitPath: CELL }]), CELL, [])).toBeNull();
    expect(
      scoreDecider(actor("o", [{ role: "cell_lead", unitPath: OTHER_CELL }]), CELL, []),
    ).toBeNull();
  });

  it("never lets a grant inside the cell decide, whatever the other grants (property)", () => {
    const grant = fc.record({
      role: fc.constantFrom(...ROLES),
      unitPath: fc.constantFrom(...PATHS),
    });
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 4 }), fc.boolean(), (grants, attended) => {
        const a = actor("x", grants);
        const decider = scoreDecider(a, CELL, attended ? ["someone-else"] : []);
        const onlyInside = grants.every((g) => g.unitPath === CELL || g.unitPath === OTHER_CELL);
        if (attended || onlyInside) expect(decider).toBeNull();
        if (decider === "committee")
          expect(grants.some((g) => g.unitPath === PROVINCE || g.unitPath === COMMITTEE)).toBe(
            true,
          );
      }),
    );
  });
});
