import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LIMITS } from "../limits.js";
import { isValidDate, isoDate, optionalText, pageQuery, requiredText, text } from "./common.js";
import { issuesOf } from "./test-helpers.js";

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function daysIn(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}
const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("isoDate", () => {
  it.each(["2024-02-29", "2000-02-29", "2023-12-31", "1900-01-01", "2100-12-31", "2024-04-30"])(
    "accepts %s",
    (date) => {
      expect(isoDate.parse(date)).toBe(date);
      expect(isValidDate(date)).toBe(true);
    },
  );

  it.each([
    ["2024-02-30", "Ngày không tồn tại"],
    ["2023-02-29", "Ngày không tồn tại"],
    ["1900-02-29", "Ngày không tồn tại"],
    ["2024-13-01", "Ngày không tồn tại"],
    ["2024-00-10", "Ngày không tồn tại"],
    ["2024-04-31", "Ngày không tồn tại"],
    ["2024-01-00", "Ngày không tồn tại"],
    ["1899-12-31", "Ngày nằm ngoài khoảng cho phép"],
    ["2101-01-01", "Ngày nằm ngoài khoảng cho phép"],
    ["2024-1-01", "Ngày phải có dạng YYYY-MM-DD"],
    ["24-01-01", "Ngày phải có dạng YYYY-MM-DD"],
    ["2024-01-01T00:00:00Z", "Ngày phải có dạng YYYY-MM-DD"],
    [" 2024-01-01", "Ngày phải có dạng YYYY-MM-DD"],
    ["01/02/2024", "Ngày phải có dạng YYYY-MM-DD"],
    ["abc", "Ngày phải có dạng YYYY-MM-DD"],
    ["", "Ngày phải có dạng YYYY-MM-DD"],
  ])("rejects %j with one issue: %s", (date, message) => {
    expect(issuesOf(isoDate, date).map((i) => i.message)).toEqual([message]);
    expect(isValidDate(date)).toBe(false);
  });

  it("rejects what is not a string", () => {
    for (const value of [20240101, null, undefined, new Date(), {}]) {
      expect(isoDate.safeParse(value).success).toBe(false);
      expect(isValidDate(value)).toBe(false);
    }
  });

  it("accepts a YYYY-MM-DD date iff it is on the calendar between 1900 and 2100", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1890, max: 2110 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const real = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
          expect(isoDate.safeParse(date).success).toBe(real && y >= 1900 && y <= 2100);
          expect(issuesOf(isoDate, date).length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("text fields", () => {
  const schema = z.strictObject({
    note: optionalText(5),
    title: requiredText(5),
    free: text(5).optional(),
  });

  it("trims before measuring", () => {
    expect(schema.parse({ title: "  abcde  ", note: "\tab " })).toEqual({
      title: "abcde",
      note: "ab",
    });
  });

  it("turns an empty or blank optional text into null", () => {
    expect(schema.parse({ title: "x", note: "" }).note).toBeNull();
    expect(schema.parse({ title: "x", note: "   " }).note).toBeNull();
    expect(schema.parse({ title: "x", note: null }).note).toBeNull();
    expect(schema.parse({ title: "x" }).note).toBeUndefined();
    expect(schema.parse({ title: "x", free: " " }).free).toBe("");
  });

  it("rejects a blank required text and an over-long text at their paths, together", () => {
    expect(issuesOf(schema, { title: "   ", note: "abcdef", free: "abcdef" })).toEqual([
      { path: "note", code: "too_big", message: "Tối đa 5 ký tự" },
      { path: "title", code: "too_small", message: "Không được để trống" },
      { path: "free", code: "too_big", message: "Tối đa 5 ký tự" },
    ]);
  });

  it("accepts any text within the limit once trimmed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const trimmed = s.trim();
        const result = requiredText(5).safeParse(s);
        expect(result.success).toBe(trimmed.length >= 1 && trimmed.length <= 5);
        if (result.success) expect(result.data).toBe(trimmed);
        expect(optionalText(5).safeParse(s).data).toBe(
          trimmed.length > 5 ? undefined : trimmed === "" ? null : trimmed,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe("pageQuery", () => {
  it("reads numbers from the query string and fills defaults", () => {
    expect(pageQuery.parse({})).toEqual({ page: 1, pageSize: LIMITS.pageSizeDefault });
    expect(pageQuery.parse({ page: "3", pageSize: "20" })).toEqual({ page: 3, pageSize: 20 });
  });

  it.each([
    [{ page: "0" }, "page"],
    [{ page: "1.5" }, "page"],
    [{ page: "x" }, "page"],
    [{ pageSize: "0" }, "pageSize"],
    [{ pageSize: String(LIMITS.pageSizeMax + 1) }, "pageSize"],
  ])("rejects %j at %s", (query, path) => {
    expect(issuesOf(pageQuery, query).map((i) => i.path)).toEqual([path]);
  });

  it("accepts the largest page size", () => {
    expect(pageQuery.parse({ pageSize: String(LIMITS.pageSizeMax) }).pageSize).toBe(
      LIMITS.pageSizeMax,
    );
  });
});
