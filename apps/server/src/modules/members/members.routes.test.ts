import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testContext } from "#test/db";
import { createMember, createOrg, createUser, uniq } from "#test/factories";
import { memberWorkbook, multipart, readWorkbook } from "#test/xlsx";
import { auditLog, members, memberships } from "../../db/schema/index.js";

interface Page {
  items: {
    fullName: string;
    cardNumber: string | null;
    birthYear: number | null;
    exempt: boolean;
    positions: string[];
    status: string;
  }[];
  total: number;
}

const validMember = {
  fullName: "Hoàng Thị Lan",
  gender: "female",
  birthDate: "1990-04-12",
  joinDate: "2014-09-02",
  officialDate: "2015-09-02",
};

describe("members: list and search", () => {
  it("lists in Vietnamese name order and finds a member by an unaccented name", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    await createMember(database.db, org.tenantId, org.cellA1, "Đỗ Văn Ân");
    await createMember(database.db, org.tenantId, org.cellA1, "Bùi Thị Ăn");
    await createMember(database.db, org.tenantId, org.cellA1, "Lê Văn An");
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/members",
      headers: { cookie: lead.cookie },
    });
    expect(res.statusCode).toBe(200);
    const page = res.json<Page>();
    // Given name first (An < Ăn < Ân < Bình), then family name (Lê < Nguyễn).
    expect(page.items.map((m) => m.fullName)).toEqual([
      "Lê Văn An",
      "Nguyễn Văn An",
      "Bùi Thị Ăn",
      "Đỗ Văn Ân",
      "Trần Thị Bình",
    ]);
    const found = await app.inject({
      method: "GET",
      url: `/api/v1/members?q=${encodeURIComponent("nguyen van an")}`,
      headers: { cookie: lead.cookie },
    });
    expect(found.json<Page>().items.map((m) => m.fullName)).toEqual(["Nguyễn Văn An"]);
    const word = await app.inject({
      method: "GET",
      url: "/api/v1/members?q=AN%20nguyen",
      headers: { cookie: lead.cookie },
    });
    expect(word.json<Page>().total).toBe(1);
  });

  it("never lists members outside the caller's subtree", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const committee = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/members?pageSize=200",
      headers: { cookie: committee.cookie },
    });
    expect(
      res
        .json<Page>()
        .items.map((m) => m.fullName)
        .sort(),
    ).toEqual(["Lê Hoàng Anh", "Nguyễn Văn An", "Trần Thị Bình"].sort());
    const other = await app.inject({
      method: "GET",
      url: `/api/v1/members?unitId=${org.dbB.id}`,
      headers: { cookie: committee.cookie },
    });
    expect(other.statusCode).toBe(404);
    const single = await app.inject({
      method: "GET",
      url: `/api/v1/members/${org.people.dung.id}`,
      headers: { cookie: committee.cookie },
    });
    expect(single.statusCode).toBe(404);
  });

  it("hides private fields from plain members but shows them to cell leads", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const member = await createUser(database.db, org.tenantId, [
      { role: "member", unit: org.cellA1 },
    ]);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const asMember = await app.inject({
      method: "GET",
      url: `/api/v1/members/${org.people.an.id}`,
      headers: { cookie: member.cookie },
    });
    expect(asMember.json()).toMatchObject({
      fullName: "Nguyễn Văn An",
      birthDate: null,
      cardNumber: null,
      phone: null,
    });
    const asLead = await app.inject({
      method: "GET",
      url: `/api/v1/members/${org.people.an.id}`,
      headers: { cookie: lead.cookie },
    });
    expect(asLead.json()).toMatchObject({
      birthDate: "1985-02-03",
      can: { write: true, readPrivate: true },
    });
    expect(asMember.json()).toMatchObject({ can: { write: false, readPrivate: false } });
    expect(asLead.json<{ cardNumber: string }>().cardNumber).toMatch(/^c-/u);
    const list = await app.inject({
      method: "GET",
      url: "/api/v1/members",
      headers: { cookie: member.cookie },
    });
    expect(
      list.json<Page>().items.every((m) => m.birthYear === null && m.cardNumber === null),
    ).toBe(true);
    const history = await app.inject({
      method: "GET",
      url: `/api/v1/members/${org.people.an.id}/history`,
      headers: { cookie: member.cookie },
    });
    expect(history.statusCode).toBe(403);
  });

  it("filters by status, exemption and paginates", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    for (let i = 0; i < 12; i++) {
      await createMember(
        database.db,
        org.tenantId,
        org.cellA1,
        `Phan Văn Tư ${String(i).padStart(2, "0")}`,
        { official: i % 3 !== 0 },
      );
    }
    const probationary = await app.inject({
      method: "GET",
      url: "/api/v1/members?status=probationary",
      headers: { cookie: lead.cookie },
    });
    expect(probationary.json<Page>().total).toBe(4);
    expect(probationary.json<Page>().items.every((m) => m.status === "probationary")).toBe(true);
    const page2 = await app.inject({
      method: "GET",
      url: "/api/v1/members?page=2&pageSize=5",
      headers: { cookie: lead.cookie },
    });
    expect(page2.json<Page>()).toMatchObject({ total: 14, page: 2, pageSize: 5 });
    expect(page2.json<Page>().items).toHaveLength(5);
    const exempt = await app.inject({
      method: "POST",
      url: `/api/v1/members/${org.people.binh.id}/exemptions`,
      headers: { cookie: lead.cookie },
      payload: { from: "2026-01-01", reason: "Ốm đau dài ngày" },
    });
    expect(exempt.statusCode).toBe(200);
    const onlyExempt = await app.inject({
      method: "GET",
      url: "/api/v1/members?exempt=yes",
      headers: { cookie: lead.cookie },
    });
    expect(onlyExempt.json<Page>().items.map((m) => m.fullName)).toEqual(["Trần Thị Bình"]);
    const notExempt = await app.inject({
      method: "GET",
      url: "/api/v1/members?exempt=no",
      headers: { cookie: lead.cookie },
    });
    expect(notExempt.json<Page>().total).toBe(13);
    const badPage = await app.inject({
      method: "GET",
      url: "/api/v1/members?pageSize=100000",
      headers: { cookie: lead.cookie },
    });
    expect(badPage.statusCode).toBe(400);
    expect(badPage.json()).toMatchObject({ details: [{ path: "querystring.pageSize" }] });
  });
});

describe("members: registry commands", () => {
  it("creates a member with derived fields, membership, history and audit", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const card = uniq("9");
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/members",
      headers: { cookie: lead.cookie },
      payload: {
        ...validMember,
        unitId: org.cellA1.id,
        cardNumber: card.replace(/[^0-9a-z]/gu, ""),
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<{ id: string; status: string; unitName: string }>();
    expect(created).toMatchObject({ status: "official", unitName: "Chi bộ Phòng A1" });
    const [row] = await database.db.select().from(members).where(eq(members.id, created.id));
    expect(row?.searchText).toContain("hoang thi lan");
    const ms = await database.db
      .select()
      .from(memberships)
      .where(eq(memberships.memberId, created.id));
    expect(ms).toEqual([
      expect.objectContaining({ unitId: org.cellA1.id, fromDate: "2014-09-02", toDate: null }),
    ]);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "member.create")));
    expect(audit).toHaveLength(1);
  });

  it("refuses a duplicate card number, a non-cell unit, impossible dates and unknown fields", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const committee = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const [an] = await database.db.select().from(members).where(eq(members.id, org.people.an.id));
    const dup = await app.inject({
      method: "POST",
      url: "/api/v1/members",
      headers: { cookie: committee.cookie },
      payload: { ...validMember, unitId: org.cellA2.id, cardNumber: an?.cardNumber },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      code: "card_number_taken",
      details: [{ path: "body.cardNumber" }],
    });
    const notCell = await app.inject({
      method: "POST",
      url: "/api/v1/members",
      headers: { cookie: committee.cookie },
      payload: { ...validMember, unitId: org.dbA.id },
    });
    expect(notCell.statusCode).toBe(422);
    expect(notCell.json()).toMatchObject({
      code: "not_a_cell",
      details: [{ path: "body.unitId" }],
    });
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/members",
      headers: { cookie: committee.cookie },
      payload: {
        ...validMember,
        unitId: org.cellA2.id,
        birthDate: "1990-02-30",
        joinDate: 2014,
        fullName: "x".repeat(121),
        role: "boss",
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json<{ details: { path: string; message: string }[] }>()
      .details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(["body.birthDate", "body.joinDate", "body.fullName", "body.role"]),
    );
    const count = await database.db
      .select()
      .from(members)
      .where(eq(members.tenantId, org.tenantId));
    expect(count).toHaveLength(5);
    const outside = await app.inject({
      method: "POST",
      url: "/api/v1/members",
      headers: { cookie: committee.cookie },
      payload: { ...validMember, unitId: org.cellB1.id },
    });
    expect(outside.statusCode).toBe(404);
  });

  it("edits with optimistic versioning and refuses a plain member", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const plain = await createUser(database.db, org.tenantId, [
      { role: "member", unit: org.cellA1 },
    ]);
    const ok = await app.inject({
      method: "PATCH",
      url: `/api/v1/members/${org.people.binh.id}`,
      headers: { cookie: lead.cookie },
      payload: { fullName: "Trần Thị Bích", phone: "0912345678", version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ fullName: "Trần Thị Bích", phone: "0912345678", version: 2 });
    const stale = await app.inject({
      method: "PATCH",
      url: `/api/v1/members/${org.people.binh.id}`,
      headers: { cookie: lead.cookie },
      payload: { phone: "0900000000", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version" });
    const forbidden = await app.inject({
      method: "PATCH",
      url: `/api/v1/members/${org.people.binh.id}`,
      headers: { cookie: plain.cookie },
      payload: { phone: "0900000000", version: 2 },
    });
    expect(forbidden.statusCode).toBe(403);
    const order = await app.inject({
      method: "PATCH",
      url: `/api/v1/members/${org.people.binh.id}`,
      headers: { cookie: lead.cookie },
      payload: { joinDate: "1980-01-01", version: 2 },
    });
    expect(order.statusCode).toBe(422);
    expect(order.json()).toMatchObject({ details: [{ path: "body.joinDate" }] });
  });

  it("makes a probationary member official, exempts, transfers and records the history", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const committee = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const p = await createMember(database.db, org.tenantId, org.cellA1, "Ngô Thị Mai", {
      official: false,
      joinDate: "2025-03-01",
    });
    const early = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/official`,
      headers: { cookie: committee.cookie },
      payload: { officialDate: "2024-01-01" },
    });
    expect(early.statusCode).toBe(422);
    const official = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/official`,
      headers: { cookie: committee.cookie },
      payload: { officialDate: "2026-03-01" },
    });
    expect(official.json()).toMatchObject({ status: "official", officialDate: "2026-03-01" });
    const again = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/official`,
      headers: { cookie: committee.cookie },
      payload: { officialDate: "2026-03-02" },
    });
    expect(again.statusCode).toBe(409);

    const ex = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/exemptions`,
      headers: { cookie: committee.cookie },
      payload: { from: "2026-03-05", to: "2026-09-30", reason: "Điều trị dài ngày" },
    });
    expect(ex.statusCode).toBe(200);
    const overlap = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/exemptions`,
      headers: { cookie: committee.cookie },
      payload: { from: "2026-09-01", reason: "Trùng" },
    });
    expect(overlap.statusCode).toBe(422);
    const exemptionId = ex.json<{ exemptions: { id: string }[] }>().exemptions[0]?.id;
    const ended = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/exemptions/${exemptionId}/end`,
      headers: { cookie: committee.cookie },
      payload: { to: "2026-06-30" },
    });
    expect(ended.json()).toMatchObject({ exemptions: [{ to: "2026-06-30" }] });

    const pos = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/positions`,
      headers: { cookie: committee.cookie },
      payload: { unitId: org.cellA1.id, title: "deputy_secretary", from: "2026-03-06" },
    });
    expect(pos.json()).toMatchObject({ positions: [{ title: "deputy_secretary", to: null }] });
    const wrongTitle = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/positions`,
      headers: { cookie: committee.cookie },
      payload: { unitId: org.dbA.id, title: "secretary", from: "2026-03-06" },
    });
    expect(wrongTitle.statusCode).toBe(422);

    const move = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/transfer`,
      headers: { cookie: committee.cookie },
      payload: { toUnitId: org.cellA2.id, date: "2026-03-09" },
    });
    expect(move.statusCode).toBe(200);
    expect(move.json()).toMatchObject({ unitId: org.cellA2.id, positions: [{ to: "2026-03-08" }] });
    const ms = await database.db.select().from(memberships).where(eq(memberships.memberId, p.id));
    expect(ms.map((m) => [m.unitId, m.fromDate, m.toDate]).sort()).toEqual(
      [
        [org.cellA1.id, "2025-03-01", "2026-03-08"],
        [org.cellA2.id, "2026-03-09", null],
      ].sort(),
    );
    const outside = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/transfer`,
      headers: { cookie: committee.cookie },
      payload: { toUnitId: org.cellB1.id, date: "2026-03-10" },
    });
    expect(outside.statusCode).toBe(404);

    const history = await app.inject({
      method: "GET",
      url: `/api/v1/members/${p.id}/history`,
      headers: { cookie: committee.cookie },
    });
    const kinds = history.json<{ items: { kind: string }[] }>().items.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "made_official",
        "exempted",
        "exemption_ended",
        "position_started",
        "transferred",
      ]),
    );
  });

  it("a same-day transfer never ends a period before it began", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const committee = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const p = await createMember(database.db, org.tenantId, org.cellA1, "Hà Văn Cường", {
      joinDate: "2026-03-10",
    });
    await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/positions`,
      headers: { cookie: committee.cookie },
      payload: { unitId: org.cellA1.id, title: "secretary", from: "2026-03-10" },
    });
    const moved = await app.inject({
      method: "POST",
      url: `/api/v1/members/${p.id}/transfer`,
      headers: { cookie: committee.cookie },
      payload: { toUnitId: org.cellA2.id, date: "2026-03-10" },
    });
    expect(moved.json()).toMatchObject({ positions: [{ from: "2026-03-10", to: "2026-03-10" }] });
    const ms = await database.db.select().from(memberships).where(eq(memberships.memberId, p.id));
    for (const m of ms) expect(m.toDate === null || m.toDate >= m.fromDate).toBe(true);
  });

  it("records leaving with its kind and date, and keeps the member out of active lists", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const bad = await app.inject({
      method: "POST",
      url: `/api/v1/members/${org.people.binh.id}/leave`,
      headers: { cookie: lead.cookie },
      payload: { kind: "vanished", date: "2026-02-31" },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ details: { path: string }[] }>()
        .details.map((d) => d.path)
        .sort(),
    ).toEqual(["body.date", "body.kind"]);
    const left = await app.inject({
      method: "POST",
      url: `/api/v1/members/${org.people.binh.id}/leave`,
      headers: { cookie: lead.cookie },
      payload: { kind: "deceased", date: "2026-03-01" },
    });
    expect(left.json()).toMatchObject({
      active: false,
      leaveKind: "deceased",
      leftOn: "2026-03-01",
    });
    const active = await app.inject({
      method: "GET",
      url: "/api/v1/members",
      headers: { cookie: lead.cookie },
    });
    expect(active.json<Page>().items.map((m) => m.fullName)).toEqual(["Nguyễn Văn An"]);
    const gone = await app.inject({
      method: "GET",
      url: "/api/v1/members?status=left",
      headers: { cookie: lead.cookie },
    });
    expect(gone.json<Page>().items.map((m) => m.fullName)).toEqual(["Trần Thị Bình"]);
    const twice = await app.inject({
      method: "POST",
      url: `/api/v1/members/${org.people.binh.id}/leave`,
      headers: { cookie: lead.cookie },
      payload: { kind: "deceased", date: "2026-03-01" },
    });
    expect(twice.json()).toMatchObject({ code: "member_inactive" });
  });
});

describe("members: import and export", () => {
  it("offers the template and imports a good workbook", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const tpl = await app.inject({
      method: "GET",
      url: "/api/v1/members/import/template",
      headers: { cookie: lead.cookie },
    });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers["content-type"]).toContain("spreadsheetml");
    const wb = await readWorkbook(tpl.rawPayload);
    expect(wb.worksheets[0]?.getRow(1).getCell(1).text).toBe("Họ và tên");

    const file = await memberWorkbook([
      {
        fullName: "Đinh Văn Hải",
        gender: "Nam",
        birthDate: "12/05/1988",
        joinDate: "03/02/2012",
        officialDate: "03/02/2013",
        cardNumber: uniq("x").replace("-", ""),
      },
      { fullName: "Hồ Thị Hoa", gender: "Nữ", birthDate: "1992-11-20", joinDate: "2020-05-19" },
    ]);
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/members/import?unitId=${org.cellA1.id}`,
      headers: { cookie: lead.cookie, ...multipart(file).headers },
      payload: multipart(file).payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totalRows: 2, imported: 2, skipped: 0, errors: [] });
    const list = await app.inject({
      method: "GET",
      url: "/api/v1/members?q=hoa",
      headers: { cookie: lead.cookie },
    });
    expect(list.json<Page>().items).toEqual([
      expect.objectContaining({ fullName: "Hồ Thị Hoa", status: "probationary" }),
    ]);
  });

  it("imports nothing while any row is bad, unless asked to import the valid rows", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const [an] = await database.db.select().from(members).where(eq(members.id, org.people.an.id));
    const file = await memberWorkbook([
      { fullName: "Lý Văn Tài", gender: "Nam", birthDate: "01/01/1980", joinDate: "01/01/2005" },
      { fullName: "Lý Văn Sai", gender: "Nam", birthDate: "30/02/1980", joinDate: "01/01/2005" },
      {
        fullName: "Lý Văn Trùng",
        gender: "Nam",
        birthDate: "01/01/1981",
        joinDate: "01/01/2006",
        cardNumber: an?.cardNumber ?? "",
      },
    ]);
    const strict = await app.inject({
      method: "POST",
      url: `/api/v1/members/import?unitId=${org.cellA1.id}`,
      headers: { cookie: lead.cookie, ...multipart(file).headers },
      payload: multipart(file).payload,
    });
    expect(strict.statusCode).toBe(422);
    const body = strict.json<{
      code: string;
      report: { errors: { row: number; column: string }[]; imported: number };
    }>();
    expect(body.code).toBe("import_has_errors");
    expect(body.report.imported).toBe(0);
    expect(body.report.errors).toEqual([
      expect.objectContaining({ row: 3, column: "Ngày sinh" }),
      expect.objectContaining({ row: 4, column: "Số thẻ đảng viên" }),
    ]);
    const none = await app.inject({
      method: "GET",
      url: "/api/v1/members?q=ly%20van",
      headers: { cookie: lead.cookie },
    });
    expect(none.json<Page>().total).toBe(0);

    const lenient = await app.inject({
      method: "POST",
      url: `/api/v1/members/import?unitId=${org.cellA1.id}&mode=valid_rows`,
      headers: { cookie: lead.cookie, ...multipart(file).headers },
      payload: multipart(file).payload,
    });
    expect(lenient.statusCode).toBe(200);
    expect(lenient.json()).toMatchObject({ totalRows: 3, imported: 1, skipped: 2 });
    const one = await app.inject({
      method: "GET",
      url: "/api/v1/members?q=ly%20van",
      headers: { cookie: lead.cookie },
    });
    expect(one.json<Page>().items.map((m) => m.fullName)).toEqual(["Lý Văn Tài"]);
  });

  it("refuses a file that is not a workbook, or has the wrong headers", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const lead = await createUser(database.db, org.tenantId, [
      { role: "cell_lead", unit: org.cellA1 },
    ]);
    const junk = Buffer.from("Họ và tên,Giới tính\nAn,Nam\n");
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/members/import?unitId=${org.cellA1.id}`,
      headers: { cookie: lead.cookie, ...multipart(junk).headers },
      payload: multipart(junk).payload,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "invalid_workbook",
      details: [expect.objectContaining({ path: "file" })],
    });

    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x").addRow(["Tên", "Tuổi"]);
    const wrong = Buffer.from(await wb.xlsx.writeBuffer());
    const headers = await app.inject({
      method: "POST",
      url: `/api/v1/members/import?unitId=${org.cellA1.id}`,
      headers: { cookie: lead.cookie, ...multipart(wrong).headers },
      payload: multipart(wrong).payload,
    });
    expect(headers.statusCode).toBe(422);
    expect(headers.json()).toMatchObject({ code: "invalid_workbook" });
    expect(JSON.stringify(headers.json())).toContain("Họ và tên");
    const plain = await createUser(database.db, org.tenantId, [
      { role: "member", unit: org.cellA1 },
    ]);
    const noRight = await app.inject({
      method: "POST",
      url: `/api/v1/members/import?unitId=${org.cellA1.id}`,
      headers: { cookie: plain.cookie, ...multipart(wrong).headers },
      payload: multipart(wrong).payload,
    });
    expect(noRight.statusCode).toBe(403);
  });

  it("exports a subtree's members to a workbook", async () => {
    const { app, database } = await testContext();
    const org = await createOrg(database.db);
    const committee = await createUser(database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/members/export?unitId=${org.dbA.id}`,
      headers: { cookie: committee.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("attachment");
    const wb = await readWorkbook(res.rawPayload);
    const ws = wb.worksheets[0];
    const names: string[] = [];
    ws?.eachRow((row) => {
      row.eachCell((cell) => {
        if (["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Anh", "Phạm Văn Dũng"].includes(cell.text))
          names.push(cell.text);
      });
    });
    expect(names.sort()).toEqual(["Lê Hoàng Anh", "Nguyễn Văn An", "Trần Thị Bình"]);
    const outside = await app.inject({
      method: "GET",
      url: `/api/v1/members/export?unitId=${org.dbB.id}`,
      headers: { cookie: committee.cookie },
    });
    expect(outside.statusCode).toBe(404);
  });
});
