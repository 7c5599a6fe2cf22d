import { z } from "zod";
import { LIMITS } from "../limits.js";
import { UNIT_KINDS, UNIT_LEVELS, UNIT_TYPES } from "../org/tree.js";
import { id, optionalText, requiredText } from "./common.js";

/**
 * Day of the month a cell registers for its regular meeting (seed 001: Quảng Bình uses the 3rd).
 * 29–31 are allowed; in a shorter month the meeting calendar falls back to the month's last day.
 */
export const meetingDay = z
  .number()
  .int()
  .min(1, { message: "Ngày sinh hoạt từ 1 đến 31" })
  .max(31, { message: "Ngày sinh hoạt từ 1 đến 31" });

export const unitDto = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  path: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  level: z.enum(UNIT_LEVELS),
  isGrassroots: z.boolean(),
  unitType: z.enum(UNIT_TYPES).nullable(),
  meetingDay: z.number().int().nullable(),
  active: z.boolean(),
  /** Active members in the whole subtree. */
  memberCount: z.number().int(),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type UnitDto = z.infer<typeof unitDto>;

export const unitBreadcrumbDto = z.object({ id: z.uuid(), name: z.string() });

export const unitDetailDto = unitDto.extend({
  ancestors: z.array(unitBreadcrumbDto),
  /** What the caller may do here (decided by the server's policy; the web only shows or hides). */
  can: z.object({
    update: z.boolean(),
    createChild: z.boolean(),
    move: z.boolean(),
    deactivate: z.boolean(),
    writeMembers: z.boolean(),
    importMembers: z.boolean(),
    exportMembers: z.boolean(),
  }),
});
export type UnitDetailDto = z.infer<typeof unitDetailDto>;

export const listUnitsQuery = z.object({
  parentId: z.uuid().optional(),
  // A query-string flag: "false" and "0" mean false (z.coerce.boolean would read any non-empty text as true).
  includeInactive: z.stringbool().default(false),
});
export type ListUnitsQuery = z.infer<typeof listUnitsQuery>;

export const createUnitInput = z.strictObject({
  parentId: id,
  name: requiredText(LIMITS.name),
  code: optionalText(LIMITS.code),
  level: z.enum(UNIT_LEVELS),
  unitType: z.enum(UNIT_TYPES).nullable().optional(),
  meetingDay: meetingDay.nullable().optional(),
});
export type CreateUnitInput = z.infer<typeof createUnitInput>;

export const updateUnitInput = z.strictObject({
  name: requiredText(LIMITS.name).optional(),
  code: optionalText(LIMITS.code),
  unitType: z.enum(UNIT_TYPES).nullable().optional(),
  meetingDay: meetingDay.nullable().optional(),
  version: z.number().int().optional(),
});
export type UpdateUnitInput = z.infer<typeof updateUnitInput>;

export const moveUnitInput = z.strictObject({ parentId: id });
export type MoveUnitInput = z.infer<typeof moveUnitInput>;

export const unitListDto = z.object({ items: z.array(unitDto) });
export type UnitListDto = z.infer<typeof unitListDto>;

/** One unit the caller may see, for pickers and filters (GET /units/options). */
export const unitOptionDto = z.object({
  id: z.uuid(),
  name: z.string(),
  path: z.string(),
  kind: z.enum(UNIT_KINDS),
  level: z.enum(UNIT_LEVELS),
  active: z.boolean(),
});
export type UnitOptionDto = z.infer<typeof unitOptionDto>;
export const unitOptionsQuery = z.object({ kind: z.enum(UNIT_KINDS).optional() });
export const unitOptionListDto = z.object({ items: z.array(unitOptionDto) });
