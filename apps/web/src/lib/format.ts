// Dates are shown dd/mm/yyyy (design: "dates shown dd/mm/yyyy"), times in Asia/Ho_Chi_Minh.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/u;
const DMY = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/u;

export const APP_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** "2024-03-05" → "05/03/2024"; empty for null; anything unparseable returned as is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3] ?? ""}/${m[2] ?? ""}/${m[1] ?? ""}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "5/3/2024" or "05/03/2024" → "2024-03-05"; null when incomplete or not a real date. */
export function parseDmy(text: string): string | null {
  const m = DMY.exec(text);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  if (!isRealDate(y, mo, d)) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: APP_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant ("2024-03-05T01:30:00Z") → "05/03/2024 08:30" in Vietnam's time zone. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return "";
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = Object.fromEntries(
    dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]),
  );
  return `${parts.day ?? ""}/${parts.month ?? ""}/${parts.year ?? ""} ${parts.hour ?? ""}:${parts.minute ?? ""}`;
}

/** Today in Vietnam as "YYYY-MM-DD" (the default date of most register events). */
export function todayIso(now: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: APP_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year ?? ""}-${parts.month ?? ""}-${parts.day ?? ""}`;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: APP_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant → "07:32", the time of day in Vietnam. */
export function formatTime(instant: string | null | undefined): string {
  if (!instant) return "";
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.hour ?? ""}:${parts.minute ?? ""}`;
}

/** "2024-03" → "03/2024". */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return "";
  const m = /^(\d{4})-(\d{2})/u.exec(month);
  return m ? `${m[2] ?? ""}/${m[1] ?? ""}` : month;
}

/** Day of the week of an ISO date, 0 = Monday … 6 = Sunday (Vietnamese weeks start on Monday). */
export function weekdayOf(iso: string): number {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return (date.getUTCDay() + 6) % 7;
}

/** A share (0–1) as a percentage in the user's language: "88,9%" in Vietnamese, "88.9%" in English. */
export function formatPercent(rate: number | null | undefined, language: string): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return "—";
  return new Intl.NumberFormat(language.startsWith("vi") ? "vi-VN" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(rate);
}

const LOOSE_TIME = /^\s*(\d{1,2})\s*(?:[:.hHgG]\s*(\d{1,2})?|(\d{2}))?\s*(?:phút|p)?\s*$/u;

/** What people type for a time ("7:30", "730", "7h30", "19") → "07:30"; null when it is no time. */
export function parseTime(text: string): string | null {
  const compact = /^\s*(\d{3,4})\s*$/u.exec(text);
  const m = compact ? /^(\d{1,2})(\d{2})$/u.exec(compact[1] ?? "") : LOOSE_TIME.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? m[3] ?? "0");
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}
