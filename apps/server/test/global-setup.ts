import type { TestProject } from "vitest/node";
import pg from "pg";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

/**
 * With TEST_DATABASE_URL set, every run gets a fresh database on that PostgreSQL server, dropped
 * afterwards; without it the tests use an in-memory PGlite (see db.ts).
 */
export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    project.provide("testDatabaseUrl", "");
    return;
  }
  const name = `chibo_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  project.provide("testDatabaseUrl", url.toString());
  return async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
}
