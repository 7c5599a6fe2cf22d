import {
  guidanceOn,
  hasNotice,
  regularMonthState,
  type DurationRules,
  type GuestDto,
  type MeetingDto,
  type PostponementDto,
} from "@chibo/domain";
import type { MeetingListRow, MeetingRow, PostponementJson } from "./meetings.repository.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Seed 000 (domain hasNotice): notice is a report before the date the cell answers for. */
function withNotice(p: { reportedOn: string; fromDate: string }, meeting: MeetingRow): boolean {
  return hasNotice(meeting.registeredDate ?? p.fromDate, p);
}

export function presentPostponement(
  p: PostponementJson,
  meeting: MeetingRow,
  unitName: string,
): PostponementDto {
  return {
    id: p.id,
    meetingId: p.meetingId,
    unitId: p.unitId,
    unitName,
    fromDate: p.fromDate,
    newDate: p.newDate,
    reason: p.reason,
    reportedAt: new Date(p.reportedAt).toISOString(),
    reportedOn: p.reportedOn,
    withNotice: withNotice(p, meeting),
    reportedBy: p.reportedBy,
  };
}

/**
 * Seed 000 and HD12: a regular meeting's compliance state on `today` — the same rule, the same facts
 * (first notice, actual day, duration) as the committee's calendar.
 */
function complianceOf(row: MeetingListRow, ctx: PresentContext): MeetingDto["compliance"] {
  const m = row.meeting;
  if (m.kind !== "regular" || m.registeredDate === null || m.status === "cancelled") return null;
  const p = row.postponement;
  const took = m.status === "held" || m.status === "in_progress";
  return regularMonthState({
    registeredDate: m.registeredDate,
    today: ctx.today,
    postponement: p ? { reportedOn: p.firstReportedOn ?? p.reportedOn, newDate: m.date } : null,
    held: took
      ? {
          date: m.heldOn ?? m.date,
          minutes: m.status === "held" ? m.durationMinutes : null,
          combinedWithThematic: m.combinedWithThematic,
        }
      : null,
    rules: ctx.rules,
  });
}

export interface PresentContext {
  today: string;
  rules: DurationRules;
}

export function presentMeeting(row: MeetingListRow, ctx: PresentContext): MeetingDto {
  const m = row.meeting;
  return {
    id: m.id,
    unitId: m.unitId,
    unitName: row.unitName,
    kind: m.kind,
    status: m.status,
    mode: m.mode,
    period: m.period,
    registeredDate: m.registeredDate,
    date: m.date,
    startTime: m.startTime,
    place: m.place,
    onlineUrl: m.onlineUrl,
    topic: m.topic,
    preparesMeetingId: m.preparesMeetingId,
    thematicTopicId: m.thematicTopicId,
    combinedWithThematic: m.combinedWithThematic,
    startedAt: iso(m.startedAt),
    endedAt: iso(m.endedAt),
    durationMinutes: m.durationMinutes,
    guidance: guidanceOn(m.heldOn ?? m.date),
    postponement: row.postponement ? presentPostponement(row.postponement, m, row.unitName) : null,
    attendanceRate: row.attendanceRate,
    compliance: complianceOf(row, ctx),
    version: m.version,
  };
}

export function presentGuest(g: {
  id: string;
  name: string;
  title: string | null;
  kind: GuestDto["kind"];
}): GuestDto {
  return { id: g.id, name: g.name, title: g.title, kind: g.kind };
}
