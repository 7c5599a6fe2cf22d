// Unannounced upper-level supervision (issue 5): assignments, visits, reports, visitors' compliance.
import { z } from "zod";
import { ROLES } from "../access/roles.js";
import { LIMITS } from "../limits.js";
import { VISIT_REPORT_PARTS, VISIT_STATES } from "../supervision/visits.js";
import { MEETING_KINDS, MEETING_STATUSES } from "../meetings/kinds.js";
import { id, isoDate, requiredText, text } from "./common.js";

export const supervisionAssignmentInput = z.strictObject({
  userId: id,
  /** The cell followed. */
  unitId: id,
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  /** Checked by assignmentProblems (1–13) so every problem comes back at once. */
  visitsPerQuarter: z.number().int().default(1),
});
export type SupervisionAssignmentInput = z.infer<typeof supervisionAssignmentInput>;

export const supervisionAssignmentEndInput = z.strictObject({ endsOn: isoDate });

export const supervisionAssignmentDto = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  visitsPerQuarter: z.number().int(),
  /** Covers today. */
  active: z.boolean(),
});
export type SupervisionAssignmentDto = z.infer<typeof supervisionAssignmentDto>;
export const supervisionAssignmentListDto = z.object({ items: z.array(supervisionAssignmentDto) });

/** At most this many people come back from one search for someone to assign. */
export const SUPERVISION_CANDIDATES_MAX = 20;

export const supervisionCandidatesQuery = z.object({
  /** Words of the name (accents optional) or part of the username; empty lists the first by name. */
  q: text(LIMITS.name).optional(),
});
export type SupervisionCandidatesQuery = z.infer<typeof supervisionCandidatesQuery>;

/** Someone who may be assigned to follow the committee's cells, with the grant that qualifies them. */
export const supervisionCandidateDto = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  unitId: z.uuid(),
  unitName: z.string(),
});
export type SupervisionCandidateDto = z.infer<typeof supervisionCandidateDto>;
export const supervisionCandidateListDto = z.object({ items: z.array(supervisionCandidateDto) });

export const visitPlanInput = z.strictObject({
  unitId: id,
  plannedOn: isoDate,
  meetingId: id.nullable().optional(),
});
export type VisitPlanInput = z.infer<typeof visitPlanInput>;

export const visitAttendInput = z.strictObject({ meetingId: id });
export const visitCancelInput = z.strictObject({ reason: requiredText(1000) });

const reportPart = text(20_000).nullable().optional();
/** Every part is required; a missing or blank one is reported by reportProblems at "body.<part>". */
export const visitReportInput = z.strictObject(
  Object.fromEntries(VISIT_REPORT_PARTS.map((p) => [p, reportPart])) as Record<
    (typeof VISIT_REPORT_PARTS)[number],
    typeof reportPart
  >,
);
export type VisitReportInput = z.infer<typeof visitReportInput>;

export const visitMeetingDto = z.object({
  id: z.uuid(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  date: z.string(),
  startTime: z.string().nullable(),
  place: z.string().nullable(),
});
export type VisitMeetingDto = z.infer<typeof visitMeetingDto>;

export const visitDto = z.object({
  id: z.uuid(),
  state: z.enum(VISIT_STATES),
  visitorUserId: z.uuid(),
  visitorName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  /** The cell's registered day of the month, time and place. */
  meetingDay: z.number().int().nullable(),
  meetingTime: z.string().nullable(),
  meetingPlace: z.string().nullable(),
  plannedOn: z.string(),
  meeting: visitMeetingDto.nullable(),
  attendedAt: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  /** Last day to file the report (from the meeting's date, else the planned date). */
  reportDueOn: z.string(),
  overdue: z.boolean(),
  reportedOn: z.string().nullable(),
  /** Only for the visitor and their committee (visitReportVisibleTo). */
  report: z.record(z.enum(VISIT_REPORT_PARTS), z.string().nullable()).nullable(),
});
export type VisitDto = z.infer<typeof visitDto>;
export const visitListDto = z.object({ items: z.array(visitDto) });

export const assignedCellDto = z.object({
  assignmentId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  meetingDay: z.number().int().nullable(),
  meetingTime: z.string().nullable(),
  meetingPlace: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  visitsPerQuarter: z.number().int(),
  /** The next regular meetings on the cell's calendar (today or later). */
  nextMeetings: z.array(visitMeetingDto),
});
export const assignedCellListDto = z.object({ items: z.array(assignedCellDto) });

export const quarterQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});

export const visitorComplianceRowDto = z.object({
  userId: z.uuid(),
  userName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  required: z.number().int(),
  attended: z.number().int(),
  reported: z.number().int(),
  reportedOnTime: z.number().int(),
  met: z.boolean(),
});
export const visitorComplianceDto = z.object({
  unitId: z.uuid(),
  year: z.number().int(),
  quarter: z.number().int(),
  rows: z.array(visitorComplianceRowDto),
  totals: z.object({
    required: z.number().int(),
    attended: z.number().int(),
    reported: z.number().int(),
    reportedOnTime: z.number().int(),
    pairs: z.number().int(),
    met: z.number().int(),
    visitors: z.number().int(),
    visitorsMet: z.number().int(),
  }),
});
export type VisitorComplianceDto = z.infer<typeof visitorComplianceDto>;
