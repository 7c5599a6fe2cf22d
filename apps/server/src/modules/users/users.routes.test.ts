import { describe, expect, it } from "vitest";
import { testContext } from "#test/db";
import { createOrg, createUser, uniq } from "#test/factories";

interface User {
  id: string;
  username: string;
  grants: { id: string; role: string; unitId: string }[];
}

describe("users and grants", () => {
  it("an administrator creates a user who can then log in with the granted role", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const admin = await createUser(database.db, org.tenantId, [{ role: "admin", unit: org.root }]);
    const username = uniq("bithu").replace("-", ".");
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { cookie: admin.cookie },
      payload: {
        username,
        displayName: "Bí thư A1",
        password: "mot-mat-khau-dai",
        memberId: org.people.an.id,
      },
    });
    expect(created.statusCode).toBe(201);
    const user = created.json<User>();
    const grant = await app.inject({
      method: "POST",
      url: `/api/v1/users/${user.id}/grants`,
      headers: { cookie: admin.cookie },
      payload: { unitId: org.cellA1.id, role: "cell_lead" },
    });
    expect(grant.json<User>().grants).toEqual([
      expect.objectContaining({ role: "cell_lead", unitId: org.cellA1.id }),
    ]);
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password: "mot-mat-khau-dai" },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({
      user: { mustChangePassword: true },
      grants: [{ role: "cell_lead" }],
    });

    const dup = await app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { cookie: admin.cookie },
      payload: { username, displayName: "Trùng", password: "mot-mat-khau-dai" },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      code: "username_taken",
      details: [{ path: "body.username" }],
    });

    const list = await app.inject({
      method: "GET",
      url: `/api/v1/users?q=${username}`,
      headers: { cookie: admin.cookie },
    });
    expect(list.json<{ items: User[] }>().items.map((u) => u.username)).toEqual([username]);

    const revoke = await app.inject({
      method: "DELETE",
      url: `/api/v1/users/${user.id}/grants/${grant.json<User>().grants[0]?.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(revoke.json<User>().grants).toEqual([]);

    const off = await app.inject({
      method: "PATCH",
      url: `/api/v1/users/${user.id}`,
      headers: { cookie: admin.cookie },
      payload: { active: false },
    });
    expect(off.json()).toMatchObject({ active: false });
    const blocked = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password: "mot-mat-khau-dai" },
    });
    expect(blocked.statusCode).toBe(401);
  });

  it("non-administrators cannot reach user management; scoped admins stay in their subtree", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/users",
      headers: { cookie: lead.cookie },
    });
    expect(res.statusCode).toBe(403);
    const create = await app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { cookie: lead.cookie },
      payload: { username: uniq("x"), displayName: "X", password: "mot-mat-khau-dai" },
    });
    expect(create.statusCode).toBe(403);

    const subAdmin = await createUser(database.db, org.tenantId, [
      { role: "admin", unit: org.dbA },
    ]);
    const outsider = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbB },
    ]);
    const insider = await createUser(database.db, org.tenantId, [
      { role: "member", unit: org.cellA2 },
    ]);
    const list = await app.inject({
      method: "GET",
      url: "/api/v1/users?pageSize=200",
      headers: { cookie: subAdmin.cookie },
    });
    const names = list.json<{ items: User[] }>().items.map((u) => u.username);
    expect(names).toContain(insider.username);
    expect(names).not.toContain(outsider.username);
    const grantOutside = await app.inject({
      method: "POST",
      url: `/api/v1/users/${insider.id}/grants`,
      headers: { cookie: subAdmin.cookie },
      payload: { unitId: org.dbB.id, role: "committee" },
    });
    expect(grantOutside.statusCode).toBe(404);
    const editOutsider = await app.inject({
      method: "PATCH",
      url: `/api/v1/users/${outsider.id}`,
      headers: { cookie: subAdmin.cookie },
      payload: { active: false },
    });
    expect(editOutsider.statusCode).toBe(404);
  });

  it("audit log shows every write with before and after, scoped by subtree", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellB1 },
    ]);
    await app.inject({
      method: "PATCH",
      url: `/api/v1/units/${org.cellB1.id}`,
      headers: { cookie: lead.cookie },
      payload: { meetingDay: 9 },
    });
    const board = await createUser(database.db, org.tenantId, [
      { role: "org_board", unit: org.root },
    ]);
    const inspectorA = await createUser(database.db, org.tenantId, [
      { role: "inspector", unit: org.dbA },
    ]);
    const all = await app.inject({
      method: "GET",
      url: `/api/v1/audit?entityId=${org.cellB1.id}`,
      headers: { cookie: board.cookie },
    });
    expect(all.statusCode).toBe(200);
    expect(all.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        action: "unit.update",
        before: expect.objectContaining({ meetingDay: 3 }),
        after: expect.objectContaining({ meetingDay: 9 }),
      }),
    ]);
    const scoped = await app.inject({
      method: "GET",
      url: `/api/v1/audit?entityId=${org.cellB1.id}`,
      headers: { cookie: inspectorA.cookie },
    });
    expect(scoped.json<{ items: unknown[] }>().items).toEqual([]);
    const denied = await app.inject({
      method: "GET",
      url: "/api/v1/audit",
      headers: { cookie: lead.cookie },
    });
    expect(denied.statusCode).toBe(403);
  });
});
