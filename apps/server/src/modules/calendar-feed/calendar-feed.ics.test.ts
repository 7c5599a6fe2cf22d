import { afterEach, describe, expect, it } from "vitest";
import { resolveMeetingRules } from "@chibo/domain";
import { buildCalendar } from "./calendar-feed.ics.js";
import type { FeedMeeting } from "./calendar-feed.repository.js";

const meeting: FeedMeeting = {
  id: "8a4e0c5e-5b1a-4a55-9a51-2f8d3f0e9a01",
  kind: "regular",
  status: "planned",
  mode: "in_person",
  period: "2026-03",
  date: "2026-03-03",
  startTime: "07:30",
  place: "Phòng họp",
  onlineUrl: null,
  topic: null,
  combinedWithThematic: false,
  startedAt: null,
  endedAt: null,
  version: 1,
  updatedAt: new Date("2026-03-01T00:00:00Z"),
};

function build() {
  return buildCalendar({
    unitName: "Chi bộ Phòng A1",
    meetings: [meeting],
    postponements: new Map(),
    rules: resolveMeetingRules({ regularMinMinutes: 100, combinedMinMinutes: 150 }),
    now: new Date("2026-03-02T10:00:00Z"),
  });
}

describe("buildCalendar", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it("writes the same instants whatever the server's own time zone", () => {
    process.env.TZ = "America/New_York";
    const a = build();
    process.env.TZ = "Asia/Tokyo";
    const b = build();
    expect(a).toBe(b);
    // 07:30 in Hà Nội is 00:30 UTC; the tenant's rules give 100 minutes.
    expect(a).toContain("\r\nDTSTART:20260303T003000Z\r\n");
    expect(a).toContain("\r\nDTEND:20260303T021000Z\r\n");
    expect(a).toContain("\r\nDTSTAMP:20260302T100000Z\r\n");
  });

  it("keeps the calendar's own properties before its events", () => {
    const text = build();
    const tz = text.indexOf("\r\nX-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\n");
    expect(tz).toBeGreaterThan(0);
    expect(tz).toBeLessThan(text.indexOf("BEGIN:VEVENT"));
    expect(text).toContain("\r\nMETHOD:PUBLISH\r\n");
    expect(text.endsWith("\r\nEND:VCALENDAR\r\n")).toBe(true);
  });
});
