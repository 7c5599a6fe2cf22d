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
  // Everything about meetings sits under "meetings", so that one change can refresh all of it.
  meetings: ["meetings"] as const,
  meetingList: (params: object) => ["meetings", "list", params] as const,
  meeting: (id: string) => ["meetings", "detail", id] as const,
  meetingAttendance: (id: string) => ["meetings", "detail", id, "attendance"] as const,
  meetingCheckinCode: (id: string) => ["meetings", "detail", id, "checkin-code"] as const,
  myMeetings: ["meetings", "mine"] as const,
  meetingSchedule: (unitId: string) => ["meetings", "schedule", unitId] as const,
  thematicPlan: (unitId: string, year: number) => ["meetings", "thematic", unitId, year] as const,
  compliance: (unitId: string, year: number) => ["meetings", "compliance", unitId, year] as const,
  postponements: (unitId: string, params: object) =>
    ["meetings", "postponements", unitId, params] as const,
  absenceAlerts: (unitId: string, year: number) => ["meetings", "alerts", unitId, year] as const,
  cellMembers: (unitId: string) => ["meetings", "cell-members", unitId] as const,
  qrImage: (text: string | null) => ["qr-image", text] as const,
  notifications: ["notifications"] as const,
  calendarFeed: ["calendar-feed"] as const,
  // Tasks of resolutions: a report or a meeting's review changes lists, details and counters alike.
  tasks: ["tasks"] as const,
  myTasks: ["tasks", "mine"] as const,
  task: (id: string) => ["tasks", "detail", id] as const,
  unitTasks: (unitId: string, params: object) => ["tasks", "unit", unitId, params] as const,
  // Follow-up of members: yearly assignments and commitments, coverage, participation.
  followup: ["followup"] as const,
  memberYearly: (memberId: string) => ["followup", "yearly", memberId] as const,
  assignmentCoverage: (unitId: string, year: number) =>
    ["followup", "coverage", unitId, year] as const,
  participation: (unitId: string, to: string | null) =>
    ["followup", "participation", unitId, to ?? "today"] as const,
  agendaTemplates: ["settings", "agenda-templates"] as const,
};
