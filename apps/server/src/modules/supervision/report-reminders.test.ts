import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { NotificationDto } from "@chibo/domain";
import { testContext } from "#test/db";
import { createMember, createOrg, createUser, travel } from "#test/factories";
import { auditLog, meetings, members, tenants, visits } from "../../db/schema/index.js";
import { overdueReportText } from "./report-reminders.service.js";

afterEach(async () => {
  (await testContext()).clock.reset();
});

/**
 * Cell A1's meetings of 2 and 5 March 2026 (held), each attended by a committee member of Sở A
 * whose member record (in cell A2) has an e-mail address; a third visit is already reported, a
 * fourth only planned. The shared clock stands at 10 March 2026.
 */
async function setup() {
  const ctx = await testContext();
  const db = ctx.database.db;
  const org = await createOrg(db);
  const visitorMember = await createMember(db, org.tenantId, org.cellA2, "Đỗ Văn Giám");
  await db
    .update(members)
    .set({ email: "giam@example.vn" })
    .where(eq(members.id, visitorMember.id));
  const visitor = await createUser(
    db,
    org.tenantId,
    [{ role: "committee", unit: org.dbA }],
    undefined,
    {
      memberId: visitorMember.id,
    },
  );
  const cellMember = await createUser(db, org.tenantId, [{ role: "member", unit: org.cellA1 }]);
  const meeting = async (date: string) => {
    const [row] = await db
      .insert(meetings)
      .values({
        tenantId: org.tenantId,
        unitId: org.cellA1.id,
        unitPath: org.cellA1.path,
        kind: "thematic",
        status: "held",
        date,
        heldOn: date,
        startTime: "07:30",
        place: "Hội trường",
      })
      .returning({ id: meetings.id });
    if (!row) throw new Error("insert failed");
    return row.id;
  };
  const visit = async (
    meetingId: string | null,
    plannedOn: string,
    state: "planned" | "attended" | "reported",
  ) => {
    const [row] = await db
      .insert(visits)
      .values({
        tenantId: org.tenantId,
        visitorUserId: visitor.id,
        visitorUnitPath: org.dbA.path,
        unitId: org.cellA1.id,
        unitPath: org.cellA1.path,
        meetingId,
        plannedOn,
        state,
        attendedAt: state === "planned" ? null : new Date(`${plannedOn}T01:00:00Z`),
        reportedOn: state === "reported" ? plannedOn : null,
      })
      .returning({ id: visits.id });
    if (!row) throw new Error("insert failed");
    return row.id;
  };
  const early = await visit(await meeting("2026-03-02"), "2026-03-02", "attended");
  const recent = await visit(await meeting("2026-03-08"), "2026-03-08", "attended");
  const reported = await visit(await meeting("2026-03-03"), "2026-03-03", "reported");
  const planned = await visit(null, "2026-03-04", "planned");
  return { ...ctx, db, org, visitor, cellMember, early, recent, reported, planned };
}

async function notificationsOf(cookie: string) {
  const { app } = await testContext();
  const res = await app.inject({
    method: "GET",
    url: "/api/v1/me/notifications",
    headers: { cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: NotificationDto[] }>().items;
}

describe("overdue visit reports", () => {
  it("tells the visitor once, after the due day, and nobody in the visited cell", async () => {
    const s = await setup();
    const t = s.org.tenantId;
    // Due 3 days after the meeting (the default): the 2 March visit is overdue on the 10th, the
    // 8 March one is not; reported and planned visits never are.
    expect(await s.app.visitReports.runOverdueReports({ tenantId: t })).toEqual({
      visits: 1,
      notifications: 1,
      mails: 1,
    });
    const mine = await notificationsOf(s.visitor.cookie);
    expect(mine.map((n) => [n.kind, n.title])).toEqual([
      ["visit_report_overdue", "Báo cáo dự sinh hoạt quá hạn: Chi bộ Phòng A1"],
    ]);
    expect(mine[0]?.body).toContain("hạn đến ngày 05/03/2026");
    expect(await notificationsOf(s.cellMember.cookie)).toEqual([]);
    const [row] = await s.db.select().from(visits).where(eq(visits.id, s.early));
    expect(row?.reportOverdueNotifiedAt?.toISOString()).toBe(s.clock.now().toISOString());
    const audit = await s.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t), eq(auditLog.action, "visit.report_overdue_notice")));
    expect(audit.map((a) => [a.entityId, a.unitPath])).toEqual([[s.early, s.org.cellA1.path]]);

    // Once: a second run tells nobody again.
    expect(await s.app.visitReports.runOverdueReports({ tenantId: t })).toEqual({
      visits: 0,
      notifications: 0,
      mails: 0,
    });

    // Three days later the 8 March visit is overdue too.
    await travel(s, t, "2026-03-12T03:00:00.000Z");
    expect(await s.app.visitReports.runOverdueReports({ tenantId: t })).toMatchObject({
      visits: 1,
    });
    const [recent] = await s.db.select().from(visits).where(eq(visits.id, s.recent));
    expect(recent?.reportOverdueNotifiedAt).not.toBeNull();
    for (const id of [s.reported, s.planned]) {
      const [other] = await s.db.select().from(visits).where(eq(visits.id, id));
      expect(other?.reportOverdueNotifiedAt).toBeNull();
    }
  });

  it("follows the tenant's number of days to report", async () => {
    const s = await setup();
    const t = s.org.tenantId;
    await s.db
      .update(tenants)
      .set({ settings: { supervisionRules: { reportDays: 10 } } })
      .where(eq(tenants.tenantId, t));
    expect(await s.app.visitReports.runOverdueReports({ tenantId: t })).toMatchObject({
      visits: 0,
    });
    await travel(s, t, "2026-03-13T03:00:00.000Z");
    expect(await s.app.visitReports.runOverdueReports({ tenantId: t })).toMatchObject({
      visits: 1,
    });
  });

  it("words the notice with the cell, the meeting day and the due day", () => {
    expect(overdueReportText({ unitName: "Chi bộ Phòng A1", meetingDay: "2026-03-30" }, 3)).toEqual(
      {
        title: "Báo cáo dự sinh hoạt quá hạn: Chi bộ Phòng A1",
        body:
          "Đồng chí dự sinh hoạt Chi bộ Phòng A1 ngày 30/03/2026; báo cáo sau khi dự hạn đến ngày 02/04/2026 nhưng chưa được gửi.\n" +
          "Đề nghị hoàn thành báo cáo trong mục “Dự sinh hoạt”.",
      },
    );
  });
});
