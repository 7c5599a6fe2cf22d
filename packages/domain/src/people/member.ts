// Member statuses and events (Party Charter; 24-QĐ/TW).

export const MEMBER_STATUSES = ["probationary", "official"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Ways of leaving a cell's register: chuyển đi, từ trần, xóa tên, khai trừ. */
export const LEAVE_KINDS = ["transferred_out", "deceased", "removed", "expelled"] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];

/** Positions held in a unit: bí thư, phó bí thư, chi ủy viên, cấp ủy viên (of a committee). */
export const POSITION_TITLES = [
  "secretary",
  "deputy_secretary",
  "cell_committee_member",
  "committee_member",
] as const;
export type PositionTitle = (typeof POSITION_TITLES)[number];

export const MEMBER_EVENT_KINDS = [
  "created",
  "updated",
  "made_official",
  "exempted",
  "exemption_ended",
  "transferred",
  "left",
  "position_started",
  "position_ended",
] as const;
export type MemberEventKind = (typeof MEMBER_EVENT_KINDS)[number];

/** Probation lasts 12 months from admission (Charter, art. 5). */
export const PROBATION_MONTHS = 12;

/**
 * The day probation ends: the same day 12 months on, or the last day of that month when it has no such
 * day (admitted 29/02/2024 → 28/02/2025, as the Civil Code 2015, art. 148, counts months, and as
 * PostgreSQL's `+ interval '12 months'` does).
 */
export function probationEnds(joinDate: string): string {
  const [y, m, d] = joinDate.split("-").map(Number) as [number, number, number];
  const month = m - 1 + PROBATION_MONTHS;
  const lastDay = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(y, month, Math.min(d, lastDay)));
  return end.toISOString().slice(0, 10);
}

export interface DatedPeriod {
  from: string;
  to: string | null;
}

/** True when `date` falls in [from, to] (open-ended when `to` is null). */
export function periodCovers(p: DatedPeriod, date: string): boolean {
  return p.from <= date && (p.to === null || date <= p.to);
}

/** Periods [a] and [b] share at least one day. */
export function periodsOverlap(a: DatedPeriod, b: DatedPeriod): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

/** A member is official once an official date is recorded (Charter art. 5). */
export function memberStatusOf(officialDate: string | null | undefined): MemberStatus {
  return officialDate ? "official" : "probationary";
}

export interface MemberDates {
  birthDate?: string | null | undefined;
  joinDate?: string | null | undefined;
  officialDate?: string | null | undefined;
}

/**
 * Dates of a member's record out of order (Charter: admission after birth, official after
 * admission). Compares only the dates given; paths name the field.
 */
export function memberDateProblems(v: MemberDates): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (v.birthDate && v.joinDate && v.joinDate <= v.birthDate) {
    problems.push({ path: "joinDate", message: "Ngày vào Đảng phải sau ngày sinh" });
  }
  if (v.joinDate && v.officialDate && v.officialDate < v.joinDate) {
    problems.push({
      path: "officialDate",
      message: "Ngày chính thức không được trước ngày vào Đảng",
    });
  }
  return problems;
}
