import { inject } from "vitest";
import type { FastifyInstance } from "fastify";
import { migrateDatabase, openDatabase, type Database } from "../src/db/client.js";
import { buildApp } from "../src/app.js";
import { fixedClock, type Clock } from "../src/lib/clock.js";

interface TestContext {
  database: Database;
  app: FastifyInstance;
  clock: Clock;
}

const KEY = Symbol.for("chibo.test.context");
type Holder = Record<symbol, Promise<TestContext> | undefined>;
const holder = globalThis as unknown as Holder;

/** "Today" for every server test: dates in tests are relative to it. */
export const TEST_NOW = "2026-03-10T03:00:00.000Z";

async function create(): Promise<TestContext> {
  const url = inject("testDatabaseUrl");
  const database = await openDatabase(
    url ? { kind: "postgres", url, poolSize: 5 } : { kind: "pglite", dataDir: null },
  );
  await migrateDatabase(database);
  const clock = fixedClock(TEST_NOW);
  const app = await buildApp({ database, clock, logLevel: "silent", webDist: null });
  await app.ready();
  return { database, app, clock };
}

/** The migrated database and the app, made once per run and shared by every test file. */
export function testContext(): Promise<TestContext> {
  holder[KEY] ??= create();
  return holder[KEY];
}
