import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  GRANTABLE_ROLES,
  ROLES,
  ROLE_ACTIONS,
  roleAllows,
  type Action,
  type Role,
} from "./roles.js";

const WRITES: readonly Action[] = ACTIONS.filter((a) =>
  /\.(write|create|update|move|deactivate|import)$|^user\.manage$/u.test(a),
);

/** The permission matrix, written out in full so that any change to it is deliberate. */
const MATRIX: Record<Role, readonly Action[]> = {
  member: ["unit.read", "member.read", "meeting.read"],
  supervisor: ["unit.read", "member.read", "meeting.read"],
  cell_lead: [
    "unit.read",
    "unit.update",
    "member.read",
    "member.read_private",
    "member.write",
    "member.import",
    "member.export",
    "meeting.read",
    "meeting.write",
    "meeting.alerts",
  ],
  committee: [
    "unit.read",
    "unit.create",
    "unit.update",
    "unit.move",
    "unit.deactivate",
    "member.read",
    "member.read_private",
    "member.write",
    "member.import",
    "member.export",
    "meeting.read",
    "meeting.write",
    "meeting.alerts",
  ],
  org_board: [
    "unit.read",
    "member.read",
    "member.read_private",
    "member.export",
    "audit.read",
    "meeting.read",
    "meeting.alerts",
  ],
  inspector: [
    "unit.read",
    "member.read",
    "member.read_private",
    "member.export",
    "audit.read",
    "meeting.read",
    "meeting.alerts",
  ],
  admin: ACTIONS,
};

const allowedTo = (role: Role) => ACTIONS.filter((a) => roleAllows(role, a));

describe("roleAllows", () => {
  it("knows which writes there are", () => {
    expect(WRITES).toEqual([
      "unit.create",
      "unit.update",
      "unit.move",
      "unit.deactivate",
      "member.write",
      "member.import",
      "user.manage",
      "meeting.write",
    ]);
    expect(ROLES.filter((r) => roleAllows(r, "tenant.configure"))).toEqual(["admin"]);
  });

  it.each(ROLES)("matches the permission matrix for %s", (role) => {
    expect(allowedTo(role)).toEqual(ACTIONS.filter((a) => MATRIX[role].includes(a)));
  });

  it("lets an administrator do everything", () => {
    for (const action of ACTIONS) expect(roleAllows("admin", action), action).toBe(true);
  });

  it("lets a member read the tree, the register and the meetings, nothing else", () => {
    expect(allowedTo("member")).toEqual(["unit.read", "member.read", "meeting.read"]);
    expect(roleAllows("member", "meeting.alerts")).toBe(false);
    for (const action of WRITES) expect(roleAllows("member", action), action).toBe(false);
    expect(roleAllows("member", "member.read_private")).toBe(false);
    expect(roleAllows("member", "member.export")).toBe(false);
  });

  it.each(["org_board", "inspector", "supervisor"] as const)("keeps %s read-only", (role) => {
    for (const action of WRITES) expect(roleAllows(role, action), action).toBe(false);
  });

  it("lets the Ban Tổ chức and the inspection committee read private data and the audit log", () => {
    for (const role of ["org_board", "inspector"] as const) {
      expect(roleAllows(role, "member.read_private")).toBe(true);
      expect(roleAllows(role, "audit.read")).toBe(true);
    }
  });

  it("gives user.manage to the administrator only", () => {
    expect(ROLES.filter((r) => roleAllows(r, "user.manage"))).toEqual(["admin"]);
  });

  it("keeps the audit log from cell leads, committees, supervisors and members", () => {
    expect(ROLES.filter((r) => roleAllows(r, "audit.read"))).toEqual([
      "org_board",
      "inspector",
      "admin",
    ]);
  });

  it("lets a cell lead keep the register but not reshape the tree", () => {
    for (const action of ["member.write", "member.import", "unit.update"] as const) {
      expect(roleAllows("cell_lead", action), action).toBe(true);
    }
    for (const action of ["unit.create", "unit.move", "unit.deactivate"] as const) {
      expect(roleAllows("cell_lead", action), action).toBe(false);
    }
  });

  it("gives each role at least the rights of the roles below it", () => {
    const includes = (upper: Role, lower: Role) =>
      ACTIONS.every((a) => !roleAllows(lower, a) || roleAllows(upper, a));
    expect(includes("cell_lead", "member")).toBe(true);
    expect(includes("committee", "cell_lead")).toBe(true);
    for (const role of ROLES) {
      expect(includes("admin", role), role).toBe(true);
      expect(roleAllows(role, "unit.read"), role).toBe(true);
      expect(roleAllows(role, "member.read"), role).toBe(true);
    }
  });

  it("lists each action at most once per role", () => {
    for (const role of ROLES)
      expect(new Set(ROLE_ACTIONS[role]).size).toBe(ROLE_ACTIONS[role].length);
  });

  it("lets every role be granted", () => {
    expect([...GRANTABLE_ROLES]).toEqual([...ROLES]);
  });
});
