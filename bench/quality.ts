// Meeting quality (issue 5): the evidence of one meeting (target p95 < 20 ms on PostgreSQL) and the
// rescoring of every meeting of the demo tenant's two years with one rubric (< 10 s on PostgreSQL).
// The first against GET /api/health measured in the same run.
import pg from "pg";
import { openDatabase } from "@chibo/server/db";
import { meetingEvidenceOf } from "@chibo/server/scores";
import { fmt, percentile, rssMb, timeRequestsBoth, type Child } from "./lib.js";

type Line = (label: string, value: string, target: string) => void;

const DAY = 86_400_000;
const vnDay = (offsetDays = 0) =>
  new Date(Date.now() + 7 * 3_600_000 + offsetDays * DAY).toISOString().slice(0, 10);

async function json(child: Child, cookie: string, method: string, url: string) {
  const res = await fetch(`${child.url}/api/v1${url}`, { method, headers: { cookie } });
  const text = await res.text();
  if (res.status >= 400)
    throw new Error(`${method} ${url} → ${String(res.status)} ${text.slice(0, 400)}`);
  const m = /dur=([\d.]+)/u.exec(res.headers.get("server-timing") ?? "");
  return { body: JSON.parse(text) as unknown, serverMs: m?.[1] ? Number(m[1]) : null };
}

export async function qualityScenario(
  child: Child,
  cookie: string,
  line: Line,
  label: string,
  /** PostgreSQL: the evidence alone is also timed in this process against the same database. */
  databaseUrl: string | null = null,
): Promise<Record<string, unknown>> {
  const headers = { cookie };
  const units = await json(child, cookie, "GET", "/units");
  const rootId = (units.body as { items: { id: string }[] }).items[0]?.id ?? "";

  // (a) Held regular meetings of the last year across the tenant, 200 of them spread evenly.
  const today = vnDay();
  const list = await json(
    child,
    cookie,
    "GET",
    `/meetings?unitId=${rootId}&from=${vnDay(-364)}&to=${today}&kind=regular`,
  );
  const held = (list.body as { items: { id: string; status: string }[] }).items
    .filter((m) => m.status === "held")
    .map((m) => m.id);
  if (held.length === 0) throw new Error("no held regular meeting");
  const N = 200;
  const picked = Array.from({ length: N }, (_, i) => held[Math.floor((i * held.length) / N)] ?? "");
  const urls = picked.map((id) => `${child.url}/api/v1/meetings/${id}/score`);
  await timeRequestsBoth(urls.slice(0, 20), headers); // warm-up
  const base = await timeRequestsBoth(
    Array.from({ length: N }, () => `${child.url}/api/health`),
    headers,
  );
  const { client, server } = await timeRequestsBoth(urls, headers);
  const s95 = percentile(server, 95);
  const b95 = percentile(base.server, 95);
  line(
    `[${label}] meeting score with evidence, p95 server (${String(N)} meetings)`,
    `${fmt(s95)} ms (p50 ${fmt(percentile(server, 50))}; client p95 ${fmt(percentile(client, 95))}; /api/health p95 ${fmt(b95, 2)} ms → ratio ${fmt(s95 / b95)}×)`,
    label === "postgres" ? "< 20 ms" : "",
  );

  // The evidence alone (meeting row, settings, the record's reads, the rules), in this process.
  let evidence: { p50: number; p95: number } | null = null;
  if (databaseUrl !== null) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const tenant = await client.query<{ tenant_id: string }>(
      "select tenant_id from meetings where id = $1",
      [picked[0]],
    );
    await client.end();
    const tenantId = tenant.rows[0]?.tenant_id ?? "";
    const database = await openDatabase({ kind: "postgres", url: databaseUrl });
    try {
      for (const id of picked.slice(0, 20)) await meetingEvidenceOf(database.db, tenantId, id);
      const times: number[] = [];
      for (const id of picked) {
        const t = performance.now();
        const values = await meetingEvidenceOf(database.db, tenantId, id);
        times.push(performance.now() - t);
        if (values === null) throw new Error(`meeting ${id} not found`);
      }
      times.sort((a, b) => a - b);
      evidence = { p50: percentile(times, 50), p95: percentile(times, 95) };
      line(
        `[${label}]   the evidence alone, in-process, p95`,
        `${fmt(evidence.p95)} ms (p50 ${fmt(evidence.p50)})`,
        "",
      );
    } finally {
      await database.close();
    }
  }

  // (b) Every held regular meeting of the two years with the HD42 ward rubric, forced (HD42 is in
  // force only since 28/10/2025).
  const now = new Date(Date.now() + 7 * 3_600_000);
  const from = `${String(now.getUTCFullYear() - 2)}-${String(now.getUTCMonth() + 2).padStart(2, "0")}-01`;
  const first = now.getUTCMonth() === 11 ? `${String(now.getUTCFullYear() - 1)}-01-01` : from;
  const rescoreUrl = `/rubrics/hd42-ward-regular/1/rescore?force=1&from=${first}&to=${today}`;
  interface Rescore {
    meetings: number;
    counts: Record<string, number>;
    totShare: number | null;
    decided: number;
    changed: number;
  }
  const pid = child.proc.pid ?? 0;
  const rssBefore = rssMb(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 20);
  await json(child, cookie, "POST", rescoreUrl); // warm-up
  const walls: number[] = [];
  const servers: number[] = [];
  let result: Rescore | null = null;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = await json(child, cookie, "POST", rescoreUrl);
    walls.push(performance.now() - t);
    if (r.serverMs !== null) servers.push(r.serverMs);
    result = r.body as Rescore;
  }
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, rssMb(pid));
  walls.sort((a, b) => a - b);
  const worst = walls.at(-1) ?? 0;
  line(
    `[${label}] rescore ${String(result?.meetings ?? 0)} held meetings (${first}…${today}), HD42, worst of 3`,
    `${fmt(worst / 1000, 2)} s (median ${fmt((walls[1] ?? 0) / 1000, 2)} s; Tốt ${fmt((result?.totShare ?? 0) * 100)}%, ${String(result?.changed ?? 0)} of ${String(result?.decided ?? 0)} decided would change)`,
    label === "postgres" ? "< 10 s" : "",
  );
  line(
    `[${label}]   server RSS before → peak during the rescoring`,
    `${fmt(rssBefore, 0)} → ${fmt(rssPeak, 0)} MB`,
    "",
  );
  return {
    score: {
      meetings: N,
      serverP50: percentile(server, 50),
      serverP95: s95,
      clientP95: percentile(client, 95),
      baselineServerP95: b95,
      targetMs: label === "postgres" ? 20 : null,
    },
    evidenceInProcess: evidence,
    rescore: {
      from: first,
      to: today,
      meetings: result?.meetings ?? 0,
      counts: result?.counts ?? null,
      totShare: result?.totShare ?? null,
      wallMs: walls,
      serverMs: servers,
      rssBeforeMb: rssBefore,
      rssPeakMb: rssPeak,
      targetMs: label === "postgres" ? 10_000 : null,
    },
  };
}
