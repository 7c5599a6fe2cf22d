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
