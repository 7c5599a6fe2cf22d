import { describe, expect, it } from "vitest";
import {
  DEFAULT_SUPERVISION_RULES,
  resolveSupervisionRules,
  supervisionRulesInput,
} from "./rules.js";

describe("supervision rules", () => {
  it("defaults: signed in 2 days, final documents in 2, 120 minutes from 30 members, report in 3", () => {
    expect(resolveSupervisionRules()).toEqual({
      signDays: 2,
      documentsAfterDays: 2,
      largeCellMembers: 30,
      largeCellMinMinutes: 120,
      reportDays: 3,
      visitsPerQuarter: 1,
    });
    expect(resolveSupervisionRules()).toEqual(DEFAULT_SUPERVISION_RULES);
  });

  it("a tenant's overrides, including turning the large-cell rule off", () => {
    expect(resolveSupervisionRules({ signDays: 5, largeCellMembers: null })).toMatchObject({
      signDays: 5,
      largeCellMembers: null,
      reportDays: 3,
    });
  });

  it("refuses unknown fields and out-of-range numbers", () => {
    expect(supervisionRulesInput.safeParse({ signDays: 3 }).success).toBe(true);
    expect(supervisionRulesInput.safeParse({ signDays: -1 }).success).toBe(false);
    expect(supervisionRulesInput.safeParse({ reportDays: 1.5 }).success).toBe(false);
    expect(supervisionRulesInput.safeParse({ other: 1 }).success).toBe(false);
  });
});
