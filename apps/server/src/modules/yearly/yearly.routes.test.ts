import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { captureQueries, testContext } from "#test/db";
import { call, problem } from "#test/http";
import { createMember, createOrg, createOrgUsers, createUnit, createUser } from "#test/factories";
import { auditLog, members, memberYearly } from "../../db/schema/index.js";

afterEach(async () => {
  (await testContext()).clock.reset();
});

async function setup() {
  const ctx = await testContext();
  const db = ctx.database.db;
  const org = await createOrg(db);
  const t = org.tenantId;
  const { lead, committee, otherLead, binh } = await createOrgUsers(db, org);
  return { ...ctx, db, org, t, lead, committee, otherLead, binh };
}

interface YearlyJson {
  memberId: string;
  entries: {
    kind: string;
    year: number;
    content: string;
    datedOn: string | null;
    updatedAt: string;
    recordedBy: string | null;
  }[];
  can: { assign: boolean; commit: boolean };
}

const rowsOf = async (db: Awaited<ReturnType<typeof setup>>["db"], memberId: string) =>
  db.select().from(memberYearly).where(eq(memberYearly.memberId, memberId));

describe("yearly assignment and commitment", () => {
  it("records the lead's assignment and the member's own commitment, newest year first", async () => {
    const { db, org, t, lead, binh } = await setup();
    const id = org.people.binh.id;
    const first = await call("PUT", `/members/${id}/yearly/2026/assignment`, lead.cookie, {
      content: "Phụ trách công tác tuyên giáo của chi bộ",
      datedOn: "2026-01-15",
    });
    expect(first.statusCode).toBe(200);
    expect(first.json<YearlyJson>()).toEqual({
      memberId: id,
      entries: [
        {
          kind: "assignment",
          year: 2026,
          content: "Phụ trách công tác tuyên giáo của chi bộ",
          datedOn: "2026-01-15",
          updatedAt: "2026-03-10T03:00:00.000Z",
          recordedBy: `Người dùng ${lead.username}`,
        },
      ],
      can: { assign: true, commit: true },
    });

    // A second save replaces the entry.
    const second = await call("PUT", `/members/${id}/yearly/2026/assignment`, lead.cookie, {
      content: "Phụ trách tuyên giáo và theo dõi đảng viên dự bị",
    });
    expect(second.statusCode).toBe(200);
    expect(second.json<YearlyJson>().entries).toMatchObject([
      { content: "Phụ trách tuyên giáo và theo dõi đảng viên dự bị", datedOn: null },
    ]);

    const commit = await call("PUT", `/members/${id}/yearly/2026/commitment`, binh.cookie, {
      content: "Hoàn thành xuất sắc nhiệm vụ, không vi phạm điều đảng viên không được làm",
    });
    expect(commit.statusCode).toBe(200);
    await call("PUT", `/members/${id}/yearly/2025/assignment`, lead.cookie, {
      content: "Phụ trách đoàn thanh niên",
    });

    const own = await call("GET", `/members/${id}/yearly`, binh.cookie);
    expect(own.statusCode).toBe(200);
    const body = own.json<YearlyJson>();
    expect(body.entries.map((e) => [e.year, e.kind])).toEqual([
      [2026, "assignment"],
      [2026, "commitment"],
      [2025, "assignment"],
    ]);
    expect(body.entries[1]?.recordedBy).toBe(`Người dùng ${binh.username}`);
    expect(body.can).toEqual({ assign: false, commit: true });
    expect(await rowsOf(db, id)).toHaveLength(3);
    expect((await rowsOf(db, id)).every((r) => r.unitPath === org.cellA1.path)).toBe(true);

    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, t),
          eq(auditLog.entityId, id),
          eq(auditLog.action, "member.yearly_assignment"),
        ),
      )
      .orderBy(auditLog.at);
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ before: null, unitPath: org.cellA1.path });
    expect(audit.map((a) => a.before)).toContainEqual({
      year: 2026,
      kind: "assignment",
      content: "Phụ trách công tác tuyên giáo của chi bộ",
      datedOn: "2026-01-15",
    });
  });

  it("refuses an assignment by the member, and everything from another cell's lead", async () => {
    const { db, org, binh, otherLead, lead } = await setup();
    const id = org.people.binh.id;
    problem(
      await call("PUT", `/members/${id}/yearly/2026/assignment`, binh.cookie, {
        content: "Tự phân công",
      }),
      403,
      "forbidden",
    );
    // A member may not record another member's commitment either.
    problem(
      await call("PUT", `/members/${org.people.an.id}/yearly/2026/commitment`, binh.cookie, {
        content: "Cam kết thay",
      }),
      403,
      "forbidden",
    );
    for (const kind of ["assignment", "commitment"]) {
      problem(
        await call("PUT", `/members/${id}/yearly/2026/${kind}`, otherLead.cookie, {
          content: "Không được",
        }),
        404,
        "not_found",
      );
    }
    problem(await call("GET", `/members/${id}/yearly`, otherLead.cookie), 404, "not_found");
    problem(await call("GET", `/members/${randomUUID()}/yearly`, lead.cookie), 404, "not_found");
    problem(await call("GET", `/members/${id}/yearly`, null), 401, "unauthenticated");
    expect(await rowsOf(db, id)).toEqual([]);

    // Another member of the cell may read it (member.read), without controls.
    const anUser = await createUser(db, org.tenantId, [{ role: "member", unit: org.cellA1 }]);
    const read = await call("GET", `/members/${id}/yearly`, anUser.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({
      memberId: id,
      entries: [],
      can: { assign: false, commit: false },
    });
  });

  it("names bad input and refuses a member who has left", async () => {
    const { db, org, lead } = await setup();
    const id = org.people.binh.id;
    problem(
      await call("PUT", `/members/${id}/yearly/2026/assignment`, lead.cookie, { content: "  " }),
      400,
      "validation_failed",
      "body.content",
    );
    problem(
      await call("PUT", `/members/${id}/yearly/1999/assignment`, lead.cookie, { content: "X" }),
      400,
      "validation_failed",
      "params.year",
    );
    problem(
      await call("PUT", `/members/${id}/yearly/2026/plan`, lead.cookie, { content: "X" }),
      400,
      "validation_failed",
      "params.kind",
    );
    problem(
      await call("PUT", `/members/${id}/yearly/2026/assignment`, lead.cookie, {
        content: "X",
        datedOn: "2026-02-30",
      }),
      400,
      "validation_failed",
      "body.datedOn",
    );

    const gone = await createMember(db, org.tenantId, org.cellA1, "Phan Văn Hết");
    await db
      .update(members)
      .set({ leftOn: "2026-02-01", leaveKind: "transferred_out" })
      .where(eq(members.id, gone.id));
    const res = await call("PUT", `/members/${gone.id}/yearly/2026/assignment`, lead.cookie, {
      content: "Phụ trách",
    });
    const body = problem(res, 409, "member_inactive");
    expect(body.detail).toMatch(/Đảng viên/u);
    expect(await rowsOf(db, gone.id)).toEqual([]);
    expect((await call("GET", `/members/${gone.id}/yearly`, lead.cookie)).json()).toMatchObject({
      can: { assign: false, commit: false },
    });
  });
});

describe("assignment coverage", () => {
  it("counts the subtree's members with an assignment and a commitment, per cell", async () => {
    const { db, org, t, lead, committee, binh } = await setup();
    const chi = await createMember(db, t, org.cellA1, "Lê Thị Chi");
    const gone = await createMember(db, t, org.cellA1, "Phan Văn Hết");
    for (const m of [org.people.an.id, org.people.binh.id, gone.id]) {
      const res = await call("PUT", `/members/${m}/yearly/2026/assignment`, lead.cookie, {
        content: "Phụ trách",
      });
      expect(res.statusCode).toBe(200);
    }
    await call("PUT", `/members/${org.people.binh.id}/yearly/2026/commitment`, binh.cookie, {
      content: "Cam kết",
    });
    await call("PUT", `/members/${chi.id}/yearly/2025/assignment`, lead.cookie, {
      content: "Năm trước",
    });
    // Left after being assigned: no longer counted.
    await db.update(members).set({ leftOn: "2026-03-01" }).where(eq(members.id, gone.id));

    const res = await call("GET", `/units/${org.dbA.id}/assignment-coverage`, committee.cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ assignmentShare: number; commitmentShare: number }>();
    expect(body).toMatchObject({
      year: 2026,
      members: 4,
      withAssignment: 2,
      withCommitment: 1,
      units: [
        {
          unitId: org.cellA1.id,
          unitName: "Chi bộ Phòng A1",
          members: 3,
          withAssignment: 2,
          withCommitment: 1,
        },
        {
          unitId: org.cellA2.id,
          unitName: "Chi bộ Phòng A2",
          members: 1,
          withAssignment: 0,
          withCommitment: 0,
        },
      ],
    });
    expect(body.assignmentShare).toBeCloseTo(0.5);
    expect(body.commitmentShare).toBeCloseTo(0.25);

    const last = await call(
      "GET",
      `/units/${org.cellA1.id}/assignment-coverage?year=2025`,
      lead.cookie,
    );
    expect(last.json()).toMatchObject({
      year: 2025,
      members: 3,
      withAssignment: 1,
      withCommitment: 0,
      units: [{ unitId: org.cellA1.id, members: 3, withAssignment: 1 }],
    });

    // An empty subtree has no share.
    const empty = await createUser(db, t, [{ role: "admin", unit: org.root }]);
    const bare = await createUnit(db, t, org.dbB, "cell", "Chi bộ mới lập");
    expect(
      (await call("GET", `/units/${bare.id}/assignment-coverage`, empty.cookie)).json(),
    ).toMatchObject({ members: 0, assignmentShare: null, commitmentShare: null });
  });

  it("is readable with member.read on the unit only", async () => {
    const { org, binh, otherLead } = await setup();
    expect(
      (await call("GET", `/units/${org.cellA1.id}/assignment-coverage`, binh.cookie)).statusCode,
    ).toBe(200);
    problem(
      await call("GET", `/units/${org.dbA.id}/assignment-coverage`, binh.cookie),
      404,
      "not_found",
    );
    problem(
      await call("GET", `/units/${org.cellA1.id}/assignment-coverage`, otherLead.cookie),
      404,
      "not_found",
    );
    problem(
      await call("GET", `/units/${org.cellA1.id}/assignment-coverage?year=20x6`, binh.cookie),
      400,
      "validation_failed",
      "querystring.year",
    );
  });
});

describe("tenancy", () => {
  it("names tenant_id in every statement", async () => {
    const { org, lead, binh } = await setup();
    const id = org.people.binh.id;
    const queries = await captureQueries(async () => {
      for (const [kind, cookie] of [
        ["assignment", lead.cookie],
        ["commitment", binh.cookie],
      ] as const) {
        const res = await call("PUT", `/members/${id}/yearly/2026/${kind}`, cookie, {
          content: "Nội dung",
        });
        expect(res.statusCode).toBe(200);
      }
      expect((await call("GET", `/members/${id}/yearly`, binh.cookie)).statusCode).toBe(200);
      expect(
        (await call("GET", `/units/${org.dbA.id}/assignment-coverage`, lead.cookie)).statusCode,
      ).toBe(404);
      expect(
        (await call("GET", `/units/${org.cellA1.id}/assignment-coverage`, lead.cookie)).statusCode,
      ).toBe(200);
    });
    const statements = queries.filter(
      (q) => !/^(begin|commit|rollback|savepoint|release)/iu.test(q.trim()),
    );
    expect(statements.length).toBeGreaterThan(8);
    expect(statements.filter((q) => !q.includes("tenant_id"))).toEqual([]);
  });
});
