// Small wording rules of the Party document layout (../shared/documents.md) used by the print view.

/** "2026-02-03" → "ngày 03 tháng 02 năm 2026" (day and month with a leading zero). */
export function vietnameseDateLine(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  if (!m) return iso;
  return `ngày ${m[3] ?? ""} tháng ${m[2] ?? ""} năm ${m[1] ?? ""}`;
}

/** Part numbers of the minutes: 1 → "I", 4 → "IV", 9 → "IX". */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = n;
  let out = "";
  for (const [value, numeral] of table) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

const ADDRESS = /^(đồng chí|đ\/c|đc\.|ông|bà|anh|chị)\s/iu;

/** Documents.md: every opinion reads "Đồng chí Nguyễn Thị C: …" unless the name carries its address. */
export function speakerLine(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") return "";
  return ADDRESS.test(trimmed) ? trimmed : `Đồng chí ${trimmed}`;
}

/** 1536 → "1,5 KB" in Vietnamese, "1.5 KB" in English. */
export function formatFileSize(bytes: number, language: string): string {
  const format = (n: number) =>
    new Intl.NumberFormat(language.startsWith("vi") ? "vi-VN" : "en-GB", {
      maximumFractionDigits: 1,
    }).format(n);
  if (bytes < 1024) return `${format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}

/** A month of a regular meeting: "2026-02-03" → { month: "02", year: "2026", quarter: 1 }. */
export function periodOf(iso: string): { month: string; year: string; quarter: number } {
  const m = /^(\d{4})-(\d{2})/u.exec(iso);
  const month = m?.[2] ?? "";
  return { month, year: m?.[1] ?? "", quarter: Math.floor((Number(month) - 1) / 3) + 1 };
}
