// Everything about supervision sits under one key, so that a visit's change refreshes every list.
// Planned visits are the visitor's and their committee's alone: nothing here is shared with the cell.
export const supervisionKeys = {
  all: ["supervision"] as const,
  assignedCells: ["supervision", "assigned-cells"] as const,
  myVisits: ["supervision", "visits", "mine"] as const,
  assignments: (unitId: string) => ["supervision", "assignments", unitId] as const,
  unitVisits: (unitId: string, year: number, quarter: number) =>
    ["supervision", "unit-visits", unitId, year, quarter] as const,
  compliance: (unitId: string, year: number, quarter: number) =>
    ["supervision", "compliance", unitId, year, quarter] as const,
  overdue: (unitId: string) => ["supervision", "overdue", unitId] as const,
  cellMeetings: (unitId: string, from: string, to: string) =>
    ["supervision", "cell-meetings", unitId, from, to] as const,
};

export const visitPath = (id: string) => `/api/v1/visits/${encodeURIComponent(id)}`;
export const unitApi = (id: string) => `/api/v1/units/${encodeURIComponent(id)}`;
