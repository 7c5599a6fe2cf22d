import { openDatabase } from "@chibo/server/db";
import { buildApp } from "@chibo/server/app";
import { sql } from "drizzle-orm";
const database = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/chibo_explain" });
const app = await buildApp({ database, logLevel: "silent", webDist: null });
const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "admin", password: "chibo-demo" } });
const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
async function run(label: string, fn: () => Promise<unknown>, n = 300) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); await fn(); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(label.padEnd(20), `p50 ${times[n / 2]?.toFixed(2)} p95 ${times[Math.floor(n * 0.95)]?.toFixed(2)}`);
}
const inj = (url: string) => () => app.inject({ method: "GET", url, headers: { cookie } });
await run("select 1", () => database.db.execute(sql`select 1`));
await run("health", inj("/api/health"));
await run("me", inj("/api/v1/me"));
await run("list", inj("/api/v1/members?pageSize=50"));
await run("tran thi", inj("/api/v1/members?q=tran%20thi&pageSize=50"));
await run("nguyen van an", inj("/api/v1/members?q=nguyen%20van%20an&pageSize=50"));
await app.close(); await database.close();
