import { describe, expect, it } from "vitest";
import Fastify from "fastify";
import { randomBytes } from "node:crypto";
import { sessions } from "../db/schema/index.js";
import { sessionIdOf } from "../modules/auth/auth.service.js";
import { testContext, TEST_NOW } from "#test/db";
import { createOrg, createUser } from "#test/factories";
import { registerErrorHandler } from "./error-handler.js";

describe("error handling", () => {
  it("maps a unique violation that slipped past the service check to 409 with the field", async () => {
    const app = Fastify({ logger: false });
    registerErrorHandler(app);
    app.get("/dup", () => {
      throw new Error("Failed query", {
        cause: Object.assign(new Error("duplicate key"), {
          code: "23505",
          constraint: "members_tenant_card_uq",
        }),
      });
    });
    app.get("/boom", () => {
      throw new Error("secret internals");
    });
    const dup = await app.inject({ method: "GET", url: "/dup" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      code: "card_number_taken",
      details: [{ path: "body.cardNumber" }],
    });
    const boom = await app.inject({ method: "GET", url: "/boom" });
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain("secret");
    expect(boom.json()).toMatchObject({ code: "internal_error" });
  });

  it("answers malformed JSON, unknown routes and wrong types with problem+json", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const admin = await createUser(database.db, org.tenantId, [{ role: "admin", unit: org.root }]);
    const malformed = await app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie: admin.cookie, "content-type": "application/json" },
      payload: "{ not json",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers["content-type"]).toMatch(/problem\+json/u);
    expect(malformed.json()).toMatchObject({ code: "validation_failed" });
    const unknown = await app.inject({
      method: "GET",
      url: "/api/v1/nothing-here",
      headers: { cookie: admin.cookie },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: "not_found" });
    const badId = await app.inject({
      method: "GET",
      url: "/api/v1/units/not-a-uuid",
      headers: { cookie: admin.cookie },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ details: [{ path: "params.id" }] });
    const wrongType = await app.inject({
      method: "PATCH",
      url: `/api/v1/units/${org.cellA1.id}`,
      headers: { cookie: admin.cookie },
      payload: { meetingDay: "ba" },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ details: [{ path: "body.meetingDay" }] });
  });

  it("ends sessions after the idle limit and after the absolute limit", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const user = await createUser(database.db, org.tenantId, [
      { role: "member", unit: org.cellA1 },
    ]);
    const now = new Date(TEST_NOW).getTime();
    const make = async (lastSeenAgoMin: number, expiresInMin: number) => {
      const token = randomBytes(32).toString("base64url");
      await database.db.insert(sessions).values({
        id: sessionIdOf(token),
        tenantId: org.tenantId,
        userId: user.id,
        createdAt: new Date(now - 600 * 60_000),
        lastSeenAt: new Date(now - lastSeenAgoMin * 60_000),
        expiresAt: new Date(now + expiresInMin * 60_000),
      });
      return `chibo_session=${token}`;
    };
    const fresh = await make(5, 60);
    const idle = await make(121, 60);
    const expired = await make(1, -1);
    const status = async (cookie: string) =>
      (await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } })).statusCode;
    expect(await status(fresh)).toBe(200);
    expect(await status(idle)).toBe(401);
    expect(await status(expired)).toBe(401);
  });
});
