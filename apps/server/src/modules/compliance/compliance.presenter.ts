import {
  hasNotice,
  type AbsenceAlert,
  type AbsenceAlertDto,
  type PostponementDto,
} from "@chibo/domain";
import type { PostponementListRow } from "./compliance.repository.js";

/** Seed 000: a postponement is notice only when reported before the date the cell answers for. */
export function presentPostponement(row: PostponementListRow): PostponementDto {
  const answersFor =
    row.meetingKind === "regular" && row.registeredDate !== null
      ? row.registeredDate
      : row.fromDate;
  return {
    id: row.id,
    meetingId: row.meetingId,
    unitId: row.unitId,
    unitName: row.unitName,
    fromDate: row.fromDate,
    newDate: row.newDate,
    reason: row.reason,
    reportedAt: row.reportedAt.toISOString(),
    reportedOn: row.reportedOn,
    withNotice: hasNotice(answersFor, { reportedOn: row.reportedOn }),
    reportedBy: row.reporterName,
  };
}

export function presentAbsenceAlert(
  alert: AbsenceAlert,
  member: { fullName: string; unitId: string; unitName: string },
): AbsenceAlertDto {
  return {
    rule: alert.rule,
    memberId: alert.memberId,
    fullName: member.fullName,
    unitId: member.unitId,
    unitName: member.unitName,
    dates: alert.dates,
  };
}
