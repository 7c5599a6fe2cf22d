import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "./config/env.js";
import { tenants } from "./db/schema/index.js";
import { demoWanted, startServer } from "./server.js";

describe("starting chibo", () => {
  it("with DEMO=0 starts an empty embedded database with no demo tenant, and restarts on it", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "chibo-start-"));
    try {
      const env = loadEnv({
        DATA_DIR: dataDir,
        PORT: "0",
        DEMO: "0",
        LOG_LEVEL: "silent",
        WEB_DIST: "",
      });
      const first = await startServer(env);
      expect(await first.database.db.select().from(tenants)).toEqual([]);
      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
      await first.close();
      const again = await startServer(env);
      expect((await fetch(`${again.url}/api/health`)).status).toBe(200);
      await again.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("creates the demo tenant only on the embedded database, and only when DEMO is on", () => {
    const base = { PORT: "0", LOG_LEVEL: "silent" };
    expect(demoWanted(loadEnv({ ...base }))).toBe(true);
    expect(demoWanted(loadEnv({ ...base, DEMO: "0" }))).toBe(false);
    expect(demoWanted(loadEnv({ ...base, DATABASE_URL: "postgres://x@db/chibo" }))).toBe(false);
    expect(demoWanted(loadEnv({ ...base, DATABASE_URL: "postgres://x@db/chibo", DEMO: "1" }))).toBe(
      false,
    );
  });

  it("refuses bad settings with a readable list", () => {
    expect(() => loadEnv({ PORT: "eighty", DEMO: "maybe" })).toThrow(
      /PORT[\s\S]*DEMO|DEMO[\s\S]*PORT/u,
    );
  });
});
