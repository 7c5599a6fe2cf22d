import { eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../db/client.js";
import {
  agendaItems,
  attendance,
  exemptions,
  grants,
  meetingAgendas,
  meetingGuests,
  meetings,
  memberEvents,
  memberYearly,
  members,
  memberships,
  minutes,
  positions,
  postponements,
  resolutions,
  supervisionAssignments,
  taskAssignees,
  taskReviews,
  taskUpdates,
  tasks,
  tenants,
  thematicPlans,
  thematicTopics,
  units,
  users,
} from "../db/schema/index.js";
import { vnDate } from "../lib/clock.js";
import { hashPassword } from "../modules/auth/password.js";
import {
  DEMO_DEFAULT_SIZE,
  DEMO_TENANT_CODE,
  describeDemoLogins,
  generateOrganisation,
} from "./generate.js";
import type { DemoLogin } from "./generate.js";
import { seedDemoQuality } from "./quality.js";

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
  /**
   * ISO date the data describes; default today in Asia/Ho_Chi_Minh, so the two years of meetings
   * always end now.
   */
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
  counts: {
    grassroots: number;
    cells: number;
    members: number;
    units: number;
    meetings: number;
    postponements: number;
    attendance: number;
    guests: number;
    thematicPlans: number;
    thematicTopics: number;
    minutes: number;
    resolutions: number;
    tasks: number;
    yearly: number;
    scores: number;
    visits: number;
    /** The visitor as an upper-level guest of the meetings attended. */
    visitGuests: number;
    /** Attended visits whose report is overdue. */
    overdueReports: number;
  };
}

/** Rows per statement: bounded statements and memory, whatever the organisation's size. */
const CHUNK_ROWS = 5000;

/** The array type of a column: its SQL type without a collation ('text COLLATE "C"' → text). */
function elementType(column: { getSQLType(): string }): string {
  const type = column.getSQLType().replace(/\s+collate\s+.*$/iu, "");
  return type === "bigserial" ? "bigint" : type === "serial" ? "integer" : type;
}

/** Values go as text in array literals: dates as ISO instants, objects (jsonb) as JSON. */
function encode(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" ? JSON.stringify(value) : value;
}

/**
 * A column whose values repeat (tenant ids, unit paths, statuses, topics) is sent once per distinct
 * value plus an integer index per row; null when that would not make the statement smaller.
 */
function dictionary(
  values: readonly unknown[],
): { values: unknown[]; indexes: (number | null)[] } | null {
  const slots = new Map<unknown, number>();
  const indexes: (number | null)[] = [];
  for (const value of values) {
    if (value === null) {
      indexes.push(null);
      continue;
    }
    let slot = slots.get(value);
    if (slot === undefined) {
      slot = slots.size + 1;
      if (slot > values.length / 3) return null;
      slots.set(value, slot);
    }
    indexes.push(slot);
  }
  return { values: [...slots.keys()], indexes };
}

/**
 * Bulk insert as `INSERT … SELECT FROM unnest($1::type[], …)`: one bind parameter per column and chunk
 * (so PostgreSQL's 65,535-parameter limit never applies), no per-row query building, and repeated
 * values sent once per chunk. On PGlite the statement's size is what costs: a row of the attendance
 * roster goes in about 70 bytes instead of 300 as JSON. Column names and types come from the Drizzle
 * table, so a renamed column still maps; omitted columns take their defaults.
 */
async function insertRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns: Record<string, { name: string; getSQLType(): string }> = getTableColumns(table);
  const fields = Object.keys(first).map((key, i) => {
    const column = columns[key];
    if (column === undefined) throw new Error(`No column ${key} in the demo insert`);
    return { key, name: column.name, type: elementType(column), alias: sql.raw(`c${i}`) };
  });
  const list = sql.join(
    fields.map((f) => sql.identifier(f.name)),
    sql`, `,
  );
  const aliases = sql.join(
    fields.map((f) => f.alias),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const chunk: readonly Record<string, unknown>[] = rows.slice(i, i + CHUNK_ROWS);
    const arrays: SQL[] = [];
    const selects: SQL[] = [];
    for (const f of fields) {
      const values = chunk.map((row) => encode(row[f.key]));
      const type = sql.raw(f.type);
      const dict = dictionary(values);
      if (dict === null) {
        arrays.push(sql`${sql.param(values)}::${type}[]`);
        selects.push(sql`x.${f.alias}`);
      } else {
        arrays.push(sql`${sql.param(dict.indexes)}::integer[]`);
        selects.push(sql`(${sql.param(dict.values)}::${type}[])[x.${f.alias}]`);
      }
    }
    // Ordinality keeps the chunk's order, so bigserial columns (member_events.seq) follow it.
    await tx.execute(
      sql`insert into ${table} (${list}) select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) with ordinality as x(${aliases}, ord) order by x.ord`,
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
    today: opts.today ?? vnDate(new Date()),
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
    const m = org.meetings;
    await insertRows(tx, meetings, m.meetings);
    await insertRows(tx, postponements, m.postponements);
    await insertRows(tx, attendance, m.attendance);
    await insertRows(tx, meetingGuests, m.meetingGuests);
    await insertRows(tx, thematicPlans, m.thematicPlans);
    await insertRows(tx, thematicTopics, m.thematicTopics);
    const x = org.minutes;
    await insertRows(tx, meetingAgendas, x.agendas);
    await insertRows(tx, agendaItems, x.agendaItems);
    await insertRows(tx, minutes, x.minutes);
    await insertRows(tx, resolutions, x.resolutions);
    await insertRows(tx, tasks, x.tasks);
    await insertRows(tx, taskAssignees, x.taskAssignees);
    await insertRows(tx, taskUpdates, x.taskUpdates);
    await insertRows(tx, taskReviews, x.taskReviews);
    await insertRows(tx, memberYearly, x.memberYearly);
    await insertRows(tx, supervisionAssignments, x.supervisionAssignments);
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
  // Scores and visits of the demo committee's cells, measured from the rows written above (after the
  // statistics, so the evidence queries are planned well).
  const quality = await db.transaction((tx) =>
    seedDemoQuality(tx, {
      tenantId: org.tenant.id,
      code,
      seed: opts.seed ?? DEMO_SEED,
      today: opts.today ?? vnDate(new Date()),
      units: org.units,
      users: demoUsers,
      meetings: org.meetings.meetings,
    }),
  );

  return {
    tenantId: org.tenant.id,
    code,
    logins: describeDemoLogins({ ...org, users: demoUsers }),
    counts: {
      grassroots: org.units.filter((u) => u.isGrassroots).length,
      cells: org.units.filter((u) => u.kind === "cell").length,
      members: org.members.length,
      units: org.units.length,
      meetings: org.meetings.meetings.length,
      postponements: org.meetings.postponements.length,
      attendance: org.meetings.attendance.length,
      guests: org.meetings.meetingGuests.length,
      thematicPlans: org.meetings.thematicPlans.length,
      thematicTopics: org.meetings.thematicTopics.length,
      minutes: org.minutes.minutes.length,
      resolutions: org.minutes.resolutions.length,
      tasks: org.minutes.tasks.length,
      yearly: org.minutes.memberYearly.length,
      scores: quality.scores,
      visits: quality.visits,
      visitGuests: quality.guests,
      overdueReports: quality.overdueReports,
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
