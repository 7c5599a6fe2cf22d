import { describe, expect, it } from "vitest";
import { testContext } from "#test/db";
import { createOrg, createUser, TEST_PASSWORD, uniq } from "#test/factories";

function cookieOf(setCookie: string | string[] | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (first ?? "").split(";")[0] ?? "";
}

describe("auth", () => {
  it("logs in, reads /me with grants and actions, and logs out", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const user = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: user.username.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = res.headers["set-cookie"];
    expect(String(setCookie)).toMatch(/HttpOnly/u);
    expect(String(setCookie)).toMatch(/SameSite=Lax/u);
    const cookie = cookieOf(setCookie);
    const me = await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const body = me.json<{ grants: { role: string; unitId: string }[]; actions: string[] }>();
    expect(body.grants).toEqual([
      expect.objectContaining({ role: "cell_lead", unitId: org.cellA1.id }),
    ]);
    expect(body.actions).toContain("member.write");
    expect(body.actions).not.toContain("user.manage");

    const out = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.headers["content-type"]).toMatch(/application\/problem\+json/u);
    expect(after.json()).toMatchObject({ code: "unauthenticated" });
  });

  it("rejects a wrong password without telling which part was wrong", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const user = await createUser(database.db, org.tenantId, [
      { role: "member", unit: org.cellA1 },
    ]);
    for (const username of [user.username, uniq("nobody")]) {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username, password: "sai-mat-khau-roi" },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: "invalid_credentials" });
    }
  });

  it("throttles a username after repeated failures, even with the right password", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const user = await createUser(database.db, org.tenantId, [
      { role: "member", unit: org.cellA1 },
    ]);
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: user.username, password: `wrong-${i}-password` },
      });
      expect(res.statusCode).toBe(401);
    }
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: "too_many_attempts" });
  });

  it("validates the login body: unknown fields and missing fields are named", async () => {
    const { app } = await testContext();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "a", password: "b", admin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "validation_failed",
      details: [expect.objectContaining({ path: "body.admin" })],
    });
    const missing = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: {} });
    expect(missing.statusCode).toBe(400);
    const paths = missing.json<{ details: { path: string }[] }>().details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["body.username", "body.password"]));
  });

  it("changes the password: wrong current password refused, new one works, others logged out", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const user = await createUser(database.db, org.tenantId, [
      { role: "member", unit: org.cellA1 },
    ]);
    const other = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const otherCookie = cookieOf(other.headers["set-cookie"]);
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: { cookie: user.cookie },
      payload: { currentPassword: "khong-dung-dau", newPassword: "mat-khau-moi-2026" },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({
      code: "wrong_password",
      details: [{ path: "body.currentPassword" }],
    });
    const short = await app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: { cookie: user.cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: "ngan" },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ details: [{ path: "body.newPassword" }] });
    const ok = await app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: { cookie: user.cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: "mat-khau-moi-2026" },
    });
    expect(ok.statusCode).toBe(204);
    const stale = await app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { cookie: otherCookie },
    });
    expect(stale.statusCode).toBe(401);
    const still = await app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { cookie: user.cookie },
    });
    expect(still.statusCode).toBe(200);
    const relogin = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: user.username, password: "mat-khau-moi-2026" },
    });
    expect(relogin.statusCode).toBe(200);
  });

  it("answers health and serves the OpenAPI document", async () => {
    const { app } = await testContext();
    const health = await app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: "ok" });
    const doc = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining(["/api/v1/auth/login", "/api/v1/me", "/api/v1/members"]),
    );
    const docs = await app.inject({ method: "GET", url: "/api/docs" });
    expect([200, 302]).toContain(docs.statusCode);
  });
});
