import { openDatabase } from "@chibo/server/db";
import { buildApp } from "@chibo/server/app";
import pg from "pg";
let last: { q: string; p: unknown[] } | null = null;
const database = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/chibo_explain" });
(database.db as unknown as { session: { logger: unknown } }).session.logger = { logQuery: (q: string, p: unknown[]) => { if (q.includes("search_text")) last = { q, p }; } };
const app = await buildApp({ database, logLevel: "silent", webDist: null });
const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "admin", password: "chibo-demo" } });
const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
await app.inject({ method: "GET", url: "/api/v1/members?q=tran%20thi&pageSize=50", headers: { cookie } });
const c = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/chibo_explain" });
await c.connect();
if (last) {
  console.log(last.q);
  for (let i = 0; i < 3; i++) {
    const r = await c.query("explain (analyze, buffers off) " + last.q, last.p);
    if (i === 2) console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
  }
}
await c.end(); await app.close(); await database.close();
