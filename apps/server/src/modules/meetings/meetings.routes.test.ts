import { afterEach, describe, expect, it } from "vitest";
import { monthEnd } from "@chibo/domain";
import { and, eq } from "drizzle-orm";
import { captureQueries, testContext } from "#test/db";
import { call, type Json } from "#test/http";
import {
  createMember,
  createMemberUser,
  createOrg,
  createOrgUsers,
  createUser,
  travel,
  type TestOrg,
} from "#test/factories";
import {
  attendance,
  auditLog,
  exemptions,
  meetings,
  members,
  notifications,
  postponements,
  sessions,
  users,
} from "../../db/schema/index.js";

afterEach(async () => {
  (await testContext()).clock.reset();
});

async function setup() {
  const ctx = await testContext();
  const db = ctx.database.db;
  const org = await createOrg(db);
  const { lead, committee, otherLead, binh: member } = await createOrgUsers(db, org);
  // A member of another cell, with an account.
  const outsider = await createMemberUser(db, org.tenantId, org.cellB1, org.people.dung.id);
  return { ...ctx, db, org, lead, committee, otherLead, member, outsider };
}

async function register(org: TestOrg, cookie: string, day = 3) {
  const res = await call("PUT", `/units/${org.cellA1.id}/meeting-schedule`, cookie, {
    day,
    time: "07:30",
    place: "Hội trường tầng 2",
    mode: "in_person",
  });
  expect(res.statusCode).toBe(200);
  return res;
}

async function regular(org: TestOrg, cookie: string, period: string) {
  const res = await call(
    "GET",
    `/meetings?unitId=${org.cellA1.id}&from=${period}-01&to=${monthEnd(`${period}-01`)}&kind=regular`,
    cookie,
  );
  expect(res.statusCode).toBe(200);
  const [m] = res.json<{ items: Json[] }>().items;
  if (!m) throw new Error(`no regular meeting in ${period}`);
  return m as { id: string; date: string; version: number; status: string };
}

describe("meeting schedule and plan", () => {
  it("registers the fixed day and plans the coming months; day 31 falls back in short months", async () => {
    const { org, lead, db } = await setup();
    const res = await register(org, lead.cookie, 31);
    expect(res.json()).toMatchObject({ day: 31, time: "07:30", mode: "in_person" });
    // Today is 10/03/2026: March 31 is still ahead, then April (30 days), May, June.
    const list = await call(
      "GET",
      `/meetings?unitId=${org.cellA1.id}&from=2026-03-01&to=2026-12-31`,
      lead.cookie,
    );
    const items = list.json<{ items: Json[] }>().items;
    expect(items.map((m) => m.date)).toEqual([
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
    ]);
    expect(items[0]).toMatchObject({
      kind: "regular",
      status: "planned",
      period: "2026-03",
      startTime: "07:30",
      place: "Hội trường tầng 2",
      guidance: "HD42",
    });
    // Changing the day moves the planned occurrences that follow the schedule.
    await register(org, lead.cookie, 15);
    const moved = await db
      .select({ date: meetings.date })
      .from(meetings)
      .where(eq(meetings.unitId, org.cellA1.id))
      .orderBy(meetings.date);
    expect(moved.map((m) => m.date)).toEqual([
      "2026-03-15",
      "2026-04-15",
      "2026-05-15",
      "2026-06-15",
    ]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, org.tenantId), eq(auditLog.action, "meeting.schedule")));
    expect(audit).toHaveLength(2);
  });

  it("refuses a day outside 1–31 and a bad time, naming the field", async () => {
    const { org, lead } = await setup();
    const res = await call("PUT", `/units/${org.cellA1.id}/meeting-schedule`, lead.cookie, {
      day: 32,
      time: "25:00",
      mode: "in_person",
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; details: { path: string; message: string }[] }>();
    expect(body.code).toBe("validation_failed");
    expect(body.details.map((d) => d.path).sort()).toEqual(["body.day", "body.time"]);
    expect(body.details.find((d) => d.path === "body.day")?.message).toBe(
      "Ngày sinh hoạt từ 1 đến 31",
    );
  });

  it("lets members read the schedule but only leads change it; other cells are invisible", async () => {
    const { org, member, otherLead, committee } = await setup();
    expect(
      (await call("GET", `/units/${org.cellA1.id}/meeting-schedule`, member.cookie)).statusCode,
    ).toBe(200);
    const put = await call("PUT", `/units/${org.cellA1.id}/meeting-schedule`, member.cookie, {
      day: 5,
      time: "08:00",
    });
    expect(put.statusCode).toBe(403);
    expect(
      (await call("GET", `/units/${org.cellA1.id}/meeting-schedule`, otherLead.cookie)).statusCode,
    ).toBe(404);
    // A committee unit has no meeting calendar of its own.
    const notCell = await call("GET", `/units/${org.dbA.id}/meeting-schedule`, committee.cookie);
    expect(notCell.statusCode).toBe(422);
    expect(notCell.json()).toMatchObject({ code: "not_a_cell" });
  });

  it("plans further ahead on request, once per month, and needs a registered day", async () => {
    const { org, lead, db } = await setup();
    await register(org, lead.cookie);
    const plan = await call("POST", `/units/${org.cellA1.id}/meetings/plan`, lead.cookie, {
      months: 12,
    });
    expect(plan.statusCode).toBe(200);
    // April 2026 – March 2027 exist; March 2026's day (the 3rd) had already passed.
    const rows = await db.select().from(meetings).where(eq(meetings.unitId, org.cellA1.id));
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.period)).size).toBe(12);
    const again = await call("POST", `/units/${org.cellA1.id}/meetings/plan`, lead.cookie, {
      months: 12,
    });
    expect(again.json()).toMatchObject({ created: 0 });

    const noDay = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellA2 }]);
    await db.execute(
      // A cell that never registered a day.
      `update units set meeting_day = null where id = '${org.cellA2.id}'`,
    );
    const refused = await call("POST", `/units/${org.cellA2.id}/meetings/plan`, noDay.cookie, {
      months: 3,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: "schedule_missing" });
  });
});

describe("editing and postponing an occurrence", () => {
  it("moves a regular meeting earlier, but later only by a postponement", async () => {
    const { org, lead } = await setup();
    await register(org, lead.cookie, 20);
    const m = await regular(org, lead.cookie, "2026-04");
    const earlier = await call("PATCH", `/meetings/${m.id}`, lead.cookie, {
      date: "2026-04-17",
      place: "Phòng họp nhỏ",
      version: m.version,
    });
    expect(earlier.statusCode).toBe(200);
    expect(earlier.json()).toMatchObject({ date: "2026-04-17", place: "Phòng họp nhỏ" });
    const later = await call("PATCH", `/meetings/${m.id}`, lead.cookie, {
      date: "2026-04-25",
      version: earlier.json<{ version: number }>().version,
    });
    expect(later.statusCode).toBe(422);
    expect(later.json<{ details: { path: string }[] }>().details[0]?.path).toBe("body.date");
    const stale = await call("PATCH", `/meetings/${m.id}`, lead.cookie, {
      place: "X",
      version: m.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version" });
  });

  it("records a postponement with notice and shows it to the committee above", async () => {
    const { org, lead, committee, member, db } = await setup();
    await register(org, lead.cookie, 20);
    const m = await regular(org, lead.cookie, "2026-03");
    const res = await call("POST", `/meetings/${m.id}/postpone`, lead.cookie, {
      newDate: "2026-03-27",
      reason: "Trùng lịch hội nghị của Đảng ủy cấp trên",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "postponed",
      date: "2026-03-27",
      registeredDate: "2026-03-20",
      postponement: {
        fromDate: "2026-03-20",
        newDate: "2026-03-27",
        reportedOn: "2026-03-10",
        withNotice: true,
      },
      compliance: { state: "postponed_upcoming", short: false },
    });
    // Every member of the cell with an account is told at once (and nobody elsewhere).
    const notices = await db
      .select({ userId: notifications.userId, kind: notifications.kind, body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.tenantId, org.tenantId), eq(notifications.meetingId, m.id)));
    expect(notices.map((n) => n.userId)).toEqual([member.id]);
    expect(notices[0]?.kind).toBe("meeting_postponed");
    expect(notices[0]?.body).toContain("27/03/2026");
    const seen = await call("GET", `/meetings/${m.id}`, committee.cookie);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ postponements: Json[] }>().postponements).toHaveLength(1);
    // The member sees the new date, and cannot postpone.
    const asMember = await call("GET", `/meetings/${m.id}`, member.cookie);
    expect(asMember.json()).toMatchObject({ date: "2026-03-27", can: { postpone: false } });
    const denied = await call("POST", `/meetings/${m.id}/postpone`, member.cookie, {
      newDate: "2026-03-28",
      reason: "x",
    });
    expect(denied.statusCode).toBe(403);
  });

  it.each([
    ["a new date in the past", "2026-03-09", "Ngày mới phải sau"],
    ["a new date before the old one", "2026-03-15", "Ngày mới phải sau"],
    ["a new date in another month", "2026-04-02", "trong cùng tháng"],
  ])("refuses %s and writes nothing", async (_label, newDate, message) => {
    const { org, lead, db } = await setup();
    await register(org, lead.cookie, 20);
    const m = await regular(org, lead.cookie, "2026-03");
    const res = await call("POST", `/meetings/${m.id}/postpone`, lead.cookie, {
      newDate,
      reason: "Bí thư đi công tác",
    });
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; details: { path: string; message: string }[] }>();
    expect(body.code).toBe("postponement_invalid");
    expect(body.details.some((d) => d.path === "body.newDate" && d.message.includes(message))).toBe(
      true,
    );
    const rows = await db.select().from(postponements).where(eq(postponements.meetingId, m.id));
    expect(rows).toHaveLength(0);
    expect((await regular(org, lead.cookie, "2026-03")).status).toBe("planned");
  });

  it("needs a reason, and refuses once the date has come", async () => {
    const s = await setup();
    const { org, lead } = s;
    await register(org, lead.cookie, 20);
    const m = await regular(org, lead.cookie, "2026-03");
    const noReason = await call("POST", `/meetings/${m.id}/postpone`, lead.cookie, {
      newDate: "2026-03-25",
      reason: "  ",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ details: { path: string }[] }>().details[0]?.path).toBe("body.reason");
    await travel(s, s.org.tenantId, "2026-03-20T01:00:00Z");
    const late = await call("POST", `/meetings/${m.id}/postpone`, lead.cookie, {
      newDate: "2026-03-25",
      reason: "Mưa bão",
    });
    expect(late.statusCode).toBe(422);
    expect(late.json<{ details: { message: string }[] }>().details[0]?.message).toBe(
      "Chỉ báo hoãn trước ngày họp đã định",
    );
  });

  it("adds and cancels other kinds; a regular meeting cannot be cancelled", async () => {
    const { org, lead } = await setup();
    await register(org, lead.cookie, 20);
    const m = await regular(org, lead.cookie, "2026-03");
    const prep = await call("POST", "/meetings", lead.cookie, {
      unitId: org.cellA1.id,
      kind: "committee",
      date: "2026-03-18",
      startTime: "16:00",
      preparesMeetingId: m.id,
    });
    expect(prep.statusCode).toBe(201);
    expect(prep.json()).toMatchObject({ kind: "committee", preparesMeetingId: m.id });
    const afterIt = await call("POST", "/meetings", lead.cookie, {
      unitId: org.cellA1.id,
      kind: "committee",
      date: "2026-03-22",
      startTime: "16:00",
      preparesMeetingId: m.id,
    });
    expect(afterIt.statusCode).toBe(422);
    const forum = await call("POST", "/meetings", lead.cookie, {
      unitId: org.cellA1.id,
      kind: "forum",
      date: "2026-05-12",
      startTime: "14:00",
      topic: "Diễn đàn thanh niên với chuyển đổi số",
    });
    expect(forum.statusCode).toBe(201);
    const forumId = forum.json<{ id: string }>().id;
    const cancelled = await call("POST", `/meetings/${forumId}/cancel`, lead.cookie, {
      reason: "Gộp với hội nghị cơ quan",
    });
    expect(cancelled.json()).toMatchObject({ status: "cancelled" });
    const refused = await call("POST", `/meetings/${m.id}/cancel`, lead.cookie, { reason: "x" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "meeting_state" });
    const regularByHand = await call("POST", "/meetings", lead.cookie, {
      unitId: org.cellA1.id,
      kind: "regular",
      date: "2026-05-12",
      startTime: "14:00",
    });
    expect(regularByHand.statusCode).toBe(400);
  });
});

describe("running a meeting: roster, attendance, quorum", () => {
  async function openMeeting() {
    const s = await setup();
    const { org, lead, db } = s;
    // Extra members: one who left before the meeting, one exempted, one probationary.
    const left = await createMember(db, org.tenantId, org.cellA1, "Đỗ Văn Rời");
    await db
      .update(members)
      .set({ leftOn: "2026-02-01", status: "official", leaveKind: "transferred_out" })
      .where(eq(members.id, left.id));
    const old = await createMember(db, org.tenantId, org.cellA1, "Hoàng Văn Lão");
    await db.insert(exemptions).values({
      tenantId: org.tenantId,
      memberId: old.id,
      fromDate: "2025-01-01",
      reason: "Tuổi cao, sức yếu",
    });
    const young = await createMember(db, org.tenantId, org.cellA1, "Lý Thị Trẻ", {
      official: false,
      joinDate: "2025-12-01",
    });
    await register(org, lead.cookie, 20);
    const m = await regular(org, lead.cookie, "2026-03");
    await travel(s, s.org.tenantId, "2026-03-20T00:30:00Z"); // 07:30 in Hà Nội
    const open = await call("POST", `/meetings/${m.id}/open`, lead.cookie, {});
    expect(open.statusCode).toBe(200);
    return { ...s, meetingId: m.id, left, old, young };
  }

  it("builds the roster from the members active that day, exempt listed but not counted", async () => {
    const { meetingId, lead, org, left, old, young } = await openMeeting();
    const res = await call("GET", `/meetings/${meetingId}/attendance`, lead.cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      entries: { memberId: string; exempt: boolean; status: string | null; memberStatus: string }[];
      counts: Json;
    }>();
    const ids = body.entries.map((e) => e.memberId);
    expect(ids).toContain(org.people.an.id);
    expect(ids).not.toContain(left.id);
    expect(body.entries.find((e) => e.memberId === old.id)).toMatchObject({
      exempt: true,
      status: "exempt",
    });
    expect(body.entries.find((e) => e.memberId === young.id)?.memberStatus).toBe("probationary");
    expect(body.counts).toMatchObject({
      total: 4,
      exempt: 1,
      counted: 3,
      official: 3,
      probationary: 1,
    });
  });

  it("marks one member per tap, then everyone else present; rate and quorum follow", async () => {
    const { meetingId, lead, org, young, db, member } = await openMeeting();
    const one = await call("PUT", `/meetings/${meetingId}/attendance`, lead.cookie, {
      marks: [{ memberId: young.id, status: "absent_excused", reason: "Ốm" }],
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ counts: { excused: 1, unmarked: 2 }, hasQuorum: false });
    const all = await call(
      "POST",
      `/meetings/${meetingId}/attendance/all-present`,
      lead.cookie,
      {},
    );
    expect(all.statusCode).toBe(200);
    const body = all.json<{
      counts: Json;
      rate: number;
      hasQuorum: boolean;
      meetsTarget: boolean;
      quorumNeeded: number;
    }>();
    expect(body.counts).toMatchObject({ countedPresent: 2, excused: 1, unmarked: 0 });
    expect(body.rate).toBeCloseTo(2 / 3);
    expect(body.quorumNeeded).toBe(2);
    expect(body.hasQuorum).toBe(true);
    expect(body.meetsTarget).toBe(false);
    const row = await db
      .select()
      .from(attendance)
      .where(and(eq(attendance.meetingId, meetingId), eq(attendance.memberId, org.people.an.id)));
    expect(row[0]).toMatchObject({ status: "present", method: "lead" });
    // A member sees who was absent, but not another member's reason.
    const asMember = await call("GET", `/meetings/${meetingId}/attendance`, member.cookie);
    const entry = asMember
      .json<{ entries: { memberId: string; reason: string | null }[] }>()
      .entries.find((e) => e.memberId === young.id);
    expect(entry?.reason).toBeNull();
    const asLead = await call("GET", `/meetings/${meetingId}/attendance`, lead.cookie);
    expect(
      asLead
        .json<{ entries: { memberId: string; reason: string | null }[] }>()
        .entries.find((e) => e.memberId === young.id)?.reason,
    ).toBe("Ốm");
  });

  it("refuses an excused absence without reason and a member not on the roster, atomically", async () => {
    const { meetingId, lead, org, db } = await openMeeting();
    const noReason = await call("PUT", `/meetings/${meetingId}/attendance`, lead.cookie, {
      marks: [{ memberId: org.people.an.id, status: "absent_excused" }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ details: { path: string }[] }>().details[0]?.path).toBe(
      "body.marks.0.reason",
    );
    const stranger = await call("PUT", `/meetings/${meetingId}/attendance`, lead.cookie, {
      marks: [
        { memberId: org.people.an.id, status: "present" },
        { memberId: org.people.dung.id, status: "present" },
      ],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json()).toMatchObject({ code: "not_on_roster" });
    expect(stranger.json<{ details: { path: string }[] }>().details[0]?.path).toBe(
      "body.marks.1.memberId",
    );
    const an = await db
      .select()
      .from(attendance)
      .where(and(eq(attendance.meetingId, meetingId), eq(attendance.memberId, org.people.an.id)));
    expect(an[0]?.status).toBeNull();
  });

  it("closes as held with its duration; guests are kept", async () => {
    const s = await openMeeting();
    const { meetingId, lead } = s;
    const guest = await call("POST", `/meetings/${meetingId}/guests`, lead.cookie, {
      name: "Nguyễn Văn Cấp",
      title: "Đảng ủy viên, phụ trách chi bộ",
      kind: "upper_level",
    });
    expect(guest.statusCode).toBe(201);
    await travel(s, s.org.tenantId, "2026-03-20T02:15:00Z");
    const closed = await call("POST", `/meetings/${meetingId}/close`, lead.cookie, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: "held",
      durationMinutes: 105,
      compliance: { state: "held_on_day", short: false },
      guests: [{ name: "Nguyễn Văn Cấp", kind: "upper_level" }],
    });
    const again = await call("POST", `/meetings/${meetingId}/close`, lead.cookie, {});
    expect(again.statusCode).toBe(409);
    const reopen = await call("POST", `/meetings/${meetingId}/open`, lead.cookie, {});
    expect(reopen.statusCode).toBe(409);
  });
});

describe("self check-in", () => {
  async function running() {
    const s = await setup();
    await register(s.org, s.lead.cookie, 20);
    const m = await regular(s.org, s.lead.cookie, "2026-03");
    await travel(s, s.org.tenantId, "2026-03-20T00:30:00Z");
    await call("POST", `/meetings/${m.id}/open`, s.lead.cookie, {});
    const code = await call("GET", `/meetings/${m.id}/checkin-code`, s.lead.cookie);
    expect(code.statusCode).toBe(200);
    const { code: digits, token } = code.json<{ code: string; token: string }>();
    expect(digits).toMatch(/^\d{6}$/u);
    return { ...s, meetingId: m.id, digits, token };
  }

  it("marks the member present once; a second check-in changes nothing", async () => {
    const { member, digits, meetingId, db, org } = await running();
    const first = await call("POST", "/checkin", member.cookie, { code: digits });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      meetingId,
      status: "present",
      method: "code",
      already: false,
      unitName: "Chi bộ Phòng A1",
      date: "2026-03-20",
    });
    const second = await call("POST", "/checkin", member.cookie, { code: digits });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      already: true,
      checkedInAt: first.json<{ checkedInAt: string }>().checkedInAt,
    });
    const rows = await db
      .select()
      .from(attendance)
      .where(and(eq(attendance.meetingId, meetingId), eq(attendance.memberId, org.people.binh.id)));
    expect(rows[0]).toMatchObject({ status: "present", method: "code" });
    expect(rows[0]?.checkedInAt?.toISOString()).toBe("2026-03-20T00:30:00.000Z");
  });

  it("takes the QR token, and marks late after the grace period", async () => {
    const s = await running();
    const { member, token } = s;
    await travel(s, s.org.tenantId, "2026-03-20T00:50:00Z");
    const res = await call("POST", "/checkin", member.cookie, { token, via: "qr" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "late", method: "qr" });
  });

  it("refuses a wrong code, a closed window, a member of another cell and a staff account", async () => {
    const s = await running();
    const { member, digits, db, org, lead, meetingId, outsider } = s;
    const wrong = await call("POST", "/checkin", member.cookie, {
      code: digits === "000000" ? "111111" : "000000",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: "checkin_invalid_code" });
    expect(wrong.json<{ details: { path: string }[] }>().details[0]?.path).toBe("body.code");

    const bad = await call("POST", "/checkin", member.cookie, { code: "12ab56" });
    expect(bad.statusCode).toBe(400);

    const notOnRoster = await call("POST", "/checkin", outsider.cookie, { code: digits });
    expect(notOnRoster.statusCode).toBe(403);
    expect(notOnRoster.json()).toMatchObject({ code: "not_on_roster" });

    const staff = await call("POST", "/checkin", lead.cookie, { code: digits });
    expect(staff.statusCode).toBe(403);
    expect(staff.json()).toMatchObject({ code: "no_member_record" });

    await travel(s, s.org.tenantId, "2026-03-20T05:00:00Z"); // 4½ hours after the opening
    const closed = await call("POST", "/checkin", member.cookie, { code: digits });
    expect(closed.statusCode).toBe(422);
    expect(closed.json()).toMatchObject({ code: "checkin_closed" });
    const rows = await db
      .select()
      .from(attendance)
      .where(and(eq(attendance.meetingId, meetingId), eq(attendance.memberId, org.people.binh.id)));
    expect(rows[0]?.status).toBeNull();
  });

  it("checks the session itself on the fast path: an idle or closed session, or a blocked user, gets 401", async () => {
    const s = await running();
    const { member, digits, db, org, meetingId } = s;
    // Idle for three hours: the session has expired (120 minutes), whatever the code.
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date("2026-03-19T21:00:00Z") })
      .where(eq(sessions.userId, member.id));
    const idle = await call("POST", "/checkin", member.cookie, { code: digits });
    expect(idle.statusCode).toBe(401);
    const blocked = await createMemberUser(db, org.tenantId, org.cellA1, org.people.an.id);
    await travel(s, org.tenantId, "2026-03-20T00:35:00Z");
    await db.update(users).set({ active: false }).where(eq(users.id, blocked.id));
    const inactive = await call("POST", "/checkin", blocked.cookie, { code: digits });
    expect(inactive.statusCode).toBe(401);
    const rows = await db
      .select({ memberId: attendance.memberId, status: attendance.status })
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId));
    expect(rows.filter((r) => r.status !== null)).toEqual([]);
    const noCookie = await call("POST", "/checkin", "", { code: digits });
    expect(noCookie.statusCode).toBe(401);
  });

  it("forgets the code once the meeting closes", async () => {
    const s = await running();
    const { member, digits, meetingId, lead } = s;
    await travel(s, s.org.tenantId, "2026-03-20T02:30:00Z");
    await call("POST", `/meetings/${meetingId}/close`, lead.cookie, {});
    const res = await call("POST", "/checkin", member.cookie, { code: digits });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "checkin_invalid_code" });
    const codeNow = await call("GET", `/meetings/${meetingId}/checkin-code`, lead.cookie);
    expect(codeNow.statusCode).toBe(409);
  });

  it("shows the member their next meeting and the one in progress", async () => {
    const { member, meetingId } = await running();
    const res = await call("GET", "/me/meetings", member.cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ current: Json | null; next: Json | null }>();
    expect(body.current).toMatchObject({ id: meetingId, can: { checkIn: true } });
    expect(body.next).toMatchObject({ period: "2026-04", status: "planned" });
  });
});

describe("tenancy of the meetings API", () => {
  it("names tenant_id in every statement of a whole meeting's flow", async () => {
    const s = await setup();
    const { org, lead, member } = s;
    const queries = await captureQueries(async () => {
      await register(org, lead.cookie, 20);
      await call("POST", `/units/${org.cellA1.id}/meetings/plan`, lead.cookie, { months: 4 });
      const m = await regular(org, lead.cookie, "2026-03");
      await call("GET", `/meetings/${m.id}`, lead.cookie);
      await call("PATCH", `/meetings/${m.id}`, lead.cookie, {
        place: "Hội trường",
        version: m.version,
      });
      await call("POST", `/meetings/${m.id}/postpone`, lead.cookie, {
        newDate: "2026-03-25",
        reason: "Bí thư đi công tác",
      });
      await travel(s, org.tenantId, "2026-03-25T00:30:00Z");
      await call("POST", `/meetings/${m.id}/open`, lead.cookie, {});
      const code = (await call("GET", `/meetings/${m.id}/checkin-code`, lead.cookie)).json<{
        code: string;
      }>().code;
      await call("POST", "/checkin", member.cookie, { code });
      await call("PUT", `/meetings/${m.id}/attendance`, lead.cookie, {
        marks: [{ memberId: org.people.an.id, status: "late" }],
      });
      await call("POST", `/meetings/${m.id}/attendance/all-present`, lead.cookie, {});
      const g = await call("POST", `/meetings/${m.id}/guests`, lead.cookie, {
        name: "Khách mời",
        kind: "invited",
      });
      await call("DELETE", `/meetings/${m.id}/guests/${g.json<{ id: string }>().id}`, lead.cookie);
      await call("GET", `/meetings/${m.id}/attendance`, lead.cookie);
      await call("GET", "/me/meetings", member.cookie);
      await travel(s, org.tenantId, "2026-03-25T02:30:00Z");
      await call("POST", `/meetings/${m.id}/close`, lead.cookie, {});
      await call("POST", "/meetings", lead.cookie, {
        unitId: org.cellA1.id,
        kind: "thematic",
        date: "2026-03-28",
        startTime: "08:00",
        topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
      });
    });
    const statements = queries.filter(
      (q) =>
        !/^(begin|commit|rollback|analyze|savepoint|release)/iu.test(q.trim()) &&
        // The session lookup finds the tenant in the first place (policy/tenancy.test.ts).
        !/^select .* from "sessions" inner join "users"/u.test(q),
    );
    expect(statements.length).toBeGreaterThan(40);
    expect(statements.filter((q) => !q.includes("tenant_id"))).toEqual([]);
  });
});
