import {
  REGULAR_STATES,
  type AttendanceEntryDto,
  type ComplianceCellDto,
  type MeetingDto,
} from "@chibo/domain";
import { describe, expect, it } from "vitest";
import {
  absoluteUrl,
  cellMatches,
  checkinUrl,
  codeRefreshMs,
  complianceTone,
  meetingsByDate,
  monthRange,
  monthWeeks,
  newestFirst,
  nextAttendanceStatus,
  normaliseCode,
  sendableMarks,
  shiftMonth,
  summariseAttendance,
  vnInstant,
  withDraft,
  type DraftMark,
} from "./display";

describe("complianceTone", () => {
  it("colours every state as the committee reads it", () => {
    const tones = Object.fromEntries(REGULAR_STATES.map((s) => [s, complianceTone(s)]));
    expect(tones).toEqual({
      upcoming: "neutral",
      postponed_upcoming: "neutral",
      held_on_day: "green",
      held_early: "green",
      postponed_held: "green",
      postponed_held_late: "orange",
      late_without_notice: "orange",
      missed: "red",
      postponed_missed: "red",
    });
  });
});

const meeting = (over: Partial<MeetingDto>): MeetingDto => ({
  id: "00000000-0000-4000-8000-000000000001",
  unitId: "00000000-0000-4000-8000-000000000002",
  unitName: "Chi bộ 1",
  kind: "regular",
  status: "planned",
  mode: "in_person",
  period: "2026-11",
  registeredDate: "2026-11-03",
  date: "2026-11-03",
  startTime: "07:30",
  place: null,
  onlineUrl: null,
  topic: null,
  preparesMeetingId: null,
  thematicTopicId: null,
  combinedWithThematic: false,
  startedAt: null,
  endedAt: null,
  durationMinutes: null,
  guidance: "HD42",
  postponement: null,
  attendanceRate: null,
  compliance: null,
  version: 1,
  ...over,
});

describe("nextAttendanceStatus", () => {
  it("marks present on the first tap, then cycles through absences and late", () => {
    expect(nextAttendanceStatus(null, false)).toBe("present");
    expect(nextAttendanceStatus("present", false)).toBe("absent_excused");
    expect(nextAttendanceStatus("absent_excused", false)).toBe("absent_unexcused");
    expect(nextAttendanceStatus("absent_unexcused", false)).toBe("late");
    expect(nextAttendanceStatus("late", false)).toBe("present");
  });
  it("lets an exempted member come and go back to exempt", () => {
    expect(nextAttendanceStatus("exempt", true)).toBe("present");
    expect(nextAttendanceStatus("present", true)).toBe("late");
    expect(nextAttendanceStatus("late", true)).toBe("exempt");
    expect(nextAttendanceStatus(null, true)).toBe("present");
  });
});

const entry = (
  memberId: string,
  status: AttendanceEntryDto["status"],
  exempt = false,
): AttendanceEntryDto => ({
  memberId,
  fullName: memberId,
  memberStatus: "official",
  exempt,
  status,
  reason: null,
  checkedInAt: null,
  method: null,
});

describe("attendance drafts", () => {
  const entries = [entry("a", null), entry("b", "present"), entry("c", null)];
  const draft = new Map<string, DraftMark>([
    ["a", { status: "present", reason: "" }],
    ["c", { status: "absent_excused", reason: "" }],
  ]);
  it("shows local marks over the server's", () => {
    expect(withDraft(entries, draft).map((e) => e.status)).toEqual([
      "present",
      "present",
      "absent_excused",
    ]);
  });
  it("holds an excused absence until its reason is written", () => {
    expect(sendableMarks(draft)).toEqual([{ memberId: "a", status: "present" }]);
    const withReason = new Map(draft).set("c", { status: "absent_excused", reason: " Ốm " });
    expect(sendableMarks(withReason)).toContainEqual({
      memberId: "c",
      status: "absent_excused",
      reason: "Ốm",
    });
  });
});

describe("summariseAttendance", () => {
  // domain.md: 20 members, 2 exempted → 18 counted; 16 present → 88.9%.
  const roster = [
    ...Array.from({ length: 16 }, (_, i) => entry(`p${i}`, "present")),
    entry("x1", "absent_excused"),
    entry("x2", null),
    entry("e1", "exempt", true),
    entry("e2", "present", true),
  ];
  it("counts present over counted members, exempted ones left out", () => {
    const s = summariseAttendance(roster, 12, 0.95);
    expect(s.present).toBe(16);
    expect(s.counted).toBe(18);
    expect(s.rate).toBeCloseTo(16 / 18);
    expect(s.hasQuorum).toBe(true);
    expect(s.meetsTarget).toBe(false);
    expect(s.unmarked).toBe(1);
    expect(s.excused).toBe(1);
    expect(s.exempt).toBe(2);
  });
  it("has no quorum below the number needed", () => {
    expect(summariseAttendance(roster, 17, 0.85).hasQuorum).toBe(false);
    expect(summariseAttendance([], 0, 0.95).hasQuorum).toBe(false);
  });
});

describe("months", () => {
  it("shifts across years", () => {
    expect(shiftMonth("2026-11", 2)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
  });
  it("knows the last day", () => {
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });
  it("lays a month out in weeks from Monday", () => {
    const weeks = monthWeeks("2026-11"); // 01/11/2026 is a Sunday
    expect(weeks[0]).toEqual([null, null, null, null, null, null, "2026-11-01"]);
    expect(weeks.at(-1)?.[0]).toBe("2026-11-30");
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
  it("groups meetings by day in time order", () => {
    const byDate = meetingsByDate([
      meeting({
        id: "00000000-0000-4000-8000-00000000000b",
        date: "2026-11-03",
        startTime: "14:00",
      }),
      meeting({
        id: "00000000-0000-4000-8000-00000000000a",
        date: "2026-11-03",
        startTime: "07:30",
      }),
    ]);
    expect(byDate.get("2026-11-03")?.map((m) => m.startTime)).toEqual(["07:30", "14:00"]);
  });
});

describe("cellMatches", () => {
  const cell = (states: ComplianceCellDto["months"][number]["state"][]): ComplianceCellDto => ({
    unitId: "00000000-0000-4000-8000-000000000002",
    name: "Chi bộ",
    meetingDay: 3,
    months: states.map((state, i) => ({
      month: `2026-${String(i + 1).padStart(2, "0")}`,
      registeredDate: null,
      state,
      short: false,
      meetingId: null,
      heldOn: null,
      newDate: null,
      attendanceRate: null,
    })),
    quarters: [],
    forums: { state: "pending", held: 0 },
    compliant: 0,
    settled: 0,
    rate: null,
    attendanceRate: null,
  });
  it("filters by the worst month", () => {
    const good = cell(["held_on_day", "upcoming", null]);
    const late = cell(["held_on_day", "late_without_notice"]);
    const missed = cell(["missed"]);
    expect([good, late, missed].filter((c) => cellMatches(c, "late"))).toEqual([late, missed]);
    expect([good, late, missed].filter((c) => cellMatches(c, "missed"))).toEqual([missed]);
    expect([good, late, missed].filter((c) => cellMatches(c, "on_schedule"))).toEqual([good]);
  });
});

describe("small helpers", () => {
  it("sorts reports newest first", () => {
    expect(
      newestFirst([{ reportedAt: "2026-01-01T00:00:00Z" }, { reportedAt: "2026-03-01T00:00:00Z" }]),
    ).toEqual([{ reportedAt: "2026-03-01T00:00:00Z" }, { reportedAt: "2026-01-01T00:00:00Z" }]);
  });
  it("keeps six digits of a typed code", () => {
    expect(normaliseCode("123 456")).toBe("123456");
    expect(normaliseCode("12-34-567")).toBe("123456");
  });
  it("builds check-in and feed addresses", () => {
    expect(checkinUrl("https://chibo.vn", "a b")).toBe("https://chibo.vn/checkin?t=a%20b");
    expect(absoluteUrl("/api/v1/calendar/x.ics", "https://chibo.vn")).toBe(
      "https://chibo.vn/api/v1/calendar/x.ics",
    );
    expect(absoluteUrl("https://other/x.ics", "https://chibo.vn")).toBe("https://other/x.ics");
  });
  it("refreshes the code before it runs out", () => {
    const now = Date.parse("2026-11-03T00:00:00Z");
    expect(codeRefreshMs("2026-11-03T00:00:30Z", now)).toBe(25_000);
    expect(codeRefreshMs("2026-11-03T00:00:01Z", now)).toBe(5_000);
    expect(codeRefreshMs("2026-11-03T01:00:00Z", now)).toBe(60_000);
  });
});

describe("vnInstant", () => {
  it("reads a local time in Vietnam", () => {
    expect(vnInstant("2026-11-03", "07:30")).toBe("2026-11-03T00:30:00.000Z");
    expect(vnInstant("2026-11-03", "")).toBeNull();
  });
});
