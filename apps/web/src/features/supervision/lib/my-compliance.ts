import { quarterDue, quarterRange, type VisitDto } from "@chibo/domain";

export interface MyComplianceRow {
  unitId: string;
  unitName: string;
  required: number;
  attended: number;
  reported: number;
  reportedOnTime: number;
  met: boolean;
}

export interface AssignmentLike {
  unitId: string;
  unitName: string;
  startsOn: string;
  endsOn: string | null;
  visitsPerQuarter: number;
}

/** The day a visit counts by: its meeting's date, else the planned date (as the server counts). */
export function visitDay(visit: Pick<VisitDto, "meeting" | "plannedOn">): string {
  return visit.meeting?.date ?? visit.plannedOn;
}

/**
 * The visitor's own compliance in a quarter, computed in the browser from GET /me/assigned-cells and
 * GET /visits/mine (the committee's GET /units/:id/visitor-compliance needs meeting.alerts, which a
 * visitor usually lacks). Same rules as the domain's visitorCompliance: required by quarterDue, visits
 * counted by their meeting's date, attended or reported only; on time when filed by the due day.
 */
export function myCompliance(
  assignments: readonly AssignmentLike[],
  visits: readonly VisitDto[],
  year: number,
  quarter: number,
): MyComplianceRow[] {
  const { from, to } = quarterRange(year, quarter);
  const rows = new Map<string, MyComplianceRow>();
  const row = (unitId: string, unitName: string) => {
    let r = rows.get(unitId);
    if (!r) {
      r = { unitId, unitName, required: 0, attended: 0, reported: 0, reportedOnTime: 0, met: true };
      rows.set(unitId, r);
    }
    return r;
  };
  for (const a of assignments) {
    const due = quarterDue({ ...a, userId: "" }, year, quarter);
    if (due > 0) {
      const r = row(a.unitId, a.unitName);
      r.required = Math.max(r.required, due);
    }
  }
  for (const v of visits) {
    const day = visitDay(v);
    if (day < from || day > to) continue;
    if (v.state !== "attended" && v.state !== "reported") continue;
    const r = row(v.unitId, v.unitName);
    r.attended += 1;
    if (v.state === "reported") {
      r.reported += 1;
      if (v.reportedOn !== null && v.reportedOn <= v.reportDueOn) r.reportedOnTime += 1;
    }
  }
  const list = [...rows.values()];
  for (const r of list) r.met = r.attended >= r.required;
  return list.sort((a, b) => a.unitName.localeCompare(b.unitName, "vi"));
}
