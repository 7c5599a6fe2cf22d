// `npm start`: build the web app and the server bundle when their sources changed, then run the
// server on the embedded database (or DATABASE_URL). Plain Node, so it runs before anything is built.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const webSources = [
  "apps/web/src",
  "apps/web/index.html",
  "apps/web/vite.config.ts",
  "packages/domain/src",
];
const serverSources = [
  "apps/server/src",
  "apps/server/drizzle",
  "apps/server/build.mjs",
  "packages/domain/src",
];

function newest(p) {
  const full = path.join(root, p);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(full).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

function stale(output, inputs) {
  const file = path.join(root, output);
  const built = existsSync(file) ? statSync(file).mtimeMs : 0;
  return built < Math.max(...inputs.map(newest));
}

function build(workspace, label) {
  console.log(label);
  const r = spawnSync("npm", ["run", "build", "-w", workspace, "--silent"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (stale("apps/web/dist/index.html", webSources)) build("@chibo/web", "Đang dựng giao diện web…");
if (stale("apps/server/dist/main.mjs", serverSources)) build("@chibo/server", "Đang dựng máy chủ…");

const child = spawn(process.execPath, [path.join(root, "apps/server/dist/main.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
