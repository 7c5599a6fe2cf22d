import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits.js";
import { changePasswordInput, loginInput } from "./auth.js";
import { createGrantInput, createUserInput, updateUserInput } from "./users.js";
import { issuePaths, issuesOf } from "./test-helpers.js";

const UNIT = "0b6c5a0e-8a3c-4f5e-9d2a-1f2e3d4c5b6a";
const password = "x".repeat(LIMITS.passwordMin);

describe("loginInput", () => {
  it("trims and lower-cases the user name, and keeps the password as typed", () => {
    expect(loginInput.parse({ username: "  BiThu.An ", password: " Mật khẩu " })).toEqual({
      username: "bithu.an",
      password: " Mật khẩu ",
    });
  });

  it("rejects empty fields and unknown fields together", () => {
    expect(issuePaths(loginInput, { username: " ", password: "", remember: true })).toEqual([
      "username",
      "password",
      "",
    ]);
  });
});

describe("changePasswordInput", () => {
  it("needs a new password of at least LIMITS.passwordMin characters", () => {
    expect(
      changePasswordInput.safeParse({ currentPassword: "a", newPassword: password }).success,
    ).toBe(true);
    expect(
      issuesOf(changePasswordInput, { currentPassword: "a", newPassword: password.slice(1) }),
    ).toEqual([
      expect.objectContaining({
        path: "newPassword",
        message: `Mật khẩu mới cần ít nhất ${LIMITS.passwordMin} ký tự`,
      }),
    ]);
  });
});

describe("createUserInput", () => {
  const valid = { username: "bithu.an", displayName: "Nguyễn Văn An", password };

  it("accepts a user, linked to a member or not", () => {
    expect(createUserInput.parse({ ...valid, username: " BiThu.An " }).username).toBe("bithu.an");
    expect(createUserInput.safeParse({ ...valid, memberId: null }).success).toBe(true);
    expect(createUserInput.safeParse({ ...valid, memberId: UNIT }).success).toBe(true);
  });

  it.each([
    ["username", "ab"],
    ["username", "nguyễn"],
    ["username", "an an"],
    ["username", "x".repeat(LIMITS.username + 1)],
    ["displayName", "  "],
    ["password", "short"],
    ["password", "x".repeat(LIMITS.passwordMax + 1)],
    ["memberId", "42"],
  ])("rejects %s %j at its path", (field, value) => {
    expect(issuePaths(createUserInput, { ...valid, [field]: value })).toEqual([field]);
  });

  it("reports every issue at once", () => {
    expect(issuePaths(createUserInput, { username: "a", displayName: "", password: "p" })).toEqual([
      "username",
      "displayName",
      "password",
    ]);
  });
});

describe("updateUserInput and createGrantInput", () => {
  it("accept partial changes and a known role", () => {
    expect(updateUserInput.parse({ active: false })).toEqual({ active: false });
    expect(createGrantInput.parse({ unitId: UNIT, role: "cell_lead" })).toEqual({
      unitId: UNIT,
      role: "cell_lead",
    });
  });

  it("reject an unknown role and a short password", () => {
    expect(issuePaths(createGrantInput, { unitId: UNIT, role: "owner" })).toEqual(["role"]);
    expect(issuePaths(updateUserInput, { password: "short", username: "x" })).toEqual([
      "password",
      "",
    ]);
  });
});
