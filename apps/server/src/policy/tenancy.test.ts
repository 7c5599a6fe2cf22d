import { describe, expect, it } from "vitest";
import { captureQueries, testContext } from "#test/db";
import { createOrg, createUser, TEST_PASSWORD, uniq } from "#test/factories";
import { memberWorkbook, multipart } from "#test/xlsx";

/**
 * Every statement the API sends names tenant_id, so the schema can be distributed by tenant
 * (design: "every query filters on tenant_id"). The exceptions are the lookups that find the
 * tenant in the first place: a login by username and a session by its token hash.
 */
const BEFORE_TENANT_IS_KNOWN = [
  /^select .* from "users" where "users"\."username" = \$1/u,
  /^select .* from "sessions" inner join "users" .* where "sessions"\."id" = \$1/u,
  /^delete from "sessions" where "sessions"\."id" = \$1/u,
  /"login_failures"/u,
];

describe("tenancy", () => {
  it("every query the API sends filters on tenant_id", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const admin = await createUser(database.db, org.tenantId, [{ role: "admin", unit: org.root }]);
    const cookie = admin.cookie;
    const call = async (
      method: "GET" | "POST" | "PATCH" | "DELETE",
      url: string,
      payload?: object,
    ) => {
      const res = await app.inject({
        method,
        url,
        headers: { cookie },
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(400);
      return res;
    };
    const file = await memberWorkbook([
      { fullName: "Mai Văn Tùng", gender: "Nam", birthDate: "02/02/1982", joinDate: "03/03/2008" },
    ]);
    const queries = await captureQueries(async () => {
      await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: admin.username, password: TEST_PASSWORD },
      });
      await call("GET", "/api/v1/me");
      await call("GET", "/api/v1/units");
      await call("GET", `/api/v1/units?parentId=${org.root.id}`);
      await call("GET", "/api/v1/units/options?kind=cell");
      await call("GET", `/api/v1/units/${org.cellA1.id}`);
      const unit = await call("POST", "/api/v1/units", {
        parentId: org.dbA.id,
        name: "Chi bộ mới",
        level: "cell",
        code: uniq("c"),
      });
      const unitId = unit.json<{ id: string }>().id;
      await call("PATCH", `/api/v1/units/${unitId}`, { meetingDay: 5 });
      await call("POST", `/api/v1/units/${unitId}/move`, { parentId: org.dbB.id });
      await call("POST", `/api/v1/units/${unitId}/deactivate`);
      await call("GET", "/api/v1/members?q=an&status=all&exempt=no");
      const m = await call("POST", "/api/v1/members", {
        unitId: org.cellA1.id,
        fullName: "Lò Văn Pá",
        gender: "male",
        birthDate: "1990-01-01",
        joinDate: "2025-06-01",
      });
      const id = m.json<{ id: string }>().id;
      await call("GET", `/api/v1/members/${id}`);
      await call("PATCH", `/api/v1/members/${id}`, { phone: "0911111111", version: 1 });
      await call("POST", `/api/v1/members/${id}/official`, { officialDate: "2026-06-01" });
      const ex = await call("POST", `/api/v1/members/${id}/exemptions`, {
        from: "2026-07-01",
        reason: "Ốm",
      });
      const exemptionId = ex.json<{ exemptions: { id: string }[] }>().exemptions[0]?.id ?? "";
      await call("POST", `/api/v1/members/${id}/exemptions/${exemptionId}/end`, {
        to: "2026-08-01",
      });
      const pos = await call("POST", `/api/v1/members/${id}/positions`, {
        unitId: org.cellA1.id,
        title: "cell_committee_member",
        from: "2026-09-01",
      });
      const positionId = pos.json<{ positions: { id: string }[] }>().positions[0]?.id ?? "";
      await call("POST", `/api/v1/members/${id}/positions/${positionId}/end`, { to: "2026-10-01" });
      await call("POST", `/api/v1/members/${id}/transfer`, {
        toUnitId: org.cellA2.id,
        date: "2026-11-01",
      });
      await call("POST", `/api/v1/members/${id}/leave`, {
        kind: "transferred_out",
        date: "2026-11-20",
      });
      await call("GET", `/api/v1/members/${id}/history`);
      await app.inject({
        method: "POST",
        url: `/api/v1/members/import?unitId=${org.cellA1.id}`,
        headers: { cookie, ...multipart(file).headers },
        payload: multipart(file).payload,
      });
      await call("GET", `/api/v1/members/export?unitId=${org.dbA.id}`);
      const u = await call("POST", "/api/v1/users", {
        username: uniq("nguoi"),
        displayName: "Người mới",
        password: "mot-mat-khau-dai",
      });
      const userId = u.json<{ id: string }>().id;
      const g = await call("POST", `/api/v1/users/${userId}/grants`, {
        unitId: org.cellB1.id,
        role: "member",
      });
      const grantId = g.json<{ grants: { id: string }[] }>().grants[0]?.id ?? "";
      await call("DELETE", `/api/v1/users/${userId}/grants/${grantId}`);
      await call("PATCH", `/api/v1/users/${userId}`, { active: false });
      await call("GET", "/api/v1/users?q=nguoi");
      await call("GET", "/api/v1/audit");
      await call("POST", "/api/v1/auth/logout");
    });
    const statements = queries.filter(
      (q) => !/^(begin|commit|rollback|analyze|savepoint|release)/iu.test(q.trim()),
    );
    expect(statements.length).toBeGreaterThan(60);
    const leaks = statements.filter(
      (q) => !q.includes("tenant_id") && !BEFORE_TENANT_IS_KNOWN.some((re) => re.test(q)),
    );
    expect(leaks).toEqual([]);
  });
});
