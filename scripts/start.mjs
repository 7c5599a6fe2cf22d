// `npm start`: build the web app when its sources changed, then run the server on the embedded
// database (or DATABASE_URL). Plain Node, so it runs before anything is compiled.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "apps/web/dist/index.html");
const sources = [
  "apps/web/src",
  "apps/web/index.html",
  "apps/web/vite.config.ts",
  "packages/domain/src",
];

function newest(p) {
  const full = path.join(root, p);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(full).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
if (process.env.SKIP_WEB_BUILD !== "1" && built < Math.max(...sources.map(newest))) {
  console.log("Đang dựng giao diện web (apps/web)…");
  const r = spawnSync("npm", ["run", "build", "-w", "@chibo/web", "--silent"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(
  process.execPath,
  ["--import", "tsx", path.join(root, "apps/server/src/main.ts")],
  {
    cwd: root,
    stdio: "inherit",
    env: { NODE_ENV: "production", ...process.env },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
