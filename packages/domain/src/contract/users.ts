import { z } from "zod";
import { LIMITS } from "../limits.js";
import { ROLES } from "../access/roles.js";
import { id, pageOf, pageQuery, requiredText } from "./common.js";
import { grantDto } from "./auth.js";

export const createUserInput = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, { message: "Tên đăng nhập cần ít nhất 3 ký tự" })
    .max(LIMITS.username)
    .regex(/^[a-z0-9._-]+$/u, { message: "Chỉ gồm chữ thường không dấu, số, dấu chấm, gạch" }),
  displayName: requiredText(LIMITS.name),
  password: z
    .string()
    .min(LIMITS.passwordMin, { message: `Mật khẩu cần ít nhất ${LIMITS.passwordMin} ký tự` })
    .max(LIMITS.passwordMax),
  memberId: id.nullable().optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.strictObject({
  displayName: requiredText(LIMITS.name).optional(),
  active: z.boolean().optional(),
  password: z
    .string()
    .min(LIMITS.passwordMin, { message: `Mật khẩu cần ít nhất ${LIMITS.passwordMin} ký tự` })
    .max(LIMITS.passwordMax)
    .optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const createGrantInput = z.strictObject({ unitId: id, role: z.enum(ROLES) });
export type CreateGrantInput = z.infer<typeof createGrantInput>;

export const userDto = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  memberId: z.uuid().nullable(),
  grants: z.array(grantDto),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userDto>;

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(LIMITS.name).optional(),
});
export const userPageDto = pageOf(userDto);
export type UserPageDto = z.infer<typeof userPageDto>;

export const auditEntryDto = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;
export const listAuditQuery = pageQuery.extend({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(60).optional(),
});
export const auditPageDto = pageOf(auditEntryDto);
export type AuditPageDto = z.infer<typeof auditPageDto>;
