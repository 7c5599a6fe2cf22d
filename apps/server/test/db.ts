import { inject } from "vitest";
import type { FastifyInstance } from "fastify";
import { migrateDatabase, openDatabase, type Database } from "../src/db/client.js";
import { buildApp } from "../src/app.js";
import { vnDate, type Clock } from "../src/lib/clock.js";

/** The shared app's clock: fixed at TEST_NOW; a test may move it and must reset it afterwards. */
export interface TestClock extends Clock {
  set(iso: string): void;
  reset(): void;
}

function testClock(): TestClock {
  let now = new Date(TEST_NOW);
  return {
    now: () => new Date(now),
    today: () => vnDate(now),
    set: (iso) => {
      now = new Date(iso);
    },
    reset: () => {
      now = new Date(TEST_NOW);
    },
  };
}

interface TestContext {
  database: Database;
  app: FastifyInstance;
  clock: TestClock;
}

const KEY = Symbol.for("chibo.test.context");
type Holder = Record<symbol, Promise<TestContext> | undefined>;
const holder = globalThis as unknown as Holder;

const listeners = new Set<(sql: string) => void>();

/** Records every SQL statement the app sends while `fn` runs. */
export async function captureQueries(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (q: string) => seen.push(q);
  listeners.add(listener);
  try {
    await fn();
  } finally {
    listeners.delete(listener);
  }
  return seen;
}

/** "Today" for every server test: dates in tests are relative to it. */
export const TEST_NOW = "2026-03-10T03:00:00.000Z";

async function create(): Promise<TestContext> {
  const url = inject("testDatabaseUrl");
  const onQuery = (q: string) => {
    for (const l of listeners) l(q);
  };
  const database = await openDatabase(
    url
      ? { kind: "postgres", url, poolSize: 5, onQuery }
      : { kind: "pglite", dataDir: null, onQuery },
  );
  await migrateDatabase(database);
  const clock = testClock();
  const app = await buildApp({ database, clock, logLevel: "silent", webDist: null });
  await app.ready();
  return { database, app, clock };
}

/** The migrated database and the app, made once per run and shared by every test file. */
export function testContext(): Promise<TestContext> {
  holder[KEY] ??= create();
  return holder[KEY];
}
