import {
  DEFAULT_DOCUMENT_LAYOUT,
  DEFAULT_MEETING_RULES,
  DEFAULT_SUPERVISION_RULES,
  type DocumentSettingsDto,
  type MeetingRulesDto,
  type SupervisionRulesDto,
} from "@chibo/domain";

// The tenant settings forms: what each form holds, and the overrides it sends. The server replaces
// the overrides as a whole, so a form sends exactly the rules that differ from the default: a rule
// set back to its default value follows the default again. Paths match the contract's, so that the
// schema's issues and the server's `details` land on the field that shows them.

/** A number field's value: NumberInput gives "" while it is empty. */
export type NumberValue = number | "";

/** Rates are edited in percent, with two decimals (2/3 shows as 66.67). */
export function toPercent(rate: number): number {
  return Math.round(rate * 10_000) / 100;
}

export function numberOf(value: string | number): NumberValue {
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  const n = Number(value.replace(",", "."));
  return value.trim() === "" || !Number.isFinite(n) ? "" : n;
}

/** The value to send when it is not the default; "" is sent so that the schema reports it. */
function changed(value: NumberValue, byDefault: number): NumberValue | undefined {
  return value === byDefault ? undefined : value;
}

/**
 * A rate in percent as the contract's fraction. When the percent shown is the one loaded, the loaded
 * fraction is kept exactly (2/3 is not turned into 0.6667).
 */
function rateOf(percent: NumberValue, loaded: number, byDefault: number): number | "" | undefined {
  if (percent === "") return "";
  if (percent === toPercent(byDefault)) return undefined;
  return percent === toPercent(loaded) ? loaded : percent / 100;
}

/** Drops the rules left at their default. */
function defined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/**
 * The saved overrides of rules this form does not show: sent back unchanged, so that saving the form
 * never drops a rule set elsewhere (the whole object is replaced).
 */
export function othersOf(overrides: object, shown: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(overrides).filter(([key]) => !shown.includes(key)));
}

/** How many of the rules the form shows the province has of its own. */
export function ownCount(overrides: object, shown: readonly string[]): number {
  return Object.keys(overrides).filter((key) => shown.includes(key)).length;
}

// ---------------------------------------------------------------------------------------------------
// Meeting rules

export const RATE_FIELDS = ["qualityRateThreshold", "programmeTarget", "quorumFraction"] as const;
type RateField = (typeof RATE_FIELDS)[number];

export interface MeetingRulesForm extends Record<string, unknown> {
  regularMinMinutes: NumberValue;
  combinedMinMinutes: NumberValue;
  thematicPerQuarter: NumberValue;
  forumsPerYear: { min: NumberValue; max: NumberValue };
  /** Percent. */
  qualityRateThreshold: NumberValue;
  /** Percent. */
  programmeTarget: NumberValue;
  /** Percent. */
  quorumFraction: NumberValue;
  maxConsecutiveExcused: NumberValue;
  consecutiveAbsenceAlert: NumberValue;
  removalReviewMonths: NumberValue;
  postponeWithinMonth: boolean;
  reminderHoursBefore: NumberValue;
  yearTotMeetings: NumberValue;
  /** Share in percent. */
  totTargets: { year: NumberValue; share: NumberValue }[];
}

export const MEETING_FIELDS = [
  "regularMinMinutes",
  "combinedMinMinutes",
  "thematicPerQuarter",
  "forumsPerYear",
  ...RATE_FIELDS,
  "maxConsecutiveExcused",
  "consecutiveAbsenceAlert",
  "removalReviewMonths",
  "postponeWithinMonth",
  "reminderHoursBefore",
  "yearTotMeetings",
  "totTargets",
] as const satisfies readonly (keyof MeetingRulesForm)[];

export function meetingRulesForm(effective: MeetingRulesDto["effective"]): MeetingRulesForm {
  return {
    regularMinMinutes: effective.regularMinMinutes,
    combinedMinMinutes: effective.combinedMinMinutes,
    thematicPerQuarter: effective.thematicPerQuarter,
    forumsPerYear: { min: effective.forumsPerYear.min, max: effective.forumsPerYear.max },
    qualityRateThreshold: toPercent(effective.qualityRateThreshold),
    programmeTarget: toPercent(effective.programmeTarget),
    quorumFraction: toPercent(effective.quorumFraction),
    maxConsecutiveExcused: effective.maxConsecutiveExcused,
    consecutiveAbsenceAlert: effective.consecutiveAbsenceAlert,
    removalReviewMonths: effective.removalReviewMonths,
    postponeWithinMonth: effective.postponeWithinMonth,
    reminderHoursBefore: effective.reminderHoursBefore,
    yearTotMeetings: effective.yearTotMeetings,
    totTargets: effective.totTargets.map((t) => ({ year: t.year, share: toPercent(t.share) })),
  };
}

/**
 * The yearly targets to send: undefined while they are the defaults; a share shown as loaded keeps
 * its loaded fraction; an empty field is sent as "" for the schema to report.
 */
function targetsOf(
  values: MeetingRulesForm["totTargets"],
  loaded: MeetingRulesDto["effective"]["totTargets"],
): { year: NumberValue; share: number | "" }[] | undefined {
  const out = values.map((t) => {
    const before = loaded.find((l) => l.year === t.year);
    const share: number | "" =
      t.share === ""
        ? ""
        : before && toPercent(before.share) === t.share
          ? before.share
          : t.share / 100;
    return { year: t.year, share };
  });
  const byDefault = DEFAULT_MEETING_RULES.totTargets.map((t) => ({ year: t.year, share: t.share }));
  const same = JSON.stringify(out) === JSON.stringify(byDefault);
  return same ? undefined : out;
}

/** The overrides to send (not yet validated: an empty field is sent as "" for the schema to report). */
export function meetingRulesOverrides(
  values: MeetingRulesForm,
  data: Pick<MeetingRulesDto, "effective" | "overrides">,
): Record<string, unknown> {
  const d = DEFAULT_MEETING_RULES;
  const rate = (field: RateField) => rateOf(values[field], data.effective[field], d[field]);
  const forums = values.forumsPerYear;
  // min and max go together: the contract replaces them as a whole.
  const forumsChanged = forums.min !== d.forumsPerYear.min || forums.max !== d.forumsPerYear.max;
  return defined({
    ...othersOf(data.overrides, MEETING_FIELDS),
    regularMinMinutes: changed(values.regularMinMinutes, d.regularMinMinutes),
    combinedMinMinutes: changed(values.combinedMinMinutes, d.combinedMinMinutes),
    thematicPerQuarter: changed(values.thematicPerQuarter, d.thematicPerQuarter),
    forumsPerYear: forumsChanged ? { min: forums.min, max: forums.max } : undefined,
    qualityRateThreshold: rate("qualityRateThreshold"),
    programmeTarget: rate("programmeTarget"),
    quorumFraction: rate("quorumFraction"),
    maxConsecutiveExcused: changed(values.maxConsecutiveExcused, d.maxConsecutiveExcused),
    consecutiveAbsenceAlert: changed(values.consecutiveAbsenceAlert, d.consecutiveAbsenceAlert),
    removalReviewMonths: changed(values.removalReviewMonths, d.removalReviewMonths),
    postponeWithinMonth:
      values.postponeWithinMonth === d.postponeWithinMonth ? undefined : values.postponeWithinMonth,
    reminderHoursBefore: changed(values.reminderHoursBefore, d.reminderHoursBefore),
    yearTotMeetings: changed(values.yearTotMeetings, d.yearTotMeetings),
    totTargets: targetsOf(values.totTargets, data.effective.totTargets),
  });
}

/** A target's share, edited in percent: its own range message. */
export function isTargetShareField(path: string): boolean {
  return /^totTargets\.\d+\.share$/u.test(path);
}

/** A rate's own range, in the percent the field shows (the contract speaks in fractions 0–1). */
export function isRateField(path: string): path is RateField {
  return (RATE_FIELDS as readonly string[]).includes(path);
}

// ---------------------------------------------------------------------------------------------------
// Document settings

export interface DocumentSettingsForm extends Record<string, unknown> {
  place: string;
  marginTopMm: NumberValue;
  marginBottomMm: NumberValue;
  marginLeftMm: NumberValue;
  marginRightMm: NumberValue;
  numberColon: boolean;
  titleSizePt: NumberValue;
}

export const DOCUMENT_FIELDS = [
  "place",
  "marginTopMm",
  "marginBottomMm",
  "marginLeftMm",
  "marginRightMm",
  "numberColon",
  "titleSizePt",
] as const satisfies readonly (keyof DocumentSettingsForm)[];

export function documentSettingsForm(
  effective: DocumentSettingsDto["effective"],
): DocumentSettingsForm {
  return {
    place: effective.place,
    marginTopMm: effective.marginTopMm,
    marginBottomMm: effective.marginBottomMm,
    marginLeftMm: effective.marginLeftMm,
    marginRightMm: effective.marginRightMm,
    numberColon: effective.numberColon,
    titleSizePt: effective.titleSizePt,
  };
}

/**
 * The overrides to send. The default locality is read by the server from the tenant's name: it is
 * known here only while the tenant has none of its own (then it is what the server shows). An empty
 * locality returns to that default.
 */
export function documentSettingsOverrides(
  values: DocumentSettingsForm,
  data: Pick<DocumentSettingsDto, "effective" | "overrides">,
): Record<string, unknown> {
  const d = DEFAULT_DOCUMENT_LAYOUT;
  const place = values.place.trim();
  const placeByDefault = data.overrides.place === undefined ? data.effective.place : null;
  return defined({
    ...othersOf(data.overrides, DOCUMENT_FIELDS),
    place: place === "" || place === placeByDefault ? undefined : place,
    marginTopMm: changed(values.marginTopMm, d.marginTopMm),
    marginBottomMm: changed(values.marginBottomMm, d.marginBottomMm),
    marginLeftMm: changed(values.marginLeftMm, d.marginLeftMm),
    marginRightMm: changed(values.marginRightMm, d.marginRightMm),
    numberColon: values.numberColon === d.numberColon ? undefined : values.numberColon,
    titleSizePt: changed(values.titleSizePt, d.titleSizePt),
  });
}

// ---------------------------------------------------------------------------------------------------
// Supervision rules

export interface SupervisionRulesForm extends Record<string, unknown> {
  signDays: NumberValue;
  documentsAfterDays: NumberValue;
  /** The large-cell rule applies (the contract's null turns it off). */
  largeCellOn: boolean;
  largeCellMembers: NumberValue;
  largeCellMinMinutes: NumberValue;
  reportDays: NumberValue;
  visitsPerQuarter: NumberValue;
}

export const SUPERVISION_FIELDS = [
  "signDays",
  "documentsAfterDays",
  "largeCellMembers",
  "largeCellMinMinutes",
  "reportDays",
  "visitsPerQuarter",
] as const satisfies readonly (keyof SupervisionRulesForm)[];

export function supervisionRulesForm(
  effective: SupervisionRulesDto["effective"],
): SupervisionRulesForm {
  return {
    signDays: effective.signDays,
    documentsAfterDays: effective.documentsAfterDays,
    largeCellOn: effective.largeCellMembers !== null,
    // Switched back on, the rule starts from the default size.
    largeCellMembers:
      effective.largeCellMembers ?? DEFAULT_SUPERVISION_RULES.largeCellMembers ?? "",
    largeCellMinMinutes: effective.largeCellMinMinutes,
    reportDays: effective.reportDays,
    visitsPerQuarter: effective.visitsPerQuarter,
  };
}

export function supervisionRulesOverrides(
  values: SupervisionRulesForm,
  overrides: SupervisionRulesDto["overrides"],
): Record<string, unknown> {
  const d = DEFAULT_SUPERVISION_RULES;
  const largeCell = values.largeCellOn ? values.largeCellMembers : null;
  return defined({
    ...othersOf(overrides, SUPERVISION_FIELDS),
    signDays: changed(values.signDays, d.signDays),
    documentsAfterDays: changed(values.documentsAfterDays, d.documentsAfterDays),
    largeCellMembers: largeCell === d.largeCellMembers ? undefined : largeCell,
    largeCellMinMinutes: changed(values.largeCellMinMinutes, d.largeCellMinMinutes),
    reportDays: changed(values.reportDays, d.reportDays),
    visitsPerQuarter: changed(values.visitsPerQuarter, d.visitsPerQuarter),
  });
}
