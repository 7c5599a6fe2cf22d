import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatMonth,
  formatPercent,
  formatTime,
  parseTime,
  parseDmy,
  todayIso,
  weekdayOf,
} from "./format";

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

describe("formatTime", () => {
  it("shows the time of day in Vietnam", () => {
    expect(formatTime("2024-03-05T00:32:00Z")).toBe("07:32");
    expect(formatTime(null)).toBe("");
  });
});

describe("formatMonth", () => {
  it("shows months as mm/yyyy", () => {
    expect(formatMonth("2026-11")).toBe("11/2026");
  });
});

describe("weekdayOf", () => {
  it("counts from Monday", () => {
    expect(weekdayOf("2026-11-23")).toBe(0);
    expect(weekdayOf("2026-11-29")).toBe(6);
  });
});

describe("formatPercent", () => {
  it("uses the language's decimal mark", () => {
    expect(formatPercent(16 / 18, "vi")).toBe("88,9%");
    expect(formatPercent(16 / 18, "en")).toBe("88.9%");
    expect(formatPercent(0.9, "vi")).toBe("90%");
    expect(formatPercent(null, "vi")).toBe("—");
  });
});

describe("parseTime", () => {
  it("reads the ways people type a time", () => {
    expect(parseTime("7:30")).toBe("07:30");
    expect(parseTime("07:30")).toBe("07:30");
    expect(parseTime("730")).toBe("07:30");
    expect(parseTime("1930")).toBe("19:30");
    expect(parseTime("7h30")).toBe("07:30");
    expect(parseTime("7h")).toBe("07:00");
    expect(parseTime("19")).toBe("19:00");
    expect(parseTime("7.5")).toBe("07:05");
  });
  it("refuses what is no time", () => {
    expect(parseTime("24:00")).toBeNull();
    expect(parseTime("7:60")).toBeNull();
    expect(parseTime("abc")).toBeNull();
    expect(parseTime("")).toBeNull();
  });
});
