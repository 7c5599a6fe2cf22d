import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, eq, ne } from "drizzle-orm";
import type { TestProject } from "vitest/node";
import { loadEnv } from "@chibo/server/config";
import { grants, members, users } from "@chibo/server/schema";
import { startServer } from "@chibo/server/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
    /** A member of the demo cell lead's cell (not the lead), to search for and edit. */
    target: { id: string; fullName: string };
  }
}

/** Starts chibo on a fresh embedded database with the demo organisation, as `npm start` does. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chibo-e2e-"));
  const env = loadEnv({
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    PORT: "0",
    HOST: "127.0.0.1",
    DEMO: "1",
    LOG_LEVEL: "warn",
  });
  const server = await startServer(env);
  const db = server.database.db;
  const [lead] = await db
    .select({ unitId: grants.unitId, memberId: users.memberId })
    .from(users)
    .innerJoin(grants, and(eq(grants.userId, users.id), eq(grants.role, "cell_lead")))
    .where(eq(users.username, "bithu"))
    .limit(1);
  if (!lead) throw new Error("demo cell lead missing");
  const inCell = await db
    .select({ id: members.id, fullName: members.fullName })
    .from(members)
    .where(and(eq(members.unitId, lead.unitId), ne(members.id, lead.memberId ?? members.id)))
    .orderBy(asc(members.sortKey));
  // A name held by one person in the cell, so an exact search narrows the list to one.
  const target = inCell.find((m) => inCell.filter((o) => o.fullName === m.fullName).length === 1);
  if (!target) throw new Error("demo cell has no other member");
  project.provide("baseUrl", server.url);
  project.provide("demoPassword", env.DEMO_PASSWORD);
  project.provide("target", target);
  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
