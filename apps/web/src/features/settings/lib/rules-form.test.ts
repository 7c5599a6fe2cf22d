import {
  documentSettingsInput,
  meetingRulesInput,
  resolveMeetingRules,
  resolveSupervisionRules,
  supervisionRulesInput,
} from "@chibo/domain";
import { describe, expect, it } from "vitest";
import {
  MEETING_FIELDS,
  documentSettingsForm,
  documentSettingsOverrides,
  meetingRulesForm,
  meetingRulesOverrides,
  numberOf,
  othersOf,
  ownCount,
  supervisionRulesForm,
  supervisionRulesOverrides,
  toPercent,
} from "./rules-form";

describe("numbers typed in a field", () => {
  it("reads numbers, a decimal comma, and empty or unreadable text as empty", () => {
    expect(numberOf(3)).toBe(3);
    expect(numberOf("15,5")).toBe(15.5);
    expect(numberOf("")).toBe("");
    expect(numberOf("  ")).toBe("");
    expect(numberOf("-")).toBe("");
    expect(numberOf(Number.NaN)).toBe("");
  });

  it("shows rates in percent with two decimals", () => {
    expect(toPercent(0.85)).toBe(85);
    expect(toPercent(2 / 3)).toBe(66.67);
  });
});

/** A response of GET /settings/meeting-rules for these overrides. */
function meetingData(overrides: Record<string, unknown> = {}) {
  return { effective: resolveMeetingRules(overrides), overrides };
}

describe("meeting rules form", () => {
  const defaults = meetingData();

  it("sends nothing when every rule is left at the national default", () => {
    const values = meetingRulesForm(defaults.effective);
    expect(values.quorumFraction).toBe(66.67);
    expect(meetingRulesOverrides(values, defaults)).toEqual({});
  });

  it("sends the rules that differ, rates as fractions, forums as a whole", () => {
    const values = {
      ...meetingRulesForm(defaults.effective),
      programmeTarget: 90,
      forumsPerYear: { min: 1, max: 3 },
      postponeWithinMonth: false,
    };
    const input = meetingRulesOverrides(values, defaults);
    expect(input).toEqual({
      programmeTarget: 0.9,
      forumsPerYear: { min: 1, max: 3 },
      postponeWithinMonth: false,
    });
    expect(meetingRulesInput.safeParse(input).success).toBe(true);
  });

  it("sends the year's rules: the Tốt count, and the targets as a whole in fractions", () => {
    const values = meetingRulesForm(defaults.effective);
    expect(values.totTargets).toEqual([
      { year: 2023, share: 85 },
      { year: 2025, share: 95 },
    ]);
    const input = meetingRulesOverrides(
      {
        ...values,
        yearTotMeetings: 8,
        totTargets: [...values.totTargets, { year: 2027, share: 97.5 }],
      },
      defaults,
    );
    expect(input).toEqual({
      yearTotMeetings: 8,
      totTargets: [
        { year: 2023, share: 0.85 },
        { year: 2025, share: 0.95 },
        { year: 2027, share: 0.975 },
      ],
    });
    expect(meetingRulesInput.safeParse(input).success).toBe(true);
    // An empty share is sent for the schema to name.
    const empty = meetingRulesOverrides(
      { ...values, totTargets: [{ year: 2026, share: "" }] },
      defaults,
    );
    const parsed = meetingRulesInput.safeParse(empty);
    expect(parsed.error?.issues[0]?.path).toEqual(["totTargets", 0, "share"]);
    // Targets back at the defaults are no longer the province's own.
    const loaded = meetingData({ totTargets: [{ year: 2025, share: 0.9 }] });
    const restored = meetingRulesOverrides(
      { ...meetingRulesForm(loaded.effective), totTargets: values.totTargets },
      loaded,
    );
    expect(restored).toEqual({});
  });

  it("keeps a stored fraction exactly while its percent is unchanged", () => {
    const loaded = meetingData({ quorumFraction: 0.123456 });
    const input = meetingRulesOverrides(meetingRulesForm(loaded.effective), loaded);
    expect(input).toEqual({ quorumFraction: 0.123456 });
  });

  it("a rule set back to its default is no longer the province's own", () => {
    const loaded = meetingData({ regularMinMinutes: 100 });
    const values = { ...meetingRulesForm(loaded.effective), regularMinMinutes: 90 };
    expect(meetingRulesOverrides(values, loaded)).toEqual({});
  });

  it("sends back unchanged the saved rules the form does not show", () => {
    const loaded = meetingData({ regularMinMinutes: 100 });
    const data = { ...loaded, overrides: { ...loaded.overrides, notShownHere: 7 } };
    const values = { ...meetingRulesForm(data.effective), regularMinMinutes: 90 };
    expect(meetingRulesOverrides(values, data)).toEqual({ notShownHere: 7 });
    expect(othersOf(data.overrides, MEETING_FIELDS)).toEqual({ notShownHere: 7 });
    expect(ownCount(data.overrides, MEETING_FIELDS)).toBe(1);
  });

  it("lets the schema report an empty field and an inconsistent pair on the named fields", () => {
    const values = {
      ...meetingRulesForm(defaults.effective),
      regularMinMinutes: "" as const,
      forumsPerYear: { min: 3, max: 1 },
    };
    const result = meetingRulesInput.safeParse(meetingRulesOverrides(values, defaults));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["regularMinMinutes", "forumsPerYear.min"]));
  });
});

describe("document settings form", () => {
  const layout = {
    marginTopMm: 20,
    marginBottomMm: 20,
    marginLeftMm: 30,
    marginRightMm: 15,
    numberColon: false,
    titleSizePt: 16,
  };

  it("keeps the locality read from the tenant's name unless another is typed", () => {
    const data = { effective: { ...layout, place: "Quảng Bình" }, overrides: {} };
    const values = documentSettingsForm(data.effective);
    expect(documentSettingsOverrides(values, data)).toEqual({});
    const changed = { ...values, place: " Đồng Hới ", numberColon: true, marginLeftMm: 35 };
    expect(documentSettingsOverrides(changed, data)).toEqual({
      place: "Đồng Hới",
      numberColon: true,
      marginLeftMm: 35,
    });
  });

  it("keeps the province's own locality, and an empty one returns to the default", () => {
    const data = {
      effective: { ...layout, place: "Đồng Hới" },
      overrides: { place: "Đồng Hới" },
    };
    const values = documentSettingsForm(data.effective);
    expect(documentSettingsOverrides(values, data)).toEqual({ place: "Đồng Hới" });
    expect(documentSettingsOverrides({ ...values, place: "" }, data)).toEqual({});
  });

  it("sends an out-of-range margin for the schema to refuse in Vietnamese", () => {
    const data = { effective: { ...layout, place: "Quảng Bình" }, overrides: {} };
    const values = { ...documentSettingsForm(data.effective), marginLeftMm: 80 };
    const result = documentSettingsInput.safeParse(documentSettingsOverrides(values, data));
    expect(result.error?.issues[0]).toMatchObject({
      path: ["marginLeftMm"],
      message: "Tối đa 50 mm",
    });
  });
});

describe("supervision rules form", () => {
  const defaults = resolveSupervisionRules();
  const none = {};

  it("sends nothing at the defaults and the changed days otherwise", () => {
    const values = supervisionRulesForm(defaults);
    expect(supervisionRulesOverrides(values, none)).toEqual({});
    expect(supervisionRulesOverrides({ ...values, reportDays: 5 }, none)).toEqual({
      reportDays: 5,
    });
  });

  it("turns the large-cell rule off with null, and back on from the default size", () => {
    const values = supervisionRulesForm(defaults);
    const off = supervisionRulesOverrides({ ...values, largeCellOn: false }, none);
    expect(off).toEqual({ largeCellMembers: null });
    expect(supervisionRulesInput.safeParse(off).success).toBe(true);

    const loadedOff = supervisionRulesForm(resolveSupervisionRules({ largeCellMembers: null }));
    expect(loadedOff).toMatchObject({ largeCellOn: false, largeCellMembers: 30 });
    expect(supervisionRulesOverrides({ ...loadedOff, largeCellOn: true }, none)).toEqual({});
    expect(
      supervisionRulesOverrides({ ...loadedOff, largeCellOn: true, largeCellMembers: 40 }, none),
    ).toEqual({ largeCellMembers: 40 });
  });

  it("lets the schema refuse days out of range", () => {
    const values = { ...supervisionRulesForm(defaults), reportDays: 99 };
    const result = supervisionRulesInput.safeParse(supervisionRulesOverrides(values, none));
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["reportDays"]);
  });
});
