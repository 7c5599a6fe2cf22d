import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { DEFAULT_MEETING_RULES } from "@chibo/domain";
import { testContext } from "#test/db";
import { call } from "#test/http";
import { createOrg, createUser } from "#test/factories";
import { auditLog } from "../../db/schema/index.js";

describe("meeting rules per tenant", () => {
  it("starts from the national defaults; the administrator sets the province's own", async () => {
    const { database } = await testContext();
    const org = await createOrg(database.db);
    const admin = await createUser(database.db, org.tenantId, [{ role: "admin", unit: org.root }]);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const read = await call("GET", "/settings/meeting-rules", lead.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      effective: { programmeTarget: DEFAULT_MEETING_RULES.programmeTarget, quorumFraction: 2 / 3 },
      overrides: {},
      canConfigure: false,
    });

    const set = await call("PUT", "/settings/meeting-rules", admin.cookie, {
      programmeTarget: 0.9,
      postponeWithinMonth: false,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      effective: { programmeTarget: 0.9, postponeWithinMonth: false, regularMinMinutes: 90 },
      overrides: { programmeTarget: 0.9, postponeWithinMonth: false },
      canConfigure: true,
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, org.tenantId), eq(auditLog.action, "tenant.meeting_rules")));
    expect(audit).toHaveLength(1);

    // The rules drive the meetings: the lead's attendance target follows.
    const again = await call("GET", "/settings/meeting-rules", lead.cookie);
    expect(again.json()).toMatchObject({ effective: { programmeTarget: 0.9 } });
  });

  it("refuses non-administrators and inconsistent rules, naming the field", async () => {
    const { database } = await testContext();
    const org = await createOrg(database.db);
    const admin = await createUser(database.db, org.tenantId, [{ role: "admin", unit: org.root }]);
    const committee = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.root },
    ]);
    const denied = await call("PUT", "/settings/meeting-rules", committee.cookie, {
      programmeTarget: 0.5,
    });
    expect(denied.statusCode).toBe(403);
    const bad = await call("PUT", "/settings/meeting-rules", admin.cookie, {
      forumsPerYear: { min: 3, max: 1 },
      quorumFraction: 0,
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ details: { path: string }[] }>().details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(["body.forumsPerYear.min", "body.quorumFraction"]),
    );
  });
});

describe("document settings per tenant", () => {
  it("reads the locality from the tenant's name by default; the administrator sets the province's own", async () => {
    const { database } = await testContext();
    const org = await createOrg(database.db);
    const admin = await createUser(database.db, org.tenantId, [{ role: "admin", unit: org.root }]);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const read = await call("GET", "/settings/documents", lead.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      effective: { marginLeftMm: 30, marginRightMm: 15, numberColon: false },
      overrides: {},
      canConfigure: false,
    });

    const refused = await call("PUT", "/settings/documents", lead.cookie, { place: "Quảng Bình" });
    // The tenant's top unit lies outside a cell lead's subtree: reported as missing, like any such thing.
    expect(refused.statusCode).toBe(404);

    const bad = await call("PUT", "/settings/documents", admin.cookie, {
      marginLeftMm: 80,
      titleSizePt: 20,
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ details: { path: string }[] }>().details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["body.marginLeftMm", "body.titleSizePt"]));

    const set = await call("PUT", "/settings/documents", admin.cookie, {
      place: "Quảng Bình",
      marginLeftMm: 35,
      numberColon: true,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      effective: { place: "Quảng Bình", marginLeftMm: 35, marginTopMm: 20, numberColon: true },
      canConfigure: true,
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, org.tenantId), eq(auditLog.action, "tenant.document_settings")),
      );
    expect(audit).toHaveLength(1);
  });
});

describe("supervision rules per tenant", () => {
  it("starts from the defaults; the administrator sets the province's own", async () => {
    const { database } = await testContext();
    const org = await createOrg(database.db);
    const admin = await createUser(database.db, org.tenantId, [{ role: "admin", unit: org.root }]);
    const read = await call("GET", "/settings/supervision-rules", admin.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      effective: { reportDays: 3, signDays: 2, visitsPerQuarter: 1 },
      overrides: {},
      canConfigure: true,
    });
    const bad = await call("PUT", "/settings/supervision-rules", admin.cookie, { reportDays: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ details: { path: string }[] }>().details.map((d) => d.path)).toContain(
      "body.reportDays",
    );
    const set = await call("PUT", "/settings/supervision-rules", admin.cookie, {
      reportDays: 5,
      largeCellMembers: null,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      effective: { reportDays: 5, largeCellMembers: null, signDays: 2 },
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, org.tenantId), eq(auditLog.action, "tenant.supervision_rules")),
      );
    expect(audit.map((a) => a.after)).toEqual([{ reportDays: 5, largeCellMembers: null }]);

    // One group replaced leaves the others as they were.
    const rules = await call("PUT", "/settings/meeting-rules", admin.cookie, {
      programmeTarget: 0.9,
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const again = await call("GET", "/settings/supervision-rules", admin.cookie);
    expect(again.json()).toMatchObject({ overrides: { reportDays: 5, largeCellMembers: null } });

    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const refused = await call("PUT", "/settings/supervision-rules", lead.cookie, {
      reportDays: 1,
    });
    // The tenant's top unit lies outside the lead's subtree: reported as missing, nothing changed.
    expect(refused.statusCode).toBe(404);
    const seen = await call("GET", "/settings/supervision-rules", lead.cookie);
    expect(seen.json()).toMatchObject({ effective: { reportDays: 5 }, canConfigure: false });
  });
});
