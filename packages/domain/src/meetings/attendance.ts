// Attendance, quality bar, quorum and votes of a cell meeting (HD12; Party Charter; 24-QĐ/TW).

import type { MemberStatus } from "../people/member.js";
import type { MeetingRules } from "./rules.js";

/** có mặt, đến muộn, vắng có lý do, vắng không lý do, miễn sinh hoạt. */
export const ATTENDANCE_STATUSES = [
  "present",
  "late",
  "absent_excused",
  "absent_unexcused",
  "exempt",
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A member on a meeting's roster, as active in the cell on the meeting's date. */
export interface RosterEntry {
  memberId: string;
  status: MemberStatus;
  /** Exempted from duties and meetings (miễn công tác và sinh hoạt đảng). */
  exempt: boolean;
  /** Armed-forces member on special duty (HD12: not counted). */
  specialDuty?: boolean;
  /** Temporarily attached to another organisation (Charter's counting rule: not counted). */
  attachedElsewhere?: boolean;
  /** Suspended or under prosecution (24-QĐ/TW §9.3.2: not in the voting body). */
  suspended?: boolean;
}

/** Marks taken at the meeting, by member id; a member without a mark is unmarked. */
export type AttendanceMarks = ReadonlyMap<string, AttendanceStatus>;

export interface AttendanceCounts {
  /** Everyone on the roster. */
  total: number;
  official: number;
  probationary: number;
  /** Exempted members on the roster, whether or not they came. */
  exempt: number;
  /** The denominator: roster minus exempt, special duty and attached elsewhere. */
  counted: number;
  /** Everyone who came (present or late), including exempt members who chose to attend. */
  present: number;
  /** Counted members who came: the numerator of the rate. */
  countedPresent: number;
  /** Of those who came, how many were late. */
  late: number;
  /** Counted members absent with a reason. */
  excused: number;
  /** Counted members absent without a reason. */
  unexcused: number;
  /** Counted members with no mark yet (or a mark of "exempt" though not exempted). */
  unmarked: number;
}

function attended(mark: AttendanceStatus | undefined): boolean {
  return mark === "present" || mark === "late";
}

function isCounted(m: RosterEntry): boolean {
  return !m.exempt && m.specialDuty !== true && m.attachedElsewhere !== true;
}

// HD12 (opening: total, official/probationary, exempted, present, absentees) and its counting rule.
export function attendanceCounts(
  roster: readonly RosterEntry[],
  marks: AttendanceMarks,
): AttendanceCounts {
  const c: AttendanceCounts = {
    total: 0,
    official: 0,
    probationary: 0,
    exempt: 0,
    counted: 0,
    present: 0,
    countedPresent: 0,
    late: 0,
    excused: 0,
    unexcused: 0,
    unmarked: 0,
  };
  for (const m of roster) {
    const mark = marks.get(m.memberId);
    c.total += 1;
    if (m.status === "official") c.official += 1;
    else c.probationary += 1;
    if (m.exempt) c.exempt += 1;
    if (attended(mark)) {
      c.present += 1;
      if (mark === "late") c.late += 1;
    }
    if (!isCounted(m)) continue;
    c.counted += 1;
    switch (mark) {
      case "present":
      case "late":
        c.countedPresent += 1;
        break;
      case "absent_excused":
        c.excused += 1;
        break;
      case "absent_unexcused":
        c.unexcused += 1;
        break;
      case "exempt":
      case undefined:
        c.unmarked += 1;
        break;
    }
  }
  return c;
}

// HD12: rate = present ÷ counted members (exempt, special duty, attached elsewhere not counted).
export function attendanceRate(counts: AttendanceCounts): number | null {
  if (counts.counted === 0) return null;
  return counts.countedPresent / counts.counted;
}

export const QUALITY_FAILURES = ["rate", "unexcused", "consecutive_excused"] as const;
export type QualityFailure = (typeof QUALITY_FAILURES)[number];

/**
 * HD12: rate > 85%, nobody absent without reason, nobody absent (even with reason) more than 3 times in a
 * row in the year. `consecutiveExcusedMax` is the longest such run of any member this year, this meeting
 * included (see longestExcusedRun in alerts.ts).
 */
export function meetsQualityBar(
  counts: AttendanceCounts,
  consecutiveExcusedMax: number,
  rules: MeetingRules,
): { ok: boolean; reasons: QualityFailure[] } {
  const reasons: QualityFailure[] = [];
  const rate = attendanceRate(counts);
  if (rate === null || !(rate > rules.qualityRateThreshold)) reasons.push("rate");
  if (counts.unexcused > 0) reasons.push("unexcused");
  if (consecutiveExcusedMax > rules.maxConsecutiveExcused) reasons.push("consecutive_excused");
  return { ok: reasons.length === 0, reasons };
}

// seed 000: a programme's attendance target, inclusive ("≥ 95%").
export function meetsProgrammeTarget(rate: number | null, rules: MeetingRules): boolean {
  return rate !== null && rate >= rules.programmeTarget;
}

// Unverified rule (domain.md, configurable): the fewest counted members present for a quorum.
export function quorumNeeded(counts: AttendanceCounts, rules: MeetingRules): number {
  const n = counts.counted;
  // ceil(fraction × n), corrected for floating error by comparing k/n, which division rounds exactly.
  let k = Math.min(n, Math.max(0, Math.ceil(rules.quorumFraction * n)));
  while (k > 0 && (k - 1) / n >= rules.quorumFraction) k -= 1;
  while (k < n && k / n < rules.quorumFraction) k += 1;
  return k;
}

// Unverified rule (domain.md): counted members present ≥ ceil(quorumFraction × counted); none counted, no quorum.
export function hasQuorum(counts: AttendanceCounts, rules: MeetingRules): boolean {
  return counts.counted > 0 && counts.countedPresent >= quorumNeeded(counts, rules);
}

// 24-QĐ/TW §9.3.2: official members, less those attached elsewhere, exempt and absent, suspended or
// prosecuted, absent all session with an accepted reason; exempt members who attend count.
export function votingBody(roster: readonly RosterEntry[], marks: AttendanceMarks): number {
  let size = 0;
  for (const m of roster) {
    const mark = marks.get(m.memberId);
    if (m.status !== "official") continue;
    if (m.attachedElsewhere === true) continue;
    if (m.suspended === true) continue;
    if (m.exempt && !attended(mark)) continue;
    if (mark === "absent_excused") continue;
    size += 1;
  }
  return size;
}

// Charter: a resolution is valid only when more than half of the voting body approves.
export function resolutionPasses(vote: { votingBody: number; approve: number }): boolean {
  return vote.votingBody > 0 && 2 * vote.approve > vote.votingBody;
}
