import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../db/client.js";
import {
  exemptions,
  grants,
  memberEvents,
  members,
  memberships,
  positions,
  tenants,
  units,
  users,
} from "../db/schema/index.js";
import { hashPassword } from "../modules/auth/password.js";
import {
  DEMO_DEFAULT_SIZE,
  DEMO_TENANT_CODE,
  describeDemoLogins,
  generateOrganisation,
} from "./generate.js";
import type { DemoLogin } from "./generate.js";

export const DEMO_SEED = 2022;

export interface SeedDemoOptions {
  /** Default 2022; the same seed gives the same names, dates and ids. */
  seed?: number;
  /** Default 70 grassroots organisations, 409 cells, 4,921 members (seed 000's bloc). */
  grassroots?: number;
  cells?: number;
  members?: number;
  /** Plaintext; hashed once and shared by every demo login. */
  password: string;
  /** ISO date the data describes; default the current UTC date. */
  today?: string;
  /** Tenant code, default "demo"; must not exist yet. */
  code?: string;
  /** Put before every demo username ("t1-" → "t1-admin"), since usernames are unique across tenants. */
  usernamePrefix?: string;
}

export interface SeedDemoResult {
  tenantId: string;
  code: string;
  logins: DemoLogin[];
  counts: { grassroots: number; cells: number; members: number; units: number };
}

/** PostgreSQL takes at most 65,535 bind parameters per statement; stay well below. */
const MAX_PARAMETERS = 60_000;
const CHUNK_ROWS = 500;

async function inChunks<T>(
  rows: readonly T[],
  columns: number,
  insert: (chunk: T[]) => PromiseLike<unknown>,
): Promise<void> {
  const size = Math.max(1, Math.min(CHUNK_ROWS, Math.floor(MAX_PARAMETERS / columns)));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function columnCount(rows: readonly object[]): number {
  return rows[0] === undefined ? 1 : Object.keys(rows[0]).length;
}

/**
 * Creates the demo tenant (a bloc shaped like Quảng Bình's agencies) with its users, in one
 * transaction so a failure leaves nothing behind. Throws when the tenant code or a username exists.
 */
export async function seedDemoTenant(db: Db, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const code = opts.code ?? DEMO_TENANT_CODE;
  const prefix = opts.usernamePrefix ?? "";
  if (!/^[a-z0-9._-]*$/u.test(prefix)) {
    throw new Error(`Demo username prefix "${prefix}" may hold only a-z, 0-9, ".", "_" and "-"`);
  }
  const org = generateOrganisation({
    seed: opts.seed ?? DEMO_SEED,
    grassroots: opts.grassroots ?? DEMO_DEFAULT_SIZE.grassroots,
    cells: opts.cells ?? DEMO_DEFAULT_SIZE.cells,
    members: opts.members ?? DEMO_DEFAULT_SIZE.members,
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    code,
  });
  const demoUsers = org.users.map((u) => ({ ...u, username: `${prefix}${u.username}` }));
  // argon2 is slow on purpose: hash once, outside the transaction, for every demo login.
  const passwordHash = await hashPassword(opts.password);

  await db.transaction(async (tx) => {
    await assertFree(
      tx,
      code,
      demoUsers.map((u) => u.username),
    );
    await tx.insert(tenants).values(org.tenant);
    await inChunks(org.units, columnCount(org.units), (c) => tx.insert(units).values(c));
    await inChunks(org.members, columnCount(org.members), (c) => tx.insert(members).values(c));
    await inChunks(org.memberships, columnCount(org.memberships), (c) =>
      tx.insert(memberships).values(c),
    );
    await inChunks(org.exemptions, columnCount(org.exemptions), (c) =>
      tx.insert(exemptions).values(c),
    );
    await inChunks(org.positions, columnCount(org.positions), (c) =>
      tx.insert(positions).values(c),
    );
    // Inserted in order, so each member's events get ascending seq numbers.
    await inChunks(org.memberEvents, columnCount(org.memberEvents), (c) =>
      tx.insert(memberEvents).values(c),
    );
    await tx.insert(users).values(
      demoUsers.map((u) => ({
        id: u.id,
        tenantId: u.tenantId,
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        memberId: u.memberId,
      })),
    );
    await tx.insert(grants).values(
      demoUsers.flatMap((u) =>
        u.grants.map((g) => ({
          id: g.id,
          tenantId: u.tenantId,
          userId: u.id,
          unitId: g.unitId,
          role: g.role,
        })),
      ),
    );
  });

  return {
    tenantId: org.tenant.id,
    code,
    logins: describeDemoLogins({ ...org, users: demoUsers }),
    counts: {
      grassroots: org.units.filter((u) => u.isGrassroots).length,
      cells: org.units.filter((u) => u.kind === "cell").length,
      members: org.members.length,
      units: org.units.length,
    },
  };
}

async function assertFree(tx: Tx, code: string, usernames: string[]): Promise<void> {
  const existing = await tx
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.code, code))
    .limit(1);
  if (existing.length > 0) {
    throw new Error(
      `A tenant with code "${code}" already exists: the demo was seeded before. Use another code, or remove that tenant first.`,
    );
  }
  const taken = await tx
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
  if (taken.length > 0) {
    throw new Error(
      `Demo usernames already in use: ${taken.map((t) => t.username).join(", ")}. Pass another usernamePrefix.`,
    );
  }
}
