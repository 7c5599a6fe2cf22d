// Supervision numbers a province may set differently: per-tenant configuration with these defaults
// (domain.md: every number a province may set differently is configuration per tenant).

import { z } from "zod";

export interface SupervisionRules {
  /** Days after the meeting within which the minutes are signed and locked (per tenant; default 2). */
  signDays: number;
  /** Days after the meeting within which the final documents are posted (HD42, ward sheet: 2). */
  documentsAfterDays: number;
  /**
   * Ward sheet (2025, the default regular-meeting rubric): 120 minutes when the cell has this many
   * members or more; null turns the rule off (HD42's combined-meeting rule still applies).
   */
  largeCellMembers: number | null;
  /** Ward sheet: the minimum length of a large cell's meeting. */
  largeCellMinMinutes: number;
  /** Days after the visited meeting within which the visitor files the report (default 3, unverified). */
  reportDays: number;
  /** Visits per quarter an assignment requires unless it says otherwise (seed 002: at least one). */
  visitsPerQuarter: number;
}

export const DEFAULT_SUPERVISION_RULES: Readonly<SupervisionRules> = Object.freeze({
  signDays: 2,
  documentsAfterDays: 2,
  largeCellMembers: 30,
  largeCellMinMinutes: 120,
  reportDays: 3,
  visitsPerQuarter: 1,
});

const days = z.number().int().min(0).max(60);

/** A tenant's overrides; every field optional, unknown fields refused. */
export const supervisionRulesInput = z.strictObject({
  signDays: days.optional(),
  documentsAfterDays: days.optional(),
  largeCellMembers: z.number().int().min(1).max(10_000).nullable().optional(),
  largeCellMinMinutes: z.number().int().min(1).max(600).optional(),
  reportDays: days.optional(),
  visitsPerQuarter: z.number().int().min(0).max(13).optional(),
});
export type SupervisionRulesInput = z.infer<typeof supervisionRulesInput>;

// HD42, the ward sheet, seed 002: a tenant's overrides laid over the defaults.
export function resolveSupervisionRules(partial: SupervisionRulesInput = {}): SupervisionRules {
  const d = DEFAULT_SUPERVISION_RULES;
  return {
    signDays: partial.signDays ?? d.signDays,
    documentsAfterDays: partial.documentsAfterDays ?? d.documentsAfterDays,
    largeCellMembers:
      partial.largeCellMembers === undefined ? d.largeCellMembers : partial.largeCellMembers,
    largeCellMinMinutes: partial.largeCellMinMinutes ?? d.largeCellMinMinutes,
    reportDays: partial.reportDays ?? d.reportDays,
    visitsPerQuarter: partial.visitsPerQuarter ?? d.visitsPerQuarter,
  };
}

/** The rules in force, the province's own overrides, and whether the caller may change them. */
export const supervisionRulesDto = z.object({
  effective: z.object({
    signDays: z.number().int(),
    documentsAfterDays: z.number().int(),
    largeCellMembers: z.number().int().nullable(),
    largeCellMinMinutes: z.number().int(),
    reportDays: z.number().int(),
    visitsPerQuarter: z.number().int(),
  }),
  overrides: supervisionRulesInput,
  canConfigure: z.boolean(),
});
export type SupervisionRulesDto = z.infer<typeof supervisionRulesDto>;
