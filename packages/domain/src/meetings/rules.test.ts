import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MEETING_RULES, meetingRulesInput, resolveMeetingRules } from "./rules.js";

describe("DEFAULT_MEETING_RULES", () => {
  it("holds the numbers of domain.md", () => {
    expect(DEFAULT_MEETING_RULES).toEqual({
      regularMinMinutes: 90,
      combinedMinMinutes: 120,
      thematicPerQuarter: 1,
      forumsPerYear: { min: 1, max: 2 },
      qualityRateThreshold: 0.85,
      programmeTarget: 0.95,
      quorumFraction: 2 / 3,
      maxConsecutiveExcused: 3,
      consecutiveAbsenceAlert: 3,
      removalReviewMonths: 3,
      postponeWithinMonth: true,
      reminderHoursBefore: 24,
      yearTotMeetings: 7,
      totTargets: [
        { year: 2023, share: 0.85 },
        { year: 2025, share: 0.95 },
      ],
    });
  });

  it("refuses two targets for one year", () => {
    const r = meetingRulesInput.safeParse({
      totTargets: [
        { year: 2026, share: 0.9 },
        { year: 2026, share: 0.95 },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["totTargets"]);
  });

  it("cannot be changed by a caller", () => {
    expect(Object.isFrozen(DEFAULT_MEETING_RULES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_MEETING_RULES.forumsPerYear)).toBe(true);
  });
});

describe("resolveMeetingRules", () => {
  it("gives the defaults for no override", () => {
    expect(resolveMeetingRules()).toEqual(DEFAULT_MEETING_RULES);
    expect(resolveMeetingRules({})).toEqual(DEFAULT_MEETING_RULES);
  });

  it("reminds a day ahead unless the province says otherwise", () => {
    expect(resolveMeetingRules().reminderHoursBefore).toBe(24);
    expect(resolveMeetingRules({ reminderHoursBefore: 48 }).reminderHoursBefore).toBe(48);
  });

  it("lays a province's numbers over the defaults", () => {
    const r = resolveMeetingRules({ programmeTarget: 0.9, forumsPerYear: { min: 2, max: 4 } });
    expect(r).toEqual({
      ...DEFAULT_MEETING_RULES,
      programmeTarget: 0.9,
      forumsPerYear: { min: 2, max: 4 },
    });
  });

  it("returns a fresh object the caller may change", () => {
    const r = resolveMeetingRules();
    r.forumsPerYear.max = 5;
    expect(DEFAULT_MEETING_RULES.forumsPerYear.max).toBe(2);
  });

  it("keeps every field overridden and defaults the rest", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            regularMinMinutes: fc.integer({ min: 1, max: 120 }),
            programmeTarget: fc.double({ min: 0, max: 1, noNaN: true }),
            quorumFraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
            removalReviewMonths: fc.integer({ min: 1, max: 12 }),
            reminderHoursBefore: fc.integer({ min: 1, max: 168 }),
          },
          { requiredKeys: [] },
        ),
        (partial) => {
          const parsed = meetingRulesInput.parse(partial);
          const r = resolveMeetingRules(parsed);
          expect(r).toEqual({ ...DEFAULT_MEETING_RULES, ...partial });
        },
      ),
    );
  });
});

describe("meetingRulesInput", () => {
  it.each([
    [{}],
    [{ qualityRateThreshold: 0 }],
    [{ qualityRateThreshold: 1 }],
    [{ quorumFraction: 0.5 }],
    [{ regularMinMinutes: 120, combinedMinMinutes: 120 }],
    [{ forumsPerYear: { min: 0, max: 0 } }],
    [{ maxConsecutiveExcused: 1, consecutiveAbsenceAlert: 12, removalReviewMonths: 12 }],
    [{ reminderHoursBefore: 1 }],
    [{ reminderHoursBefore: 168 }],
  ])("accepts %j", (input) => {
    expect(meetingRulesInput.safeParse(input).success).toBe(true);
  });

  it.each([
    ["a rate above 1", { programmeTarget: 1.5 }],
    ["a negative rate", { qualityRateThreshold: -0.1 }],
    ["a rate given in percent", { qualityRateThreshold: 85 }],
    ["a quorum of 0", { quorumFraction: 0 }],
    ["minutes of 0", { regularMinMinutes: 0 }],
    ["fractional minutes", { regularMinMinutes: 90.5 }],
    ["more than 12 months", { removalReviewMonths: 13 }],
    ["a streak of 0", { maxConsecutiveExcused: 0 }],
    ["forums min above max", { forumsPerYear: { min: 3, max: 2 } }],
    ["forums half given", { forumsPerYear: { min: 1 } }],
    ["combined shorter than regular", { regularMinMinutes: 120, combinedMinMinutes: 100 }],
    ["regular longer than default combined", { regularMinMinutes: 150 }],
    ["a reminder at the start itself", { reminderHoursBefore: 0 }],
    ["a reminder more than a week ahead", { reminderHoursBefore: 169 }],
    ["a reminder in fractional hours", { reminderHoursBefore: 1.5 }],
    ["an unknown field", { quorum: 0.5 }],
    ["a number as a string", { regularMinMinutes: "90" }],
  ])("refuses %s", (_label, input) => {
    expect(meetingRulesInput.safeParse(input).success).toBe(false);
  });

  it("reports every issue at once", () => {
    const r = meetingRulesInput.safeParse({ programmeTarget: 2, removalReviewMonths: 0 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["programmeTarget", "removalReviewMonths"]),
    );
  });
});
