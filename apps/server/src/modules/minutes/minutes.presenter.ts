// Rows → DTOs of the minutes module, and the attendance summary the minutes and the votes rest on.
import {
  attendanceCounts,
  attendanceRate,
  hasQuorum,
  quorumNeeded,
  votingBody,
  type AttendanceMarks,
  type MeetingRules,
  type MinutesAttendanceDto,
  type ResolutionDto,
  type ResolutionKind,
  type RosterEntry,
  type TaskDto,
  type VoteContext,
} from "@chibo/domain";
import type { AttendanceLine, ResolutionRow } from "./minutes.repository.js";

const came = (l: AttendanceLine) => l.status === "present" || l.status === "late";

function rosterOf(lines: readonly AttendanceLine[]) {
  const roster: RosterEntry[] = lines.map((l) => ({
    memberId: l.memberId,
    status: l.memberStatus,
    exempt: l.exempt,
  }));
  const marks: AttendanceMarks = new Map(
    lines.flatMap((l) => (l.status ? [[l.memberId, l.status] as const] : [])),
  );
  return { roster, marks };
}

/**
 * Charter: only official members vote, so the ballots cannot exceed the official members present —
 * exempt members who chose to attend included (24-QĐ/TW §9.3.2); quorum by the tenant's rules.
 */
export function voteContext(lines: readonly AttendanceLine[], rules: MeetingRules): VoteContext {
  const { roster, marks } = rosterOf(lines);
  return {
    votingBody: votingBody(roster, marks),
    officialPresent: lines.filter((l) => came(l) && l.memberStatus === "official").length,
    quorum: hasQuorum(attendanceCounts(roster, marks), rules),
  };
}

/** HD12 opening: totals, official and probationary, exempt, present, absentees with names and reasons. */
export function attendanceSummary(
  lines: readonly AttendanceLine[],
  guests: readonly { name: string; title: string | null }[],
  rules: MeetingRules,
): MinutesAttendanceDto {
  const { roster, marks } = rosterOf(lines);
  const counts = attendanceCounts(roster, marks);
  const ctx = voteContext(lines, rules);
  return {
    counts,
    presentOfficial: ctx.officialPresent,
    presentProbationary: lines.filter((l) => came(l) && l.memberStatus === "probationary").length,
    rate: attendanceRate(counts),
    quorumNeeded: quorumNeeded(counts, rules),
    hasQuorum: ctx.quorum,
    votingBody: ctx.votingBody,
    officialPresent: ctx.officialPresent,
    absentExcused: lines
      .filter((l) => l.status === "absent_excused")
      .map((l) => ({ memberId: l.memberId, fullName: l.fullName, reason: l.reason })),
    absentUnexcused: lines
      .filter((l) => l.status === "absent_unexcused")
      .map((l) => ({ memberId: l.memberId, fullName: l.fullName })),
    guests: guests.map((g) => ({ name: g.name, title: g.title })),
  };
}

/**
 * Reasons for absence are personal (as on the attendance screen): the lead and the committees see
 * them, a member their own.
 */
export function maskReasons(
  att: MinutesAttendanceDto,
  seeReasons: boolean,
  memberId: string | null,
): MinutesAttendanceDto {
  if (seeReasons) return att;
  return {
    ...att,
    absentExcused: att.absentExcused.map((a) =>
      a.memberId === memberId ? a : { ...a, reason: null },
    ),
  };
}

const SYMBOL: Record<ResolutionKind, string> = { resolution: "NQ", conclusion: "KL" };

/** documents.md: "Số 05-NQ/CB" — two digits at least, type, issuer (CB: a cell). */
export function resolutionNumber(kind: ResolutionKind, n: number | null): string | null {
  if (n === null) return null;
  return `Số ${String(n).padStart(2, "0")}-${SYMBOL[kind]}/CB`;
}

export function presentResolution(row: ResolutionRow, tasks: TaskDto[]): ResolutionDto {
  const voted = row.voteApprove !== null && row.voteAgainst !== null && row.voteOther !== null;
  return {
    id: row.id,
    meetingId: row.meetingId,
    kind: row.kind,
    number: resolutionNumber(row.kind, row.number),
    title: row.title,
    content: row.content,
    vote: voted
      ? { approve: row.voteApprove ?? 0, against: row.voteAgainst ?? 0, other: row.voteOther ?? 0 }
      : null,
    outcome: row.outcome,
    votedAt: row.votedAt ? row.votedAt.toISOString() : null,
    tasks,
  };
}
