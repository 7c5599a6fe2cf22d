// How a meeting is named and dated in Vietnamese text: notifications, e-mails and the calendar feed.
import type { MeetingKind } from "@chibo/domain";

export const VN_TIMEZONE = "Asia/Ho_Chi_Minh";

/**
 * A local date and "HH:MM" in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving) as an instant;
 * the start of that day when the meeting has no time yet.
 */
export function vnInstant(date: string, time: string | null): Date {
  return new Date(`${date}T${time ?? "00:00"}:00+07:00`);
}

/** "2026-03-05" → "05/03/2026" (design: dates shown dd/mm/yyyy). */
export function viDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d ?? ""}/${m ?? ""}/${y ?? ""}`;
}

const WEEKDAYS = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

/** "thứ Ba", "Chủ nhật" … of a calendar date. */
export function viWeekday(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? "";
}

/** "14:00 thứ Ba, ngày 03/03/2026", or "thứ Ba, ngày 03/03/2026" without a time. */
export function viWhen(date: string, time: string | null): string {
  const day = `${viWeekday(date)}, ngày ${viDate(date)}`;
  return time ? `${time} ${day}` : day;
}

export interface MeetingNaming {
  kind: MeetingKind;
  /** "YYYY-MM" of a regular meeting. */
  period: string | null;
  date: string;
  topic: string | null;
  combinedWithThematic: boolean;
  unitName: string;
}

/** "YYYY-MM" → "3/2026". */
function viMonth(period: string): string {
  const [y, m] = period.split("-");
  return `${String(Number(m))}/${y ?? ""}`;
}

/** What the meeting is, without the cell: "Sinh hoạt chi bộ thường kỳ tháng 3/2026", "Họp chi ủy". */
export function meetingLabel(m: Omit<MeetingNaming, "unitName" | "topic">): string {
  switch (m.kind) {
    case "regular": {
      const label = `Sinh hoạt chi bộ thường kỳ tháng ${viMonth(m.period ?? m.date.slice(0, 7))}`;
      // HD42: a thematic meeting may be held together with the regular one.
      return m.combinedWithThematic ? `${label} kết hợp sinh hoạt chuyên đề` : label;
    }
    case "thematic":
      return "Sinh hoạt chuyên đề";
    case "forum":
      return "Sinh hoạt diễn đàn";
    case "extraordinary":
      return "Sinh hoạt chi bộ bất thường";
    case "committee":
      return "Họp chi ủy";
    case "model":
      return "Sinh hoạt chi bộ mẫu";
  }
}

/**
 * The one-line title: "Sinh hoạt chi bộ thường kỳ tháng 3/2026 — Chi bộ Phòng A1",
 * "Sinh hoạt chuyên đề: Học tập và làm theo tư tưởng Hồ Chí Minh", "Họp chi ủy — Chi bộ Phòng A1".
 */
export function meetingTitle(m: MeetingNaming): string {
  const label = meetingLabel(m);
  if (m.kind !== "regular" && m.topic) return `${label}: ${m.topic}`;
  return `${label} — ${m.unitName}`;
}

/** "Sinh hoạt …" → "sinh hoạt …", for use inside a sentence. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Adds a final full stop unless the sentence already ends with punctuation. */
export function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…]$/u.test(t) ? t : `${t}.`;
}
