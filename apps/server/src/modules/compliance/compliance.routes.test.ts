import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type {
  AbsenceAlertDto,
  AttendanceStatus,
  ComplianceCellDto,
  ComplianceDto,
  MeetingKind,
  MeetingStatus,
  PostponementDto,
} from "@chibo/domain";
import { captureQueries, testContext } from "#test/db";
import { createMember, createOrg, createUnit, createUser, type TestUnit } from "#test/factories";
import type { Db } from "../../db/client.js";
import {
  attendance,
  meetings,
  members,
  postponements,
  sessions,
  tenants,
  units,
} from "../../db/schema/index.js";

// ---------------------------------------------------------------------------------------------------
// Seeding meetings, postponements and marks directly: these views only read what the meetings module
// records.

interface MeetingSeed {
  kind?: MeetingKind;
  status?: MeetingStatus;
  /** Regular meetings: the month they answer for; defaults to the month of `registeredDate`. */
  period?: string;
  registeredDate?: string;
  date: string;
  heldOn?: string;
  durationMinutes?: number;
  combinedWithThematic?: boolean;
}

async function addMeeting(db: Db, tenantId: string, cell: TestUnit, m: MeetingSeed) {
  const kind = m.kind ?? "regular";
  const registeredDate = kind === "regular" ? (m.registeredDate ?? m.date) : null;
  const [row] = await db
    .insert(meetings)
    .values({
      tenantId,
      unitId: cell.id,
      unitPath: cell.path,
      kind,
      status: m.status ?? (m.heldOn ? "held" : "planned"),
      period: kind === "regular" ? (m.period ?? registeredDate?.slice(0, 7) ?? null) : null,
      registeredDate,
      date: m.date,
      heldOn: m.heldOn ?? null,
      durationMinutes: m.durationMinutes ?? (m.heldOn ? 100 : null),
      combinedWithThematic: m.combinedWithThematic ?? false,
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error("no meeting");
  return row.id;
}

async function addPostponement(
  db: Db,
  tenantId: string,
  cell: TestUnit,
  meetingId: string,
  p: { fromDate: string; newDate: string; reportedOn: string; reportedBy?: string },
) {
  await db.insert(postponements).values({
    tenantId,
    meetingId,
    unitId: cell.id,
    unitPath: cell.path,
    fromDate: p.fromDate,
    newDate: p.newDate,
    reason: "Trùng lịch họp của cơ quan",
    reportedAt: new Date(`${p.reportedOn}T02:00:00.000Z`),
    reportedOn: p.reportedOn,
    reportedBy: p.reportedBy ?? null,
  });
}

async function addMarks(
  db: Db,
  tenantId: string,
  meetingId: string,
  marks: { memberId: string; status: AttendanceStatus | null; exempt?: boolean }[],
) {
  await db.insert(attendance).values(
    marks.map((m) => ({
      tenantId,
      meetingId,
      memberId: m.memberId,
      memberStatus: "official" as const,
      exempt: m.exempt ?? false,
      status: m.status,
    })),
  );
}

/** Units are created "now"; the compliance of earlier months needs them to have existed. */
async function backdateUnits(db: Db, tenantId: string, iso = "2020-01-01T00:00:00.000Z") {
  await db
    .update(units)
    .set({ createdAt: new Date(iso) })
    .where(eq(units.tenantId, tenantId));
}

async function setDay(db: Db, unit: TestUnit, day: number | null) {
  await db.update(units).set({ meetingDay: day }).where(eq(units.id, unit.id));
}

/** A user whose session opens at `iso`, for a test that moves the clock away from TEST_NOW. */
async function createUserAt(
  db: Db,
  tenantId: string,
  roleGrants: Parameters<typeof createUser>[2],
  iso: string,
) {
  const user = await createUser(db, tenantId, roleGrants);
  const at = new Date(iso);
  await db
    .update(sessions)
    .set({ createdAt: at, lastSeenAt: at, expiresAt: new Date(at.getTime() + 3_600_000) })
    .where(eq(sessions.userId, user.id));
  return user;
}

function cellOf(dto: ComplianceDto, id: string): ComplianceCellDto {
  const cell = dto.cells.find((c) => c.unitId === id);
  if (!cell) throw new Error(`cell ${id} missing`);
  return cell;
}

afterEach(async () => {
  const { clock } = await testContext();
  clock.reset();
});

// ---------------------------------------------------------------------------------------------------

describe("compliance: a committee's calendar of its cells", () => {
  it("gives every regular state, thematic quarters, forums and attendance for the year", async () => {
    const { app, database, clock } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const t = org.tenantId;
    await backdateUnits(db, t);
    await setDay(db, org.cellA1, 20);
    const cell = org.cellA1;
    const extra = await createMember(db, t, cell, "Đỗ Thị Cúc");
    const exempted = await createMember(db, t, cell, "Hà Văn Dần");
    clock.set("2026-09-15T03:00:00.000Z");

    // January: held on the registered day, 4 counted (one exempt not counted), 3 came.
    const jan = await addMeeting(db, t, cell, {
      date: "2026-01-20",
      heldOn: "2026-01-20",
      durationMinutes: 95,
    });
    await addMarks(db, t, jan, [
      { memberId: org.people.an.id, status: "present" },
      { memberId: org.people.binh.id, status: "late" },
      { memberId: extra.id, status: "absent_excused" },
      { memberId: exempted.id, status: "present", exempt: true },
    ]);
    // A fourth counted member who was never marked still counts in the denominator.
    const anon = await createMember(db, t, cell, "Lý Văn Tám");
    await addMarks(db, t, jan, [{ memberId: anon.id, status: null }]);
    // February: held early, and short (60 < 90 minutes); everybody came.
    const feb = await addMeeting(db, t, cell, {
      registeredDate: "2026-02-20",
      date: "2026-02-18",
      heldOn: "2026-02-18",
      durationMinutes: 60,
    });
    await addMarks(db, t, feb, [
      { memberId: org.people.an.id, status: "present" },
      { memberId: org.people.binh.id, status: "present" },
    ]);
    // March: postponed with notice, held before the new date.
    const mar = await addMeeting(db, t, cell, {
      registeredDate: "2026-03-20",
      date: "2026-03-25",
      heldOn: "2026-03-24",
    });
    await addPostponement(db, t, cell, mar, {
      fromDate: "2026-03-20",
      newDate: "2026-03-25",
      reportedOn: "2026-03-15",
    });
    // April: postponed with notice, held after the new date (the second postponement was late, but
    // the first report decides the notice).
    const apr = await addMeeting(db, t, cell, {
      registeredDate: "2026-04-20",
      date: "2026-04-25",
      heldOn: "2026-04-28",
    });
    await addPostponement(db, t, cell, apr, {
      fromDate: "2026-04-20",
      newDate: "2026-04-23",
      reportedOn: "2026-04-10",
    });
    await addPostponement(db, t, cell, apr, {
      fromDate: "2026-04-23",
      newDate: "2026-04-25",
      reportedOn: "2026-04-22",
    });
    // May: held late without any postponement.
    await addMeeting(db, t, cell, {
      registeredDate: "2026-05-20",
      date: "2026-05-22",
      heldOn: "2026-05-22",
    });
    // June: nothing at all → missed. July: postponed with notice, the new date passed, not held.
    const jul = await addMeeting(db, t, cell, {
      registeredDate: "2026-07-20",
      date: "2026-07-28",
      status: "postponed",
    });
    await addPostponement(db, t, cell, jul, {
      fromDate: "2026-07-20",
      newDate: "2026-07-28",
      reportedOn: "2026-07-01",
    });
    // August: the postponement came on the registered day (no notice) → late; combined with a
    // thematic meeting for 100 minutes (< 120) → short.
    const aug = await addMeeting(db, t, cell, {
      registeredDate: "2026-08-20",
      date: "2026-08-25",
      heldOn: "2026-08-25",
      durationMinutes: 100,
      combinedWithThematic: true,
    });
    await addPostponement(db, t, cell, aug, {
      fromDate: "2026-08-20",
      newDate: "2026-08-25",
      reportedOn: "2026-08-20",
    });
    // September: postponed with notice to a date still to come.
    const sep = await addMeeting(db, t, cell, {
      registeredDate: "2026-09-20",
      date: "2026-09-28",
      status: "postponed",
    });
    await addPostponement(db, t, cell, sep, {
      fromDate: "2026-09-20",
      newDate: "2026-09-28",
      reportedOn: "2026-09-12",
    });
    // October planned; November and December have no row yet.
    await addMeeting(db, t, cell, { date: "2026-10-20" });
    // Thematic: Q1 held, Q2 only planned and cancelled ones (missed), Q3 by the combined August
    // meeting, Q4 still to come. One forum.
    await addMeeting(db, t, cell, { kind: "thematic", date: "2026-02-10", heldOn: "2026-02-10" });
    await addMeeting(db, t, cell, { kind: "thematic", date: "2026-05-10", status: "cancelled" });
    await addMeeting(db, t, cell, { kind: "thematic", date: "2026-06-10", status: "planned" });
    await addMeeting(db, t, cell, { kind: "forum", date: "2026-04-02", heldOn: "2026-04-02" });
    // Last year's meetings do not count.
    await addMeeting(db, t, cell, { kind: "thematic", date: "2025-08-10", heldOn: "2025-08-10" });
    await addMeeting(db, t, cell, { date: "2025-12-20", heldOn: "2025-12-20" });

    const committee = await createUserAt(
      db,
      t,
      [{ role: "committee", unit: org.dbA }],
      "2026-09-15T03:00:00.000Z",
    );
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/compliance?year=2026`,
      headers: { cookie: committee.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const dto = res.json<ComplianceDto>();
    expect(dto).toMatchObject({ unitId: org.dbA.id, year: 2026, today: "2026-09-15" });
    // Only dbA's cells: A2 (day 3) before A1 (day 20).
    expect(dto.cells.map((c) => c.name)).toEqual(["Chi bộ Phòng A2", "Chi bộ Phòng A1"]);

    const a1 = cellOf(dto, cell.id);
    expect(a1.meetingDay).toBe(20);
    expect(a1.months.map((m) => [m.month, m.state])).toEqual([
      ["2026-01", "held_on_day"],
      ["2026-02", "held_early"],
      ["2026-03", "postponed_held"],
      ["2026-04", "postponed_held_late"],
      ["2026-05", "late_without_notice"],
      ["2026-06", "missed"],
      ["2026-07", "postponed_missed"],
      ["2026-08", "late_without_notice"],
      ["2026-09", "postponed_upcoming"],
      ["2026-10", "upcoming"],
      ["2026-11", "upcoming"],
      ["2026-12", "upcoming"],
    ]);
    expect(a1.months.filter((m) => m.short).map((m) => m.month)).toEqual(["2026-02", "2026-08"]);
    expect(a1.months[0]).toMatchObject({
      registeredDate: "2026-01-20",
      meetingId: jan,
      heldOn: "2026-01-20",
      newDate: null,
      attendanceRate: 2 / 4,
    });
    expect(a1.months[1]?.attendanceRate).toBe(1);
    expect(a1.months[2]).toMatchObject({ newDate: "2026-03-25", heldOn: "2026-03-24" });
    expect(a1.months[2]?.attendanceRate).toBeNull();
    expect(a1.months[5]).toMatchObject({ meetingId: null, registeredDate: "2026-06-20" });
    expect(a1.months[6]).toMatchObject({ meetingId: jul, newDate: "2026-07-28", heldOn: null });
    // Settled: Jan–Aug (8), compliant: Jan, Feb, Mar (3).
    expect(a1).toMatchObject({ settled: 8, compliant: 3, rate: 3 / 8 });
    // Attendance over held regular meetings: (2 + 2) / (4 + 2).
    expect(a1.attendanceRate).toBeCloseTo(4 / 6, 10);
    expect(a1.quarters).toEqual([
      { quarter: 1, state: "met", held: 1 },
      { quarter: 2, state: "missed", held: 0 },
      { quarter: 3, state: "met", held: 1 },
      { quarter: 4, state: "pending", held: 0 },
    ]);
    expect(a1.forums).toEqual({ state: "met", held: 1 });

    // A2: day 3, nothing recorded: Jan–Sep missed, Oct–Dec upcoming.
    const a2 = cellOf(dto, org.cellA2.id);
    expect(a2.months.filter((m) => m.state === "missed")).toHaveLength(9);
    expect(a2.months.filter((m) => m.state === "upcoming")).toHaveLength(3);
    expect(a2).toMatchObject({ settled: 9, compliant: 0, rate: 0, attendanceRate: null });
    expect(a2.forums).toEqual({ state: "pending", held: 0 });

    expect(dto.summary).toMatchObject({
      cells: 2,
      cellsOnSchedule: 0,
      cellsPending: 0,
      settled: 17,
      compliant: 3,
      rate: 3 / 17,
      target: 0.95,
    });
    expect(dto.summary.attendanceRate).toBeCloseTo(4 / 6, 10);
    expect(dto.summary.counts).toEqual({
      upcoming: 6,
      postponed_upcoming: 1,
      held_on_day: 1,
      held_early: 1,
      postponed_held: 1,
      postponed_held_late: 1,
      late_without_notice: 2,
      missed: 10,
      postponed_missed: 1,
    });

    // The cell's own lead sees the same cell from the cell itself.
    const lead = await createUserAt(
      db,
      t,
      [{ role: "cell_lead", unit: cell }],
      "2026-09-15T03:00:00.000Z",
    );
    const own = await app.inject({
      method: "GET",
      url: `/api/v1/units/${cell.id}/compliance?year=2026`,
      headers: { cookie: lead.cookie },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json<ComplianceDto>().cells.map((c) => c.unitId)).toEqual([cell.id]);
    expect(own.json<ComplianceDto>().summary.cells).toBe(1);
  });

  it("registers days 29–31 on the last day of shorter months, and prefers a meeting's own date", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const t = org.tenantId;
    await backdateUnits(db, t);
    await setDay(db, org.cellA1, 31);
    await setDay(db, org.cellA2, 29);
    // A1 registered the 15th in January before moving to the 31st: the meeting keeps its date.
    await addMeeting(db, t, org.cellA1, {
      registeredDate: "2026-01-15",
      date: "2026-01-15",
      heldOn: "2026-01-15",
    });
    const admin = await createUser(db, t, [{ role: "admin", unit: org.root }]);
    const get = async (year: number) => {
      const res = await app.inject({
        method: "GET",
        url: `/api/v1/units/${org.dbA.id}/compliance?year=${year}`,
        headers: { cookie: admin.cookie },
      });
      expect(res.statusCode).toBe(200);
      return res.json<ComplianceDto>();
    };
    const y2026 = await get(2026);
    expect(cellOf(y2026, org.cellA1.id).months.map((m) => m.registeredDate)).toEqual([
      "2026-01-15",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
      "2026-07-31",
      "2026-08-31",
      "2026-09-30",
      "2026-10-31",
      "2026-11-30",
      "2026-12-31",
    ]);
    expect(cellOf(y2026, org.cellA1.id).months[0]?.state).toBe("held_on_day");
    expect(cellOf(y2026, org.cellA2.id).months[1]?.registeredDate).toBe("2026-02-28");
    // 2024 is a leap year: the 29th exists in February, the 31st falls back to the 29th.
    const y2024 = await get(2024);
    expect(cellOf(y2024, org.cellA2.id).months[1]?.registeredDate).toBe("2024-02-29");
    expect(cellOf(y2024, org.cellA1.id).months[1]?.registeredDate).toBe("2024-02-29");
    // A past year is settled through: no pending month, quarter or forum year.
    expect(cellOf(y2024, org.cellA2.id).months.every((m) => m.state === "missed")).toBe(true);
    expect(cellOf(y2024, org.cellA2.id).quarters.every((q) => q.state === "missed")).toBe(true);
    expect(cellOf(y2024, org.cellA2.id).forums.state).toBe("missed");
  });

  it("leaves months unjudged without a meeting day or before the cell existed", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const t = org.tenantId;
    await backdateUnits(db, t);
    await setDay(db, org.cellA1, null);
    await db
      .update(units)
      .set({ createdAt: new Date("2026-02-10T01:00:00.000Z") })
      .where(eq(units.id, org.cellA2.id));
    // A cell of the subtree that stopped working is left out.
    const closed = await createUnit(db, t, org.dbA, "cell", "Chi bộ đã giải thể");
    await db.update(units).set({ active: false }).where(eq(units.id, closed.id));
    const committee = await createUser(db, t, [{ role: "committee", unit: org.dbA }]);
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/compliance?year=2026`,
      headers: { cookie: committee.cookie },
    });
    const dto = res.json<ComplianceDto>();
    // Cells without a meeting day come last.
    expect(dto.cells.map((c) => c.unitId)).toEqual([org.cellA2.id, org.cellA1.id]);
    const a1 = cellOf(dto, org.cellA1.id);
    expect(a1.months.every((m) => m.state === null && m.registeredDate === null)).toBe(true);
    expect(a1).toMatchObject({ settled: 0, compliant: 0, rate: null });
    // Created 10/02: January is not owed; February (day 3, before creation but in its month) is.
    const a2 = cellOf(dto, org.cellA2.id);
    expect(a2.months.slice(0, 4).map((m) => m.state)).toEqual([
      null,
      "missed",
      "missed",
      "upcoming",
    ]);
    expect(dto.summary).toMatchObject({ cells: 2, cellsOnSchedule: 0, cellsPending: 1 });
  });

  it("counts thematic meetings per quarter against the tenant's rules and flags too many forums", async () => {
    const { app, database, clock } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const t = org.tenantId;
    await backdateUnits(db, t);
    await db
      .update(tenants)
      .set({ settings: { meetingRules: { thematicPerQuarter: 2, programmeTarget: 0.9 } } })
      .where(eq(tenants.id, t));
    clock.set("2026-12-31T03:00:00.000Z");
    const c = org.cellB1;
    for (const d of ["2026-01-05", "2026-03-28", "2026-05-05"]) {
      await addMeeting(db, t, c, { kind: "thematic", date: d, heldOn: d });
    }
    // Held early in Q3 with a combined regular meeting, but still one short of two.
    await addMeeting(db, t, c, {
      date: "2026-07-03",
      heldOn: "2026-07-03",
      combinedWithThematic: true,
      durationMinutes: 130,
    });
    // A thematic meeting planned for Q2 but held in Q3 counts where it was held.
    await addMeeting(db, t, c, { kind: "thematic", date: "2026-06-30", heldOn: "2026-07-01" });
    for (const d of ["2026-02-01", "2026-06-01", "2026-10-01"]) {
      await addMeeting(db, t, c, { kind: "forum", date: d, heldOn: d });
    }
    const board = await createUserAt(
      db,
      t,
      [{ role: "org_board", unit: org.root }],
      "2026-12-31T03:00:00.000Z",
    );
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/units/${c.id}/compliance?year=2026`,
      headers: { cookie: board.cookie },
    });
    expect(res.statusCode).toBe(200);
    const dto = res.json<ComplianceDto>();
    const b1 = cellOf(dto, c.id);
    expect(b1.quarters).toEqual([
      { quarter: 1, state: "met", held: 2 },
      { quarter: 2, state: "missed", held: 1 },
      { quarter: 3, state: "met", held: 2 },
      { quarter: 4, state: "pending", held: 0 },
    ]);
    expect(b1.forums).toEqual({ state: "too_many", held: 3 });
    expect(b1.months[6]).toMatchObject({ state: "held_on_day", short: false });
    expect(dto.summary.target).toBe(0.9);
  });

  it("answers 401, 400, 404 outside the subtree, and 403 to nobody who can read", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const anonymous = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/compliance?year=2026`,
    });
    expect(anonymous.statusCode).toBe(401);
    const lead = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellA2 }]);
    const outside = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.cellA1.id}/compliance?year=2026`,
      headers: { cookie: lead.cookie },
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: "not_found" });
    const up = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/compliance?year=2026`,
      headers: { cookie: lead.cookie },
    });
    expect(up.statusCode).toBe(404);
    const bad = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.cellA2.id}/compliance?year=1999`,
      headers: { cookie: lead.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: "validation_failed",
      details: [{ path: "querystring.year" }],
    });
    const member = await createUser(db, org.tenantId, [{ role: "member", unit: org.cellA2 }]);
    const read = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.cellA2.id}/compliance?year=2026`,
      headers: { cookie: member.cookie },
    });
    expect(read.statusCode).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------------

describe("compliance: postponements reported in the subtree", () => {
  it("lists the subtree's postponements, newest report first, with notice and reporter", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const t = org.tenantId;
    const leadA1 = await createUser(db, t, [{ role: "cell_lead", unit: org.cellA1 }]);
    const m1 = await addMeeting(db, t, org.cellA1, {
      registeredDate: "2026-03-03",
      date: "2026-03-12",
      status: "postponed",
    });
    await addPostponement(db, t, org.cellA1, m1, {
      fromDate: "2026-03-03",
      newDate: "2026-03-12",
      reportedOn: "2026-03-01",
      reportedBy: leadA1.id,
    });
    // A thematic meeting moved after its date had come: no notice.
    const m2 = await addMeeting(db, t, org.cellA2, {
      kind: "thematic",
      date: "2026-03-20",
      status: "postponed",
    });
    await addPostponement(db, t, org.cellA2, m2, {
      fromDate: "2026-03-05",
      newDate: "2026-03-20",
      reportedOn: "2026-03-05",
    });
    // Another committee's cell, and an old report outside the default window.
    const m3 = await addMeeting(db, t, org.cellB1, {
      date: "2026-03-10",
      registeredDate: "2026-03-03",
    });
    await addPostponement(db, t, org.cellB1, m3, {
      fromDate: "2026-03-03",
      newDate: "2026-03-10",
      reportedOn: "2026-03-02",
    });
    const old = await addMeeting(db, t, org.cellA1, {
      registeredDate: "2025-06-03",
      date: "2025-06-10",
      heldOn: "2025-06-10",
    });
    await addPostponement(db, t, org.cellA1, old, {
      fromDate: "2025-06-03",
      newDate: "2025-06-10",
      reportedOn: "2025-06-01",
    });

    const committee = await createUser(db, t, [{ role: "committee", unit: org.dbA }]);
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/postponements`,
      headers: { cookie: committee.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: PostponementDto[] }>().items;
    expect(items.map((p) => [p.unitName, p.fromDate, p.newDate, p.withNotice])).toEqual([
      ["Chi bộ Phòng A2", "2026-03-05", "2026-03-20", false],
      ["Chi bộ Phòng A1", "2026-03-03", "2026-03-12", true],
    ]);
    expect(items[1]).toMatchObject({
      meetingId: m1,
      unitId: org.cellA1.id,
      reportedOn: "2026-03-01",
      reportedAt: "2026-03-01T02:00:00.000Z",
      reportedBy: `Người dùng ${leadA1.username}`,
      reason: "Trùng lịch họp của cơ quan",
    });
    expect(items[0]?.reportedBy).toBeNull();

    const withOld = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/postponements?from=2025-06-01&to=2025-12-31`,
      headers: { cookie: committee.cookie },
    });
    expect(
      withOld.json<{ items: PostponementDto[] }>().items.map((p) => [p.meetingId, p.withNotice]),
    ).toEqual([[old, true]]);

    // A cell lead sees their own cell; another cell is missing for them.
    const own = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.cellA1.id}/postponements`,
      headers: { cookie: leadA1.cookie },
    });
    expect(own.json<{ items: PostponementDto[] }>().items.map((p) => p.meetingId)).toEqual([m1]);
    const other = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.cellA2.id}/postponements`,
      headers: { cookie: leadA1.cookie },
    });
    expect(other.statusCode).toBe(404);
    const outside = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbB.id}/postponements`,
      headers: { cookie: committee.cookie },
    });
    expect(outside.statusCode).toBe(404);
  });

  it("refuses bad windows and requires a session", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const committee = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const anonymous = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/postponements`,
    });
    expect(anonymous.statusCode).toBe(401);
    const malformed = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/postponements?from=2026-02-30`,
      headers: { cookie: committee.cookie },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ details: [{ path: "querystring.from" }] });
    const reversed = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/postponements?from=2026-05-01&to=2026-04-01`,
      headers: { cookie: committee.cookie },
    });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json()).toMatchObject({
      code: "validation_failed",
      details: [{ path: "querystring.to" }],
    });
    const tooWide = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/postponements?from=2024-01-01&to=2026-01-01`,
      headers: { cookie: committee.cookie },
    });
    expect(tooWide.statusCode).toBe(422);
  });
});

// ---------------------------------------------------------------------------------------------------

describe("compliance: absence alerts", () => {
  it("raises each rule for the subtree's current members over the year's held meetings", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const t = org.tenantId;
    const cell = org.cellA1;
    const khoa = await createMember(db, t, cell, "Bùi Văn Khoa");
    const gone = await createMember(db, t, cell, "Tạ Văn Đi");
    const held = async (date: string, kind: MeetingKind = "regular") =>
      addMeeting(db, t, cell, { kind, date, heldOn: date });
    const jan = await held("2026-01-03");
    const feb = await held("2026-02-03");
    const mar = await held("2026-03-03");
    const apr = await held("2026-04-03");
    const may = await held("2026-05-03");
    const thematic = await held("2026-02-20", "thematic");
    const lastYear = await held("2025-12-03");
    // A meeting still planned holds no marks that count.
    const planned = await addMeeting(db, t, cell, { date: "2026-06-03" });
    const an = org.people.an.id;
    const binh = org.people.binh.id;
    const mark = (meetingId: string, status: AttendanceStatus, memberId: string) =>
      addMarks(db, t, meetingId, [{ memberId, status }]);
    // An: unexcused in January, February (a thematic meeting) and March, excused in between:
    // unexcused ×3, removal review (3 months), and 3 regular meetings absent in a row.
    await mark(jan, "absent_unexcused", an);
    await mark(feb, "absent_excused", an);
    await mark(thematic, "absent_unexcused", an);
    await mark(mar, "absent_unexcused", an);
    await mark(apr, "present", an);
    await mark(may, "present", an);
    // Bình: excused four times in a row (more than 3: HD12), with an exempt mark that neither
    // breaks nor extends the run.
    await mark(lastYear, "absent_excused", binh);
    await mark(jan, "absent_excused", binh);
    await mark(feb, "exempt", binh);
    await mark(mar, "absent_excused", binh);
    await mark(apr, "absent_excused", binh);
    await mark(may, "absent_excused", binh);
    await mark(planned, "absent_unexcused", binh);
    // Khoa came every time; the member who left is no longer alerted about.
    for (const m of [jan, feb, mar, apr, may]) await mark(m, "present", khoa.id);
    await mark(jan, "absent_unexcused", gone.id);
    await db.update(members).set({ leftOn: "2026-05-10" }).where(eq(members.id, gone.id));
    // Another committee's member.
    const b1 = await addMeeting(db, t, org.cellB1, { date: "2026-01-03", heldOn: "2026-01-03" });
    await mark(b1, "absent_unexcused", org.people.dung.id);

    const committee = await createUser(db, t, [{ role: "committee", unit: org.dbA }]);
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/absence-alerts?year=2026`,
      headers: { cookie: committee.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ year: number; items: AbsenceAlertDto[] }>();
    expect(body.year).toBe(2026);
    const summary = body.items.map((a) => [a.fullName, a.rule, a.dates]);
    expect(summary).toEqual([
      ["Nguyễn Văn An", "unexcused", ["2026-01-03"]],
      ["Nguyễn Văn An", "unexcused", ["2026-02-20"]],
      ["Nguyễn Văn An", "unexcused", ["2026-03-03"]],
      ["Nguyễn Văn An", "consecutive_absences", ["2026-01-03", "2026-02-03", "2026-03-03"]],
      ["Nguyễn Văn An", "removal_review", ["2026-01-03", "2026-02-20", "2026-03-03"]],
      [
        "Trần Thị Bình",
        "consecutive_absences",
        ["2026-01-03", "2026-03-03", "2026-04-03", "2026-05-03"],
      ],
      ["Trần Thị Bình", "excused_streak", ["2026-01-03", "2026-03-03", "2026-04-03", "2026-05-03"]],
    ]);
    expect(body.items[0]).toMatchObject({
      memberId: an,
      unitId: cell.id,
      unitName: "Chi bộ Phòng A1",
    });

    const y2025 = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbA.id}/absence-alerts?year=2025`,
      headers: { cookie: committee.cookie },
    });
    expect(y2025.json<{ items: AbsenceAlertDto[] }>().items).toEqual([]);
  });

  it("is for those who may see alerts: 403 for plain members, 404 outside, 401 without a session", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const url = `/api/v1/units/${org.cellA1.id}/absence-alerts?year=2026`;
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    const member = await createUser(db, org.tenantId, [{ role: "member", unit: org.cellA1 }]);
    const asMember = await app.inject({ method: "GET", url, headers: { cookie: member.cookie } });
    expect(asMember.statusCode).toBe(403);
    expect(asMember.json()).toMatchObject({ code: "forbidden" });
    const lead = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellB1 }]);
    const outside = await app.inject({ method: "GET", url, headers: { cookie: lead.cookie } });
    expect(outside.statusCode).toBe(404);
    const inspector = await createUser(db, org.tenantId, [{ role: "inspector", unit: org.root }]);
    const ok = await app.inject({ method: "GET", url, headers: { cookie: inspector.cookie } });
    expect(ok.statusCode).toBe(200);
    const missingYear = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.cellA1.id}/absence-alerts`,
      headers: { cookie: inspector.cookie },
    });
    expect(missingYear.statusCode).toBe(400);
  });
});

describe("compliance: tenancy and query count", () => {
  it("names tenant_id in every statement and stays set-based however many cells", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const t = org.tenantId;
    await backdateUnits(db, t);
    for (let i = 0; i < 12; i++) {
      const c = await createUnit(db, t, org.dbB, "cell", `Chi bộ số ${i}`, { meetingDay: 1 + i });
      const m = await addMeeting(db, t, c, { date: "2026-01-10", heldOn: "2026-01-10" });
      await addPostponement(db, t, c, m, {
        fromDate: "2026-01-05",
        newDate: "2026-01-10",
        reportedOn: "2026-01-02",
      });
    }
    const admin = await createUser(db, t, [{ role: "admin", unit: org.root }]);
    const queries = await captureQueries(async () => {
      for (const path of [
        `compliance?year=2026`,
        `postponements?from=2026-01-01&to=2026-03-01`,
        `absence-alerts?year=2026`,
      ]) {
        const res = await app.inject({
          method: "GET",
          url: `/api/v1/units/${org.root.id}/${path}`,
          headers: { cookie: admin.cookie },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    });
    const statements = queries.filter((q) => !/^(begin|commit|rollback)/iu.test(q.trim()));
    const ours = statements.filter((q) => !q.includes('from "sessions"'));
    expect(ours.filter((q) => !q.includes("tenant_id"))).toEqual([]);
    // Unit, rules, cells, regular meetings, thematic counts; unit, list; unit, rules, marks, names.
    expect(ours).toHaveLength(11);
  });
});
