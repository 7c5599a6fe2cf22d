import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { NotificationDto } from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { meetings, members, notifications, positions, users } from "../../db/schema/index.js";
import { captureQueries, testContext } from "#test/db";
import { createMember, createOrg, createUser, type TestUnit } from "#test/factories";

interface List {
  items: NotificationDto[];
  unread: number;
}

async function insertNotice(
  db: Db,
  tenantId: string,
  userId: string,
  title: string,
  createdAt: string,
) {
  const [row] = await db
    .insert(notifications)
    .values({
      tenantId,
      userId,
      kind: "meeting_reminder",
      title,
      body: `${title} (nội dung)`,
      createdAt: new Date(createdAt),
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error("insert failed");
  return row.id;
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

describe("my notifications", () => {
  it("lists the caller's own notifications, newest first, with the unread count", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const an = await createUser(db, org.tenantId, [{ role: "member", unit: org.cellA1 }]);
    const binh = await createUser(db, org.tenantId, [{ role: "member", unit: org.cellA1 }]);
    const first = await insertNotice(db, org.tenantId, an.id, "Cũ", "2026-03-01T01:00:00Z");
    const second = await insertNotice(db, org.tenantId, an.id, "Mới", "2026-03-05T01:00:00Z");
    const other = await insertNotice(db, org.tenantId, binh.id, "Của Bình", "2026-03-06T01:00:00Z");

    const none = await app.inject({ method: "GET", url: "/api/v1/me/notifications" });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: "unauthenticated" });

    const res = await app.inject({
      method: "GET",
      url: "/api/v1/me/notifications",
      headers: { cookie: an.cookie },
    });
    expect(res.statusCode).toBe(200);
    const list = res.json<List>();
    expect(list.unread).toBe(2);
    expect(list.items.map((n) => n.id)).toEqual([second, first]);
    expect(list.items[0]).toEqual({
      id: second,
      kind: "meeting_reminder",
      meetingId: null,
      taskId: null,
      title: "Mới",
      body: "Mới (nội dung)",
      createdAt: "2026-03-05T01:00:00.000Z",
      readAt: null,
    });

    // Another user's notification is not found, and stays unread.
    const foreign = await app.inject({
      method: "POST",
      url: `/api/v1/me/notifications/${other}/read`,
      headers: { cookie: an.cookie },
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: "not_found" });
    const missing = await app.inject({
      method: "POST",
      url: `/api/v1/me/notifications/${randomUUID()}/read`,
      headers: { cookie: an.cookie },
    });
    expect(missing.statusCode).toBe(404);
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/me/notifications/khong-phai-uuid/read",
      headers: { cookie: an.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: "validation_failed",
      details: [{ path: "params.id" }],
    });

    const read = await app.inject({
      method: "POST",
      url: `/api/v1/me/notifications/${first}/read`,
      headers: { cookie: an.cookie },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ ok: true });
    const after = (
      await app.inject({
        method: "GET",
        url: "/api/v1/me/notifications",
        headers: { cookie: an.cookie },
      })
    ).json<List>();
    expect(after.unread).toBe(1);
    const readAt = after.items.find((n) => n.id === first)?.readAt;
    expect(readAt).toBe(new Date("2026-03-10T03:00:00Z").toISOString());

    // Reading again keeps the first reading time.
    await app.inject({
      method: "POST",
      url: `/api/v1/me/notifications/${first}/read`,
      headers: { cookie: an.cookie },
    });

    const all = await app.inject({
      method: "POST",
      url: "/api/v1/me/notifications/read-all",
      headers: { cookie: an.cookie },
    });
    expect(all.json()).toEqual({ ok: true });
    const done = (
      await app.inject({
        method: "GET",
        url: "/api/v1/me/notifications",
        headers: { cookie: an.cookie },
      })
    ).json<List>();
    expect(done.unread).toBe(0);
    expect(done.items.find((n) => n.id === first)?.readAt).toBe(readAt);

    // Bình's inbox was never touched.
    const hers = (
      await app.inject({
        method: "GET",
        url: "/api/v1/me/notifications",
        headers: { cookie: binh.cookie },
      })
    ).json<List>();
    expect(hers).toMatchObject({ unread: 1, items: [{ id: other, readAt: null }] });
  });

  it("shows the newest 50 and counts every unread one", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const user = await createUser(database.db, org.tenantId, []);
    await database.db.insert(notifications).values(
      Array.from({ length: 55 }, (_, i) => ({
        tenantId: org.tenantId,
        userId: user.id,
        kind: "meeting_reminder" as const,
        title: `Thông báo ${i}`,
        body: "…",
        createdAt: new Date(Date.UTC(2026, 1, 1, 0, i)),
      })),
    );
    const list = (
      await app.inject({
        method: "GET",
        url: "/api/v1/me/notifications",
        headers: { cookie: user.cookie },
      })
    ).json<List>();
    expect(list.unread).toBe(55);
    expect(list.items).toHaveLength(50);
    expect(list.items[0]?.title).toBe("Thông báo 54");
    expect(list.items[49]?.title).toBe("Thông báo 5");
  });
});

describe("tenancy of notifications", () => {
  it("every statement of the inbox and of a reminder run names tenant_id", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const user = await createUser(db, org.tenantId, [], undefined, { memberId: org.people.an.id });
    const id = await insertNotice(db, org.tenantId, user.id, "Một", "2026-03-01T01:00:00Z");
    await insertMeeting(db, org.tenantId, org.cellA1, { date: "2026-03-11", startTime: "07:00" });
    const headers = { cookie: user.cookie };
    const queries = await captureQueries(async () => {
      await app.inject({ method: "GET", url: "/api/v1/me/notifications", headers });
      await app.inject({ method: "POST", url: `/api/v1/me/notifications/${id}/read`, headers });
      await app.inject({ method: "POST", url: "/api/v1/me/notifications/read-all", headers });
      expect((await app.notifier.runReminders({ tenantId: org.tenantId })).meetings).toBe(1);
    });
    const statements = queries.filter(
      (q) => !/^(begin|commit|rollback|savepoint|release)/iu.test(q.trim()),
    );
    expect(statements.some((q) => q.startsWith('update "meetings"'))).toBe(true);
    const leaks = statements.filter(
      (q) =>
        !q.includes("tenant_id") &&
        !/^select .* from "sessions" inner join "users" .* where "sessions"\."id" = \$1/u.test(q),
    );
    expect(leaks).toEqual([]);
  });
});

describe("reminders through the app", () => {
  afterEach(async () => {
    (await testContext()).clock.reset();
  });

  it("app.notifier.runReminders reminds the cell of a meeting a day ahead, once", async () => {
    const ctx = await testContext();
    const db = ctx.database.db;
    const org = await createOrg(db);
    const an = await createUser(
      db,
      org.tenantId,
      [{ role: "member", unit: org.cellA1 }],
      undefined,
      {
        memberId: org.people.an.id,
      },
    );
    const anh = await createUser(
      db,
      org.tenantId,
      [{ role: "member", unit: org.cellA2 }],
      undefined,
      {
        memberId: org.people.anh.id,
      },
    );
    // TEST_NOW is 10:00 on 10/03/2026 in Hà Nội: 08:00 the next day is 22 hours ahead.
    const id = await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "thematic",
      date: "2026-03-11",
      startTime: "08:00",
      place: "Hội trường tầng 3",
      topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    });

    const run = await ctx.app.notifier.runReminders({ tenantId: org.tenantId });
    expect(run).toMatchObject({ meetings: 1, notifications: 1 });
    expect((await ctx.app.notifier.runReminders({ tenantId: org.tenantId })).meetings).toBe(0);

    const list = (
      await ctx.app.inject({
        method: "GET",
        url: "/api/v1/me/notifications",
        headers: { cookie: an.cookie },
      })
    ).json<List>();
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ kind: "meeting_reminder", meetingId: id });
    expect(list.items[0]?.title).toContain("Sinh hoạt chuyên đề");
    expect(list.items[0]?.body).toContain("08:00 thứ Tư, ngày 11/03/2026");
    expect(list.items[0]?.body).toContain("Hội trường tầng 3");

    const other = (
      await ctx.app.inject({
        method: "GET",
        url: "/api/v1/me/notifications",
        headers: { cookie: anh.cookie },
      })
    ).json<List>();
    expect(other.items).toEqual([]);

    const [row] = await db
      .select({ remindedAt: meetings.remindedAt })
      .from(meetings)
      .where(eq(meetings.id, id));
    expect(row?.remindedAt?.toISOString()).toBe("2026-03-10T03:00:00.000Z");
  });

  it("a committee meeting reaches only the cell's position holders", async () => {
    const ctx = await testContext();
    const db = ctx.database.db;
    const org = await createOrg(db);
    const cuong = await createMember(db, org.tenantId, org.cellA1, "Đỗ Văn Cường");
    await db.insert(positions).values([
      {
        tenantId: org.tenantId,
        memberId: org.people.an.id,
        unitId: org.cellA1.id,
        title: "secretary",
        fromDate: "2025-01-01",
      },
      // A term that ended last year no longer counts.
      {
        tenantId: org.tenantId,
        memberId: cuong.id,
        unitId: org.cellA1.id,
        title: "cell_committee_member",
        fromDate: "2020-01-01",
        toDate: "2025-12-31",
      },
    ]);
    const link = (memberId: string) =>
      createUser(db, org.tenantId, [{ role: "member", unit: org.cellA1 }], undefined, { memberId });
    const secretary = await link(org.people.an.id);
    const member = await link(org.people.binh.id);
    const former = await link(cuong.id);
    await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "committee",
      date: "2026-03-10",
      startTime: "20:00",
    });
    expect(await ctx.app.notifier.runReminders({ tenantId: org.tenantId })).toMatchObject({
      meetings: 1,
      notifications: 1,
    });
    const rows = await db
      .select({ userId: notifications.userId, title: notifications.title })
      .from(notifications)
      .where(eq(notifications.tenantId, org.tenantId));
    expect(rows).toEqual([{ userId: secretary.id, title: expect.stringContaining("Họp chi ủy") }]);
    expect(rows.map((r) => r.userId)).not.toContain(member.id);
    expect(rows.map((r) => r.userId)).not.toContain(former.id);
  });

  it("a user who is not active or whose member left is not reminded", async () => {
    const ctx = await testContext();
    const db = ctx.database.db;
    const org = await createOrg(db);
    const an = await createUser(db, org.tenantId, [], undefined, { memberId: org.people.an.id });
    const binh = await createUser(db, org.tenantId, [], undefined, {
      memberId: org.people.binh.id,
    });
    await db.update(users).set({ active: false }).where(eq(users.id, an.id));
    await db
      .update(members)
      .set({ leftOn: "2026-02-01", leaveKind: "transferred_out" })
      .where(eq(members.id, org.people.binh.id));
    await insertMeeting(db, org.tenantId, org.cellA1, { date: "2026-03-11", startTime: "07:00" });
    expect(await ctx.app.notifier.runReminders({ tenantId: org.tenantId })).toMatchObject({
      meetings: 1,
      notifications: 0,
    });
    const rows = await db
      .select()
      .from(notifications)
      .where(eq(notifications.tenantId, org.tenantId));
    expect(rows.map((r) => r.userId)).not.toContain(binh.id);
    expect(rows).toEqual([]);
  });
});
