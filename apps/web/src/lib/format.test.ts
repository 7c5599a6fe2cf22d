import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, parseDmy, todayIso } from "./format";

describe("formatDate", () => {
  it("shows ISO dates as dd/mm/yyyy", () => {
    expect(formatDate("2024-03-05")).toBe("05/03/2024");
    expect(formatDate("1990-12-31T00:00:00Z")).toBe("31/12/1990");
  });
  it("is empty for missing dates", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
  });
});

describe("parseDmy", () => {
  it("reads dd/mm/yyyy and d/m/yyyy", () => {
    expect(parseDmy("05/03/2024")).toBe("2024-03-05");
    expect(parseDmy("5/3/2024")).toBe("2024-03-05");
    expect(parseDmy(" 5.3.2024 ")).toBe("2024-03-05");
  });
  it("rejects incomplete and impossible dates", () => {
    expect(parseDmy("05/03/20")).toBeNull();
    expect(parseDmy("31/02/2024")).toBeNull();
    expect(parseDmy("29/02/2023")).toBeNull();
    expect(parseDmy("")).toBeNull();
  });
  it("round-trips with formatDate", () => {
    expect(parseDmy(formatDate("2000-02-29"))).toBe("2000-02-29");
  });
});

describe("formatDateTime", () => {
  it("shows instants in Vietnam time", () => {
    expect(formatDateTime("2024-03-05T17:30:00Z")).toBe("06/03/2024 00:30");
  });
});

describe("todayIso", () => {
  it("uses the Vietnamese calendar day", () => {
    expect(todayIso(new Date("2024-03-05T18:00:00Z"))).toBe("2024-03-06");
  });
});
