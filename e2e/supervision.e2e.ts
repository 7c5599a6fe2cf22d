import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  VISIT_REPORT_LABELS,
  VISIT_REPORT_PARTS,
  type MeDto,
  type VisitDto,
  type VisitMeetingDto,
  type VisitorComplianceDto,
  type VisitReportPart,
} from "@chibo/domain";
import { readDocx } from "../apps/server/src/lib/docx/docx-reader.testing.js";
import { launch, login, phonePage, shot } from "./browser.js";

const baseUrl = inject("baseUrl");
const password = inject("demoPassword");

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/** A call to the API with the page's session (setting up what this test does not exercise). */
async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, u, b]) => {
      const res = await fetch(u, {
        method: m,
        headers: b === undefined ? {} : { "content-type": "application/json" },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      if (!res.ok) throw new Error(`${m} ${u} → ${String(res.status)} ${await res.text()}`);
      return res.status === 204 ? null : ((await res.json()) as unknown);
    },
    [method, url, body] as const,
  ) as Promise<T>;
}

/** The status of a GET with the page's session. */
function statusOf(page: Page, url: string): Promise<number> {
  return page.evaluate(async (u) => (await fetch(u)).status, url);
}

/** A committee office's screen. */
async function deskPage(b: Browser): Promise<Page> {
  const context = await b.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  return context.newPage();
}

/** What GET /me/assigned-cells gives per cell, as far as this test reads it. */
interface AssignedCell {
  unitId: string;
  unitName: string;
  meetingDay: number | null;
  nextMeetings: VisitMeetingDto[];
}

const dmy = (iso: string) => iso.split("-").reverse().join("/");
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/** What the visitor writes, part by part (the time and the cell come pre-filled, and are rewritten). */
function reportText(cell: string, meetingDate: string): Record<VisitReportPart, string> {
  return {
    time: `16:00 ngày ${dmy(meetingDate)}`,
    cell,
    situation: "Cơ quan hoàn thành kế hoạch quý; đảng viên yên tâm công tác.",
    organisation: "Chuẩn bị nội dung trước, có họp chi ủy; sinh hoạt đúng trình tự.",
    exchanged: "Kiểm điểm nhiệm vụ tháng trước, giao nhiệm vụ cho từng đảng viên.",
    opinions: "Đề nghị tăng thời lượng thảo luận, mời đảng viên trẻ phát biểu.",
    taken_back: "Kiến nghị về kinh phí hoạt động của chi bộ, báo cáo Đảng ủy.",
    assessment: "Buổi sinh hoạt có chất lượng, đúng nguyên tắc.",
    score_decision: "Thống nhất kết quả tự chấm của chi bộ.",
  };
}

describe("unannounced supervision: assigned, planned unseen by the cell, attended, reported, counted", () => {
  it(
    "the committee's follower plans a visit the cell never sees, attends, reports on the phone with a kept draft; the committee counts it and exports the notice",
    { timeout: 120_000 },
    async () => {
      const committee = await deskPage(browser);
      await login(committee, baseUrl, "danguy", password);
      const visitor = await phonePage(browser);
      await login(visitor, baseUrl, "giamsat", password);
      const lead = await phonePage(browser);
      await login(lead, baseUrl, "bithu", password);
      const member = await phonePage(browser);
      await login(member, baseUrl, "dangvien", password);

      const visitorMe = await api<MeDto>(visitor, "GET", "/api/v1/me");
      const leadMe = await api<MeDto>(lead, "GET", "/api/v1/me");
      const committeeMe = await api<MeDto>(committee, "GET", "/api/v1/me");
      const cellGrant = leadMe.grants.find((g) => g.role === "cell_lead");
      const committeeId = committeeMe.grants.find((g) => g.role === "committee")?.unitId ?? "";
      if (!cellGrant || committeeId === "") throw new Error("demo users without their grants");
      const cellId = cellGrant.unitId;
      const cellName = cellGrant.unitName;
      const visitorName = visitorMe.user.displayName;
      const today = await visitor.evaluate(() =>
        new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()),
      );
      const year = Number(today.slice(0, 4));
      const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
      const complianceUrl = `/api/v1/units/${committeeId}/visitor-compliance?year=${String(year)}&quarter=${String(quarter)}`;
      const rowOf = (c: VisitorComplianceDto) =>
        c.rows.find((r) => r.userId === visitorMe.user.id && r.unitId === cellId);
      const before = rowOf(await api<VisitorComplianceDto>(committee, "GET", complianceUrl));

      // 1. The committee's board: the visitor follows the cell (the demo's assignment).
      await committee.goto(`${baseUrl}/supervision`);
      const assignments = committee.getByRole("list", { name: "Phân công theo dõi chi bộ" });
      const assignment = assignments.getByRole("listitem", {
        name: `${visitorName} – ${cellName}`,
        exact: true,
      });
      await assignment.getByText("Đang theo dõi").waitFor();
      await shot(committee, "supervision-board-assignments");

      // Earlier plans to this cell (the demo has one) are withdrawn: the plan below is the only one.
      const mine = await api<{ items: VisitDto[] }>(visitor, "GET", "/api/v1/visits/mine");
      for (const v of mine.items.filter((x) => x.unitId === cellId && x.state === "planned")) {
        await api(visitor, "POST", `/api/v1/visits/${v.id}/cancel`, {
          reason: "Thay bằng kế hoạch mới",
        });
      }
      const cells = await api<{ items: AssignedCell[] }>(
        visitor,
        "GET",
        "/api/v1/me/assigned-cells",
      );
      const assigned = cells.items.find((c) => c.unitId === cellId);
      const meetingDay = assigned?.meetingDay ?? null;
      // The furthest meeting on the card: the meetings test runs and postpones the nearer ones.
      const meeting = assigned?.nextMeetings
        .filter((m) => m.status === "planned" || m.status === "postponed")
        .at(-1);
      if (meetingDay === null || !meeting) {
        throw new Error("the cell has no registered day or no meeting ahead");
      }

      // 2. The visitor's phone: the cell with its registered day and next meetings; plan one.
      await visitor.goto(`${baseUrl}/visits`);
      const cellCard = visitor
        .getByRole("region", { name: "Chi bộ được phân công theo dõi" })
        .getByRole("listitem", { name: cellName, exact: true });
      await cellCard.getByText(`Ngày ${String(meetingDay)} hằng tháng`).waitFor();
      await cellCard.getByText(dmy(meeting.date)).first().waitFor();
      await cellCard.getByRole("button", { name: `Lên kế hoạch dự – ${cellName}` }).click();
      const plan = visitor.getByRole("dialog");
      const planned = plan.getByRole("radio", {
        name: new RegExp(literal(dmy(meeting.date)), "u"),
      });
      await planned.check();
      expect(await planned.isChecked()).toBe(true);
      await shot(visitor, "supervision-plan");
      await plan.getByRole("button", { name: "Lên kế hoạch" }).click();
      await visitor.getByText("Đã lên kế hoạch dự sinh hoạt").waitFor();
      const visits = visitor.getByRole("list", {
        name: "Danh sách lượt dự sinh hoạt",
        exact: true,
      });
      const card = visits
        .getByRole("listitem", { name: cellName, exact: true })
        .filter({ hasText: dmy(meeting.date) });
      await card.getByText("Đã lên kế hoạch").waitFor();
      const visit = (
        await api<{ items: VisitDto[] }>(visitor, "GET", "/api/v1/visits/mine")
      ).items.find((v) => v.state === "planned" && v.meeting?.id === meeting.id);
      if (!visit) throw new Error("the planned visit is missing");

      // 5. The cell — its secretary and a member — sees no trace of the plan.
      for (const insider of [lead, member]) {
        expect(await statusOf(insider, `/api/v1/visits/${visit.id}`)).toBe(404);
        await insider.goto(`${baseUrl}/meetings/${meeting.id}`);
        await insider.getByRole("heading", { level: 1 }).waitFor();
        expect(await insider.locator("main").textContent()).not.toContain(visitorName);
      }
      const leadList = await api<{ items: VisitDto[] }>(
        lead,
        "GET",
        `/api/v1/units/${cellId}/visits?year=${String(year)}&quarter=${String(quarter)}`,
      );
      expect(leadList.items.map((v) => v.id)).not.toContain(visit.id);

      // The cell holds the meeting today, ahead of its day (its conduct is the meetings test's subject).
      await api(lead, "POST", `/api/v1/meetings/${meeting.id}/open`, {});
      await api(lead, "POST", `/api/v1/meetings/${meeting.id}/attendance/all-present`, {});
      await api(lead, "POST", `/api/v1/meetings/${meeting.id}/close`, {});

      // The visitor attended (the dialog's choice of meeting is the next test's subject).
      await api(visitor, "POST", `/api/v1/visits/${visit.id}/attend`, { meetingId: meeting.id });
      await visitor.reload();
      await card.getByText("Đã dự, chưa báo cáo").waitFor();

      // Now the cell sees its upper-level guest.
      await lead.reload();
      await lead.getByText(visitorName).first().waitFor();

      // 3. The report on the phone: one part left empty is refused at its field.
      const text = reportText(cellName, meeting.date);
      const field = (part: VisitReportPart) =>
        visitor
          .getByRole("dialog")
          .getByLabel(new RegExp(`^${literal(VISIT_REPORT_LABELS[part])}`, "u"));
      await card.getByRole("button", { name: "Viết báo cáo" }).click();
      for (const part of VISIT_REPORT_PARTS) {
        await field(part).fill(part === "opinions" ? "" : text[part]);
      }
      await visitor.getByRole("dialog").getByRole("button", { name: "Gửi báo cáo" }).click();
      const empty = field("opinions");
      await expect.poll(() => empty.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await empty.getAttribute("aria-describedby")) ?? "";
      const errorId = describedBy.split(" ").find((id) => id.includes("error")) ?? "";
      expect(await visitor.locator(`[id="${errorId}"]`).textContent()).toBe("Không được để trống");
      await visitor.getByText("Báo cáo còn thiếu nội dung bắt buộc.").waitFor();
      expect(await field("situation").getAttribute("aria-invalid")).not.toBe("true");
      await shot(visitor, "supervision-report-incomplete");

      // The draft stays on the phone across a reload.
      await visitor.reload();
      await card.getByRole("button", { name: "Viết báo cáo" }).click();
      for (const part of VISIT_REPORT_PARTS) {
        expect(await field(part).inputValue()).toBe(part === "opinions" ? "" : text[part]);
      }
      await field("opinions").fill(text.opinions);
      await visitor.getByRole("dialog").getByRole("button", { name: "Gửi báo cáo" }).click();
      await visitor.getByText("Đã gửi báo cáo dự sinh hoạt").waitFor();
      expect(
        await visitor.evaluate((k) => localStorage.getItem(k), `chibo.visit-report.${visit.id}`),
      ).toBeNull();
      await visitor.getByLabel("Hiển thị").getByText("Đã báo cáo", { exact: true }).click();
      await card.getByText(`Đã báo cáo ngày ${dmy(today)}`).waitFor();
      await shot(visitor, "supervision-reported");

      // 4. The committee: the visit reported, the report readable, the visitor's quarter counted.
      await committee.reload();
      const quarterVisits = committee.getByRole("list", {
        name: "Danh sách lượt dự sinh hoạt trong quý",
      });
      const reported = quarterVisits
        .getByRole("listitem", { name: cellName, exact: true })
        .filter({ hasText: `Đã báo cáo ngày ${dmy(today)}` })
        .filter({ hasText: dmy(meeting.date) });
      await reported.getByText(`Người dự: ${visitorName}`).waitFor();
      await reported.getByRole("button", { name: "Xem báo cáo" }).click();
      await committee.getByRole("dialog").getByText(text.taken_back).waitFor();
      await committee.keyboard.press("Escape");

      const after = rowOf(await api<VisitorComplianceDto>(committee, "GET", complianceUrl));
      expect(after).toMatchObject({
        attended: (before?.attended ?? 0) + 1,
        reported: (before?.reported ?? 0) + 1,
        reportedOnTime: (before?.reportedOnTime ?? 0) + 1,
        met: true,
      });
      const row = committee
        .getByRole("row")
        .filter({ has: committee.getByRole("cell", { name: visitorName, exact: true }) })
        .filter({ has: committee.getByRole("cell", { name: cellName, exact: true }) });
      const cellsText = await row.getByRole("cell").allTextContents();
      expect(cellsText.slice(2)).toEqual([
        String(after?.required),
        String(after?.attended),
        String(after?.reported),
        String(after?.reportedOnTime),
        "Đạt",
      ]);
      await shot(committee, "supervision-board-reported");

      // The quarter's notice, as Word: named for the quarter, and naming the visitor.
      const [download] = await Promise.all([
        committee.waitForEvent("download"),
        committee.getByRole("link", { name: "Tải thông báo quý (.docx)" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(
        `thong-bao-quy-${String(quarter)}-${String(year)}.docx`,
      );
      const bytes = await readFile(await download.path());
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
      const docx = readDocx(bytes);
      // The same figures as the board, and the cell's row names its visitor.
      const totals = (await api<VisitorComplianceDto>(committee, "GET", complianceUrl)).totals;
      expect(docx.paragraphs).toContain(
        `Số lượt phải dự: ${String(totals.required)}; số lượt đã dự: ${String(totals.attended)}; số báo cáo đã nộp: ${String(totals.reported)}, trong đó đúng hạn: ${String(totals.reportedOnTime)}.`,
      );
      const at = docx.paragraphs.lastIndexOf(cellName);
      expect(at).toBeGreaterThan(0);
      expect(docx.paragraphs.slice(at + 1, at + 9).some((p) => p.includes(visitorName))).toBe(true);
    },
  );
  it(
    "marking a visit attended offers the planned meeting the cell held ahead of its day",
    { timeout: 60_000 },
    async () => {
      const visitor = await phonePage(browser);
      await login(visitor, baseUrl, "giamsat", password);
      const committee = await deskPage(browser);
      await login(committee, baseUrl, "danguy", password);
      const cells = await api<{ items: AssignedCell[] }>(
        visitor,
        "GET",
        "/api/v1/me/assigned-cells",
      );
      // Another cell than the first test's, with a meeting ahead.
      const lead = await phonePage(browser);
      await login(lead, baseUrl, "bithu", password);
      const leadCells = (await api<MeDto>(lead, "GET", "/api/v1/me")).grants.map((g) => g.unitId);
      const cell = cells.items.find(
        (c) => !leadCells.includes(c.unitId) && c.nextMeetings.some((m) => m.status === "planned"),
      );
      const meeting = cell?.nextMeetings.find((m) => m.status === "planned");
      if (!cell || !meeting) throw new Error("no assigned cell with a meeting ahead");
      const visit = await api<VisitDto>(visitor, "POST", "/api/v1/visits", {
        unitId: cell.unitId,
        plannedOn: meeting.date,
        meetingId: meeting.id,
      });
      // The meeting is opened today, ahead of its registered day (held early, as a cell may).
      await api(committee, "POST", `/api/v1/meetings/${meeting.id}/open`, {});

      await visitor.goto(`${baseUrl}/visits`);
      await visitor
        .getByRole("list", { name: "Danh sách lượt dự sinh hoạt" })
        .getByRole("listitem", { name: cell.unitName, exact: true })
        .filter({ hasText: dmy(meeting.date) })
        .getByRole("button", { name: "Đã dự" })
        .click();
      const dialog = visitor.getByRole("dialog");
      await dialog.getByRole("button", { name: "Ghi nhận đã dự" }).waitFor();
      await shot(visitor, "supervision-attend-dialog");
      // The meeting held ahead of its date is offered and chosen (not last month's).
      const choices = await dialog.getByRole("radio").evaluateAll((els) =>
        els.map((el) => ({
          label: (el as HTMLInputElement).labels?.[0]?.textContent ?? "",
          checked: (el as HTMLInputElement).checked,
        })),
      );
      expect(
        choices.find((c) => c.checked)?.label ?? "",
        `offered: ${choices.map((c) => c.label).join(" | ")}`,
      ).toContain(dmy(meeting.date));
      await dialog.getByRole("button", { name: "Ghi nhận đã dự" }).click();
      await visitor.getByText("Đã ghi nhận dự sinh hoạt").waitFor();
      const after = await api<VisitDto>(visitor, "GET", `/api/v1/visits/${visit.id}`);
      expect(after).toMatchObject({ state: "attended", meeting: { id: meeting.id } });
    },
  );
});
