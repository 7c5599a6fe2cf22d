import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testContext } from "#test/db";

// The calendar feed is fetched by calendar apps without a session: its secret token is the credential.
const PUBLIC = new Set([
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "GET /api/v1/calendar/{token}.ics",
]);

describe("every API route needs a session", () => {
  it("answers 401 problem+json to each route of the OpenAPI document without a cookie", async () => {
    const { app } = await testContext();
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/api/v1/"))
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
      .filter((r) => !PUBLIC.has(r));
    expect(routes.length).toBeGreaterThan(25);
    for (const route of routes) {
      const [method, path] = route.split(" ") as ["GET" | "POST" | "PATCH" | "DELETE", string];
      const res = await app.inject({
        method,
        url: path.replace(/\{[^}]+\}/gu, randomUUID()),
        ...(method === "GET" || method === "DELETE" ? {} : { payload: {} }),
      });
      // Validation may answer first for a malformed body; it must never be a 2xx or a 5xx.
      expect([400, 401], route).toContain(res.statusCode);
      if (res.statusCode === 401)
        expect(res.json(), route).toMatchObject({ code: "unauthenticated" });
    }
    const sample = await app.inject({ method: "GET", url: `/api/v1/members/${randomUUID()}` });
    expect(sample.statusCode).toBe(401);
  });
});
