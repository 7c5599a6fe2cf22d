import { afterEach, describe, expect, it } from "vitest";
import { createHash, randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { Document, Packer, Paragraph } from "docx";
import { strToU8, zipSync } from "fflate";
import {
  DEFAULT_AGENDA_TEMPLATES,
  DOCUMENT_MAX_BYTES,
  type AgendaDto,
  type AgendaTemplatesDto,
  type DocumentDto,
  type MeetingKind,
  type MeetingStatus,
} from "@chibo/domain";
import { captureQueries, testContext } from "#test/db";
import { call, problem, type Json, type Problem } from "#test/http";
import {
  createMemberUser,
  createOrg,
  createUser,
  type TestOrg,
  type TestUnit,
} from "#test/factories";
import type { Db } from "../../db/client.js";
import {
  agendaItems,
  auditLog,
  meetingAgendas,
  meetingDocuments,
  meetings,
  members,
  notifications,
  resolutions,
  supervisionAssignments,
  taskAssignees,
  tasks,
  tenants,
} from "../../db/schema/index.js";
import { buildApp } from "../../app.js";
import type { MailMessage, Mailer } from "../../lib/mailer.js";

afterEach(async () => {
  (await testContext()).clock.reset();
});

const REGULAR_KEYS = [
  "reason_guests",
  "minute_taker",
  "attendance",
  "agenda_approval",
  "report",
  "discussion",
  "criticism",
  "information",
  "resolution",
  "minutes_approval",
];

async function setup() {
  const ctx = await testContext();
  const db = ctx.database.db;
  const org = await createOrg(db);
  const lead = await createUser(
    db,
    org.tenantId,
    [{ role: "cell_lead", unit: org.cellA1 }],
    undefined,
    { memberId: org.people.an.id },
  );
  const member = await createMemberUser(db, org.tenantId, org.cellA1, org.people.binh.id);
  const outsider = await createMemberUser(db, org.tenantId, org.cellB1, org.people.dung.id);
  const otherLead = await createUser(db, org.tenantId, [{ role: "cell_lead", unit: org.cellA2 }]);
  const committee = await createUser(db, org.tenantId, [{ role: "committee", unit: org.dbA }]);
  const admin = await createUser(db, org.tenantId, [{ role: "admin", unit: org.root }]);
  return { ...ctx, db, org, lead, member, outsider, otherLead, committee, admin };
}

async function insertMeeting(
  db: Db,
  org: TestOrg,
  values: {
    date: string;
    kind?: MeetingKind;
    status?: MeetingStatus;
    unit?: TestUnit;
    startTime?: string;
    place?: string;
  },
): Promise<string> {
  const unit = values.unit ?? org.cellA1;
  const kind = values.kind ?? "regular";
  const [row] = await db
    .insert(meetings)
    .values({
      tenantId: org.tenantId,
      unitId: unit.id,
      unitPath: unit.path,
      kind,
      status: values.status ?? "planned",
      date: values.date,
      period: kind === "regular" ? values.date.slice(0, 7) : null,
      registeredDate: kind === "regular" ? values.date : null,
      startTime: values.startTime ?? "07:30",
      place: values.place ?? "Hội trường tầng 2",
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error("insert failed");
  return row.id;
}

/** Vietnamese problem+json with the code and, when given, the path of the field at fault. */
function expectProblem(
  res: Awaited<ReturnType<typeof call>>,
  status: number,
  code: string,
  path?: string,
): Problem {
  const body = problem(res, status, code, path);
  expect(body.status).toBe(status);
  // Vietnamese: written with its diacritics.
  expect(body.detail.normalize("NFD")).toMatch(/\p{M}|đ/u);
  return body;
}

async function fromTemplate(meetingId: string, cookie: string): Promise<AgendaDto> {
  const res = await call("POST", `/meetings/${meetingId}/agenda/from-template`, cookie, {});
  expect(res.statusCode).toBe(200);
  return res.json<AgendaDto>();
}

async function agendaRows(db: Db, meetingId: string) {
  const [agenda] = await db
    .select()
    .from(meetingAgendas)
    .where(eq(meetingAgendas.meetingId, meetingId));
  const items = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(agendaItems.position);
  return { agenda, items };
}

async function auditCount(db: Db, tenantId: string, action: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)));
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------------
// Files.

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
    "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" +
    "trailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
/** A real 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
/** The start of a Windows executable. */
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(510, 0x90)]);
const ZIP = Buffer.from(zipSync({ "ghi-chu.txt": strToU8("Nội dung nén") }));
const TEXT = Buffer.from("Đây là văn bản thường, không phải PDF.\n".repeat(20));

async function docxFile(): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: [new Paragraph("Dự thảo nghị quyết tháng 3/2026")] }],
  });
  return Packer.toBuffer(doc);
}

/** A multipart body with one part; the browser's claimed type is deliberately that of a PDF. */
function multipart(data: Buffer, filename: string, field = "file") {
  const boundary = "----chibo-agenda-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      "Content-Type: application/pdf\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(
  meetingId: string,
  cookie: string,
  data: Buffer,
  filename: string,
  field = "file",
) {
  const body = multipart(data, filename, field);
  return call("POST", `/meetings/${meetingId}/documents`, cookie, body.payload, body.headers);
}

async function documentCount(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(meetingDocuments)
    .where(eq(meetingDocuments.tenantId, tenantId));
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------------

describe("agenda from the template (HD12 / HD42)", () => {
  it("reads as not yet prepared, then is created from the template of the guidance on its date", async () => {
    const { db, org, lead, member } = await setup();
    const march = await insertMeeting(db, org, { date: "2026-03-20" });
    const before = await call("GET", `/meetings/${march}/agenda`, lead.cookie);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({
      meetingId: march,
      meetingKind: "regular",
      meetingDate: "2026-03-20",
      state: null,
      guidance: "HD42",
      version: 1,
      items: [],
      documents: [],
      tasksToReview: [],
      can: { edit: true, agree: false, send: false, reopen: false },
    });
    const asMember = await call("GET", `/meetings/${march}/agenda`, member.cookie);
    expect(asMember.json<AgendaDto>().can).toEqual({
      edit: false,
      agree: false,
      send: false,
      reopen: false,
    });

    const created = await fromTemplate(march, lead.cookie);
    expect(created).toMatchObject({
      state: "draft",
      guidance: "HD42",
      version: 2,
      preparedBy: expect.stringContaining("Người dùng") as unknown,
      can: { edit: true, agree: true, send: false, reopen: false },
    });
    expect(created.templateName).toContain("42-HD/BTCTW");
    expect(created.items.map((i) => i.key)).toEqual(REGULAR_KEYS);
    expect(created.items.map((i) => i.position)).toEqual(REGULAR_KEYS.map((_, i) => i + 1));
    const report = created.items.find((i) => i.key === "report");
    expect(report).toMatchObject({ section: "proceedings", presenter: null });
    expect(report?.notes).toContain("nghị quyết tháng trước");

    // A June 2025 meeting follows HD12 (HD42 is in force from 28/10/2025).
    const june = await insertMeeting(db, org, { date: "2025-06-15" });
    const hd12 = await fromTemplate(june, lead.cookie);
    expect(hd12.guidance).toBe("HD12");
    expect(hd12.templateName).toContain("12-HD/BTCTW");
    expect(hd12.items.map((i) => i.key)).toEqual(REGULAR_KEYS);

    // A thematic meeting gets the thematic order.
    const thematic = await insertMeeting(db, org, { date: "2026-03-27", kind: "thematic" });
    const t = await fromTemplate(thematic, lead.cookie);
    expect(t.items.map((i) => i.key)).toEqual([
      "reason_guests",
      "minute_taker",
      "attendance",
      "purpose",
      "topic_paper",
      "topic_discussion",
      "resolution",
      "paper_finalised",
      "minutes_approval",
    ]);
    expect(await auditCount(db, org.tenantId, "agenda.create")).toBe(3);
  });

  it("refuses a second agenda, a closed meeting, and anyone who may not write", async () => {
    const { db, org, lead, member, outsider, otherLead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    await fromTemplate(m, lead.cookie);
    const again = await call("POST", `/meetings/${m}/agenda/from-template`, lead.cookie, {});
    expectProblem(again, 409, "agenda_exists");
    expect((await agendaRows(db, m)).items).toHaveLength(REGULAR_KEYS.length);

    const held = await insertMeeting(db, org, {
      date: "2026-02-20",
      status: "held",
    });
    expectProblem(
      await call("POST", `/meetings/${held}/agenda/from-template`, lead.cookie, {}),
      409,
      "meeting_state",
    );
    const cancelled = await insertMeeting(db, org, {
      date: "2026-03-25",
      kind: "forum",
      status: "cancelled",
    });
    expectProblem(
      await call("POST", `/meetings/${cancelled}/agenda/from-template`, lead.cookie, {}),
      409,
      "meeting_state",
    );
    const closed = await call("GET", `/meetings/${held}/agenda`, lead.cookie);
    expect(closed.json<AgendaDto>().can).toEqual({
      edit: false,
      agree: false,
      send: false,
      reopen: false,
    });
    expect((await agendaRows(db, held)).agenda).toBeUndefined();

    const fresh = await insertMeeting(db, org, { date: "2026-03-28", kind: "extraordinary" });
    expectProblem(
      await call("POST", `/meetings/${fresh}/agenda/from-template`, member.cookie, {}),
      403,
      "forbidden",
    );
    expectProblem(
      await call("POST", `/meetings/${fresh}/agenda/from-template`, outsider.cookie, {}),
      404,
      "not_found",
    );
    expectProblem(
      await call("POST", `/meetings/${fresh}/agenda/from-template`, otherLead.cookie, {}),
      404,
      "not_found",
    );
    expectProblem(
      await call("GET", `/meetings/${fresh}/agenda`, outsider.cookie),
      404,
      "not_found",
    );
    expect((await agendaRows(db, fresh)).agenda).toBeUndefined();
    // A body with unknown fields is refused by the contract.
    expectProblem(
      await call("POST", `/meetings/${fresh}/agenda/from-template`, lead.cookie, { x: 1 }),
      400,
      "validation_failed",
      "body.x",
    );
  });

  it("uses the tenant's own template for its kind and guidance", async () => {
    const { db, org, lead, admin } = await setup();
    const own = {
      kind: "regular",
      guidance: "HD42",
      name: "Sinh hoạt chi bộ thường kỳ (mẫu của Đảng ủy Khối)",
      items: [
        { section: "opening", key: "reason_guests", title: "Chào cờ, tuyên bố lý do" },
        { section: "proceedings", key: "report", title: "Kiểm điểm nghị quyết tháng trước" },
        { section: "closing", key: "resolution", title: "Biểu quyết nghị quyết" },
      ],
    };
    const set = await call("PUT", "/settings/agenda-templates", admin.cookie, {
      templates: [own],
    });
    expect(set.statusCode).toBe(200);
    const march = await insertMeeting(db, org, { date: "2026-03-20" });
    const a = await fromTemplate(march, lead.cookie);
    expect(a.templateName).toBe(own.name);
    expect(a.items.map((i) => i.title)).toEqual(own.items.map((i) => i.title));
    expect(a.items[0]?.notes).toBeNull();
    // HD12 meetings keep the national template.
    const june = await insertMeeting(db, org, { date: "2025-06-15" });
    expect((await fromTemplate(june, lead.cookie)).templateName).toContain("12-HD/BTCTW");
  });
});

describe("agenda templates (settings)", () => {
  it("lists the national templates, and the administrator sets the province's own", async () => {
    const { org, db, lead, admin, member } = await setup();
    const res = await call("GET", "/settings/agenda-templates", member.cookie);
    expect(res.statusCode).toBe(200);
    const list = res.json<AgendaTemplatesDto>().templates;
    expect(list).toHaveLength(DEFAULT_AGENDA_TEMPLATES.length);
    expect(list.every((t) => !t.custom)).toBe(true);
    expect(list.find((t) => t.kind === "regular" && t.guidance === "HD12")?.items).toHaveLength(
      REGULAR_KEYS.length,
    );

    const mine = {
      kind: "thematic",
      guidance: "HD42",
      name: "Chuyên đề (mẫu tỉnh)",
      items: [{ section: "proceedings", key: "topic_paper", title: "Trình bày chuyên đề" }],
    };
    const old = { ...mine, guidance: "HD09", name: "Chuyên đề theo HD09" };
    const set = await call("PUT", "/settings/agenda-templates", admin.cookie, {
      templates: [mine, old],
    });
    expect(set.statusCode).toBe(200);
    const after = set.json<AgendaTemplatesDto>().templates;
    expect(after).toHaveLength(DEFAULT_AGENDA_TEMPLATES.length + 1);
    expect(after.filter((t) => t.custom).map((t) => t.name)).toEqual([mine.name, old.name]);
    const read = await call("GET", "/settings/agenda-templates", lead.cookie);
    expect(read.json<AgendaTemplatesDto>()).toEqual(set.json());
    const [tenant] = await db
      .select({ settings: tenants.settings })
      .from(tenants)
      .where(eq(tenants.tenantId, org.tenantId));
    expect(tenant?.settings.agendaTemplates).toHaveLength(2);
    expect(await auditCount(db, org.tenantId, "tenant.agenda_templates")).toBe(1);

    // An empty list returns to the national templates.
    const reset = await call("PUT", "/settings/agenda-templates", admin.cookie, { templates: [] });
    expect(reset.json<AgendaTemplatesDto>().templates.every((t) => !t.custom)).toBe(true);
  });

  it("refuses a cell lead, duplicates and a template without steps, writing nothing", async () => {
    const { org, db, lead, admin } = await setup();
    const t = {
      kind: "regular",
      guidance: "HD42",
      name: "Mẫu",
      items: [{ section: "opening", key: "other", title: "Khai mạc" }],
    };
    expectProblem(
      await call("PUT", "/settings/agenda-templates", lead.cookie, { templates: [t] }),
      403,
      "forbidden",
    );
    const dup = await call("PUT", "/settings/agenda-templates", admin.cookie, {
      templates: [t, { ...t, kind: "thematic" }, { ...t, name: "Mẫu khác" }],
    });
    const body = expectProblem(dup, 422, "validation_failed", "body.templates.2.kind");
    expect(body.details).toHaveLength(1);
    expectProblem(
      await call("PUT", "/settings/agenda-templates", admin.cookie, {
        templates: [{ ...t, items: [] }],
      }),
      400,
      "validation_failed",
      "body.templates.0.items",
    );
    const [tenant] = await db
      .select({ settings: tenants.settings })
      .from(tenants)
      .where(eq(tenants.tenantId, org.tenantId));
    expect(tenant?.settings.agendaTemplates).toBeUndefined();
    expect(await auditCount(db, org.tenantId, "tenant.agenda_templates")).toBe(0);
  });
});

describe("editing the draft", () => {
  it("replaces the steps in order: kept ids stay, others go, new ones are added", async () => {
    const { db, org, lead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20", kind: "forum" });
    const a = await fromTemplate(m, lead.cookie);
    const [first, second] = a.items;
    if (!first || !second) throw new Error("template without steps");
    const res = await call("PUT", `/meetings/${m}/agenda`, lead.cookie, {
      version: a.version,
      items: [
        { id: second.id, section: second.section, key: second.key, title: "  Cử thư ký  " },
        {
          section: "proceedings",
          title: "Góp ý dự thảo văn kiện",
          presenter: "Đồng chí Bí thư",
          notes: "Tài liệu gửi kèm",
        },
        { id: first.id, section: "opening", key: first.key, title: first.title },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<AgendaDto>();
    expect(body.version).toBe(a.version + 1);
    expect(body.items.map((i) => [i.position, i.title, i.key])).toEqual([
      [1, "Cử thư ký", second.key],
      [2, "Góp ý dự thảo văn kiện", "other"],
      [3, first.title, first.key],
    ]);
    expect(body.items[0]?.id).toBe(second.id);
    expect(body.items[2]?.id).toBe(first.id);
    expect(body.items[1]).toMatchObject({
      presenter: "Đồng chí Bí thư",
      notes: "Tài liệu gửi kèm",
    });
    const rows = await agendaRows(db, m);
    expect(rows.items).toHaveLength(3);
    expect(rows.agenda?.version).toBe(a.version + 1);
    expect(await auditCount(db, org.tenantId, "agenda.update")).toBe(1);
  });

  it("creates the agenda by hand from version 1 when there is none", async () => {
    const { db, org, lead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20", kind: "extraordinary" });
    const items = [{ section: "proceedings", title: "Xem xét kỷ luật" }];
    expectProblem(
      await call("PUT", `/meetings/${m}/agenda`, lead.cookie, { version: 2, items }),
      409,
      "stale_version",
      "body.version",
    );
    const res = await call("PUT", `/meetings/${m}/agenda`, lead.cookie, { version: 1, items });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: "draft", version: 2, templateName: null });
    // A second client still holding version 1 is told the agenda changed.
    expectProblem(
      await call("PUT", `/meetings/${m}/agenda`, lead.cookie, { version: 1, items }),
      409,
      "stale_version",
    );
    // And from-template no longer applies.
    expectProblem(
      await call("POST", `/meetings/${m}/agenda/from-template`, lead.cookie, {}),
      409,
      "agenda_exists",
    );
  });

  it("refuses stale versions, foreign step ids and bad input, leaving the agenda as it was", async () => {
    const { db, org, lead, member } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    const other = await insertMeeting(db, org, { date: "2026-03-27", kind: "thematic" });
    const a = await fromTemplate(m, lead.cookie);
    const b = await fromTemplate(other, lead.cookie);
    const before = await agendaRows(db, m);
    const item = { section: "opening", title: "Khai mạc" };

    expectProblem(
      await call("PUT", `/meetings/${m}/agenda`, lead.cookie, {
        version: a.version - 1,
        items: [item],
      }),
      409,
      "stale_version",
    );
    const foreign = await call("PUT", `/meetings/${m}/agenda`, lead.cookie, {
      version: a.version,
      items: [item, { ...item, id: b.items[0]?.id }],
    });
    expectProblem(foreign, 422, "validation_failed", "body.items.1.id");
    const twice = await call("PUT", `/meetings/${m}/agenda`, lead.cookie, {
      version: a.version,
      items: [
        { ...item, id: a.items[0]?.id },
        { ...item, id: a.items[0]?.id },
      ],
    });
    expectProblem(twice, 422, "validation_failed", "body.items.1.id");
    expectProblem(
      await call("PUT", `/meetings/${m}/agenda`, lead.cookie, { version: a.version, items: [] }),
      400,
      "validation_failed",
      "body.items",
    );
    expectProblem(
      await call("PUT", `/meetings/${m}/agenda`, lead.cookie, {
        version: a.version,
        items: [{ section: "middle", title: "" }],
      }),
      400,
      "validation_failed",
      "body.items.0.section",
    );
    expectProblem(
      await call("PUT", `/meetings/${m}/agenda`, member.cookie, {
        version: a.version,
        items: [item],
      }),
      403,
      "forbidden",
    );
    expect(await agendaRows(db, m)).toEqual(before);
  });
});

describe("preparation: draft → agreed → sent", () => {
  it("moves through the states and refuses every other move with its code", async () => {
    const { db, org, lead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    const none = await call("POST", `/meetings/${m}/agenda/agree`, lead.cookie, { version: 1 });
    expectProblem(none, 409, "agenda_state");

    let a = await fromTemplate(m, lead.cookie);
    expectProblem(
      await call("POST", `/meetings/${m}/agenda/send`, lead.cookie, { version: a.version }),
      409,
      "agenda_state",
    );
    expectProblem(
      await call("POST", `/meetings/${m}/agenda/reopen`, lead.cookie, { version: a.version }),
      409,
      "agenda_state",
    );
    expectProblem(
      await call("POST", `/meetings/${m}/agenda/agree`, lead.cookie, { version: a.version + 5 }),
      409,
      "stale_version",
    );

    const agreed = await call("POST", `/meetings/${m}/agenda/agree`, lead.cookie, {
      version: a.version,
    });
    expect(agreed.statusCode).toBe(200);
    a = agreed.json<AgendaDto>();
    expect(a).toMatchObject({
      state: "agreed",
      agreedAt: "2026-03-10T03:00:00.000Z",
      agreedInMeetingId: null,
      sentAt: null,
      can: { edit: false, agree: false, send: true, reopen: true },
    });
    // What was agreed is what is sent: no edits, no second agreement.
    expectProblem(
      await call("PUT", `/meetings/${m}/agenda`, lead.cookie, {
        version: a.version,
        items: [{ section: "opening", title: "Khác" }],
      }),
      409,
      "agenda_state",
    );
    expectProblem(
      await call("POST", `/meetings/${m}/agenda/agree`, lead.cookie, { version: a.version }),
      409,
      "agenda_state",
    );

    const sent = await call("POST", `/meetings/${m}/agenda/send`, lead.cookie, {
      version: a.version,
    });
    expect(sent.statusCode).toBe(200);
    a = sent.json<AgendaDto>();
    expect(a).toMatchObject({
      state: "sent",
      sentAt: "2026-03-10T03:00:00.000Z",
      can: { edit: false, agree: false, send: false, reopen: true },
    });
    expectProblem(
      await call("POST", `/meetings/${m}/agenda/send`, lead.cookie, { version: a.version }),
      409,
      "agenda_state",
    );

    const reopened = await call("POST", `/meetings/${m}/agenda/reopen`, lead.cookie, {
      version: a.version,
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({
      state: "draft",
      agreedAt: null,
      sentAt: null,
      can: { edit: true, agree: true, send: false, reopen: false },
    });
    for (const action of ["agenda.agree", "agenda.send", "agenda.reopen"]) {
      expect(await auditCount(db, org.tenantId, action)).toBe(1);
    }

    // Once the meeting is held, the agenda is a record: nothing moves any more.
    await db.update(meetings).set({ status: "held" }).where(eq(meetings.id, m));
    const version = reopened.json<AgendaDto>().version;
    expectProblem(
      await call("POST", `/meetings/${m}/agenda/agree`, lead.cookie, { version }),
      409,
      "meeting_state",
    );
    expectProblem(
      await call("PUT", `/meetings/${m}/agenda`, lead.cookie, {
        version,
        items: [{ section: "opening", title: "Khác" }],
      }),
      409,
      "meeting_state",
    );
  });

  it("records the cell-committee meeting that agreed it, checking it is the cell's and not later", async () => {
    const { db, org, lead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    const a = await fromTemplate(m, lead.cookie);
    const good = await insertMeeting(db, org, { date: "2026-03-12", kind: "committee" });
    const later = await insertMeeting(db, org, { date: "2026-03-21", kind: "committee" });
    const elsewhere = await insertMeeting(db, org, {
      date: "2026-03-12",
      kind: "committee",
      unit: org.cellA2,
    });
    const notCommittee = await insertMeeting(db, org, { date: "2026-03-05", kind: "forum" });
    const cancelled = await insertMeeting(db, org, {
      date: "2026-03-11",
      kind: "committee",
      status: "cancelled",
    });
    for (const id of [later, elsewhere, notCommittee, cancelled, randomUUID()]) {
      expectProblem(
        await call("POST", `/meetings/${m}/agenda/agree`, lead.cookie, {
          version: a.version,
          committeeMeetingId: id,
        }),
        422,
        "validation_failed",
        "body.committeeMeetingId",
      );
    }
    expect((await agendaRows(db, m)).agenda).toMatchObject({ state: "draft", version: a.version });
    const ok = await call("POST", `/meetings/${m}/agenda/agree`, lead.cookie, {
      version: a.version,
      committeeMeetingId: good,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: "agreed", agreedInMeetingId: good });
  });
});

describe("who sees the agenda, and who is told", () => {
  it("shows members the steps and documents only once the agenda is sent", async () => {
    const { db, org, lead, member, outsider, committee } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    let a = await fromTemplate(m, lead.cookie);
    const up = await upload(m, lead.cookie, PDF, "Dự thảo nghị quyết.pdf");
    expect(up.statusCode).toBe(201);
    const docId = up.json<DocumentDto>().id;

    const draft = await call("GET", `/meetings/${m}/agenda`, member.cookie);
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ state: "draft", items: [], documents: [] });
    expectProblem(await call("GET", `/documents/${docId}`, member.cookie), 404, "not_found");
    // The upper committee (who may write) sees the draft.
    const upper = await call("GET", `/meetings/${m}/agenda`, committee.cookie);
    expect(upper.json<AgendaDto>().items).toHaveLength(REGULAR_KEYS.length);

    a = (
      await call("POST", `/meetings/${m}/agenda/agree`, lead.cookie, { version: a.version })
    ).json<AgendaDto>();
    const agreed = await call("GET", `/meetings/${m}/agenda`, member.cookie);
    expect(agreed.json()).toMatchObject({ state: "agreed", items: [], documents: [] });

    await call("POST", `/meetings/${m}/agenda/send`, lead.cookie, { version: a.version });
    const sent = await call("GET", `/meetings/${m}/agenda`, member.cookie);
    const body = sent.json<AgendaDto>();
    expect(body.state).toBe("sent");
    expect(body.items.map((i) => i.key)).toEqual(REGULAR_KEYS);
    expect(body.documents).toEqual([
      expect.objectContaining({ id: docId, fileName: "Dự thảo nghị quyết.pdf" }),
    ]);
    expect(body.can).toEqual({ edit: false, agree: false, send: false, reopen: false });
    const download = await call("GET", `/documents/${docId}`, member.cookie);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);

    // Another cell's member never sees it.
    expectProblem(await call("GET", `/meetings/${m}/agenda`, outsider.cookie), 404, "not_found");
    expectProblem(await call("GET", `/documents/${docId}`, outsider.cookie), 404, "not_found");
  });

  it("tells the cell's members and the current follower when it is sent, and nobody else", async () => {
    const { db, org, lead, member, outsider, committee } = await setup();
    const follower = await createUser(db, org.tenantId, [{ role: "supervisor", unit: org.dbA }]);
    const former = await createUser(db, org.tenantId, [{ role: "supervisor", unit: org.dbA }]);
    const future = await createUser(db, org.tenantId, [{ role: "supervisor", unit: org.dbA }]);
    const otherCell = await createUser(db, org.tenantId, [{ role: "supervisor", unit: org.dbA }]);
    await db.insert(supervisionAssignments).values([
      {
        tenantId: org.tenantId,
        unitId: org.cellA1.id,
        unitPath: org.cellA1.path,
        userId: follower.id,
        startsOn: "2026-01-01",
      },
      {
        tenantId: org.tenantId,
        unitId: org.cellA1.id,
        unitPath: org.cellA1.path,
        userId: former.id,
        startsOn: "2025-01-01",
        endsOn: "2026-03-09",
      },
      {
        tenantId: org.tenantId,
        unitId: org.cellA1.id,
        unitPath: org.cellA1.path,
        userId: future.id,
        startsOn: "2026-03-11",
      },
      {
        tenantId: org.tenantId,
        unitId: org.cellA2.id,
        unitPath: org.cellA2.path,
        userId: otherCell.id,
        startsOn: "2026-01-01",
      },
    ]);
    const m = await insertMeeting(db, org, {
      date: "2026-03-20",
      startTime: "14:00",
      place: "Phòng họp số 3",
    });
    let a = await fromTemplate(m, lead.cookie);
    await upload(m, lead.cookie, PDF, "Báo cáo tháng 3.pdf");
    a = (
      await call("POST", `/meetings/${m}/agenda/agree`, lead.cookie, { version: a.version })
    ).json<AgendaDto>();
    const before = await db
      .select()
      .from(notifications)
      .where(eq(notifications.tenantId, org.tenantId));
    expect(before).toEqual([]);

    const sent = await call("POST", `/meetings/${m}/agenda/send`, lead.cookie, {
      version: a.version,
    });
    expect(sent.statusCode).toBe(200);
    const told = await db
      .select()
      .from(notifications)
      .where(eq(notifications.tenantId, org.tenantId));
    expect(told.map((n) => n.userId).sort()).toEqual([lead.id, member.id, follower.id].sort());
    for (const n of told) {
      expect(n).toMatchObject({ kind: "agenda_sent", meetingId: m });
      expect(n.title).toContain("Chi bộ Phòng A1");
      expect(n.body).toContain("14:00");
      expect(n.body).toContain("20/03/2026");
      expect(n.body).toContain("Phòng họp số 3");
      expect(n.body).toContain("Đánh giá kết quả thực hiện nghị quyết tháng trước");
      expect(n.body).toContain("Báo cáo tháng 3.pdf");
    }
    for (const u of [outsider, committee, former, future, otherCell]) {
      expect(told.some((n) => n.userId === u.id)).toBe(false);
    }
  });

  it("e-mails those with an address once the sending has committed", async () => {
    const s = await setup();
    const { db, org, lead } = s;
    await db
      .update(members)
      .set({ email: "binh@example.vn" })
      .where(eq(members.id, org.people.binh.id));
    const sentMail: MailMessage[] = [];
    const mailer: Mailer = {
      send: (message) => {
        sentMail.push(message);
        return Promise.resolve();
      },
      close: () => undefined,
    };
    const app = await buildApp({
      database: s.database,
      clock: s.clock,
      mailer,
      logLevel: "silent",
      webDist: null,
    });
    try {
      const m = await insertMeeting(db, org, { date: "2026-03-20" });
      const post = (url: string, payload: Json) =>
        app.inject({
          method: "POST",
          url: `/api/v1/meetings/${m}/agenda/${url}`,
          headers: { cookie: lead.cookie },
          payload,
        });
      const created = await post("from-template", {});
      const agreed = await post("agree", { version: created.json<AgendaDto>().version });
      const sent = await post("send", { version: agreed.json<AgendaDto>().version });
      expect(sent.statusCode).toBe(200);
      await app.notifier.drain();
      expect(sentMail.map((x) => x.to)).toEqual(["binh@example.vn"]);
      expect(sentMail[0]?.subject).toContain(
        "Chương trình sinh hoạt chi bộ thường kỳ tháng 3/2026",
      );
      expect(sentMail[0]?.text).toContain("Thông qua biên bản");
    } finally {
      await app.close();
    }
  });

  it("lists last meeting's open tasks for review on a regular meeting's agenda", async () => {
    const { db, org, lead, member } = await setup();
    const feb = await insertMeeting(db, org, { date: "2026-02-20", status: "held" });
    const march = await insertMeeting(db, org, { date: "2026-03-20" });
    const thematic = await insertMeeting(db, org, { date: "2026-03-27", kind: "thematic" });
    const [resolution] = await db
      .insert(resolutions)
      .values({
        tenantId: org.tenantId,
        meetingId: feb,
        unitId: org.cellA1.id,
        unitPath: org.cellA1.path,
        kind: "resolution",
        title: "Nghị quyết tháng 2/2026",
      })
      .returning({ id: resolutions.id });
    if (!resolution) throw new Error("insert failed");
    const rows = await db
      .insert(tasks)
      .values(
        (
          [
            ["Hoàn thành báo cáo quý", "open", "2026-03-01"],
            ["Vận động quần chúng", "in_progress", "2026-04-01"],
            ["Dọn kho lưu trữ", "done", "2026-03-01"],
          ] as const
        ).map(([title, state, dueDate], i) => ({
          tenantId: org.tenantId,
          unitId: org.cellA1.id,
          unitPath: org.cellA1.path,
          meetingId: feb,
          meetingDate: "2026-02-20",
          resolutionId: resolution.id,
          title,
          state,
          dueDate,
          position: i,
        })),
      )
      .returning({ id: tasks.id });
    await db.insert(taskAssignees).values({
      tenantId: org.tenantId,
      taskId: rows[0]?.id ?? "",
      memberId: org.people.binh.id,
    });
    const res = await call("GET", `/meetings/${march}/agenda`, member.cookie);
    const review = res.json<AgendaDto>().tasksToReview;
    expect(review.map((t) => [t.title, t.state, t.overdue])).toEqual([
      ["Hoàn thành báo cáo quý", "open", true],
      ["Vận động quần chúng", "in_progress", false],
    ]);
    expect(review[0]).toMatchObject({
      resolutionTitle: "Nghị quyết tháng 2/2026",
      assignees: [{ memberId: org.people.binh.id, fullName: "Trần Thị Bình" }],
      can: { report: true, edit: false },
    });
    const asLead = await call("GET", `/meetings/${march}/agenda`, lead.cookie);
    expect(asLead.json<AgendaDto>().tasksToReview[1]?.can).toEqual({ report: true, edit: true });
    const t = await call("GET", `/meetings/${thematic}/agenda`, lead.cookie);
    expect(t.json<AgendaDto>().tasksToReview).toEqual([]);
  });
});

describe("meeting documents", () => {
  it("accepts a PDF, a PNG and a DOCX by their content, and returns the very same bytes", async () => {
    const { db, org, lead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    const docx = await docxFile();
    const cases = [
      { data: PDF, name: "C:\\fakepath\\Báo cáo tháng 3.pdf", type: "application/pdf" },
      { data: PNG, name: "so-do.PNG", type: "image/png" },
      {
        data: docx,
        name: "Dự thảo nghị quyết.docx",
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      },
    ];
    const names = ["Báo cáo tháng 3.pdf", "so-do.PNG", "Dự thảo nghị quyết.docx"];
    for (const [i, c] of cases.entries()) {
      const res = await upload(m, lead.cookie, c.data, c.name);
      expect(res.statusCode).toBe(201);
      const doc = res.json<DocumentDto>();
      expect(doc).toMatchObject({
        meetingId: m,
        fileName: names[i],
        contentType: c.type,
        size: c.data.length,
        uploadedAt: "2026-03-10T03:00:00.000Z",
        uploadedBy: expect.stringContaining("Người dùng") as unknown,
      });
      const download = await call("GET", `/documents/${doc.id}`, lead.cookie);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(c.data)).toBe(true);
      expect(download.headers["content-type"]).toBe(c.type);
      expect(download.headers["x-content-type-options"]).toBe("nosniff");
      expect(String(download.headers["cache-control"])).toContain("private");
      expect(String(download.headers["content-disposition"])).toContain(
        `filename*=UTF-8''${encodeURIComponent(names[i] ?? "")}`,
      );
      expect(String(download.headers["content-disposition"])).toMatch(/^attachment; /u);
      const [row] = await db
        .select({ sha256: meetingDocuments.sha256, size: meetingDocuments.sizeBytes })
        .from(meetingDocuments)
        .where(eq(meetingDocuments.id, doc.id));
      expect(row).toEqual({
        sha256: createHash("sha256").update(c.data).digest("hex"),
        size: c.data.length,
      });
    }
    const agenda = await call("GET", `/meetings/${m}/agenda`, lead.cookie);
    // In upload order; these three share the test clock's instant.
    expect(
      agenda
        .json<AgendaDto>()
        .documents.map((d) => d.fileName)
        .sort(),
    ).toEqual([...names].sort());
    // The audit says what was uploaded, never the bytes.
    const audits = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, org.tenantId), eq(auditLog.action, "meeting_document.upload")),
      );
    expect(audits).toHaveLength(3);
    for (const a of audits) {
      expect(a.after).toMatchObject({ meetingId: m });
      expect(Object.keys(a.after as Json).sort()).toEqual(
        ["contentType", "fileName", "meetingId", "sha256", "size"].sort(),
      );
    }
  });

  it("names the file by what it holds and strips what could mislead", async () => {
    const { db, org, lead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    const png = await upload(m, lead.cookie, PNG, "anh.exe");
    expect(png.json<DocumentDto>().fileName).toBe("anh.exe.png");
    const bidi = await upload(m, lead.cookie, PDF, "../../hoa\u202Efdp.exe");
    expect(bidi.json<DocumentDto>().fileName).toBe("hoafdp.exe.pdf");
    const nameless = await upload(m, lead.cookie, PDF, "...");
    expect(nameless.json<DocumentDto>().fileName).toBe("tai-lieu.pdf");
    const long = await upload(m, lead.cookie, PDF, `${"Nghị quyết ".repeat(40)}.pdf`);
    const longName = long.json<DocumentDto>().fileName;
    expect(longName.length).toBeLessThanOrEqual(200);
    expect(longName).toMatch(/^Nghị quyết Nghị.*\.pdf$/u);
    const jpegName = await upload(m, lead.cookie, PDF, "quyet-dinh.jpeg");
    expect(jpegName.json<DocumentDto>().fileName).toBe("quyet-dinh.jpeg.pdf");
  });

  it("refuses a file whose content is not an allowed type, whatever its name, writing nothing", async () => {
    const { db, org, lead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    for (const [data, name] of [
      [EXE, "bao-cao.pdf"],
      [ZIP, "du-thao.docx"],
      [TEXT, "nghi-quyet.pdf"],
      [Buffer.alloc(0), "rong.pdf"],
    ] as const) {
      const res = await upload(m, lead.cookie, data, name);
      const body = expectProblem(res, 415, "document_type_not_allowed", "file");
      expect(body.detail).toContain("PDF");
    }
    expect(await documentCount(db, org.tenantId)).toBe(0);
    expect(await auditCount(db, org.tenantId, "meeting_document.upload")).toBe(0);
  });

  it("accepts a file above the JSON body limit and refuses one over 10 MB with 413, writing nothing", async () => {
    const { db, org, lead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    const big = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const ok = await upload(m, lead.cookie, big, "phu-luc.pdf");
    expect(ok.statusCode).toBe(201);
    expect(ok.json<DocumentDto>().size).toBe(big.length);

    const huge = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    expect(huge.length).toBeGreaterThan(DOCUMENT_MAX_BYTES);
    const res = await upload(m, lead.cookie, huge, "qua-lon.pdf");
    expectProblem(res, 413, "document_too_large", "file");
    expect(await documentCount(db, org.tenantId)).toBe(1);
    expect(await auditCount(db, org.tenantId, "meeting_document.upload")).toBe(1);
  });

  it("refuses uploads by members, strangers, to cancelled meetings and without a file", async () => {
    const { db, org, lead, member, otherLead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    expectProblem(await upload(m, member.cookie, PDF, "a.pdf"), 403, "forbidden");
    expectProblem(await upload(m, otherLead.cookie, PDF, "a.pdf"), 404, "not_found");
    expectProblem(await upload(randomUUID(), lead.cookie, PDF, "a.pdf"), 404, "not_found");
    expectProblem(
      await upload(m, lead.cookie, PDF, "a.pdf", "attachment"),
      422,
      "validation_failed",
      "file",
    );
    const json = await call("POST", `/meetings/${m}/documents`, lead.cookie, {
      file: "JVBERi0xLjQ=",
    });
    expectProblem(json, 422, "validation_failed", "file");
    const cancelled = await insertMeeting(db, org, {
      date: "2026-03-25",
      kind: "forum",
      status: "cancelled",
    });
    expectProblem(await upload(cancelled, lead.cookie, PDF, "a.pdf"), 409, "meeting_state");
    expect(await documentCount(db, org.tenantId)).toBe(0);
  });

  it("deletes a document (audited); members and strangers may not", async () => {
    const { db, org, lead, member, otherLead } = await setup();
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    const doc = (await upload(m, lead.cookie, PDF, "a.pdf")).json<DocumentDto>();
    expectProblem(await call("DELETE", `/documents/${doc.id}`, member.cookie), 403, "forbidden");
    expectProblem(await call("DELETE", `/documents/${doc.id}`, otherLead.cookie), 404, "not_found");
    expect(await documentCount(db, org.tenantId)).toBe(1);
    const res = await call("DELETE", `/documents/${doc.id}`, lead.cookie);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect(await documentCount(db, org.tenantId)).toBe(0);
    expect(await auditCount(db, org.tenantId, "meeting_document.delete")).toBe(1);
    expectProblem(await call("GET", `/documents/${doc.id}`, lead.cookie), 404, "not_found");
    expectProblem(await call("DELETE", `/documents/${doc.id}`, lead.cookie), 404, "not_found");
  });
});

describe("tenancy of the agenda API", () => {
  it("names tenant_id in every statement of an agenda's preparation", async () => {
    const s = await setup();
    const { db, org, lead, member, admin } = s;
    await db.insert(supervisionAssignments).values({
      tenantId: org.tenantId,
      unitId: org.cellA1.id,
      unitPath: org.cellA1.path,
      userId: admin.id,
      startsOn: "2026-01-01",
    });
    const m = await insertMeeting(db, org, { date: "2026-03-20" });
    const committeeMeeting = await insertMeeting(db, org, {
      date: "2026-03-12",
      kind: "committee",
    });
    const queries = await captureQueries(async () => {
      await call("GET", "/settings/agenda-templates", lead.cookie);
      await call("PUT", "/settings/agenda-templates", admin.cookie, { templates: [] });
      const a = await fromTemplate(m, lead.cookie);
      const put = await call("PUT", `/meetings/${m}/agenda`, lead.cookie, {
        version: a.version,
        items: [{ id: a.items[0]?.id, section: "opening", title: "Khai mạc" }],
      });
      const doc = (await upload(m, lead.cookie, PDF, "a.pdf")).json<DocumentDto>();
      const agreed = await call("POST", `/meetings/${m}/agenda/agree`, lead.cookie, {
        version: put.json<AgendaDto>().version,
        committeeMeetingId: committeeMeeting,
      });
      const sent = await call("POST", `/meetings/${m}/agenda/send`, lead.cookie, {
        version: agreed.json<AgendaDto>().version,
      });
      await call("GET", `/meetings/${m}/agenda`, member.cookie);
      await call("GET", `/documents/${doc.id}`, member.cookie);
      await call("POST", `/meetings/${m}/agenda/reopen`, lead.cookie, {
        version: sent.json<AgendaDto>().version,
      });
      await call("DELETE", `/documents/${doc.id}`, lead.cookie);
    });
    const statements = queries.filter(
      (q) =>
        !/^(begin|commit|rollback|analyze|savepoint|release)/iu.test(q.trim()) &&
        !/^select .* from "sessions" inner join "users"/u.test(q),
    );
    expect(statements.length).toBeGreaterThan(25);
    expect(statements.filter((q) => !q.includes("tenant_id"))).toEqual([]);
  });
});

describe("agenda API description", () => {
  it("is part of the OpenAPI document", async () => {
    const { app } = await testContext();
    const doc = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/v1/meetings/{id}/agenda",
        "/api/v1/meetings/{id}/agenda/from-template",
        "/api/v1/meetings/{id}/agenda/agree",
        "/api/v1/meetings/{id}/agenda/send",
        "/api/v1/meetings/{id}/agenda/reopen",
        "/api/v1/meetings/{id}/documents",
        "/api/v1/documents/{id}",
        "/api/v1/settings/agenda-templates",
      ]),
    );
  });
});
