import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { LIMITS, SUPERVISION_CANDIDATES_MAX, type SupervisionCandidateDto } from "@chibo/domain";
import { captureQueries, testContext } from "#test/db";
import { createOrg, createUser, type TestUnit } from "#test/factories";
import { users } from "../../db/schema/index.js";

interface Problem {
  code: string;
  status: number;
  details?: { path: string; message: string }[];
}

async function get(unit: TestUnit, cookie: string | null, q?: string) {
  const { app } = await testContext();
  const query = q === undefined ? "" : `?q=${encodeURIComponent(q)}`;
  return app.inject({
    method: "GET",
    url: `/api/v1/units/${unit.id}/supervision-candidates${query}`,
    headers: cookie === null ? {} : { cookie },
  });
}

async function items(unit: TestUnit, cookie: string, q?: string) {
  const res = await get(unit, cookie, q);
  expect(res.statusCode).toBe(200);
  return res.json<{ items: SupervisionCandidateDto[] }>().items;
}

async function setup() {
  const ctx = await testContext();
  const db = ctx.database.db;
  const org = await createOrg(db);
  const named = async (
    displayName: string,
    grants: Parameters<typeof createUser>[2],
    extra: { active?: boolean } = {},
  ) => {
    const user = await createUser(db, org.tenantId, grants);
    await db
      .update(users)
      .set({ displayName, active: extra.active ?? true })
      .where(eq(users.id, user.id));
    return { ...user, displayName };
  };
  // Committee A's secretary: the one who assigns followers to cells A1 and A2.
  const secretary = await named("Đỗ Văn Thư", [{ role: "committee", unit: org.dbA }]);
  const staff = await named("Trần Thị Hường", [{ role: "supervisor", unit: org.dbA }]);
  // A committee member who is also a member of cell A1: may follow A2, never A1.
  const memberOfA1 = await named("Lê Văn Bảo", [
    { role: "committee", unit: org.dbA },
    { role: "member", unit: org.cellA1 },
  ]);
  const plainMember = await named("Hoàng Văn Hùng", [{ role: "member", unit: org.dbA }]);
  const lead = await named("Ngô Thị Hương Lan", [{ role: "cell_lead", unit: org.cellA1 }]);
  const gone = await named("Vũ Thị Hường", [{ role: "supervisor", unit: org.dbA }], {
    active: false,
  });
  // The bloc's organisation board: above committee A, but outside its secretary's subtree.
  const bloc = await named("Phan Văn Hưởng", [{ role: "org_board", unit: org.root }]);
  const otherCommittee = await named("Bùi Thị Hường", [{ role: "committee", unit: org.dbB }]);
  const admin = await named("Quản Trị Viên", [{ role: "admin", unit: org.root }]);
  return {
    ...ctx,
    db,
    org,
    named,
    secretary,
    staff,
    memberOfA1,
    plainMember,
    lead,
    gone,
    bloc,
    otherCommittee,
    admin,
  };
}

describe("GET /units/:id/supervision-candidates", () => {
  it("finds committee members and staff by folded name, with the grant that qualifies them", async () => {
    const s = await setup();
    for (const q of ["huong", "Hường", "HUONG", "tran thi huo"]) {
      const found = await items(s.org.dbA, s.secretary.cookie, q);
      expect(found, q).toEqual([
        {
          userId: s.staff.id,
          displayName: "Trần Thị Hường",
          username: s.staff.username,
          role: "supervisor",
          unitId: s.org.dbA.id,
          unitName: s.org.dbA.name,
        },
      ]);
    }
    // A word must start a word of the name: "uong" is inside "hường", not at its start.
    expect(await items(s.org.dbA, s.secretary.cookie, "uong")).toEqual([]);
    // Part of the username.
    expect(
      (await items(s.org.dbA, s.secretary.cookie, s.staff.username.slice(2))).map((c) => c.userId),
    ).toEqual([s.staff.id]);
  });

  it("lists the committee's own people by name, leaving out members, leads, inactive and other committees", async () => {
    const s = await setup();
    const all = await items(s.org.dbA, s.secretary.cookie);
    // By folded name: "do van thu" < "le van bao" < "tran thi huong".
    expect(all.map((c) => c.displayName)).toEqual(["Đỗ Văn Thư", "Lê Văn Bảo", "Trần Thị Hường"]);
    expect(all.map((c) => c.role)).toEqual(["committee", "committee", "supervisor"]);
    const ids = all.map((c) => c.userId);
    for (const left of [s.plainMember, s.lead, s.gone, s.bloc, s.otherCommittee, s.admin]) {
      expect(ids).not.toContain(left.id);
    }
  });

  it("names nobody whose only qualifying grants lie outside the caller's subtree", async () => {
    const s = await setup();
    // The bloc's board qualifies for committee A's cells, but its secretary cannot read the bloc.
    expect(await items(s.org.dbA, s.secretary.cookie, "huong")).not.toContainEqual(
      expect.objectContaining({ userId: s.bloc.id }),
    );
    // Someone who reads the bloc finds them, named by the bloc's grant; the deepest grant is shown.
    const both = await s.named("Đặng Thị Hường", [
      { role: "org_board", unit: s.org.root },
      { role: "inspector", unit: s.org.dbA },
    ]);
    const byAdmin = await items(s.org.dbA, s.admin.cookie, "huong");
    expect(byAdmin.map((c) => [c.displayName, c.role, c.unitId])).toEqual([
      ["Đặng Thị Hường", "inspector", s.org.dbA.id],
      ["Phan Văn Hưởng", "org_board", s.org.root.id],
      ["Trần Thị Hường", "supervisor", s.org.dbA.id],
    ]);
    expect(byAdmin.map((c) => c.userId)).toContain(both.id);
  });

  it("for one cell, follows the rule of an assignment: never an insider, and assignable", async () => {
    const s = await setup();
    const forA1 = await items(s.org.cellA1, s.secretary.cookie);
    const forA2 = await items(s.org.cellA2, s.secretary.cookie);
    expect(forA1.map((c) => c.userId)).not.toContain(s.memberOfA1.id);
    expect(forA2.map((c) => c.userId)).toContain(s.memberOfA1.id);
    expect(forA1.map((c) => c.userId).sort()).toEqual([s.secretary.id, s.staff.id].sort());
    // Every candidate offered can be assigned; the one left out is refused by the same rule.
    const { app } = await testContext();
    const assign = (userId: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/supervision-assignments",
        headers: { cookie: s.secretary.cookie },
        payload: { userId, unitId: s.org.cellA1.id, startsOn: "2026-03-01", visitsPerQuarter: 1 },
      });
    for (const c of forA1) expect((await assign(c.userId)).statusCode).toBe(201);
    const refused = await assign(s.memberOfA1.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>().details?.map((d) => d.path)).toEqual(["body.userId"]);
  });

  it("returns at most a page of people, first by name", async () => {
    const s = await setup();
    for (let i = 0; i < SUPERVISION_CANDIDATES_MAX + 2; i++) {
      await s.named(`Cán Bộ Số ${String(i).padStart(2, "0")}`, [
        { role: "supervisor", unit: s.org.dbA },
      ]);
    }
    const found = await items(s.org.dbA, s.secretary.cookie, "can bo");
    expect(found).toHaveLength(SUPERVISION_CANDIDATES_MAX);
    expect(found[0]?.displayName).toBe("Cán Bộ Số 00");
    expect(found.at(-1)?.displayName).toBe(`Cán Bộ Số ${SUPERVISION_CANDIDATES_MAX - 1}`);
  });

  it("is for those who may assign there: 401, 403 for the cell's own lead or staff, 404 outside", async () => {
    const s = await setup();
    expect((await get(s.org.dbA, null)).statusCode).toBe(401);
    // The cell's secretary reads the cell but holds nothing above it; the committee is not theirs.
    const own = await get(s.org.cellA1, s.lead.cookie);
    expect(own.statusCode).toBe(403);
    expect(own.json<Problem>().code).toBe("forbidden");
    expect((await get(s.org.dbA, s.lead.cookie)).statusCode).toBe(404);
    // Staff who follow cells do not assign.
    expect((await get(s.org.dbA, s.staff.cookie)).statusCode).toBe(403);
    // Another committee cannot even see committee A.
    expect((await get(s.org.dbA, s.otherCommittee.cookie)).statusCode).toBe(404);
    expect((await get(s.org.cellA1, s.otherCommittee.cookie)).statusCode).toBe(404);
  });

  it("refuses a search too long to be a name", async () => {
    const s = await setup();
    const res = await get(s.org.dbA, s.secretary.cookie, "x".repeat(LIMITS.name + 1));
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>()).toMatchObject({
      code: "validation_failed",
      details: [{ path: "querystring.q" }],
    });
  });

  it("is part of the OpenAPI document", async () => {
    const { app } = await testContext();
    const doc = await app.inject({ method: "GET", url: "/api/openapi.json" });
    const paths = doc.json<{
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    }>().paths;
    const op = paths["/api/v1/units/{id}/supervision-candidates"]?.get;
    expect(op?.parameters?.map((p) => p.name).sort()).toEqual(["id", "q"]);
  });

  it("names tenant_id in every statement, and never finds another tenant's people", async () => {
    const s = await setup();
    const other = await setup();
    const queries = await captureQueries(async () => {
      await items(s.org.cellA1, s.secretary.cookie, "huong");
    });
    const statements = queries.filter(
      (q) => !/^select .* from "sessions" inner join "users"/u.test(q),
    );
    expect(statements.length).toBeGreaterThan(1);
    expect(statements.filter((q) => !q.includes("tenant_id"))).toEqual([]);
    const found = await items(s.org.dbA, s.secretary.cookie, "huong");
    expect(found.map((c) => c.userId)).not.toContain(other.staff.id);
  });
});
