import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
    srv.on("error", reject);
  });
}

export interface Child {
  proc: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts a process and resolves once `readyUrl` answers 200; returns the elapsed milliseconds. */
export async function startAndWait(
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  port: number,
  timeoutMs = 120_000,
): Promise<{ child: Child; ms: number }> {
  const t0 = performance.now();
  let out = "";
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`process exited early:\n${out}`);
    if (performance.now() - t0 > timeoutMs) {
      proc.kill("SIGKILL");
      throw new Error(`not ready after ${timeoutMs} ms:\n${out}`);
    }
    try {
      const res = await fetch(url + readyPath);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child: { proc, url, output: () => out }, ms: performance.now() - t0 };
}

export async function stop(child: Child): Promise<void> {
  if (child.proc.exitCode !== null) return;
  const done = new Promise((r) => child.proc.once("exit", r));
  child.proc.kill("SIGTERM");
  const timer = setTimeout(() => child.proc.kill("SIGKILL"), 15_000);
  await done;
  clearTimeout(timer);
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const m = /VmRSS:\s+(\d+) kB/u.exec(status);
  return m?.[1] ? Number(m[1]) / 1024 : 0;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? NaN;
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}

/**
 * Sequential timed requests, one user at a time as a phone would send them: the latency seen by
 * the client, and the server's own time from its Server-Timing header (without the client's HTTP
 * stack, which shares this machine's two cores).
 */
export async function timeRequestsBoth(
  urls: readonly string[],
  headers: Record<string, string>,
): Promise<{ client: number[]; server: number[] }> {
  const client: number[] = [];
  const server: number[] = [];
  for (const u of urls) {
    const t = performance.now();
    const res = await fetch(u, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${u} → ${res.status}`);
    client.push(performance.now() - t);
    const m = /dur=([\d.]+)/u.exec(res.headers.get("server-timing") ?? "");
    if (m?.[1]) server.push(Number(m[1]));
  }
  const sort = (a: number[]) => a.sort((x, y) => x - y);
  return { client: sort(client), server: sort(server) };
}

export async function timeRequests(
  urls: readonly string[],
  headers: Record<string, string>,
): Promise<number[]> {
  return (await timeRequestsBoth(urls, headers)).client;
}

export function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}
