import {
  isReportOverdue,
  reportDueOn,
  VISIT_REPORT_PARTS,
  type SupervisionAssignmentDto,
  type VisitDto,
  type VisitMeetingDto,
  type VisitReportBody,
} from "@chibo/domain";
import type { AssignmentRow, MeetingRow, VisitRow } from "./supervision.repository.js";

/** The day a visit counts by: the meeting's (held) date, else the planned date. */
export function visitDay(row: VisitRow): string {
  return row.meetingHeldOn ?? row.meetingDate ?? row.plannedOn;
}

function presentReport(report: VisitReportBody | null): VisitDto["report"] {
  if (!report) return null;
  return Object.fromEntries(
    VISIT_REPORT_PARTS.map((p) => [p, report[p] ?? null]),
  ) as VisitDto["report"];
}

export function presentMeeting(row: MeetingRow): VisitMeetingDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    date: row.date,
    startTime: row.startTime,
    place: row.place,
  };
}

/** Whitelisted fields; the report's text only when `withReport` (visitReportVisibleTo). */
export function presentVisit(
  row: VisitRow,
  opts: { today: string; reportDays: number; withReport: boolean },
): VisitDto {
  const day = visitDay(row);
  return {
    id: row.id,
    state: row.state,
    visitorUserId: row.visitorUserId,
    visitorName: row.visitorName,
    unitId: row.unitId,
    unitName: row.unitName,
    meetingDay: row.meetingDay,
    meetingTime: row.meetingTime,
    meetingPlace: row.meetingPlace,
    plannedOn: row.plannedOn,
    meeting:
      row.meetingId && row.meetingKind && row.meetingStatus && row.meetingDate
        ? {
            id: row.meetingId,
            kind: row.meetingKind,
            status: row.meetingStatus,
            date: row.meetingDate,
            startTime: row.meetingStartTime,
            place: row.meetingPlaceActual,
          }
        : null,
    attendedAt: row.attendedAt ? row.attendedAt.toISOString() : null,
    cancelledReason: row.cancelledReason,
    reportDueOn: reportDueOn(day, opts.reportDays),
    overdue: isReportOverdue({ state: row.state, meetingDate: day }, opts.today, opts.reportDays),
    reportedOn: row.reportedOn,
    report: opts.withReport ? presentReport(row.report) : null,
  };
}

export function presentAssignment(row: AssignmentRow, today: string): SupervisionAssignmentDto {
  return {
    id: row.id,
    userId: row.userId,
    userName: row.userName,
    unitId: row.unitId,
    unitName: row.unitName,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    visitsPerQuarter: row.visitsPerQuarter,
    active: row.startsOn <= today && (row.endsOn === null || today <= row.endsOn),
  };
}
