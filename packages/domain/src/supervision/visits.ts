// Unannounced upper-level supervision (dự sinh hoạt): committee members and staff assigned to follow
// cells attend their meetings without telling the cell beforehand and report to the committee
// (seed 000, seed 001, seed 002). Pure: the caller passes dates, grants and paths.

import type { Role } from "../access/roles.js";
import type { ErrorDetail } from "../errors.js";
import { addDays, daysBetween, quarterRange } from "../meetings/calendar.js";
import { isWithin } from "../org/tree.js";
import { DEFAULT_SUPERVISION_RULES } from "./rules.js";

// ——— Assignments ———

/** A committee member or staff member assigned to follow a cell for a period (seed 000, seed 002). */
export interface VisitAssignment {
  userId: string;
  /** The cell followed. */
  unitId: string;
  startsOn: string;
  /** Last day of the assignment; null while open-ended. */
  endsOn: string | null;
  /** Visits required per quarter; default 1 (seed 002: "ít nhất một quý một lần"). */
  visitsPerQuarter?: number;
}

/** The assignment covers `date` (both ends included). */
export function activeOn(assignment: VisitAssignment, date: string): boolean {
  return assignment.startsOn <= date && (assignment.endsOn === null || date <= assignment.endsOn);
}

/**
 * Seed 002: at least one visit a quarter per cell. A quarter the assignment does not touch requires
 * none; a quarter it covers fully requires `visitsPerQuarter`; one it covers in part requires that
 * number prorated by the days covered, rounded up — so at least 1, and exactly 1 with the default.
 */
export function quarterDue(assignment: VisitAssignment, year: number, quarter: number): number {
  const perQuarter = assignment.visitsPerQuarter ?? DEFAULT_SUPERVISION_RULES.visitsPerQuarter;
  const { from, to } = quarterRange(year, quarter);
  const start = assignment.startsOn > from ? assignment.startsOn : from;
  const end = assignment.endsOn !== null && assignment.endsOn < to ? assignment.endsOn : to;
  if (start > end || perQuarter <= 0) return 0;
  const covered = daysBetween(start, end) + 1;
  const length = daysBetween(from, to) + 1;
  return Math.ceil((perQuarter * covered) / length);
}

/** An assignment's own problems, all at once (paths name its fields). */
export function assignmentProblems(assignment: VisitAssignment): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (assignment.endsOn !== null && assignment.endsOn < assignment.startsOn) {
    problems.push({
      path: "endsOn",
      message: "Ngày kết thúc phân công không được trước ngày bắt đầu",
    });
  }
  const n = assignment.visitsPerQuarter;
  if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 13)) {
    problems.push({
      path: "visitsPerQuarter",
      message: "Số lần dự sinh hoạt mỗi quý phải là số nguyên từ 1 đến 13",
    });
  }
  return problems;
}

// ——— Visits ———

/**
 * planned → attended → reported; a planned visit may be cancelled. A visit stays "planned" (secret from
 * the cell) until the visitor is at the meeting; it is "attended" once the visitor is recorded as a guest.
 */
export const VISIT_STATES = ["planned", "attended", "reported", "cancelled"] as const;
export type VisitState = (typeof VISIT_STATES)[number];

const VISIT_NEXT: Record<VisitState, readonly VisitState[]> = {
  planned: ["attended", "cancelled"],
  attended: ["reported"],
  reported: [],
  cancelled: [],
};

export function canMoveVisit(from: VisitState, to: VisitState): boolean {
  return VISIT_NEXT[from].includes(to);
}

/** Seed 000: what the report after a visit must say, in the seed's order. */
export const VISIT_REPORT_PARTS = [
  "time",
  "cell",
  "situation",
  "organisation",
  "exchanged",
  "opinions",
  "taken_back",
  "assessment",
  "score_decision",
] as const;
export type VisitReportPart = (typeof VISIT_REPORT_PARTS)[number];

/** Seed 000's wording of each part ("nội dung báo cáo cần nêu rõ …"). */
export const VISIT_REPORT_LABELS: Record<VisitReportPart, string> = {
  time: "Thời gian",
  cell: "Chi bộ dự sinh hoạt",
  situation: "Tình hình cơ sở và chi bộ",
  organisation: "Tình hình tổ chức sinh hoạt chi bộ",
  exchanged: "Những vấn đề đã trao đổi",
  opinions: "Ý kiến trực tiếp tại buổi sinh hoạt",
  taken_back: "Những vấn đề tiếp thu để báo cáo",
  assessment: "Đánh giá chất lượng sinh hoạt",
  score_decision: "Quyết định của cá nhân về chấm điểm, đánh giá chất lượng sinh hoạt của chi bộ",
};

/** The report's text, part by part; anything may be missing in what a client sends. */
export type VisitReportBody = Partial<Record<VisitReportPart, string | null>>;

/** Seed 000: every part is required; each missing or blank one is reported at "body.<part>". */
export function reportProblems(report: VisitReportBody): ErrorDetail[] {
  return VISIT_REPORT_PARTS.filter((part) => (report[part] ?? "").trim() === "").map((part) => ({
    path: `body.${part}`,
    message: `Báo cáo dự sinh hoạt thiếu nội dung bắt buộc: ${VISIT_REPORT_LABELS[part]}`,
  }));
}

/**
 * Seed 001: "sau khi dự sinh hoạt phải có báo cáo". The last day to file: `days` after the meeting, a
 * per-tenant number (SupervisionRules.reportDays, default 3).
 */
export function reportDueOn(
  meetingDate: string,
  days: number = DEFAULT_SUPERVISION_RULES.reportDays,
): string {
  return addDays(meetingDate, days);
}

/** Attended, not reported, and the due day has passed: listed for the committee. */
export function isReportOverdue(
  visit: { state: VisitState; meetingDate: string },
  today: string,
  days: number = DEFAULT_SUPERVISION_RULES.reportDays,
): boolean {
  return visit.state === "attended" && today > reportDueOn(visit.meetingDate, days);
}

/** Reported by the due day. */
export function reportedOnTime(
  visit: { state: VisitState; meetingDate: string; reportedOn: string | null },
  days: number = DEFAULT_SUPERVISION_RULES.reportDays,
): boolean {
  return (
    visit.state === "reported" &&
    visit.reportedOn !== null &&
    visit.reportedOn <= reportDueOn(visit.meetingDate, days)
  );
}

// ——— Visitors' compliance ———

export interface ComplianceVisit {
  visitorUserId: string;
  /** The visited cell. */
  unitId: string;
  meetingDate: string;
  state: VisitState;
  /** Local date the report was filed; null before. */
  reportedOn: string | null;
}

export interface VisitorComplianceRow {
  userId: string;
  unitId: string;
  /** Visits the assignment requires in the quarter (quarterDue; the largest when assigned twice). */
  required: number;
  /** Visits attended in the quarter (attended or reported). */
  attended: number;
  reported: number;
  reportedOnTime: number;
  /** Attended at least as often as required. */
  met: boolean;
}

export interface VisitorComplianceTotals {
  required: number;
  attended: number;
  reported: number;
  reportedOnTime: number;
  /** (visitor, cell) pairs listed, and those that met their requirement. */
  pairs: number;
  met: number;
  /** Visitors listed, and those who met every requirement of theirs. */
  visitors: number;
  visitorsMet: number;
}

export interface VisitorCompliance {
  rows: VisitorComplianceRow[];
  totals: VisitorComplianceTotals;
}

/**
 * Seed 000: each quarter the grassroots committee assesses its members' and staff's compliance with
 * the duty to attend their cells. One row per (visitor, cell) that was due a visit or had one in the
 * quarter (a visit to a cell not assigned counts, with nothing required), sorted by visitor then cell.
 * Visits count by their meeting's date; cancelled and still-planned visits do not count.
 */
export function visitorCompliance(
  assignments: readonly VisitAssignment[],
  visits: readonly ComplianceVisit[],
  year: number,
  quarter: number,
  days: number = DEFAULT_SUPERVISION_RULES.reportDays,
): VisitorCompliance {
  const { from, to } = quarterRange(year, quarter);
  const rows = new Map<string, VisitorComplianceRow>();
  const row = (userId: string, unitId: string): VisitorComplianceRow => {
    const key = JSON.stringify([userId, unitId]);
    let r = rows.get(key);
    if (!r) {
      r = { userId, unitId, required: 0, attended: 0, reported: 0, reportedOnTime: 0, met: true };
      rows.set(key, r);
    }
    return r;
  };
  for (const a of assignments) {
    const due = quarterDue(a, year, quarter);
    if (due > 0) {
      const r = row(a.userId, a.unitId);
      r.required = Math.max(r.required, due);
    }
  }
  for (const v of visits) {
    if (v.meetingDate < from || v.meetingDate > to) continue;
    if (v.state !== "attended" && v.state !== "reported") continue;
    const r = row(v.visitorUserId, v.unitId);
    r.attended += 1;
    if (v.state === "reported") r.reported += 1;
    if (reportedOnTime(v, days)) r.reportedOnTime += 1;
  }
  const list = [...rows.values()].sort((a, b) =>
    a.userId === b.userId ? compare(a.unitId, b.unitId) : compare(a.userId, b.userId),
  );
  const visitorsMet = new Map<string, boolean>();
  const totals: VisitorComplianceTotals = {
    required: 0,
    attended: 0,
    reported: 0,
    reportedOnTime: 0,
    pairs: list.length,
    met: 0,
    visitors: 0,
    visitorsMet: 0,
  };
  for (const r of list) {
    r.met = r.attended >= r.required;
    totals.required += r.required;
    totals.attended += r.attended;
    totals.reported += r.reported;
    totals.reportedOnTime += r.reportedOnTime;
    if (r.met) totals.met += 1;
    visitorsMet.set(r.userId, (visitorsMet.get(r.userId) ?? true) && r.met);
  }
  totals.visitors = visitorsMet.size;
  totals.visitorsMet = [...visitorsMet.values()].filter(Boolean).length;
  return { rows: list, totals };
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

// ——— Visibility ———

/**
 * Roles through which a grant on the visitor's committee (or above it) sees planned visits: the
 * committee itself, its organisation board (seed 000: it sums up committee members' and staff's
 * attendance duty) and its inspection commission (seed 000: it checks that duty). Not members, cell
 * leads, fellow supervisors or technical administrators.
 */
export const PLANNED_VISIT_ROLES: readonly Role[] = ["committee", "org_board", "inspector"];

export interface VisitViewer {
  userId: string;
  grants: readonly { role: Role; unitPath: string }[];
  /**
   * The unit path of the viewer's own member record (the cell they belong to), whatever their
   * grants: a committee member who belongs to a cell is one of that cell even with no grant in it.
   */
  memberPath?: string | null;
}

export interface VisibleVisit {
  visitorUserId: string;
  /** The path of the visitor's own committee (where they were assigned from). */
  visitorUnitPath: string;
  /** The path of the visited cell. */
  cellPath: string;
  state: VisitState;
}

/**
 * One of the visited cell: any grant of the viewer's inside the cell's subtree (member, lead, group
 * …), or their own member record there.
 */
export function isInsider(
  viewer: Pick<VisitViewer, "grants" | "memberPath">,
  cellPath: string,
): boolean {
  if (viewer.memberPath != null && isWithin(viewer.memberPath, cellPath)) return true;
  return viewer.grants.some((g) => isWithin(g.unitPath, cellPath));
}

/**
 * Problems of planning a visit, all at once: a visitor never goes to a cell they belong to or lead (the
 * visit would no longer be unannounced, and they would see it), nor to a meeting already past.
 */
export function visitPlanProblems(input: {
  visitor: Pick<VisitViewer, "grants" | "memberPath">;
  cellPath: string;
  meetingDate: string;
  today: string;
}): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (isInsider(input.visitor, input.cellPath)) {
    problems.push({
      path: "unitId",
      message: "Không đi dự sinh hoạt tại chi bộ mà mình là đảng viên hoặc cấp ủy viên",
    });
  }
  if (input.meetingDate < input.today) {
    problems.push({
      path: "meetingDate",
      message: "Buổi sinh hoạt đã qua, không thể lên kế hoạch dự",
    });
  }
  return problems;
}

/** A grant of a committee role on the visitor's committee or above it. */
function onVisitorsCommittee(viewer: VisitViewer, visitorUnitPath: string): boolean {
  return viewer.grants.some(
    (g) => PLANNED_VISIT_ROLES.includes(g.role) && isWithin(visitorUnitPath, g.unitPath),
  );
}

/**
 * Seed 000: the visitor goes "không thông báo trước cho chi bộ biết" — without telling the cell
 * beforehand. So a planned (or cancelled, which never happened) visit is seen by the visitor and by the
 * visitor's own committee only, and never by anyone with a grant inside the visited cell, whatever
 * other grants they hold, nor by a member of the cell (a committee member who belongs to the cell does
not see visits to it). Once
 * attended, the visitor is a guest of the meeting: the visit is visible to the cell and to anyone whose
 * grants reach it, besides the visitor's committee. The service must never plan a visit by an insider
 * of the cell (`isInsider`), so the visitor seeing their own visit never reaches the cell.
 */
export function visitVisibleTo(viewer: VisitViewer, visit: VisibleVisit): boolean {
  if (viewer.userId === visit.visitorUserId) return true;
  switch (visit.state) {
    case "planned":
    case "cancelled":
      return (
        !isInsider(viewer, visit.cellPath) && onVisitorsCommittee(viewer, visit.visitorUnitPath)
      );
    case "attended":
    case "reported":
      return (
        onVisitorsCommittee(viewer, visit.visitorUnitPath) ||
        viewer.grants.some(
          (g) => isWithin(visit.cellPath, g.unitPath) || isWithin(g.unitPath, visit.cellPath),
        )
      );
  }
}

/**
 * Seed 000, seed 001: the report goes to the committee ("báo cáo gửi thường trực cấp ủy"), so its body
 * is read by the visitor and the visitor's committee; before the visit is attended, also never by an
 * insider of the cell. The cell sees the decided score through the scoring, not the report.
 */
export function visitReportVisibleTo(viewer: VisitViewer, visit: VisibleVisit): boolean {
  if (viewer.userId === visit.visitorUserId) return true;
  if (!onVisitorsCommittee(viewer, visit.visitorUnitPath)) return false;
  return visit.state === "attended" || visit.state === "reported"
    ? true
    : !isInsider(viewer, visit.cellPath);
}
