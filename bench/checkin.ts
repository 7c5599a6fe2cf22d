// Check-in burst (PostgreSQL): 5,000 members of one tenant checking in within the same minute, against
// a bare Fastify route doing the same single-row insert through an equally sized pool, same run.
import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "@chibo/server/db";
import {
  attendance,
  meetings,
  members,
  memberships,
  sessions,
  tenants,
  units,
  users,
} from "@chibo/server/schema";
import { fmt, freePort, percentile, ROOT, startAndWait, stop, type Child } from "./lib.js";

const CELLS = 100;
// 10,200 members: 200 warm the servers up, 5,000 make the saturating burst, 5,000 arrive over a minute.
const PER_CELL = 102;
const BURST = 5_000;
const CONCURRENCY = 50;
const MINUTE_MS = 60_000;

interface Checkin {
  cookie: string;
  code: string;
  memberId: string;
}

/** Same digest as the server's session ids (SHA-256 of the cookie token, base64url). */
const sessionId = (token: string) => createHash("sha256").update(token).digest("base64url");

async function chunked<T>(rows: T[], size: number, insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** A tenant of 100 cells whose meetings are all in progress, and a session for each member. */
async function fixture(url: string): Promise<{ tenantId: string; checkins: Checkin[] }> {
  const database = await openDatabase({ kind: "postgres", url });
  const { db } = database;
  const tenantId = randomUUID();
  await db
    .insert(tenants)
    .values({ id: tenantId, tenantId, name: "Đảng bộ đo tải", code: `bench-${tenantId}` });
  const rootId = randomUUID();
  const rootPath = `/${rootId}/`;
  await db.insert(units).values({
    id: rootId,
    tenantId,
    path: rootPath,
    name: "Đảng bộ đo tải",
    kind: "committee",
    level: "grassroots_committee",
    isGrassroots: true,
  });
  const now = new Date();
  const checkins: Checkin[] = [];
  const usedCodes = new Set<string>();
  const memberRows: (typeof members.$inferInsert)[] = [];
  const membershipRows: (typeof memberships.$inferInsert)[] = [];
  const userRows: (typeof users.$inferInsert)[] = [];
  const sessionRows: (typeof sessions.$inferInsert)[] = [];
  const attendanceRows: (typeof attendance.$inferInsert)[] = [];
  for (let c = 0; c < CELLS; c++) {
    const cellId = randomUUID();
    const cellPath = `${rootPath}${cellId}/`;
    await db.insert(units).values({
      id: cellId,
      tenantId,
      parentId: rootId,
      path: cellPath,
      name: `Chi bộ ${c + 1}`,
      kind: "cell",
      level: "cell",
      meetingDay: 3,
    });
    let code: string;
    do code = randomInt(0, 1_000_000).toString().padStart(6, "0");
    while (usedCodes.has(code));
    usedCodes.add(code);
    const meetingId = randomUUID();
    await db.insert(meetings).values({
      id: meetingId,
      tenantId,
      unitId: cellId,
      unitPath: cellPath,
      kind: "regular",
      status: "in_progress",
      period: now.toISOString().slice(0, 7),
      registeredDate: now.toISOString().slice(0, 10),
      date: now.toISOString().slice(0, 10),
      startTime: "07:30",
      startedAt: now,
      heldOn: now.toISOString().slice(0, 10),
      checkinCode: code,
      checkinToken: randomBytes(24).toString("base64url"),
      checkinUntil: new Date(now.getTime() + 4 * 3_600_000),
    });
    for (let i = 0; i < PER_CELL; i++) {
      const memberId = randomUUID();
      const userId = randomUUID();
      const token = randomBytes(32).toString("base64url");
      const name = `Đảng viên ${c + 1}-${i + 1}`;
      memberRows.push({
        id: memberId,
        tenantId,
        unitId: cellId,
        unitPath: cellPath,
        fullName: name,
        sortKey: name,
        searchText: ` ${name.toLowerCase()}`,
        gender: "male",
        joinDate: "2015-01-01",
        officialDate: "2016-01-01",
        status: "official",
      });
      membershipRows.push({ tenantId, memberId, unitId: cellId, fromDate: "2015-01-01" });
      userRows.push({
        id: userId,
        tenantId,
        username: `bench-${userId}`,
        displayName: name,
        passwordHash: "x",
        memberId,
      });
      sessionRows.push({
        id: sessionId(token),
        tenantId,
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + 12 * 3_600_000),
      });
      attendanceRows.push({ tenantId, meetingId, memberId, memberStatus: "official" });
      checkins.push({ cookie: `chibo_session=${token}`, code, memberId });
    }
  }
  await chunked(memberRows, 2_000, (p) => db.insert(members).values(p));
  await chunked(membershipRows, 2_000, (p) => db.insert(memberships).values(p));
  await chunked(userRows, 2_000, (p) => db.insert(users).values(p));
  await chunked(sessionRows, 2_000, (p) => db.insert(sessions).values(p));
  await chunked(attendanceRows, 2_000, (p) => db.insert(attendance).values(p));
  await db.execute(
    sql.raw(
      "create table if not exists bench_checkins (id bigserial primary key, member_id uuid not null, code text not null, at timestamptz not null)",
    ),
  );
  await db.execute(sql.raw("vacuum analyze"));
  await database.close();
  // Members in random order: phones in a hall do not queue by cell.
  const shuffled = checkins
    .map((c) => ({ c, key: randomInt(0, 2 ** 31) }))
    .sort((a, b) => a.key - b.key)
    .map(({ c }) => c);
  return { tenantId, checkins: shuffled };
}

/** `CONCURRENCY` clients sending one request after another; latency per request and wall time. */
async function burst(url: string, batch: readonly Checkin[], withCookie: boolean) {
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const t0 = performance.now();
  async function client() {
    for (;;) {
      const i = next++;
      const c = batch[i];
      if (!c) return;
      const t = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(withCookie ? { cookie: c.cookie } : {}),
        },
        body: JSON.stringify(
          withCookie ? { code: c.code } : { code: c.code, memberId: c.memberId },
        ),
      });
      const text = await res.text();
      latencies.push(performance.now() - t);
      if (res.status !== 200) failures.push(`${res.status} ${text.slice(0, 120)}`);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const wallMs = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return {
    wallMs,
    perSecond: (batch.length / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

/**
 * Open-loop arrivals: every request leaves at its own moment, spread at random over one minute, as
 * members in many halls check in when their meetings start; latency is what each one waits.
 */
async function arrivals(url: string, batch: readonly Checkin[], withCookie: boolean) {
  const offsets = batch.map(() => randomInt(0, MINUTE_MS)).sort((a, b) => a - b);
  const latencies: number[] = [];
  const failures: string[] = [];
  const t0 = performance.now();
  await Promise.all(
    batch.map(async (c, i) => {
      const wait = (offsets[i] ?? 0) - (performance.now() - t0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(withCookie ? { cookie: c.cookie } : {}),
        },
        body: JSON.stringify(
          withCookie ? { code: c.code } : { code: c.code, memberId: c.memberId },
        ),
      });
      await res.text();
      latencies.push(performance.now() - t);
      if (res.status !== 200) failures.push(String(res.status));
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    wallMs: performance.now() - t0,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

export async function checkinScenario(
  pgUrl: string,
  chibo: Child,
  line: (label: string, value: string, target: string) => void,
): Promise<Record<string, unknown>> {
  const { tenantId, checkins } = await fixture(pgUrl);
  const warm = checkins.slice(0, checkins.length - 2 * BURST);
  const measured = checkins.slice(checkins.length - 2 * BURST, checkins.length - BURST);
  const paced = checkins.slice(checkins.length - BURST);
  const { child: base } = await startAndWait(
    [path.join(ROOT, "bench/baseline-checkin-server.mjs")],
    { DATABASE_URL: pgUrl },
    "/health",
    await freePort(),
  );
  try {
    await burst(`${base.url}/checkin`, warm, false);
    await burst(`${chibo.url}/api/v1/checkin`, warm, true);
    const baseline = await burst(`${base.url}/checkin`, measured, false);
    const ours = await burst(`${chibo.url}/api/v1/checkin`, measured, true);
    const oursPaced = await arrivals(`${chibo.url}/api/v1/checkin`, paced, true);
    const basePaced = await arrivals(`${base.url}/checkin`, paced, false);
    if (ours.failures.length > 0 || oursPaced.failures.length > 0) {
      throw new Error(
        `check-in failures: ${String(ours.failures.length)}: ${ours.failures[0] ?? ""}`,
      );
    }
    // Every member is now marked present: the burst did the work, not just answered.
    const database = await openDatabase({ kind: "postgres", url: pgUrl });
    const counted = await database.db.execute(
      sql`select count(*)::int as n from attendance
        where tenant_id = ${tenantId} and status in ('present', 'late')`,
    );
    await database.close();
    const present = (counted as { rows: { n: number }[] }).rows[0]?.n ?? 0;
    if (present !== checkins.length) {
      throw new Error(`only ${String(present)} of ${String(checkins.length)} marked present`);
    }
    const ratio = ours.perSecond / baseline.perSecond;
    line(
      `[postgres] check-in, ${String(BURST)} members arriving within one minute: latency`,
      `p50 ${fmt(oursPaced.p50, 1)} ms, p99 ${fmt(oursPaced.p99, 1)} ms (baseline p99 ${fmt(basePaced.p99, 1)} ms)`,
      "p99 < 50 ms",
    );
    line(
      `[postgres] check-in, sustained: ${String(BURST)} members, ${String(CONCURRENCY)} at a time`,
      `${fmt(ours.perSecond)}/s in ${fmt(ours.wallMs / 1000, 2)} s, p99 ${fmt(ours.p99, 1)} ms`,
      "",
    );
    line(
      "[postgres]   baseline: bare Fastify single-row insert, same pool size",
      `${fmt(baseline.perSecond)}/s, p99 ${fmt(baseline.p99, 1)} ms → ratio ${fmt(ratio * 100)}%`,
      "≥ 70%",
    );
    return {
      burst: BURST,
      concurrency: CONCURRENCY,
      chibo: { ...ours, failures: ours.failures.length },
      baseline: { ...baseline, failures: baseline.failures.length },
      oneMinute: {
        chibo: { ...oursPaced, failures: oursPaced.failures.length },
        baseline: { ...basePaced, failures: basePaced.failures.length },
      },
      ratio,
    };
  } finally {
    await stop(base);
  }
}
