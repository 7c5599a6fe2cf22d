import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { meetings, members, notifications, postponements, tenants } from "../../db/schema/index.js";
import { vnDate, type Clock } from "../../lib/clock.js";
import { createMailer, type MailLog, type MailMessage, type Mailer } from "../../lib/mailer.js";
import { testContext } from "#test/db";
import { createMember, createOrg, createUser, type TestUnit } from "#test/factories";
import { createNotifier } from "./notifier.js";

function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    today: () => vnDate(now),
    set: (next) => {
      now = new Date(next);
    },
  };
}

interface LogEntry {
  level: "info" | "warn" | "error";
  obj: object;
  msg: string;
}

function fakeLog(): MailLog & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (obj, msg) => entries.push({ level: "info", obj, msg }),
    warn: (obj, msg) => entries.push({ level: "warn", obj, msg }),
    error: (obj, msg) => entries.push({ level: "error", obj, msg }),
  };
}

function fakeMailer(refuse: string[] = []): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    send(message) {
      if (refuse.includes(message.to)) return Promise.reject(new Error("550 mailbox unavailable"));
      sent.push(message);
      return Promise.resolve();
    },
    close() {
      // Nothing to close.
    },
  };
}

async function setEmail(db: Db, memberId: string, email: string) {
  await db.update(members).set({ email }).where(eq(members.id, memberId));
}

async function insertMeeting(
  db: Db,
  tenantId: string,
  cell: TestUnit,
  values: Partial<typeof meetings.$inferInsert> & { date: string },
) {
  const [row] = await db
    .insert(meetings)
    .values({ tenantId, unitId: cell.id, unitPath: cell.path, kind: "extraordinary", ...values })
    .returning({ id: meetings.id });
  if (!row) throw new Error("insert failed");
  return row.id;
}

async function noticesOf(db: Db, tenantId: string) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.tenantId, tenantId))
    .orderBy(notifications.userId);
}

/** A cell with linked users: two present members with e-mail, one who left, one in another cell. */
async function scene(db: Db) {
  const org = await createOrg(db);
  const cuong = await createMember(db, org.tenantId, org.cellA1, "Đỗ Văn Cường");
  await setEmail(db, org.people.an.id, "an@example.vn");
  await setEmail(db, cuong.id, "cuong@example.vn");
  await setEmail(db, org.people.anh.id, "anh@example.vn");
  await db
    .update(members)
    .set({ leftOn: "2026-01-15", leaveKind: "transferred_out", email: "binh@example.vn" })
    .where(eq(members.id, org.people.binh.id));
  const link = (memberId: string | undefined) =>
    createUser(db, org.tenantId, [], undefined, memberId ? { memberId } : {});
  const users = {
    an: await link(org.people.an.id),
    cuong: await link(cuong.id),
    binh: await link(org.people.binh.id),
    anh: await link(org.people.anh.id),
    staff: await link(undefined),
  };
  return { org, users };
}

describe("notifyPostponement", () => {
  it("writes a notice for exactly the cell's present members and returns their e-mails", async () => {
    const { database } = await testContext();
    const db = database.db;
    const { org, users } = await scene(db);
    const clock = movableClock("2026-03-02T02:00:00Z");
    const mailer = fakeMailer();
    const notifier = createNotifier({ db, clock, mailer, log: fakeLog() });
    const meetingId = await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "regular",
      period: "2026-03",
      registeredDate: "2026-03-03",
      date: "2026-03-03",
      startTime: "14:00",
      place: "Phòng họp số 2",
    });

    const mails = await db.transaction(async (tx) => {
      await tx.insert(postponements).values({
        tenantId: org.tenantId,
        meetingId,
        unitId: org.cellA1.id,
        unitPath: org.cellA1.path,
        fromDate: "2026-03-03",
        newDate: "2026-03-06",
        reason: "Bí thư đi công tác",
        reportedOn: "2026-03-02",
      });
      await tx
        .update(meetings)
        .set({ status: "postponed", date: "2026-03-06", startTime: "15:30" })
        .where(and(eq(meetings.tenantId, org.tenantId), eq(meetings.id, meetingId)));
      return notifier.notifyPostponement(tx, { tenantId: org.tenantId, meetingId });
    });

    const rows = await noticesOf(db, org.tenantId);
    expect(rows.map((r) => r.userId).sort()).toEqual([users.an.id, users.cuong.id].sort());
    const notice = rows[0];
    expect(notice).toMatchObject({ kind: "meeting_postponed", meetingId, readAt: null });
    expect(notice?.title).toBe("Hoãn sinh hoạt chi bộ thường kỳ tháng 3/2026 — Chi bộ Phòng A1");
    expect(notice?.body).toBe(
      [
        "Chi bộ Phòng A1 thông báo hoãn sinh hoạt chi bộ thường kỳ tháng 3/2026 dự kiến ngày " +
          "03/03/2026, chuyển sang 15:30 thứ Sáu, ngày 06/03/2026.",
        "Lý do: Bí thư đi công tác.",
        "Địa điểm: Phòng họp số 2.",
      ].join("\n"),
    );
    expect(mails.map((m) => m.to).sort()).toEqual(["an@example.vn", "cuong@example.vn"]);
    expect(mails[0]?.subject).toBe(notice?.title);
    expect(mails[0]?.text).toContain(notice?.body ?? "?");

    // Nothing is sent before the caller hands the e-mails over after its commit.
    expect(mailer.sent).toEqual([]);
    notifier.sendAfterCommit(mails);
    await notifier.drain();
    expect(mailer.sent.map((m) => m.to).sort()).toEqual(["an@example.vn", "cuong@example.vn"]);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const { database } = await testContext();
    const db = database.db;
    const { org } = await scene(db);
    const notifier = createNotifier({
      db,
      clock: movableClock("2026-03-02T02:00:00Z"),
      mailer: fakeMailer(),
      log: fakeLog(),
    });
    const meetingId = await insertMeeting(db, org.tenantId, org.cellA1, { date: "2026-03-20" });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(postponements).values({
          tenantId: org.tenantId,
          meetingId,
          unitId: org.cellA1.id,
          unitPath: org.cellA1.path,
          fromDate: "2026-03-20",
          newDate: "2026-03-25",
          reason: "Trùng lịch",
          reportedOn: "2026-03-02",
        });
        await notifier.notifyPostponement(tx, { tenantId: org.tenantId, meetingId });
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await noticesOf(db, org.tenantId)).toEqual([]);
  });

  it("refuses to write a notice for a meeting without a recorded postponement", async () => {
    const { database } = await testContext();
    const db = database.db;
    const { org } = await scene(db);
    const notifier = createNotifier({
      db,
      clock: movableClock("2026-03-02T02:00:00Z"),
      mailer: fakeMailer(),
      log: fakeLog(),
    });
    const meetingId = await insertMeeting(db, org.tenantId, org.cellA1, { date: "2026-03-20" });
    await expect(
      notifier.notifyPostponement(db, { tenantId: org.tenantId, meetingId }),
    ).rejects.toThrow(/no postponement/u);
  });
});

describe("runReminders", () => {
  it("reminds a meeting 20 hours ahead but not one 30 hours ahead, and never twice", async () => {
    const { database } = await testContext();
    const db = database.db;
    const { org, users } = await scene(db);
    // 10:00 on 10/03/2026 in Hà Nội.
    const clock = movableClock("2026-03-10T03:00:00Z");
    const mailer = fakeMailer();
    const log = fakeLog();
    const notifier = createNotifier({ db, clock, mailer, log });
    const soon = await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "regular",
      period: "2026-03",
      date: "2026-03-11",
      startTime: "06:00",
      place: "Phòng họp số 2",
      onlineUrl: "https://meet.example.vn/chibo-a1",
      mode: "hybrid",
    });
    const later = await insertMeeting(db, org.tenantId, org.cellA1, {
      date: "2026-03-11",
      startTime: "16:00",
    });
    // Already started, cancelled, held or of another cell: never reminded here.
    await insertMeeting(db, org.tenantId, org.cellA1, { date: "2026-03-10", startTime: "09:00" });
    await insertMeeting(db, org.tenantId, org.cellA1, {
      date: "2026-03-10",
      startTime: "20:00",
      status: "cancelled",
    });
    await insertMeeting(db, org.tenantId, org.cellA1, {
      date: "2026-03-10",
      startTime: "21:00",
      status: "held",
    });

    const first = await notifier.runReminders({ tenantId: org.tenantId });
    expect(first).toEqual({ meetings: 1, notifications: 2, mails: 2 });
    const rows = await noticesOf(db, org.tenantId);
    expect(rows.map((r) => r.userId).sort()).toEqual([users.an.id, users.cuong.id].sort());
    expect(rows.every((r) => r.meetingId === soon && r.kind === "meeting_reminder")).toBe(true);
    expect(rows[0]?.title).toBe(
      "Nhắc lịch: Sinh hoạt chi bộ thường kỳ tháng 3/2026 — Chi bộ Phòng A1",
    );
    expect(rows[0]?.body).toBe(
      [
        "Chi bộ Phòng A1: sinh hoạt chi bộ thường kỳ tháng 3/2026 vào 06:00 thứ Tư, ngày 11/03/2026.",
        "Địa điểm: Phòng họp số 2.",
        "Họp trực tuyến: https://meet.example.vn/chibo-a1",
      ].join("\n"),
    );
    expect(mailer.sent.map((m) => m.to).sort()).toEqual(["an@example.vn", "cuong@example.vn"]);

    expect(await notifier.runReminders({ tenantId: org.tenantId })).toEqual({
      meetings: 0,
      notifications: 0,
      mails: 0,
    });

    // Ten hours later the second meeting is 20 hours ahead: its turn, and only its.
    clock.set("2026-03-10T13:00:00Z");
    expect(await notifier.runReminders({ tenantId: org.tenantId })).toMatchObject({ meetings: 1 });
    const after = await noticesOf(db, org.tenantId);
    expect(after.filter((r) => r.meetingId === later)).toHaveLength(2);
    expect(after.filter((r) => r.meetingId === soon)).toHaveLength(2);
    expect(mailer.sent).toHaveLength(4);
  });

  it("is safe when two runs overlap: each meeting is reminded once", async () => {
    const { database } = await testContext();
    const db = database.db;
    const { org } = await scene(db);
    const clock = movableClock("2026-03-10T03:00:00Z");
    const mailer = fakeMailer();
    const a = createNotifier({ db, clock, mailer, log: fakeLog() });
    const b = createNotifier({ db, clock, mailer, log: fakeLog() });
    for (const startTime of ["07:00", "08:00", "09:00"]) {
      await insertMeeting(db, org.tenantId, org.cellA1, { date: "2026-03-11", startTime });
    }
    const runs = await Promise.all([
      a.runReminders({ tenantId: org.tenantId }),
      b.runReminders({ tenantId: org.tenantId }),
    ]);
    expect(runs.reduce((n, r) => n + r.meetings, 0)).toBe(3);
    expect(await noticesOf(db, org.tenantId)).toHaveLength(6);
    expect(mailer.sent).toHaveLength(6);
  });

  it("follows the tenant's reminderHoursBefore", async () => {
    const { database } = await testContext();
    const db = database.db;
    const { org } = await scene(db);
    await db
      .update(tenants)
      .set({ settings: { meetingRules: { reminderHoursBefore: 48 } } })
      .where(eq(tenants.id, org.tenantId));
    const notifier = createNotifier({
      db,
      clock: movableClock("2026-03-10T03:00:00Z"),
      mailer: fakeMailer(),
      log: fakeLog(),
    });
    // 30 and 46 hours ahead: both within two days; 50 hours ahead is not.
    await insertMeeting(db, org.tenantId, org.cellA1, { date: "2026-03-11", startTime: "16:00" });
    await insertMeeting(db, org.tenantId, org.cellA1, { date: "2026-03-12", startTime: "08:00" });
    await insertMeeting(db, org.tenantId, org.cellA1, { date: "2026-03-12", startTime: "12:00" });
    expect((await notifier.runReminders({ tenantId: org.tenantId })).meetings).toBe(2);
  });

  it("logs a refused e-mail and still sends the others", async () => {
    const { database } = await testContext();
    const db = database.db;
    const { org } = await scene(db);
    const mailer = fakeMailer(["an@example.vn"]);
    const log = fakeLog();
    const notifier = createNotifier({
      db,
      clock: movableClock("2026-03-10T03:00:00Z"),
      mailer,
      log,
    });
    await insertMeeting(db, org.tenantId, org.cellA1, { date: "2026-03-11", startTime: "07:00" });
    expect(await notifier.runReminders({ tenantId: org.tenantId })).toEqual({
      meetings: 1,
      notifications: 2,
      mails: 1,
    });
    expect(mailer.sent.map((m) => m.to)).toEqual(["cuong@example.vn"]);
    expect(log.entries).toContainEqual(
      expect.objectContaining({ level: "error", msg: "mail not sent" }),
    );
  });

  it("without SMTP, writes each e-mail to the log", async () => {
    const { database } = await testContext();
    const db = database.db;
    const { org } = await scene(db);
    const log = fakeLog();
    const mailer = createMailer({ smtpUrl: "", from: "", log });
    const notifier = createNotifier({
      db,
      clock: movableClock("2026-03-10T03:00:00Z"),
      mailer,
      log,
    });
    await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "forum",
      topic: "Đảng viên với chuyển đổi số",
      date: "2026-03-11",
      startTime: "07:30",
    });
    await notifier.runReminders({ tenantId: org.tenantId });
    const mails = log.entries.filter((e) => e.msg === "mail");
    expect(mails.map((e) => e.level)).toEqual(["info", "info"]);
    expect(mails.map((e) => e.obj)).toContainEqual({
      mail: {
        to: "an@example.vn",
        subject: "Nhắc lịch: Sinh hoạt diễn đàn — Chi bộ Phòng A1",
        text: expect.stringContaining("Nội dung: Đảng viên với chuyển đổi số."),
      },
    });
  });
});
