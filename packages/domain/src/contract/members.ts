import { z } from "zod";
import { LIMITS } from "../limits.js";
import {
  memberDateProblems,
  GENDERS,
  LEAVE_KINDS,
  MEMBER_EVENT_KINDS,
  MEMBER_STATUSES,
  POSITION_TITLES,
} from "../people/member.js";
import {
  id,
  isoDate,
  isValidDate,
  crossField,
  optionalText,
  pageOf,
  pageQuery,
  requiredText,
} from "./common.js";

const cardNumber = z
  .string()
  .trim()
  .max(LIMITS.cardNumber, { message: `Tối đa ${LIMITS.cardNumber} ký tự` })
  .regex(/^[0-9A-Za-z.-]*$/u, { message: "Số thẻ chỉ gồm chữ số, chữ cái, dấu chấm hoặc gạch" })
  .transform((s) => (s === "" ? null : s))
  .nullable()
  .optional();

/** Fields of the member register (form 7-HSĐV) that a cell keeps. */
const memberFields = {
  fullName: requiredText(LIMITS.name),
  birthName: optionalText(LIMITS.name),
  gender: z.enum(GENDERS),
  birthDate: isoDate,
  ethnicity: optionalText(LIMITS.shortText),
  religion: optionalText(LIMITS.shortText),
  hometown: optionalText(LIMITS.shortText),
  education: optionalText(LIMITS.shortText),
  politicalTheory: optionalText(LIMITS.shortText),
  qualification: optionalText(LIMITS.shortText),
  occupation: optionalText(LIMITS.shortText),
  phone: optionalText(30),
  email: z
    .union([z.literal(""), z.email({ message: "Email không hợp lệ" }).max(LIMITS.shortText)])
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional(),
  joinDate: isoDate,
  officialDate: isoDate.nullable().optional(),
  cardNumber,
  notes: optionalText(LIMITS.longText),
};

/** The register fields a member command may set, in the order of form 7-HSĐV. */
export const MEMBER_FIELD_KEYS = Object.keys(memberFields) as (keyof typeof memberFields)[];

function datesInOrder(
  v: { birthDate?: string; joinDate?: string; officialDate?: string | null },
  ctx: z.core.$RefinementCtx,
) {
  // Only dates that are themselves valid are compared, so a bad date gets one message.
  const problems = memberDateProblems({
    birthDate: isValidDate(v.birthDate) ? v.birthDate : null,
    joinDate: isValidDate(v.joinDate) ? v.joinDate : null,
    officialDate: isValidDate(v.officialDate) ? v.officialDate : null,
  });
  for (const p of problems) ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
}

export const createMemberInput = z
  .strictObject({ unitId: id, ...memberFields })
  .superRefine(datesInOrder, crossField);
export type CreateMemberInput = z.infer<typeof createMemberInput>;

export const updateMemberInput = z
  .strictObject({
    ...Object.fromEntries(Object.entries(memberFields).map(([k, v]) => [k, v.optional()])),
    version: z.number().int(),
  } as { [K in keyof typeof memberFields]: z.ZodOptional<(typeof memberFields)[K]> } & {
    version: z.ZodNumber;
  })
  .superRefine(datesInOrder, crossField);
export type UpdateMemberInput = z.infer<typeof updateMemberInput>;

export const makeOfficialInput = z.strictObject({ officialDate: isoDate });
export const exemptionInput = z
  .strictObject({
    from: isoDate,
    to: isoDate.nullable().optional(),
    reason: requiredText(LIMITS.shortText),
  })
  .refine((v) => !isValidDate(v.from) || !isValidDate(v.to) || v.to >= v.from, {
    ...crossField,
    path: ["to"],
    message: "Ngày kết thúc không được trước ngày bắt đầu",
  });
export type ExemptionInput = z.infer<typeof exemptionInput>;
export const endExemptionInput = z.strictObject({ to: isoDate });
export const transferInput = z.strictObject({
  toUnitId: id,
  date: isoDate,
  note: optionalText(LIMITS.shortText),
});
export type TransferInput = z.infer<typeof transferInput>;
export const leaveInput = z.strictObject({
  kind: z.enum(LEAVE_KINDS),
  date: isoDate,
  note: optionalText(LIMITS.shortText),
});
export type LeaveInput = z.infer<typeof leaveInput>;
export const positionInput = z
  .strictObject({
    unitId: id,
    title: z.enum(POSITION_TITLES),
    from: isoDate,
    to: isoDate.nullable().optional(),
  })
  .refine((v) => !isValidDate(v.from) || !isValidDate(v.to) || v.to >= v.from, {
    ...crossField,
    path: ["to"],
    message: "Ngày kết thúc không được trước ngày bắt đầu",
  });
export type PositionInput = z.infer<typeof positionInput>;
export const endPositionInput = z.strictObject({ to: isoDate });

export const listMembersQuery = pageQuery.extend({
  unitId: z.uuid().optional(),
  q: z.string().trim().max(LIMITS.name).optional(),
  status: z.enum([...MEMBER_STATUSES, "left", "all"]).optional(),
  exempt: z.enum(["yes", "no"]).optional(),
});
export type ListMembersQuery = z.infer<typeof listMembersQuery>;

export const exemptionDto = z.object({
  id: z.uuid(),
  from: z.string(),
  to: z.string().nullable(),
  reason: z.string(),
});
export const positionDto = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.enum(POSITION_TITLES),
  from: z.string(),
  to: z.string().nullable(),
});

export const memberSummaryDto = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  fullName: z.string(),
  gender: z.enum(GENDERS),
  status: z.enum(MEMBER_STATUSES),
  active: z.boolean(),
  exempt: z.boolean(),
  leaveKind: z.enum(LEAVE_KINDS).nullable(),
  /** Only for callers allowed to read private data; otherwise null. */
  birthYear: z.number().int().nullable(),
  cardNumber: z.string().nullable(),
  positions: z.array(z.enum(POSITION_TITLES)),
});
export type MemberSummaryDto = z.infer<typeof memberSummaryDto>;

export const memberPageDto = pageOf(memberSummaryDto);
export type MemberPageDto = z.infer<typeof memberPageDto>;

export const memberDto = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  fullName: z.string(),
  birthName: z.string().nullable(),
  gender: z.enum(GENDERS),
  birthDate: z.string().nullable(),
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  hometown: z.string().nullable(),
  education: z.string().nullable(),
  politicalTheory: z.string().nullable(),
  qualification: z.string().nullable(),
  occupation: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  joinDate: z.string().nullable(),
  officialDate: z.string().nullable(),
  cardNumber: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(MEMBER_STATUSES),
  active: z.boolean(),
  leftOn: z.string().nullable(),
  leaveKind: z.enum(LEAVE_KINDS).nullable(),
  exemptions: z.array(exemptionDto),
  positions: z.array(positionDto),
  version: z.number().int(),
  /** What the caller may do with this member (decided by the server's policy). */
  can: z.object({ write: z.boolean(), readPrivate: z.boolean() }),
});
export type MemberDto = z.infer<typeof memberDto>;

export const memberEventDto = z.object({
  id: z.uuid(),
  kind: z.enum(MEMBER_EVENT_KINDS),
  date: z.string(),
  fromUnitName: z.string().nullable(),
  toUnitName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export type MemberEventDto = z.infer<typeof memberEventDto>;

export const memberHistoryDto = z.object({ items: z.array(memberEventDto) });
export type MemberHistoryDto = z.infer<typeof memberHistoryDto>;

export const importQuery = z.object({
  unitId: z.uuid(),
  mode: z.enum(["all_or_nothing", "valid_rows"]).default("all_or_nothing"),
});
export const importRowErrorDto = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorDto>;
export const importReportDto = z.object({
  totalRows: z.number().int(),
  imported: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(importRowErrorDto),
});
export type ImportReportDto = z.infer<typeof importReportDto>;
