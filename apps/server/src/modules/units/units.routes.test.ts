import { describe, expect, it } from "vitest";
import { eq, getTableColumns, getTableName, isTable } from "drizzle-orm";
import { testContext } from "#test/db";
import { createOrg, createUser, uniq } from "#test/factories";
import { auditLog, members, units } from "../../db/schema/index.js";
import * as schema from "../../db/schema/index.js";
import { PATH_COPIES } from "./units.repository.js";

type Json = Record<string, unknown>;

describe("units", () => {
  it("needs a session", async () => {
    const { app } = await testContext();
    const res = await app.inject({ method: "GET", url: "/api/v1/units" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: "unauthenticated" });
  });

  it("lists the caller's top units, then children with subtree member counts", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const committee = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const top = await app.inject({
      method: "GET",
      url: "/api/v1/units",
      headers: { cookie: committee.cookie },
    });
    expect(top.statusCode).toBe(200);
    const items = top.json<{ items: Json[] }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: org.dbA.id,
      memberCount: 3,
      childCount: 2,
      kind: "committee",
    });
    const kids = await app.inject({
      method: "GET",
      url: `/api/v1/units?parentId=${org.dbA.id}`,
      headers: { cookie: committee.cookie },
    });
    expect(kids.json<{ items: Json[] }>().items.map((u) => u.name)).toEqual([
      "Chi bộ Phòng A1",
      "Chi bộ Phòng A2",
    ]);
    // Outside the subtree: the sibling committee is invisible (404, not 403).
    const outside = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.dbB.id}`,
      headers: { cookie: committee.cookie },
    });
    expect(outside.statusCode).toBe(404);
  });

  it("shows a unit with its breadcrumbs limited to what the caller may see", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const admin = await createUser(database.db, org.tenantId, [{ role: "admin", unit: org.root }]);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const a = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.cellA1.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(a.json<{ ancestors: Json[] }>().ancestors.map((x) => x.id)).toEqual([
      org.root.id,
      org.dbA.id,
    ]);
    const l = await app.inject({
      method: "GET",
      url: `/api/v1/units/${org.cellA1.id}`,
      headers: { cookie: lead.cookie },
    });
    expect(l.statusCode).toBe(200);
    expect(l.json()).toMatchObject({
      can: {
        update: true,
        createChild: false,
        move: false,
        writeMembers: true,
        importMembers: true,
      },
    });
    expect(a.json()).toMatchObject({
      can: { update: true, createChild: true, move: true, deactivate: true },
    });
    expect(l.json<{ ancestors: Json[]; meetingDay: number }>()).toMatchObject({
      ancestors: [],
      meetingDay: 3,
    });
  });

  it("creates a child unit, checking level rules, code uniqueness and audit", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const committee = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const code = uniq("CB");
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie: committee.cookie },
      payload: {
        parentId: org.dbA.id,
        name: "Chi bộ Phòng A3",
        level: "cell",
        code,
        meetingDay: 5,
        unitType: "administrative",
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<{ id: string; path: string; kind: string; meetingDay: number }>();
    expect(created).toMatchObject({ kind: "cell", meetingDay: 5 });
    expect(created.path).toBe(`${org.dbA.path}${created.id}/`);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, created.id));
    expect(audit).toEqual([
      expect.objectContaining({ action: "unit.create", actorUserId: committee.id }),
    ]);

    const dup = await app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie: committee.cookie },
      payload: { parentId: org.dbA.id, name: "Chi bộ khác", level: "cell", code },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "unit_code_taken", details: [{ path: "body.code" }] });

    const badLevel = await app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie: committee.cookie },
      payload: { parentId: org.dbA.id, name: "Đảng ủy khối lạ", level: "bloc" },
    });
    expect(badLevel.statusCode).toBe(422);
    expect(badLevel.json()).toMatchObject({
      code: "unit_level_not_allowed",
      details: [{ path: "body.level" }],
    });

    const dayOnCommittee = await app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie: committee.cookie },
      payload: {
        parentId: org.dbA.id,
        name: "Đảng bộ bộ phận",
        level: "sub_committee",
        meetingDay: 3,
      },
    });
    expect(dayOnCommittee.statusCode).toBe(422);
    expect(dayOnCommittee.json()).toMatchObject({ details: [{ path: "body.meetingDay" }] });

    const outside = await app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie: committee.cookie },
      payload: { parentId: org.dbB.id, name: "Chi bộ ngoài", level: "cell" },
    });
    expect(outside.statusCode).toBe(404);
  });

  it("rejects bad input with every field named and writes nothing", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const admin = await createUser(database.db, org.tenantId, [{ role: "admin", unit: org.root }]);
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie: admin.cookie },
      payload: {
        parentId: "not-a-uuid",
        name: "x".repeat(500),
        level: "nation",
        meetingDay: 32,
        colour: "red",
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; details: { path: string; message: string }[] }>();
    expect(body.code).toBe("validation_failed");
    const paths = body.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "body.parentId",
        "body.name",
        "body.level",
        "body.meetingDay",
        "body.colour",
      ]),
    );
    const rows = await database.db.select().from(units).where(eq(units.tenantId, org.tenantId));
    expect(rows).toHaveLength(7);
  });

  it("a cell lead may register the meeting day but not create or move units", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const patch = await app.inject({
      method: "PATCH",
      url: `/api/v1/units/${org.cellA1.id}`,
      headers: { cookie: lead.cookie },
      payload: { meetingDay: 7, version: 1 },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({ meetingDay: 7, version: 2 });
    const stale = await app.inject({
      method: "PATCH",
      url: `/api/v1/units/${org.cellA1.id}`,
      headers: { cookie: lead.cookie },
      payload: { meetingDay: 8, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version" });
    const create = await app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie: lead.cookie },
      payload: { parentId: org.cellA1.id, name: "Tổ đảng 1", level: "group" },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json()).toMatchObject({ code: "forbidden" });
  });

  it("moves a subtree with its members, and refuses a move under its own descendant", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const admin = await createUser(database.db, org.tenantId, [{ role: "admin", unit: org.root }]);
    const move = await app.inject({
      method: "POST",
      url: `/api/v1/units/${org.cellA2.id}/move`,
      headers: { cookie: admin.cookie },
      payload: { parentId: org.dbB.id },
    });
    expect(move.statusCode).toBe(200);
    const newPath = `${org.dbB.path}${org.cellA2.id}/`;
    expect(move.json()).toMatchObject({ parentId: org.dbB.id, path: newPath });
    const [m] = await database.db.select().from(members).where(eq(members.id, org.people.anh.id));
    expect(m?.unitPath).toBe(newPath);

    const cycle = await app.inject({
      method: "POST",
      url: `/api/v1/units/${org.dbA.id}/move`,
      headers: { cookie: admin.cookie },
      payload: { parentId: org.cellA1.id },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json()).toMatchObject({
      code: "unit_cycle",
      details: [{ path: "body.parentId" }],
    });
    const self = await app.inject({
      method: "POST",
      url: `/api/v1/units/${org.dbA.id}/move`,
      headers: { cookie: admin.cookie },
      payload: { parentId: org.dbA.id },
    });
    expect(self.json()).toMatchObject({ code: "unit_cycle" });
    const level = await app.inject({
      method: "POST",
      url: `/api/v1/units/${org.cellA1.id}/move`,
      headers: { cookie: admin.cookie },
      payload: { parentId: org.root.id },
    });
    expect(level.json()).toMatchObject({ code: "unit_level_not_allowed" });
  });

  it("rewrites every copy of a unit's path on a move: no table with unit_path is forgotten", () => {
    // The audit log keeps the path each change was made under: it is history, not a copy.
    const withPath = Object.values(schema)
      .filter((t) => isTable(t))
      .filter((t) => t !== units && t !== members && t !== auditLog)
      .filter((t) => "unitPath" in getTableColumns(t))
      .map((t) => getTableName(t))
      .sort();
    expect(withPath.length).toBeGreaterThan(5);
    expect(PATH_COPIES.map((t) => getTableName(t)).sort()).toEqual(withPath);
  });

  it("deactivates only empty units and never deletes them", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const committee = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const busy = await app.inject({
      method: "POST",
      url: `/api/v1/units/${org.cellA1.id}/deactivate`,
      headers: { cookie: committee.cookie },
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ code: "unit_has_members" });
    const parent = await app.inject({
      method: "POST",
      url: `/api/v1/units/${org.dbA.id}/deactivate`,
      headers: { cookie: committee.cookie },
    });
    expect(parent.json()).toMatchObject({ code: "unit_has_active_children" });
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie: committee.cookie },
      payload: { parentId: org.dbA.id, name: "Chi bộ tạm", level: "cell" },
    });
    const id = created.json<{ id: string }>().id;
    const off = await app.inject({
      method: "POST",
      url: `/api/v1/units/${id}/deactivate`,
      headers: { cookie: committee.cookie },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false });
    const list = await app.inject({
      method: "GET",
      url: `/api/v1/units?parentId=${org.dbA.id}`,
      headers: { cookie: committee.cookie },
    });
    expect(list.json<{ items: Json[] }>().items.map((u) => u.id)).not.toContain(id);
    const all = await app.inject({
      method: "GET",
      url: `/api/v1/units?parentId=${org.dbA.id}&includeInactive=true`,
      headers: { cookie: committee.cookie },
    });
    expect(all.json<{ items: Json[] }>().items.map((u) => u.id)).toContain(id);
  });
});
