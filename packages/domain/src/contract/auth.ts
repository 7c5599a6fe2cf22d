import { z } from "zod";
import { LIMITS } from "../limits.js";
import { ROLES } from "../access/roles.js";
import { ACTIONS } from "../access/roles.js";
import { UNIT_LEVELS } from "../org/tree.js";

export const loginInput = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(LIMITS.username),
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginInput = z.infer<typeof loginInput>;

export const grantDto = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  unitId: z.uuid(),
  unitName: z.string(),
  unitLevel: z.enum(UNIT_LEVELS),
});
export type GrantDto = z.infer<typeof grantDto>;

export const meDto = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    memberId: z.uuid().nullable(),
    mustChangePassword: z.boolean(),
  }),
  tenant: z.object({ id: z.uuid(), name: z.string(), isDemo: z.boolean() }),
  grants: z.array(grantDto),
  /** Actions the user may take somewhere in the tree: what the web shows, never what it enforces. */
  actions: z.array(z.enum(ACTIONS)),
});
export type MeDto = z.infer<typeof meDto>;

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: z
    .string()
    .min(LIMITS.passwordMin, { message: `Mật khẩu mới cần ít nhất ${LIMITS.passwordMin} ký tự` })
    .max(LIMITS.passwordMax),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
