import { VISIT_REPORT_PARTS, type VisitReportPart } from "@chibo/domain";

export type ReportValues = Record<VisitReportPart, string>;

const key = (visitId: string) => `chibo.visit-report.${visitId}`;

export function emptyReport(): ReportValues {
  return Object.fromEntries(VISIT_REPORT_PARTS.map((p) => [p, ""])) as ReportValues;
}

/** The draft typed on this device, if any (localStorage; kept until the server has the report). */
export function loadReportDraft(visitId: string): ReportValues | null {
  try {
    const raw = window.localStorage.getItem(key(visitId));
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return null;
    const values = emptyReport();
    for (const part of VISIT_REPORT_PARTS) {
      const v: unknown = (parsed as Record<string, unknown>)[part];
      if (typeof v === "string") values[part] = v;
    }
    return values;
  } catch {
    return null;
  }
}

export function saveReportDraft(visitId: string, values: ReportValues): void {
  try {
    window.localStorage.setItem(key(visitId), JSON.stringify(values));
  } catch {
    // Private mode or full storage: the draft lasts while the form is open.
  }
}

export function clearReportDraft(visitId: string): void {
  try {
    window.localStorage.removeItem(key(visitId));
  } catch {
    // Nothing to clear.
  }
}
