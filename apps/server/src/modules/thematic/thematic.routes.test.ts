import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { MeetingStatus, ThematicPlanDto } from "@chibo/domain";
import { captureQueries, TEST_NOW, testContext } from "#test/db";
import { createMember, createOrg, createUser, type TestUnit } from "#test/factories";
import type { Db } from "../../db/client.js";
import {
  auditLog,
  meetings,
  members,
  thematicPlans,
  thematicTopics,
  units,
} from "../../db/schema/index.js";

/** A thematic meeting of the cell taking up a topic, as the meetings module records it. */
async function addThematicMeeting(
  db: Db,
  tenantId: string,
  cell: TestUnit,
  topicId: string,
  date: string,
  status: MeetingStatus,
) {
  const [row] = await db
    .insert(meetings)
    .values({
      tenantId,
      unitId: cell.id,
      unitPath: cell.path,
      kind: "thematic",
      status,
      date,
      heldOn: status === "held" ? date : null,
      thematicTopicId: topicId,
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error("no meeting");
  return row.id;
}

function topicId(plan: ThematicPlanDto, quarter: number): string {
  const topic = plan.topics.find((t) => t.quarter === quarter);
  if (!topic) throw new Error(`no topic in quarter ${quarter}`);
  return topic.id;
}

const TOPICS = {
  q1: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  q2: "Nâng cao năng lực chuyên môn của đảng viên",
  q3: "Phòng, chống suy thoái tư tưởng chính trị, đạo đức, lối sống",
  q4: "Xây dựng Đảng, phòng chống tham nhũng, lãng phí",
};

async function setup() {
  const { app, database } = await testContext();
  const db = database.db;
  const org = await createOrg(db);
  const lead = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellA1 }]);
  const url = `/api/v1/units/${org.cellA1.id}/thematic-plan`;
  const put = (payload: object, cookie = lead.cookie, at = url) =>
    app.inject({ method: "PUT", url: at, headers: { cookie }, payload });
  const get = (year: number, cookie = lead.cookie, at = url) =>
    app.inject({ method: "GET", url: `${at}?year=${year}`, headers: { cookie } });
  const report = (year: number, cookie = lead.cookie, at = url) =>
    app.inject({ method: "POST", url: `${at}/report`, headers: { cookie }, payload: { year } });
  const fullPlan = {
    year: 2026,
    topics: [
      { quarter: 3, title: TOPICS.q3 },
      { quarter: 1, title: TOPICS.q1, drafterMemberId: org.people.an.id },
      { quarter: 2, title: TOPICS.q2, drafterMemberId: org.people.binh.id },
      { quarter: 4, title: TOPICS.q4, drafterMemberId: null },
    ],
  };
  return { app, db, org, lead, url, put, get, report, fullPlan };
}

describe("thematic plan: a cell's year (HD12)", () => {
  it("is planned, edited keeping its topics' ids, shows their meetings and is reported upward", async () => {
    const { db, org, lead, put, get, report, fullPlan } = await setup();
    const empty = await get(2026);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual({
      unitId: org.cellA1.id,
      year: 2026,
      reportedAt: null,
      topics: [],
      missingQuarters: [1, 2, 3, 4],
    });

    const created = await put(fullPlan);
    expect(created.statusCode, created.body).toBe(200);
    const plan = created.json<ThematicPlanDto>();
    expect(plan.topics.map((t) => [t.quarter, t.title, t.drafterName])).toEqual([
      [1, TOPICS.q1, "Nguyễn Văn An"],
      [2, TOPICS.q2, "Trần Thị Bình"],
      [3, TOPICS.q3, null],
      [4, TOPICS.q4, null],
    ]);
    expect(plan.missingQuarters).toEqual([]);
    expect(plan.topics[0]).toMatchObject({
      drafterMemberId: org.people.an.id,
      meetingId: null,
      meetingDate: null,
      meetingStatus: null,
    });
    const [row] = await db
      .select()
      .from(thematicPlans)
      .where(
        and(eq(thematicPlans.tenantId, org.tenantId), eq(thematicPlans.unitId, org.cellA1.id)),
      );
    expect(row).toMatchObject({ year: 2026, unitPath: org.cellA1.path, reportedAt: null });

    // Q1's topic is taken up by a meeting (a cancelled attempt, then the one held).
    const q1 = topicId(plan, 1);
    await addThematicMeeting(db, org.tenantId, org.cellA1, q1, "2026-02-10", "cancelled");
    const held = await addThematicMeeting(db, org.tenantId, org.cellA1, q1, "2026-02-24", "held");
    const withMeeting = (await get(2026)).json<ThematicPlanDto>();
    expect(withMeeting.topics[0]).toMatchObject({
      id: q1,
      meetingId: held,
      meetingDate: "2026-02-24",
      meetingStatus: "held",
    });

    // Edit: Q1 renamed (same id), Q2 kept, Q3 replaced by a new topic, Q4 moved to a new drafter.
    const q2 = topicId(plan, 2);
    const q3 = topicId(plan, 3);
    const q4 = topicId(plan, 4);
    const edited = await put({
      year: 2026,
      topics: [
        { id: q1, quarter: 1, title: "Chuyên đề quý I (sửa)", drafterMemberId: org.people.an.id },
        { id: q2, quarter: 2, title: TOPICS.q2, drafterMemberId: org.people.binh.id },
        { quarter: 3, title: "Chuyên đề mới quý III" },
        { id: q4, quarter: 4, title: TOPICS.q4, drafterMemberId: org.people.binh.id },
        { quarter: 4, title: "Chuyên đề thứ hai quý IV" },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = edited.json<ThematicPlanDto>();
    expect(after.topics.map((t) => t.title)).toEqual([
      "Chuyên đề quý I (sửa)",
      TOPICS.q2,
      "Chuyên đề mới quý III",
      TOPICS.q4,
      "Chuyên đề thứ hai quý IV",
    ]);
    expect(after.topics[0]).toMatchObject({ id: q1, meetingId: held });
    expect(after.topics[1]?.id).toBe(q2);
    expect(after.topics[2]?.id).not.toBe(q3);
    expect(after.topics[3]).toMatchObject({ id: q4, drafterName: "Trần Thị Bình" });
    const gone = await db.select().from(thematicTopics).where(eq(thematicTopics.id, q3));
    expect(gone).toEqual([]);

    const reported = await report(2026);
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json<ThematicPlanDto>().reportedAt).toBe(TEST_NOW);
    const [planRow] = await db
      .select()
      .from(thematicPlans)
      .where(
        and(eq(thematicPlans.tenantId, org.tenantId), eq(thematicPlans.unitId, org.cellA1.id)),
      );
    expect(planRow?.reportedBy).toBe(lead.id);
    expect((await get(2026)).json<ThematicPlanDto>().reportedAt).toBe(TEST_NOW);

    const audit = await db
      .select({ action: auditLog.action, entityId: auditLog.entityId, path: auditLog.unitPath })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, org.tenantId), eq(auditLog.entity, "thematic_plan")));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "thematic_plan.report",
      "thematic_plan.update",
      "thematic_plan.update",
    ]);
    expect(audit.every((a) => a.entityId === org.cellA1.id && a.path === org.cellA1.path)).toBe(
      true,
    );

    // Each year is its own plan.
    expect((await get(2027)).json<ThematicPlanDto>()).toMatchObject({
      topics: [],
      reportedAt: null,
    });
  });

  it("reports every problem of a plan at once and changes nothing", async () => {
    const { db, org, put, fullPlan, app } = await setup();
    const badShape = await put({
      year: 2026,
      topics: [
        { quarter: 5, title: TOPICS.q1 },
        { quarter: 0, title: "   " },
      ],
    });
    expect(badShape.statusCode).toBe(400);
    expect(badShape.json()).toMatchObject({ code: "validation_failed" });
    const shapePaths = badShape.json<{ details: { path: string }[] }>().details.map((d) => d.path);
    expect(shapePaths).toEqual(
      expect.arrayContaining([
        "body.topics.0.quarter",
        "body.topics.1.quarter",
        "body.topics.1.title",
      ]),
    );

    // A topic of another cell, one of another year of this cell, a drafter of another cell and one
    // who left the cell.
    const otherLead = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellA2 }]);
    const other = await app.inject({
      method: "PUT",
      url: `/api/v1/units/${org.cellA2.id}/thematic-plan`,
      headers: { cookie: otherLead.cookie },
      payload: { year: 2026, topics: [{ quarter: 1, title: "Chuyên đề của chi bộ A2" }] },
    });
    expect(other.statusCode).toBe(200);
    const foreignTopic = topicId(other.json<ThematicPlanDto>(), 1);
    const lastYear = await put({ year: 2025, topics: [{ quarter: 1, title: "Năm trước" }] });
    const lastYearTopic = topicId(lastYear.json<ThematicPlanDto>(), 1);
    const leaver = await createMember(db, org.tenantId, org.cellA1, "Lâm Văn Rời");
    await db.update(members).set({ leftOn: "2026-01-15" }).where(eq(members.id, leaver.id));
    const res = await put({
      year: 2026,
      topics: [
        { quarter: 1, title: TOPICS.q1, drafterMemberId: org.people.anh.id },
        { id: foreignTopic, quarter: 2, title: TOPICS.q2 },
        { id: lastYearTopic, quarter: 3, title: TOPICS.q3, drafterMemberId: leaver.id },
        { quarter: 4, title: TOPICS.q4, drafterMemberId: org.people.an.id },
      ],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: "validation_failed" });
    expect(res.json<{ details: { path: string }[] }>().details.map((d) => d.path)).toEqual([
      "body.topics.0.drafterMemberId",
      "body.topics.1.id",
      "body.topics.2.id",
      "body.topics.2.drafterMemberId",
    ]);
    const unchanged = await db
      .select()
      .from(thematicTopics)
      .where(
        and(
          eq(thematicTopics.tenantId, org.tenantId),
          eq(thematicTopics.unitId, org.cellA1.id),
          eq(thematicTopics.year, 2026),
        ),
      );
    expect(unchanged).toEqual([]);

    // The same id twice.
    const created = (await put(fullPlan)).json<ThematicPlanDto>();
    const q1 = topicId(created, 1);
    const twice = await put({
      year: 2026,
      topics: [
        { id: q1, quarter: 1, title: TOPICS.q1 },
        { id: q1, quarter: 2, title: TOPICS.q2 },
      ],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json()).toMatchObject({ details: [{ path: "body.topics.1.id" }] });
  });

  it("keeps a topic a meeting has taken up (409) and refuses to report a plan missing a quarter (422)", async () => {
    const { db, org, put, get, report, fullPlan } = await setup();
    const plan = (await put(fullPlan)).json<ThematicPlanDto>();
    const q3 = topicId(plan, 3);
    await addThematicMeeting(db, org.tenantId, org.cellA1, q3, "2026-08-12", "planned");
    const withoutQ3 = await put({
      year: 2026,
      topics: plan.topics
        .filter((t) => t.id !== q3)
        .map((t) => ({ id: t.id, quarter: t.quarter, title: t.title })),
    });
    expect(withoutQ3.statusCode).toBe(409);
    expect(withoutQ3.json()).toMatchObject({
      code: "thematic_topic_in_use",
      details: [{ path: "body.topics" }],
    });
    expect(withoutQ3.json<{ detail: string }>().detail).toContain(TOPICS.q3);
    expect((await get(2026)).json<ThematicPlanDto>().topics).toHaveLength(4);

    // A plan with only quarters 1 and 3 cannot be reported.
    const partial = await put({
      year: 2026,
      topics: plan.topics
        .filter((t) => t.quarter === 1 || t.quarter === 3)
        .map((t) => ({ id: t.id, quarter: t.quarter, title: t.title })),
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json<ThematicPlanDto>().missingQuarters).toEqual([2, 4]);
    const refused = await report(2026);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "thematic_plan_incomplete",
      details: [{ path: "topics" }],
    });
    expect(refused.json<{ detail: string }>().detail).toContain("quý 2, 4");
    expect((await get(2026)).json<ThematicPlanDto>().reportedAt).toBeNull();
    // No plan at all for another year.
    expect((await report(2030)).statusCode).toBe(422);
    const badYear = await report(1990);
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json()).toMatchObject({ details: [{ path: "body.year" }] });
  });

  it("is only a cell's: 422 not_a_cell for a committee", async () => {
    const { org, app } = await setup();
    const committee = await createUser((await testContext()).database.db, org.tenantId, [
      { role: "committee", unit: org.dbA },
    ]);
    const url = `/api/v1/units/${org.dbA.id}/thematic-plan`;
    const read = await app.inject({
      method: "GET",
      url: `${url}?year=2026`,
      headers: { cookie: committee.cookie },
    });
    expect(read.statusCode).toBe(422);
    expect(read.json()).toMatchObject({ code: "not_a_cell" });
    const write = await app.inject({
      method: "PUT",
      url,
      headers: { cookie: committee.cookie },
      payload: { year: 2026, topics: [] },
    });
    expect(write.json()).toMatchObject({ code: "not_a_cell" });
  });

  it("answers 401 without a session, 403 to readers, 404 outside, 409 for a closed cell", async () => {
    const { db, org, put, get, report, fullPlan, url } = await setup();
    const { app } = await testContext();
    expect((await app.inject({ method: "GET", url: `${url}?year=2026` })).statusCode).toBe(401);
    expect((await app.inject({ method: "PUT", url, payload: fullPlan })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: "POST", url: `${url}/report`, payload: { year: 2026 } }))
        .statusCode,
    ).toBe(401);

    const member = await createUser(db, org.tenantId, [{ role: "member", unit: org.cellA1 }]);
    expect((await get(2026, member.cookie)).statusCode).toBe(200);
    const asMember = await put(fullPlan, member.cookie);
    expect(asMember.statusCode).toBe(403);
    expect(asMember.json()).toMatchObject({ code: "forbidden" });
    expect((await report(2026, member.cookie)).statusCode).toBe(403);

    const otherLead = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellB1 }]);
    expect((await get(2026, otherLead.cookie)).statusCode).toBe(404);
    expect((await put(fullPlan, otherLead.cookie)).statusCode).toBe(404);
    expect((await report(2026, otherLead.cookie)).statusCode).toBe(404);

    // The committee above may plan for its cell.
    const committee = await createUser(db, org.tenantId, [{ role: "committee", unit: org.dbA }]);
    expect((await put(fullPlan, committee.cookie)).statusCode).toBe(200);

    const unknown = await get(2026, committee.cookie, "/api/v1/units/not-a-uuid/thematic-plan");
    expect(unknown.statusCode).toBe(400);

    await db.update(units).set({ active: false }).where(eq(units.id, org.cellA1.id));
    const closed = await put(fullPlan, committee.cookie);
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: "unit_inactive" });
  });

  it("names tenant_id in every statement", async () => {
    const { put, get, report, fullPlan } = await setup();
    const queries = await captureQueries(async () => {
      expect((await put(fullPlan)).statusCode).toBe(200);
      expect((await get(2026)).statusCode).toBe(200);
      expect((await report(2026)).statusCode).toBe(200);
    });
    const statements = queries.filter(
      (q) =>
        !/^(begin|commit|rollback|savepoint|release)/iu.test(q.trim()) &&
        !/^select .* from "sessions" inner join "users" .* where "sessions"\."id" = \$1/su.test(q),
    );
    expect(statements.length).toBeGreaterThan(10);
    expect(statements.filter((q) => !q.includes("tenant_id"))).toEqual([]);
  });
});
