import { describe, expect, it } from "vitest";
import {
  formatFileSize,
  periodOf,
  romanNumeral,
  speakerLine,
  vietnameseDateLine,
} from "./document-format";

describe("document wording", () => {
  it("writes the date line with leading zeros", () => {
    expect(vietnameseDateLine("2026-02-03")).toBe("ngày 03 tháng 02 năm 2026");
    expect(vietnameseDateLine("bad")).toBe("bad");
  });

  it("numbers parts in roman numerals", () => {
    expect([1, 2, 3, 4, 5, 9, 10, 14, 40].map(romanNumeral)).toEqual([
      "I",
      "II",
      "III",
      "IV",
      "V",
      "IX",
      "X",
      "XIV",
      "XL",
    ]);
    expect(romanNumeral(0)).toBe("0");
  });

  it("addresses a speaker as “Đồng chí” unless the name already carries its address", () => {
    expect(speakerLine("Nguyễn Thị C")).toBe("Đồng chí Nguyễn Thị C");
    expect(speakerLine("Đồng chí Lê Văn B")).toBe("Đồng chí Lê Văn B");
    expect(speakerLine("đ/c Hòa")).toBe("đ/c Hòa");
    expect(speakerLine("Bà Tổ trưởng")).toBe("Bà Tổ trưởng");
    expect(speakerLine("  ")).toBe("");
  });

  it("shows file sizes in the user's language", () => {
    expect(formatFileSize(512, "vi")).toBe("512 B");
    expect(formatFileSize(1536, "vi")).toBe("1,5 KB");
    expect(formatFileSize(1536, "en")).toBe("1.5 KB");
    expect(formatFileSize(3 * 1024 * 1024, "en")).toBe("3 MB");
  });

  it("reads the month, year and quarter of a meeting", () => {
    expect(periodOf("2026-02-03")).toEqual({ month: "02", year: "2026", quarter: 1 });
    expect(periodOf("2026-11-30").quarter).toBe(4);
  });
});
