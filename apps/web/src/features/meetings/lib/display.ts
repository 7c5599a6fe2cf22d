// Pure display rules of the meetings screens: colours, attendance taps, counts, calendar grids.
import {
  attendanceCounts,
  attendanceRate,
  type AttendanceEntryDto,
  type AttendanceStatus,
  type ComplianceCellDto,
  type MeetingDto,
  type MeetingStatus,
  type RegularState,
} from "@chibo/domain";

/** How a month of the regime reads at a glance. */
export type Tone = "green" | "neutral" | "orange" | "red";

/**
 * Seed 000: held on the day, early, or postponed with notice and held by the new date is compliant
 * (green); still to come is neutral; late is orange; no meeting is red.
 */
export function complianceTone(state: RegularState): Tone {
  switch (state) {
    case "held_on_day":
    case "held_early":
    case "postponed_held":
      return "green";
    case "upcoming":
    case "postponed_upcoming":
      return "neutral";
    case "postponed_held_late":
    case "late_without_notice":
      return "orange";
    case "missed":
    case "postponed_missed":
      return "red";
  }
}

/** Mantine colour of a tone. */
export function toneColor(tone: Tone): string {
  switch (tone) {
    case "green":
      return "green";
    case "neutral":
      return "gray";
    case "orange":
      return "orange";
    case "red":
      return "red";
  }
}

export function meetingStatusColor(status: MeetingStatus): string {
  switch (status) {
    case "planned":
      return "blue";
    case "postponed":
      return "yellow";
    case "in_progress":
      return "violet";
    case "held":
      return "green";
    case "cancelled":
      return "gray";
  }
}

export function attendanceColor(status: AttendanceStatus | null): string {
  switch (status) {
    case "present":
      return "green";
    case "late":
      return "lime";
    case "absent_excused":
      return "orange";
    case "absent_unexcused":
      return "red";
    case "exempt":
      return "grape";
    case null:
      return "gray";
  }
}

// ---------------------------------------------------------------------------------------------------
// Attendance taking: one tap moves a member to the next status.

/** Order of taps for a counted member: first tap present, then the kinds of absence, then late. */
export const ATTENDANCE_CYCLE = [
  "present",
  "absent_excused",
  "absent_unexcused",
  "late",
] as const satisfies readonly AttendanceStatus[];

/** An exempted member may still come (Charter): exempt, present, late. */
export const EXEMPT_CYCLE = [
  "exempt",
  "present",
  "late",
] as const satisfies readonly AttendanceStatus[];

export function nextAttendanceStatus(
  current: AttendanceStatus | null,
  exempt: boolean,
): AttendanceStatus {
  const cycle: readonly AttendanceStatus[] = exempt ? EXEMPT_CYCLE : ATTENDANCE_CYCLE;
  const at = current === null ? -1 : cycle.indexOf(current);
  if (exempt && at === -1) return "present";
  return cycle[(at + 1) % cycle.length] ?? "present";
}

/** The statuses offered for a member in the pick list. */
export function statusChoices(exempt: boolean): readonly AttendanceStatus[] {
  return exempt ? EXEMPT_CYCLE : ATTENDANCE_CYCLE;
}

/** A mark not yet sent (or waiting for its reason). */
export interface DraftMark {
  status: AttendanceStatus;
  reason: string;
}

/** The server's entries with the marks taken here on top. */
export function withDraft(
  entries: readonly AttendanceEntryDto[],
  draft: ReadonlyMap<string, DraftMark>,
): AttendanceEntryDto[] {
  return entries.map((e) => {
    const mark = draft.get(e.memberId);
    if (!mark) return e;
    return { ...e, status: mark.status, reason: mark.reason === "" ? null : mark.reason };
  });
}

/** Marks that may go to the server: an absence with reason waits until the reason is written. */
export function sendableMarks(
  draft: ReadonlyMap<string, DraftMark>,
): { memberId: string; status: AttendanceStatus; reason?: string }[] {
  const out: { memberId: string; status: AttendanceStatus; reason?: string }[] = [];
  for (const [memberId, mark] of draft) {
    const reason = mark.reason.trim();
    if (mark.status === "absent_excused" && reason === "") continue;
    out.push(
      reason === "" ? { memberId, status: mark.status } : { memberId, status: mark.status, reason },
    );
  }
  return out;
}

export interface AttendanceSummary {
  present: number;
  counted: number;
  rate: number | null;
  quorumNeeded: number;
  hasQuorum: boolean;
  meetsTarget: boolean;
  unmarked: number;
  excused: number;
  unexcused: number;
  late: number;
  exempt: number;
}

/**
 * HD12 counts (present ÷ counted members; exempted members not counted) of the entries as shown, so the
 * bar moves with every tap before the server answers. Quorum and target come from the server's rules.
 */
export function summariseAttendance(
  entries: readonly AttendanceEntryDto[],
  quorumNeeded: number,
  target: number,
): AttendanceSummary {
  const roster = entries.map((e) => ({
    memberId: e.memberId,
    status: e.memberStatus,
    exempt: e.exempt,
  }));
  const marks = new Map<string, AttendanceStatus>();
  for (const e of entries) if (e.status !== null) marks.set(e.memberId, e.status);
  const counts = attendanceCounts(roster, marks);
  const rate = attendanceRate(counts);
  return {
    present: counts.countedPresent,
    counted: counts.counted,
    rate,
    quorumNeeded,
    hasQuorum: counts.counted > 0 && counts.countedPresent >= quorumNeeded,
    meetsTarget: rate !== null && rate >= target,
    unmarked: counts.unmarked,
    excused: counts.excused,
    unexcused: counts.unexcused,
    late: counts.late,
    exempt: counts.exempt,
  };
}

// ---------------------------------------------------------------------------------------------------
// Calendars.

const MONTH = /^(\d{4})-(\d{2})$/u;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function splitMonth(month: string): { year: number; month: number } {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`Not a month: ${month}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function isMonth(value: string | null): value is string {
  if (value === null) return false;
  const m = MONTH.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** "2026-11" + 2 → "2027-01". */
export function shiftMonth(month: string, delta: number): string {
  const { year, month: m } = splitMonth(month);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** First and last day of a month. */
export function monthRange(month: string): { from: string; to: string } {
  const { year, month: m } = splitMonth(month);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

/** The weeks of a month, Monday first; days outside the month are null. */
export function monthWeeks(month: string): (string | null)[][] {
  const { year, month: m } = splitMonth(month);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, m - 1, 1)).getUTCDay() + 6) % 7;
  const days: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= last; d += 1) days.push(`${month}-${pad(d)}`);
  while (days.length % 7 !== 0) days.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** Meetings by date, each day in time order. */
export function meetingsByDate(meetings: readonly MeetingDto[]): Map<string, MeetingDto[]> {
  const map = new Map<string, MeetingDto[]>();
  const sorted = [...meetings].sort((a, b) =>
    a.date === b.date
      ? (a.startTime ?? "").localeCompare(b.startTime ?? "")
      : a.date.localeCompare(b.date),
  );
  for (const m of sorted) {
    const list = map.get(m.date) ?? [];
    list.push(m);
    map.set(m.date, list);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------------
// The committee's view.

export const COMPLIANCE_FILTERS = ["all", "late", "missed", "on_schedule"] as const;
export type ComplianceFilter = (typeof COMPLIANCE_FILTERS)[number];

function tonesOf(cell: ComplianceCellDto): Tone[] {
  return cell.months.flatMap((m) => (m.state === null ? [] : [complianceTone(m.state)]));
}

/** Whether a cell shows under a filter: late (some orange or red), missed (some red), on schedule. */
export function cellMatches(cell: ComplianceCellDto, filter: ComplianceFilter): boolean {
  const tones = tonesOf(cell);
  switch (filter) {
    case "all":
      return true;
    case "late":
      return tones.some((t) => t === "orange" || t === "red");
    case "missed":
      return tones.some((t) => t === "red");
    case "on_schedule":
      return (
        tones.some((t) => t === "green") && tones.every((t) => t === "green" || t === "neutral")
      );
  }
}

/** Newest report first. */
export function newestFirst<T extends { reportedAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
}

// ---------------------------------------------------------------------------------------------------
// Check-in.

/** What a member typed, as the six digits the server expects (spaces and dashes dropped). */
export function normaliseCode(text: string): string {
  return text.replace(/\D/gu, "").slice(0, 6);
}

/** The address a member's phone opens from the QR code. */
export function checkinUrl(origin: string, token: string): string {
  return `${origin}/checkin?t=${encodeURIComponent(token)}`;
}

/** An absolute address for a path the server returned ("/api/v1/calendar/…" → "https://host/…"). */
export function absoluteUrl(url: string, origin: string): string {
  return /^[a-z][a-z0-9+.-]*:/iu.test(url)
    ? url
    : `${origin}${url.startsWith("/") ? "" : "/"}${url}`;
}

/** When to fetch a fresh check-in code: shortly before it expires, at least every 5 s, at most 60 s. */
export function codeRefreshMs(validUntil: string, now: number): number {
  const left = Date.parse(validUntil) - now - 5_000;
  if (Number.isNaN(left)) return 30_000;
  return Math.min(60_000, Math.max(5_000, left));
}

/** A local date and time in Vietnam ("2026-11-03", "07:30") as an instant ("2026-11-03T00:30:00.000Z"). */
export function vnInstant(date: string, time: string): string | null {
  const instant = new Date(`${date}T${time}:00+07:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}
