import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import {
  childPath,
  personSearchText,
  isGrassrootsLevel,
  kindOfLevel,
  nameSortKey,
  type Role,
  type UnitLevel,
} from "@chibo/domain";
import type { Db } from "../src/db/client.js";
import {
  grants,
  members,
  memberships,
  sessions,
  tenants,
  units,
  users,
} from "../src/db/schema/index.js";
import { sessionIdOf } from "../src/modules/auth/auth.service.js";
import { hashPassword } from "../src/modules/auth/password.js";
import { TEST_NOW } from "./db.js";

export interface TestUnit {
  id: string;
  path: string;
  level: UnitLevel;
  name: string;
}

let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "mat-khau-thu-nghiem";
function testHash() {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export function uniq(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/** A tenant with its top unit (a bloc committee). */
export async function createTenant(db: Db, name = "Đảng bộ Khối thử nghiệm") {
  const id = randomUUID();
  await db.insert(tenants).values({ id, tenantId: id, name, code: uniq("t") });
  const root = await createUnit(db, id, null, "bloc", name);
  return { tenantId: id, root };
}

export async function createUnit(
  db: Db,
  tenantId: string,
  parent: TestUnit | null,
  level: UnitLevel,
  name: string,
  extra: { meetingDay?: number; code?: string } = {},
): Promise<TestUnit> {
  const id = randomUUID();
  const path = childPath(parent?.path ?? null, id);
  await db.insert(units).values({
    id,
    tenantId,
    parentId: parent?.id ?? null,
    path,
    name,
    code: extra.code ?? null,
    kind: kindOfLevel(level),
    level,
    isGrassroots: isGrassrootsLevel(level),
    meetingDay: extra.meetingDay ?? (kindOfLevel(level) === "cell" ? 3 : null),
  });
  return { id, path, level, name };
}

export async function createMember(
  db: Db,
  tenantId: string,
  cell: TestUnit,
  fullName: string,
  extra: { cardNumber?: string; official?: boolean; birthDate?: string; joinDate?: string } = {},
) {
  const id = randomUUID();
  const joinDate = extra.joinDate ?? "2015-05-19";
  const official = extra.official ?? true;
  await db.insert(members).values({
    id,
    tenantId,
    unitId: cell.id,
    unitPath: cell.path,
    fullName,
    sortKey: nameSortKey(fullName),
    searchText: personSearchText(fullName, extra.cardNumber),
    gender: "male",
    birthDate: extra.birthDate ?? "1985-02-03",
    joinDate,
    officialDate: official ? "2016-05-19" : null,
    status: official ? "official" : "probationary",
    cardNumber: extra.cardNumber ?? null,
  });
  await db
    .insert(memberships)
    .values({ tenantId, memberId: id, unitId: cell.id, fromDate: joinDate });
  return { id, fullName };
}

/** A user with grants and an open session: returns the cookie header to send. */
export async function createUser(
  db: Db,
  tenantId: string,
  roleGrants: { role: Role; unit: TestUnit }[],
  username = uniq("u"),
  extra: { memberId?: string } = {},
) {
  const id = randomUUID();
  await db.insert(users).values({
    id,
    tenantId,
    username,
    memberId: extra.memberId ?? null,
    displayName: `Người dùng ${username}`,
    passwordHash: await testHash(),
  });
  if (roleGrants.length > 0) {
    await db
      .insert(grants)
      .values(roleGrants.map((g) => ({ tenantId, userId: id, unitId: g.unit.id, role: g.role })))
      .onConflictDoNothing();
  }
  const token = randomBytes(32).toString("base64url");
  const now = new Date(TEST_NOW);
  await db.insert(sessions).values({
    id: sessionIdOf(token),
    tenantId,
    userId: id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 12 * 3_600_000),
  });
  return { id, username, cookie: `chibo_session=${token}` };
}

/**
 * A small organisation: bloc → two grassroots committees (two cells each) and one grassroots cell,
 * with members in every cell.
 */
export async function createOrg(db: Db) {
  const { tenantId, root } = await createTenant(db);
  const dbA = await createUnit(db, tenantId, root, "grassroots_committee", "Đảng bộ Sở A");
  const dbB = await createUnit(db, tenantId, root, "grassroots_committee", "Đảng bộ Sở B");
  const cellA1 = await createUnit(db, tenantId, dbA, "cell", "Chi bộ Phòng A1");
  const cellA2 = await createUnit(db, tenantId, dbA, "cell", "Chi bộ Phòng A2");
  const cellB1 = await createUnit(db, tenantId, dbB, "cell", "Chi bộ Phòng B1");
  const cellC = await createUnit(db, tenantId, root, "grassroots_cell", "Chi bộ Báo C");
  const people = {
    an: await createMember(db, tenantId, cellA1, "Nguyễn Văn An", { cardNumber: uniq("c") }),
    binh: await createMember(db, tenantId, cellA1, "Trần Thị Bình"),
    anh: await createMember(db, tenantId, cellA2, "Lê Hoàng Anh"),
    dung: await createMember(db, tenantId, cellB1, "Phạm Văn Dũng"),
    duc: await createMember(db, tenantId, cellC, "Võ Minh Đức"),
  };
  return { tenantId, root, dbA, dbB, cellA1, cellA2, cellB1, cellC, people };
}

/**
 * Moves the shared clock and keeps every session of the tenant alive at the new time (sessions
 * expire after 2 idle hours, which any jump of the clock would otherwise trigger).
 */
export async function travel(
  ctx: { clock: { set(iso: string): void }; database: { db: Db } },
  tenantId: string,
  iso: string,
) {
  ctx.clock.set(iso);
  const now = new Date(iso);
  await ctx.database.db
    .update(sessions)
    .set({ lastSeenAt: now, createdAt: now, expiresAt: new Date(now.getTime() + 12 * 3_600_000) })
    .where(eq(sessions.tenantId, tenantId));
}
