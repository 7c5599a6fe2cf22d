// Roles and what each may do. A role is always granted on one unit and reaches that unit's whole
// subtree (design: "every permission is a grant of a role on one organisation unit").
// The server's policy module is the only caller that turns this table into decisions.

export const ROLES = [
  "member", // đảng viên
  "cell_lead", // bí thư, phó bí thư, chi ủy viên
  "committee", // cấp ủy cơ sở, đảng ủy bộ phận
  "org_board", // Ban Tổ chức, Thường trực Đảng ủy Khối / Tỉnh ủy
  "inspector", // Ủy ban kiểm tra
  "supervisor", // cán bộ dự sinh hoạt
  "admin", // quản trị
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "unit.read",
  "unit.create",
  "unit.update",
  "unit.move",
  "unit.deactivate",
  "member.read",
  "member.read_private", // birth date, phone, card number and history
  "member.write",
  "member.import",
  "member.export",
  "user.manage",
  "audit.read",
  "meeting.read", // calendar, meetings, own attendance, compliance states
  "meeting.write", // schedule, plan, postpone, run a meeting, take attendance
  "meeting.alerts", // absence alerts naming members
  "tenant.configure", // the tenant's rules (meeting rules), from the tenant's top unit
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: readonly Action[] = ["unit.read", "member.read", "meeting.read"];
const READ_ALL: readonly Action[] = [
  ...READ,
  "member.read_private",
  "member.export",
  "meeting.alerts",
];
const KEEP_MEMBERS: readonly Action[] = [
  ...READ_ALL,
  "unit.update",
  "member.write",
  "member.import",
  "meeting.write",
];

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  member: READ,
  cell_lead: KEEP_MEMBERS,
  committee: [...KEEP_MEMBERS, "unit.create", "unit.move", "unit.deactivate"],
  org_board: [...READ_ALL, "audit.read"],
  inspector: [...READ_ALL, "audit.read"],
  supervisor: READ,
  admin: [...ACTIONS],
};

export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

/** Roles a grant may confer, in the order shown to administrators. */
export const GRANTABLE_ROLES = ROLES;
