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
  positions,
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

/** The member's own account: a plain member of `unit`, signed in. */
export function createMemberUser(db: Db, tenantId: string, unit: TestUnit, memberId: string) {
  return createUser(db, tenantId, [{ role: "member", unit }], undefined, { memberId });
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

export type TestOrg = Awaited<ReturnType<typeof createOrg>>;

/**
 * The accounts most route tests act with: Cell A1's lead, a committee member of Sở A, Cell B1's
 * lead (a stranger to A1) and Bình's own account in A1.
 */
export async function createOrgUsers(db: Db, org: TestOrg) {
  const t = org.tenantId;
  const lead = await createUser(db, t, [{ role: "cell_lead", unit: org.cellA1 }]);
  const committee = await createUser(db, t, [{ role: "committee", unit: org.dbA }]);
  const otherLead = await createUser(db, t, [{ role: "cell_lead", unit: org.cellB1 }]);
  const binh = await createMemberUser(db, t, org.cellA1, org.people.binh.id);
  return { lead, committee, otherLead, binh };
}

/** Two more members of Cell A1 for a meeting's record: Chí, official, and Trẻ, probationary. */
export async function createChiAndYoung(db: Db, org: TestOrg) {
  const chi = await createMember(db, org.tenantId, org.cellA1, "Lê Văn Chí");
  const young = await createMember(db, org.tenantId, org.cellA1, "Lý Thị Trẻ", {
    official: false,
    joinDate: "2025-12-01",
  });
  return { chi, young };
}

/** An, secretary of Cell A1 since 2020. */
export async function appointAnSecretary(db: Db, org: TestOrg) {
  await db.insert(positions).values({
    tenantId: org.tenantId,
    memberId: org.people.an.id,
    unitId: org.cellA1.id,
    title: "secretary",
    fromDate: "2020-01-01",
  });
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
