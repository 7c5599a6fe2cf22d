import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CalendarFeedDto } from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { calendarTokens, meetings, positions, postponements } from "../../db/schema/index.js";
import { captureQueries, testContext } from "#test/db";
import { createOrg, createUser, type TestUnit } from "#test/factories";

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

interface IcsEvent {
  UID?: string;
  SUMMARY?: string;
  DTSTART?: string;
  DTEND?: string;
  LOCATION?: string;
  DESCRIPTION?: string;
  STATUS?: string;
  URL?: string;
  [key: string]: string | undefined;
}

/** RFC 5545 text → unfolded lines → the calendar's own properties and its events (name;params:value). */
function parseIcs(text: string) {
  expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  const lines = text
    .replace(/\r\n[ \t]/gu, "")
    .trimEnd()
    .split("\r\n");
  const events: IcsEvent[] = [];
  const calendar: Record<string, string> = {};
  let current: IcsEvent | null = null;
  let depth = 0;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      events.push(current);
      current = null;
    } else if (line.startsWith("BEGIN:")) depth += 1;
    else if (line.startsWith("END:")) depth -= 1;
    else {
      const colon = line.indexOf(":");
      const head = line.slice(0, colon);
      const value = line.slice(colon + 1);
      const [name = "", ...params] = head.split(";");
      const key = params.length > 0 ? `${name};${params.join(";")}` : name;
      if (current) {
        current[name] = value;
        current[key] = value;
      } else if (depth === 1) calendar[name] = value;
    }
  }
  return { lines, events, calendar };
}

const unescape = (s: string | undefined) =>
  (s ?? "").replace(/\\n/gu, "\n").replace(/\\([,;\\])/gu, "$1");

describe("private calendar feed", () => {
  it("creates, shows, rotates and revokes the caller's feed", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const user = await createUser(database.db, org.tenantId, [], undefined, {
      memberId: org.people.an.id,
    });
    const headers = { cookie: user.cookie };

    for (const method of ["GET", "POST", "DELETE"] as const) {
      const res = await app.inject({ method, url: "/api/v1/me/calendar-feed" });
      expect(res.statusCode, method).toBe(401);
    }

    // Every statement of the three calls names tenant_id.
    const queries = await captureQueries(async () => {
      await app.inject({ method: "GET", url: "/api/v1/me/calendar-feed", headers });
      await app.inject({ method: "POST", url: "/api/v1/me/calendar-feed", headers });
      await app.inject({ method: "DELETE", url: "/api/v1/me/calendar-feed", headers });
    });
    const leaks = queries.filter(
      (q) =>
        !/^(begin|commit|rollback|savepoint|release)/iu.test(q.trim()) &&
        !q.includes("tenant_id") &&
        !/^select .* from "sessions" inner join "users" .* where "sessions"\."id" = \$1/u.test(q),
    );
    expect(leaks).toEqual([]);

    const empty = await app.inject({ method: "GET", url: "/api/v1/me/calendar-feed", headers });
    expect(empty.json()).toEqual({ url: null, createdAt: null });

    const created = await app.inject({ method: "POST", url: "/api/v1/me/calendar-feed", headers });
    expect(created.statusCode).toBe(201);
    const feed = created.json<CalendarFeedDto>();
    expect(feed.url).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/u);
    expect(feed.createdAt).toBe("2026-03-10T03:00:00.000Z");
    const token = (feed.url ?? "").slice("/api/v1/calendar/".length, -".ics".length);

    // Only the hash is kept: the URL is shown once.
    const stored = await database.db
      .select()
      .from(calendarTokens)
      .where(and(eq(calendarTokens.userId, user.id), isNull(calendarTokens.revokedAt)));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).not.toContain(token);
    const shown = await app.inject({ method: "GET", url: "/api/v1/me/calendar-feed", headers });
    expect(shown.json()).toEqual({ url: null, createdAt: "2026-03-10T03:00:00.000Z" });

    const ok = await app.inject({ method: "GET", url: feed.url ?? "" });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(ok.headers["cache-control"]).toBe("private, no-store");
    expect(ok.headers["x-ratelimit-limit"]).toBe("60");

    // Rotating: the old URL stops working at once, the new one works.
    const rotated = (
      await app.inject({ method: "POST", url: "/api/v1/me/calendar-feed", headers })
    ).json<CalendarFeedDto>();
    expect(rotated.url).not.toBe(feed.url);
    const old = await app.inject({ method: "GET", url: feed.url ?? "" });
    expect(old.statusCode).toBe(404);
    expect(old.headers["content-type"]).toContain("application/problem+json");
    expect((await app.inject({ method: "GET", url: rotated.url ?? "" })).statusCode).toBe(200);

    // Revoked and unknown tokens get the same answer.
    const revoke = await app.inject({ method: "DELETE", url: "/api/v1/me/calendar-feed", headers });
    expect(revoke.statusCode).toBe(204);
    const revoked = await app.inject({ method: "GET", url: rotated.url ?? "" });
    const unknown = await app.inject({
      method: "GET",
      url: `/api/v1/calendar/${"x".repeat(43)}.ics`,
    });
    expect(revoked.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (r: typeof revoked) => {
      const { requestId: _r, instance: _i, ...rest } = r.json<Record<string, unknown>>();
      return rest;
    };
    expect(strip(revoked)).toEqual(strip(unknown));
    expect(strip(revoked)).toMatchObject({ code: "not_found" });
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/me/calendar-feed", headers })).json(),
    ).toEqual({ url: null, createdAt: null });
    // Revoking with nothing to revoke is fine.
    expect(
      (await app.inject({ method: "DELETE", url: "/api/v1/me/calendar-feed", headers })).statusCode,
    ).toBe(204);
  });

  it("holds the meetings of the member's own cell only, in Vietnamese time", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    const user = await createUser(db, org.tenantId, [], undefined, {
      memberId: org.people.an.id,
    });
    const regular = await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "regular",
      period: "2026-03",
      registeredDate: "2026-03-03",
      date: "2026-03-06",
      startTime: "08:00",
      status: "postponed",
      place: "Phòng họp số 2, tầng 3",
      version: 3,
    });
    await db.insert(postponements).values({
      tenantId: org.tenantId,
      meetingId: regular,
      unitId: org.cellA1.id,
      unitPath: org.cellA1.path,
      fromDate: "2026-03-03",
      newDate: "2026-03-06",
      reason: "Bí thư đi công tác",
      reportedOn: "2026-03-01",
    });
    const thematic = await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "thematic",
      date: "2026-04-15",
      startTime: "14:00",
      topic: "Học tập và làm theo tư tưởng Hồ Chí Minh",
      mode: "online",
      onlineUrl: "https://meet.example.vn/a1",
    });
    const combined = await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "regular",
      period: "2026-05",
      date: "2026-05-05",
      startTime: "14:00",
      combinedWithThematic: true,
    });
    const noTime = await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "forum",
      date: "2026-06-20",
    });
    const held = await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "regular",
      period: "2026-02",
      date: "2026-02-03",
      startTime: "08:00",
      status: "held",
      startedAt: new Date("2026-02-03T01:05:00Z"),
      endedAt: new Date("2026-02-03T02:50:00Z"),
    });
    const excluded = [
      await insertMeeting(db, org.tenantId, org.cellA1, {
        date: "2026-03-20",
        startTime: "08:00",
        status: "cancelled",
      }),
      // Outside the window: more than 3 months back, more than 12 ahead.
      await insertMeeting(db, org.tenantId, org.cellA1, { date: "2025-12-01", startTime: "08:00" }),
      await insertMeeting(db, org.tenantId, org.cellA1, { date: "2027-03-11", startTime: "08:00" }),
      // A cell-committee meeting: its members only.
      await insertMeeting(db, org.tenantId, org.cellA1, {
        kind: "committee",
        date: "2026-03-02",
        startTime: "16:00",
      }),
      // Other cells of the same tenant, and another tenant.
      await insertMeeting(db, org.tenantId, org.cellA2, { date: "2026-03-12", startTime: "08:00" }),
      await insertMeeting(db, org.tenantId, org.dbA, { date: "2026-03-12", startTime: "08:00" }),
    ];
    const elsewhere = await createOrg(db);
    excluded.push(
      await insertMeeting(db, elsewhere.tenantId, elsewhere.cellA1, {
        date: "2026-03-12",
        startTime: "08:00",
      }),
    );

    const url = (
      await app.inject({
        method: "POST",
        url: "/api/v1/me/calendar-feed",
        headers: { cookie: user.cookie },
      })
    ).json<CalendarFeedDto>().url;
    let body = "";
    const queries = await captureQueries(async () => {
      const res = await app.inject({ method: "GET", url: url ?? "" });
      expect(res.statusCode).toBe(200);
      body = res.body;
    });
    // The token lookup names tenant_id in what it reads; everything after filters on it.
    expect(queries.filter((q) => !q.includes("tenant_id"))).toEqual([]);
    expect(
      queries.filter((q) => /from "(units|members|meetings)"/u.test(q)).length,
    ).toBeGreaterThan(0);

    const { lines, events, calendar } = parseIcs(body);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(calendar.VERSION).toBe("2.0");
    expect(calendar["X-WR-TIMEZONE"]).toBe("Asia/Ho_Chi_Minh");
    expect(unescape(calendar["X-WR-CALNAME"])).toBe("Lịch sinh hoạt — Chi bộ Phòng A1");
    expect(events.map((e) => e.UID).sort()).toEqual(
      [regular, thematic, combined, noTime, held].map((id) => `${id}@chibo`).sort(),
    );
    for (const id of excluded) expect(body).not.toContain(id);

    const byId = (id: string) => events.find((e) => e.UID === `${id}@chibo`) ?? {};
    // 08:00 in Hà Nội is 01:00 UTC; 90 minutes by the default rules.
    expect(byId(regular)).toMatchObject({
      DTSTART: "20260306T010000Z",
      DTEND: "20260306T023000Z",
      STATUS: "CONFIRMED",
      SEQUENCE: "3",
    });
    expect(unescape(byId(regular).SUMMARY)).toBe(
      "Sinh hoạt chi bộ thường kỳ tháng 3/2026 — Chi bộ Phòng A1",
    );
    expect(unescape(byId(regular).LOCATION)).toBe("Phòng họp số 2, tầng 3");
    expect(unescape(byId(regular).DESCRIPTION)).toContain(
      "Đã hoãn từ ngày 03/03/2026 sang ngày 06/03/2026. Lý do: Bí thư đi công tác.",
    );
    expect(byId(thematic)).toMatchObject({
      DTSTART: "20260415T070000Z",
      DTEND: "20260415T083000Z",
      "URL;VALUE=URI": "https://meet.example.vn/a1",
    });
    expect(unescape(byId(thematic).SUMMARY)).toBe(
      "Sinh hoạt chuyên đề: Học tập và làm theo tư tưởng Hồ Chí Minh",
    );
    // Held together with a thematic meeting: 120 minutes (HD42).
    expect(byId(combined)).toMatchObject({
      DTSTART: "20260505T070000Z",
      DTEND: "20260505T090000Z",
    });
    expect(unescape(byId(combined).SUMMARY)).toBe(
      "Sinh hoạt chi bộ thường kỳ tháng 5/2026 kết hợp sinh hoạt chuyên đề — Chi bộ Phòng A1",
    );
    // No time yet: a whole-day event on its date.
    expect(byId(noTime)["DTSTART;VALUE=DATE"]).toBe("20260620");
    // A held meeting shows when it really took place.
    expect(byId(held)).toMatchObject({ DTSTART: "20260203T010500Z", DTEND: "20260203T025000Z" });
  });

  it("shows cell-committee meetings to the cell's position holders", async () => {
    const { app, database } = await testContext();
    const db = database.db;
    const org = await createOrg(db);
    await db.insert(positions).values({
      tenantId: org.tenantId,
      memberId: org.people.an.id,
      unitId: org.cellA1.id,
      title: "secretary",
      fromDate: "2024-01-01",
    });
    const secretary = await createUser(db, org.tenantId, [], undefined, {
      memberId: org.people.an.id,
    });
    const member = await createUser(db, org.tenantId, [], undefined, {
      memberId: org.people.binh.id,
    });
    const committee = await insertMeeting(db, org.tenantId, org.cellA1, {
      kind: "committee",
      date: "2026-03-02",
      startTime: "16:00",
    });
    const feedOf = async (cookie: string) => {
      const { url } = (
        await app.inject({ method: "POST", url: "/api/v1/me/calendar-feed", headers: { cookie } })
      ).json<CalendarFeedDto>();
      return (await app.inject({ method: "GET", url: url ?? "" })).body;
    };
    const mine = parseIcs(await feedOf(secretary.cookie));
    expect(mine.events.map((e) => e.UID)).toEqual([`${committee}@chibo`]);
    expect(unescape(mine.events[0]?.SUMMARY)).toBe("Họp chi ủy — Chi bộ Phòng A1");
    expect(parseIcs(await feedOf(member.cookie)).events).toEqual([]);
  });

  it("gives a user without a linked member an empty but valid calendar", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    await insertMeeting(database.db, org.tenantId, org.cellA1, {
      date: "2026-03-12",
      startTime: "08:00",
    });
    const staff = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const { url } = (
      await app.inject({
        method: "POST",
        url: "/api/v1/me/calendar-feed",
        headers: { cookie: staff.cookie },
      })
    ).json<CalendarFeedDto>();
    const res = await app.inject({ method: "GET", url: url ?? "" });
    expect(res.statusCode).toBe(200);
    const { lines, events } = parseIcs(res.body);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(events).toEqual([]);
  });

  it("is documented as public in the OpenAPI document", async () => {
    const { app } = await testContext();
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    }>();
    expect(doc.paths["/api/v1/calendar/{token}.ics"]?.get?.security).toEqual([]);
    expect(Object.keys(doc.paths["/api/v1/me/calendar-feed"] ?? {}).sort()).toEqual([
      "delete",
      "get",
      "post",
    ]);
  });
});
