import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROLES, type Role } from "../access/roles.js";
import { isWithin } from "../org/tree.js";
import { followerGrant, followerRule, visitorCommitteePath } from "./followers.js";

// /p/ province → /p/g/ grassroots committee → cells /p/g/c1/ (group /p/g/c1/t1/) and /p/g/c2/.
const grant = (role: Role, unitPath: string) => ({ role, unitPath });

describe("who may follow a cell (seed 000)", () => {
  it("qualifies grants strictly above a cell, on or above a committee", () => {
    expect(followerRule({ path: "/p/g/c1/", kind: "cell" })).toMatchObject({
      abovePaths: ["/p/", "/p/g/"],
      insidePath: "/p/g/c1/",
    });
    expect(followerRule({ path: "/p/g/", kind: "committee" })).toMatchObject({
      abovePaths: ["/p/", "/p/g/"],
      insidePath: null,
    });
  });

  it("gives the deepest qualifying grant, and says why not otherwise", () => {
    const cell = { path: "/p/g/c1/", kind: "cell" } as const;
    const both = [grant("org_board", "/p/"), grant("supervisor", "/p/g/")];
    expect(followerGrant({ grants: both, memberPath: null }, cell)).toEqual(both[1]);
    expect(followerGrant({ grants: [grant("member", "/p/g/")], memberPath: null }, cell)).toBe(
      "not_above",
    );
    expect(
      followerGrant({ grants: [grant("committee", "/p/g/")], memberPath: "/p/g/c1/" }, cell),
    ).toBe("insider");
    expect(
      followerGrant(
        { grants: [grant("committee", "/p/g/"), grant("member", "/p/g/c1/t1/")], memberPath: null },
        cell,
      ),
    ).toBe("insider");
  });

  it("never qualifies one of the cell, nor a grant that is not above it (property)", () => {
    const paths = ["/p/", "/p/g/", "/p/g/c1/", "/p/g/c1/t1/", "/p/g/c2/"];
    const arb = fc.record({
      grants: fc.array(
        fc.record({ role: fc.constantFrom(...ROLES), unitPath: fc.constantFrom(...paths) }),
        { maxLength: 4 },
      ),
      memberPath: fc.option(fc.constantFrom(...paths), { nil: null }),
    });
    fc.assert(
      fc.property(arb, (who) => {
        const g = followerGrant(who, { path: "/p/g/c1/", kind: "cell" });
        if (typeof g === "string") return;
        expect(g.role).not.toBe("member");
        expect(g.unitPath !== "/p/g/c1/" && isWithin("/p/g/c1/", g.unitPath)).toBe(true);
        expect(who.grants.some((x) => isWithin(x.unitPath, "/p/g/c1/"))).toBe(false);
        expect(who.memberPath !== null && isWithin(who.memberPath, "/p/g/c1/")).toBe(false);
      }),
    );
  });
});

describe("the committee a visit is recorded under", () => {
  it("is the nearest follower grant above the cell when assigned, else a committee grant", () => {
    const staff = [grant("supervisor", "/p/g/")];
    expect(visitorCommitteePath(staff, "/p/g/c1/", true)).toBe("/p/g/");
    expect(visitorCommitteePath(staff, "/p/g/c1/", false)).toBeNull();
    const committee = [grant("committee", "/p/"), grant("committee", "/p/g/")];
    expect(visitorCommitteePath(committee, "/p/g/c1/", false)).toBe("/p/g/");
    expect(visitorCommitteePath([grant("committee", "/p/g/c1/")], "/p/g/c1/", true)).toBeNull();
  });
});
