// chibo benchmarks: start-up, member search latency, a 5,000-row import with server memory, the
// committee calendar, meeting quality (evidence, rescoring), minutes autosave and .docx export,
// check-in under load.
// Figures are printed with a baseline measured in the same run and their ratio to it, so they
// compare across machines. Usage: npm run bench [-- --pg-only | --pglite-only]
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import { openDatabase } from "@chibo/server/db";
import { seedDemoTenant } from "@chibo/server/demo";
import { MEMBER_COLUMNS } from "@chibo/server/members-xlsx";
import { checkinScenario } from "./checkin.js";
import { minutesScenario } from "./minutes.js";
import { qualityScenario } from "./quality.js";
import {
  fmt,
  freePort,
  login,
  percentile,
  ROOT,
  rssMb,
  startAndWait,
  stop,
  timeRequests,
  timeRequestsBoth,
  type Child,
} from "./lib.js";

const PASSWORD = "chibo-demo";
const SERVER = [path.join(ROOT, "apps/server/dist/main.mjs")];
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const args = new Set(process.argv.slice(2));
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

function line(label: string, value: string, target: string) {
  console.log(`${label.padEnd(48)} ${value.padEnd(34)} ${target}`);
}

async function baselineStart(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const { child, ms } = await startAndWait(
      [path.join(ROOT, "bench/baseline-server.mjs")],
      {},
      "/",
      port,
    );
    times.push(ms);
    await stop(child);
  }
  return Math.min(...times);
}

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Hữu", "Thu", "Quang", "Hồng"];
const GIVEN = [
  "An",
  "Anh",
  "Bình",
  "Chi",
  "Dũng",
  "Đức",
  "Giang",
  "Hà",
  "Hải",
  "Hương",
  "Khánh",
  "Lan",
  "Long",
  "Mai",
  "Nam",
  "Oanh",
  "Phúc",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
  "Vinh",
  "Yến",
];

async function importWorkbook(rows: number, seed: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Đảng viên");
  ws.addRow(MEMBER_COLUMNS.map((c) => c.header));
  for (let i = 0; i < rows; i++) {
    const pick = <T>(a: readonly T[], k: number): T => a[(i * k + seed) % a.length] as T;
    const values: Record<string, string> = {
      fullName: `${pick(FAMILY, 7)} ${pick(MIDDLE, 3)} ${pick(GIVEN, 11)}`,
      gender: i % 2 === 0 ? "Nam" : "Nữ",
      birthDate: `${String((i % 28) + 1).padStart(2, "0")}/${String((i % 12) + 1).padStart(2, "0")}/${1965 + (i % 35)}`,
      joinDate: `${String((i % 27) + 1).padStart(2, "0")}/0${(i % 9) + 1}/2015`,
      officialDate: `${String((i % 27) + 1).padStart(2, "0")}/0${(i % 9) + 1}/2016`,
      cardNumber: `B${seed}${String(i).padStart(7, "0")}`,
      hometown: "Đồng Hới, Quảng Bình",
      ethnicity: "Kinh",
    };
    ws.addRow(MEMBER_COLUMNS.map((c) => values[c.key] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function searchScenario(child: Child, cookie: string, label: string, target: number) {
  // Queries a secretary types: unaccented given names, family + given, partial words.
  const queries = [
    "nguyen van an",
    "tran thi",
    "hoang",
    "le minh",
    "pham duc",
    "huong",
    "dung",
    "nguyen thi lan",
    "vo",
    "dang van",
    "bui thi thu",
    "ho",
    "ngo quang",
    "duong",
    "hai",
    "thao",
    "son",
    "tuan",
    "an",
    "nam",
  ];
  const urls: string[] = [];
  for (let i = 0; i < 200; i++) {
    urls.push(
      `${child.url}/api/v1/members?q=${encodeURIComponent(queries[i % queries.length] ?? "an")}&pageSize=50`,
    );
  }
  const headers = { cookie };
  await timeRequests(urls.slice(0, 20), headers); // warm-up
  const base = await timeRequestsBoth(
    Array.from({ length: 200 }, () => `${child.url}/api/health`),
    headers,
  );
  const { client, server } = await timeRequestsBoth(urls, headers);
  const p95 = percentile(client, 95);
  const s95 = percentile(server, 95);
  const b95 = percentile(base.client, 95);
  const bs95 = percentile(base.server, 95);
  line(
    `[${label}] member search p95, server time (200 queries)`,
    `${fmt(s95)} ms (p50 ${fmt(percentile(server, 50))})`,
    `< ${target} ms`,
  );
  line(
    `[${label}]   same, seen by the client`,
    `${fmt(p95)} ms (p50 ${fmt(percentile(client, 50))})`,
    "",
  );
  line(
    `[${label}]   baseline GET /api/health p95 server / client`,
    `${fmt(bs95)} / ${fmt(b95)} ms → ratio ${fmt(s95 / bs95)}× / ${fmt(p95 / b95)}×`,
    "",
  );
  results[`${label}.search`] = {
    serverP50: percentile(server, 50),
    serverP95: s95,
    clientP50: percentile(client, 50),
    clientP95: p95,
    baselineServerP95: bs95,
    baselineClientP95: b95,
    targetMs: target,
  };
}

/**
 * The committee calendar: compliance of every cell of the demo tenant (409) for the current year, as
 * the bloc's organisation board opens it.
 */
async function complianceScenario(child: Child, cookie: string, label: string, target: number) {
  const headers = { cookie };
  const top = await fetch(`${child.url}/api/v1/units`, { headers });
  const rootId = ((await top.json()) as { items: { id: string }[] }).items[0]?.id ?? "";
  const year = new Date().getFullYear();
  const url = `${child.url}/api/v1/units/${rootId}/compliance?year=${String(year)}`;
  const first = await fetch(url, { headers });
  const body = (await first.json()) as { cells?: unknown[] };
  if (first.status !== 200) throw new Error(`compliance → ${String(first.status)}`);
  const cells = body.cells?.length ?? 0;
  await timeRequests(
    Array.from({ length: 5 }, () => url),
    headers,
  ); // warm-up
  const base = await timeRequestsBoth(
    Array.from({ length: 40 }, () => `${child.url}/api/health`),
    headers,
  );
  const { client, server } = await timeRequestsBoth(
    Array.from({ length: 40 }, () => url),
    headers,
  );
  const s95 = percentile(server, 95);
  const c95 = percentile(client, 95);
  line(
    `[${label}] committee calendar with compliance, ${String(cells)} cells × 12 months, p95 server`,
    `${fmt(s95)} ms (client ${fmt(c95)} ms; baseline /api/health ${fmt(percentile(base.server, 95), 1)} ms → ratio ${fmt(s95 / percentile(base.server, 95))}×)`,
    `< ${String(target)} ms`,
  );
  results[`${label}.compliance`] = {
    cells,
    serverP50: percentile(server, 50),
    serverP95: s95,
    clientP95: c95,
    baselineServerP95: percentile(base.server, 95),
    targetMs: target,
  };
}

async function importScenario(child: Child, cookie: string, label: string, targetMb: number) {
  const opts = await fetch(`${child.url}/api/v1/units/options?kind=cell`, { headers: { cookie } });
  const cell = (await opts.json()) as { items: { id: string }[] };
  const unitId = cell.items[0]?.id;
  if (!unitId) throw new Error("no cell");
  const file = await importWorkbook(5000, label.length);
  const t0 = performance.now();
  const parsed = new ExcelJS.Workbook();
  await parsed.xlsx.load(file as unknown as ArrayBuffer);
  const baseMs = performance.now() - t0;

  const pid = child.proc.pid ?? 0;
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const form = new FormData();
  form.append("file", new Blob([file]), "members.xlsx");
  const t1 = performance.now();
  const res = await fetch(`${child.url}/api/v1/members/import?unitId=${unitId}`, {
    method: "POST",
    headers: { cookie },
    body: form,
  });
  const body = (await res.json()) as { imported?: number; code?: string };
  const ms = performance.now() - t1;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  if (res.status !== 200 || body.imported !== 5000)
    throw new Error(`import failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  line(`[${label}] import 5,000-row workbook`, `${fmt(ms / 1000, 2)} s`, "< 10 s");
  line(
    `[${label}]   baseline: exceljs load of same file`,
    `${fmt(baseMs)} ms → ratio ${fmt(ms / baseMs)}×`,
    "",
  );
  line(
    `[${label}]   server RSS before → peak`,
    `${fmt(before, 0)} → ${fmt(peak, 0)} MB`,
    `< ${targetMb} MB`,
  );
  results[`${label}.import`] = {
    ms,
    baselineMs: baseMs,
    ratio: ms / baseMs,
    rssBeforeMb: before,
    rssPeakMb: peak,
    targetMb,
  };
}

async function pgliteRun(baseMs: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chibo-bench-"));
  const webBuilt = existsSync(path.join(ROOT, "apps/web/dist/index.html"));
  const ready = webBuilt ? "/" : "/api/health";
  try {
    const env = { DATA_DIR: dataDir, DEMO: "1", DEMO_PASSWORD: PASSWORD };
    const first = await startAndWait(SERVER, env, ready, await freePort());
    line(
      "[pglite] first start, empty data dir, with demo",
      `${fmt(first.ms / 1000, 2)} s → ratio ${fmt(first.ms / baseMs)}×`,
      "< 20 s",
    );
    await stop(first.child);
    const again = await startAndWait(SERVER, env, ready, await freePort());
    line(
      "[pglite] restart on existing data dir",
      `${fmt(again.ms / 1000, 2)} s → ratio ${fmt(again.ms / baseMs)}×`,
      "< 3 s",
    );
    results["pglite.start"] = {
      firstMs: first.ms,
      restartMs: again.ms,
      baselineMs: baseMs,
      readyPath: ready,
    };
    const cookie = await login(again.child.url, "admin", PASSWORD);
    await searchScenario(again.child, cookie, "pglite", 30);
    await complianceScenario(again.child, cookie, "pglite", 600);
    // Before the import: the export's memory figure is the exports' own, not the import's heap.
    results["pglite.minutes"] = await minutesScenario(again.child, cookie, line, "pglite", null);
    await importScenario(again.child, cookie, "pglite", 600);
    // After the exports and the import: the rescoring's heap stays out of their memory figures.
    results["pglite.quality"] = await qualityScenario(again.child, cookie, line, "pglite");
    await stop(again.child);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function pgRun() {
  const name = `chibo_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`[postgres] skipped: no server at ${PG_URL} (${String(err)})`);
    return;
  }
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ kind: "postgres", url: url.toString() });
    await database.migrate();
    const t = performance.now();
    await seedDemoTenant(database.db, { password: PASSWORD });
    line("[postgres] demo tenant seeding", `${fmt((performance.now() - t) / 1000, 2)} s`, "");
    await database.close();
    const started = await startAndWait(
      SERVER,
      { DATABASE_URL: url.toString() },
      "/api/health",
      await freePort(),
    );
    line("[postgres] start on a seeded database", `${fmt(started.ms / 1000, 2)} s`, "");
    const cookie = await login(started.child.url, "admin", PASSWORD);
    await searchScenario(started.child, cookie, "postgres", 10);
    await complianceScenario(started.child, cookie, "postgres", 150);
    // Before the import: the export's memory figure is the exports' own, not the import's heap.
    results["postgres.minutes"] = await minutesScenario(
      started.child,
      cookie,
      line,
      "postgres",
      300,
    );
    await stop(started.child);
    // A fresh process for the import: a server's heap, once grown by the exports, is not given back
    // to the system, and would count in the import's peak.
    const fresh = await startAndWait(
      SERVER,
      { DATABASE_URL: url.toString() },
      "/api/health",
      await freePort(),
    );
    const freshCookie = await login(fresh.child.url, "admin", PASSWORD);
    await importScenario(fresh.child, freshCookie, "postgres", 300);
    // After the exports and the import: the rescoring's heap stays out of their memory figures.
    results["postgres.quality"] = await qualityScenario(
      fresh.child,
      freshCookie,
      line,
      "postgres",
      url.toString(),
    );
    results["postgres.checkin"] = await checkinScenario(url.toString(), fresh.child, line);
    await stop(fresh.child);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

console.log(
  `chibo bench — ${results.date as string}, Node ${process.version}, ${os.cpus().length} cores`,
);
const baseMs = await baselineStart();
line("baseline: bare Fastify start to first response", `${fmt(baseMs)} ms`, "");
results.baselineStartMs = baseMs;
if (!args.has("--pg-only")) await pgliteRun(baseMs);
if (!args.has("--pglite-only")) await pgRun();
mkdirSync(path.join(ROOT, "bench/out"), { recursive: true });
writeFileSync(path.join(ROOT, "bench/out/results.json"), JSON.stringify(results, null, 2));
console.log("results written to bench/out/results.json");
