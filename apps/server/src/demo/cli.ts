// `npm run demo`: creates the demo tenant in the configured database (DATABASE_URL, else PGlite in
// DATA_DIR), then prints the logins.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase, openDatabase } from "../db/client.js";
import type { Database } from "../db/client.js";
import { seedDemoTenant } from "./seed.js";

const DEFAULT_PASSWORD = "chibo-demo";
// npm runs this with apps/server as cwd; the default data directory is the repository root's.
const DEFAULT_DATA_DIR = path.resolve(fileURLToPath(new URL("../../../../data", import.meta.url)));

function setting(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

async function open(): Promise<{ database: Database; where: string }> {
  const url = setting("DATABASE_URL");
  if (url !== undefined) {
    return { database: await openDatabase({ kind: "postgres", url }), where: "PostgreSQL" };
  }
  const dataDir = path.resolve(setting("DATA_DIR") ?? DEFAULT_DATA_DIR);
  return { database: await openDatabase({ kind: "pglite", dataDir }), where: dataDir };
}

async function main(): Promise<void> {
  const password = setting("DEMO_PASSWORD") ?? DEFAULT_PASSWORD;
  const { database, where } = await open();
  try {
    await migrateDatabase(database);
    const started = performance.now();
    const result = await seedDemoTenant(database.db, { password });
    const vi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
    const seconds = vi.format((performance.now() - started) / 1000);
    const { counts } = result;
    console.log(
      `Đã tạo dữ liệu mẫu "${result.code}" trong ${where} (${seconds} giây): ` +
        `${vi.format(counts.grassroots)} tổ chức cơ sở đảng, ${vi.format(counts.cells)} chi bộ, ` +
        `${vi.format(counts.members)} đảng viên, ${vi.format(counts.meetings)} cuộc họp ` +
        `(${vi.format(counts.attendance)} lượt điểm danh).`,
    );
    const shown = password === DEFAULT_PASSWORD ? password : "giá trị của DEMO_PASSWORD";
    console.log(`Tài khoản dùng thử (mật khẩu: ${shown}):`);
    const width = Math.max(...result.logins.map((l) => l.username.length));
    for (const login of result.logins) {
      console.log(`  ${login.username.padEnd(width)}  ${login.description}`);
    }
  } finally {
    await database.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
