import { eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
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

/** Rows per statement: bounded statements and memory, whatever the organisation's size. */
const CHUNK_ROWS = 2000;

/**
 * Bulk insert as `INSERT … SELECT FROM json_populate_recordset($1)`: one bind parameter per chunk
 * (so PostgreSQL's 65,535-parameter limit never applies) and no per-row query building, which for
 * thousands of rows costs Drizzle as much time as the database spends inserting them. Column names
 * come from the Drizzle table, so a renamed column still maps; omitted columns take their defaults.
 */
async function insertRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns: Record<string, { name: string }> = getTableColumns(table);
  const names = new Map<string, string>();
  for (const key of Object.keys(first)) {
    const column = columns[key];
    if (column === undefined) throw new Error(`No column ${key} in the demo insert`);
    names.set(key, column.name);
  }
  const list = sql.join(
    [...names.values()].map((n) => sql.identifier(n)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const chunk = rows
      .slice(i, i + CHUNK_ROWS)
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [names.get(key) ?? key, value]),
        ),
      );
    // Ordinality keeps the array's order, so bigserial columns (member_events.seq) follow it.
    await tx.execute(
      sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::json) with ordinality as r order by r.ordinality`,
    );
  }
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
    await insertRows(tx, units, org.units);
    await insertRows(tx, members, org.members);
    await insertRows(tx, memberships, org.memberships);
    await insertRows(tx, exemptions, org.exemptions);
    await insertRows(tx, positions, org.positions);
    // In order, so each member's events get ascending seq numbers.
    await insertRows(tx, memberEvents, org.memberEvents);
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
  // Statistics and the visibility map after a bulk load (PGlite runs no autovacuum): without them
  // the planner prefers sequential scans over the search index.
  await db.execute(sql`vacuum analyze`);

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
      `Đã có đơn vị quản lý mã "${code}": dữ liệu mẫu đã được tạo trước đó (A tenant with code "${code}" already exists).`,
    );
  }
  const taken = await tx
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
  if (taken.length > 0) {
    throw new Error(
      `Tên đăng nhập mẫu đã được dùng (demo usernames already in use): ${taken.map((t) => t.username).join(", ")}`,
    );
  }
}
