// Query keys shared across features, so that one feature can refresh what another shows
// (moving a member changes the member counts of the tree) without importing it.
export const queryKeys = {
  me: ["me"] as const,
  units: ["units"] as const,
  unitChildren: (parentId: string | null) => ["units", "children", parentId ?? "top"] as const,
  unit: (id: string) => ["units", "detail", id] as const,
  members: ["members"] as const,
  memberList: (params: object) => ["members", "list", params] as const,
  member: (id: string) => ["members", "detail", id] as const,
  memberHistory: (id: string) => ["members", "detail", id, "history"] as const,
  users: ["users"] as const,
  userList: (params: object) => ["users", "list", params] as const,
  audit: ["audit"] as const,
  auditList: (params: object) => ["audit", "list", params] as const,
};
