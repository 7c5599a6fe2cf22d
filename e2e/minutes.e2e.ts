import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AttendanceDto, MeDto, MeetingDto, MinutesDto } from "@chibo/domain";
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

const dmy = (iso: string) => iso.split("-").reverse().join("/");

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function saved(page: Page) {
  await page.locator('[data-testid="minutes-save-status"][data-status="saved"]').waitFor();
}

describe("a meeting's substance: agenda, minutes, resolution, tasks and their follow-up", () => {
  it(
    "prepares the agenda, writes minutes with opinions, votes a resolution with two tasks, signs; the assignee reports; the next meeting reviews",
    { timeout: 300_000 },
    async () => {
      const lead = await phonePage(browser);
      await login(lead, baseUrl, "bithu", password);
      const member = await phonePage(browser);
      await login(member, baseUrl, "dangvien", password);
      const me = await api<MeDto>(lead, "GET", "/api/v1/me");
      const memberMe = await api<MeDto>(member, "GET", "/api/v1/me");
      const cellId = me.grants.find((g) => g.role === "cell_lead")?.unitId ?? "";
      const leadMemberId = me.user.memberId ?? "";
      const memberId = memberMe.user.memberId ?? "";
      expect(cellId && leadMemberId && memberId).toBeTruthy();
      const today = await lead.evaluate(() =>
        new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()),
      );

      // An extraordinary meeting today (the calendar itself is the meetings test's subject).
      const meeting = await api<MeetingDto>(lead, "POST", "/api/v1/meetings", {
        unitId: cellId,
        kind: "extraordinary",
        date: today,
        startTime: "07:30",
        topic: "Triển khai nhiệm vụ chuyển đổi số của cơ quan",
      });

      // 1. The agenda from the template, agreed and sent to members with a document.
      await lead.goto(`${baseUrl}/meetings/${meeting.id}?tab=agenda`);
      await lead.getByRole("button", { name: "Lập chương trình theo mẫu" }).click();
      await expect
        .poll(() => lead.getByLabel("Tên bước 1", { exact: true }).inputValue())
        .not.toBe("");
      await lead.getByLabel("Chọn tài liệu để tải lên").setInputFiles({
        name: "du-thao-nghi-quyet.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
      });
      await lead.getByRole("link", { name: /Tải về du-thao-nghi-quyet\.pdf/u }).waitFor();
      await lead.getByRole("button", { name: "Chi ủy đã thống nhất" }).click();
      await lead.getByRole("button", { name: "Gửi đảng viên" }).click();
      await lead.getByRole("button", { name: "Mở lại để sửa" }).waitFor();
      await shot(lead, "minutes-agenda-sent");
      // The member now reads the agenda and its document.
      await member.goto(`${baseUrl}/meetings/${meeting.id}?tab=agenda`);
      await member.getByRole("link", { name: /Tải về du-thao-nghi-quyet\.pdf/u }).waitFor();

      // 2. The meeting opens; attendance is the meetings test's subject, here everyone is present.
      await api(lead, "POST", `/api/v1/meetings/${meeting.id}/open`, {});
      await api(lead, "POST", `/api/v1/meetings/${meeting.id}/attendance/all-present`, {});
      const attendance = await api<AttendanceDto>(
        lead,
        "GET",
        `/api/v1/meetings/${meeting.id}/attendance`,
      );
      const officialPresent = attendance.entries.filter(
        (e) => e.memberStatus === "official" && (e.status === "present" || e.status === "late"),
      ).length;
      const memberName = attendance.entries.find((e) => e.memberId === memberId)?.fullName ?? "";
      expect(memberName).not.toBe("");

      // 3. The minutes on the lead's phone: roles, two opinions in the discussion.
      await lead.goto(`${baseUrl}/meetings/${meeting.id}?tab=minutes`);
      await lead.getByLabel("Chủ trì", { exact: true }).selectOption(leadMemberId);
      await lead.getByLabel("Thư ký", { exact: true }).selectOption(memberId);
      const discussion = await lead
        .locator('[data-testid^="minutes-item-"]')
        .evaluateAll((items) =>
          items.findIndex((el) =>
            (el.querySelector("input")?.value ?? "").startsWith("Nội dung chính"),
          ),
        );
      expect(discussion).toBeGreaterThanOrEqual(0);
      const n = String(discussion + 1);
      const opinions = [
        [memberId, "Đề nghị chi bộ giao đảng viên trẻ hướng dẫn dùng Sổ tay đảng viên điện tử."],
        [leadMemberId, "Tiếp thu, giao nhiệm vụ cụ thể cho từng đồng chí."],
      ] as const;
      for (const [i, [speaker, said]] of opinions.entries()) {
        const m = String(i + 1);
        await lead.getByRole("button", { name: `Thêm ý kiến vào mục ${n}`, exact: true }).click();
        await lead
          .getByLabel(`Người phát biểu – ý kiến ${m}, mục ${n}`, { exact: true })
          .selectOption(`member:${speaker}`);
        await lead.getByLabel(`Nội dung ý kiến ${m}, mục ${n}`, { exact: true }).fill(said);
      }
      await saved(lead);

      // 4. The network dies while the minute-taker types; the tab is closed; nothing is lost.
      const summary =
        "Đồng chí Bí thư quán triệt kế hoạch chuyển đổi số, nêu ba việc cần làm ngay.";
      await lead.context().setOffline(true);
      await lead.getByLabel(`Tóm tắt nội dung mục ${n}`, { exact: true }).fill(summary);
      await lead
        .locator('[data-testid="minutes-save-status"][data-status="retrying"]')
        .waitFor({ timeout: 20_000 });
      await shot(lead, "minutes-offline");
      const context = lead.context();
      await lead.close();
      await context.setOffline(false);
      const back = await context.newPage();
      await back.goto(`${baseUrl}/meetings/${meeting.id}?tab=minutes`);
      await back.getByTestId("minutes-recovery").waitFor();
      await shot(back, "minutes-recovery");
      await back.getByRole("button", { name: "Khôi phục", exact: true }).click();
      await expect
        .poll(() => back.getByLabel(`Tóm tắt nội dung mục ${n}`, { exact: true }).inputValue())
        .toBe(summary);
      await saved(back);
      const stored = await api<MinutesDto>(back, "GET", `/api/v1/meetings/${meeting.id}/minutes`);
      expect(stored.content.items[discussion]?.summary).toBe(summary);
      expect(stored.content.items[discussion]?.opinions.map((o) => o.text)).toEqual(
        opinions.map(([, said]) => said),
      );

      // 5. The resolution, its vote and two tasks.
      const title = "Nghị quyết về chuyển đổi số";
      await back.getByRole("button", { name: "Thêm nghị quyết, kết luận" }).click();
      const dialog = back.getByRole("dialog");
      await dialog.getByLabel("Tiêu đề").fill(title);
      await dialog
        .getByLabel("Nội dung", { exact: true })
        .fill("Chi bộ thống nhất các nhiệm vụ sau.");
      await dialog.getByRole("button", { name: "Lưu", exact: true }).click();
      const card = back.getByRole("region", { name: title });
      await card.waitFor();
      await card.getByLabel("Tán thành", { exact: true }).fill(String(officialPresent));
      await card.getByLabel("Không tán thành", { exact: true }).fill("0");
      await card.getByLabel("Ý kiến khác", { exact: true }).fill("0");
      await card.getByRole("button", { name: "Ghi kết quả biểu quyết" }).click();
      await expect
        .poll(() => card.getByTestId("vote-outcome").textContent())
        .toMatch(/thông qua/iu);
      const tasks = [
        ["Hướng dẫn đảng viên cài đặt Sổ tay đảng viên điện tử", memberName],
        ["Báo cáo kết quả chuyển đổi số với Đảng ủy", null],
      ] as const;
      const due = addDays(today, 20);
      for (const [task, assignee] of tasks) {
        await card.getByRole("button", { name: `Thêm nhiệm vụ cho ${title}` }).click();
        const form = back.getByRole("dialog");
        await form.getByLabel("Nội dung nhiệm vụ").fill(task);
        await form.getByLabel("Thời hạn").fill(dmy(due));
        await form.getByLabel("Nội dung nhiệm vụ").click();
        if (assignee === null) {
          await form.getByLabel("Tập thể phụ trách (nếu có)").fill("Chi ủy");
        } else {
          await form.getByRole("checkbox", { name: assignee }).check();
        }
        await form.getByRole("button", { name: "Giao nhiệm vụ" }).click();
        await form.waitFor({ state: "detached" });
      }
      await expect.poll(() => card.getByTestId("task-line").count()).toBe(2);
      await saved(back);
      await shot(back, "minutes-resolution");

      // 6. Closed; the chair signs on the lead's phone, the minute-taker on their own: locked.
      await api(back, "POST", `/api/v1/meetings/${meeting.id}/close`, {});
      await back.reload();
      await back.getByRole("button", { name: "Ký xác nhận (chủ trì)" }).click();
      await back.getByRole("button", { name: "Xác nhận ký" }).click();
      await member.goto(`${baseUrl}/meetings/${meeting.id}?tab=minutes`);
      await member.getByRole("button", { name: "Ký xác nhận (thư ký)" }).click();
      await member.getByRole("button", { name: "Xác nhận ký" }).click();
      await member.getByTestId("minutes-locked").waitFor();
      await back.reload();
      await back.getByTestId("minutes-locked").waitFor();
      await back.getByRole("link", { name: "Tải biên bản (.docx)" }).waitFor();
      await shot(back, "minutes-signed");
      const signed = await api<MinutesDto>(back, "GET", `/api/v1/meetings/${meeting.id}/minutes`);
      expect(signed.state).toBe("signed");
      expect(signed.resolutions[0]?.outcome).toBe("adopted");

      // 7. The assignee reports progress from "Việc của tôi" on the phone.
      await member.goto(`${baseUrl}/tasks`);
      await member.getByRole("heading", { name: "Việc của tôi" }).waitFor();
      await member.getByRole("button", { name: tasks[0][0] }).click();
      const taskDialog = member.getByRole("dialog");
      await taskDialog.getByRole("radio", { name: "Đang thực hiện" }).check();
      await taskDialog.getByLabel("Ghi chú").fill("Đã hướng dẫn 10 đồng chí, còn 5 đồng chí.");
      await taskDialog.getByRole("button", { name: "Gửi báo cáo" }).click();
      await member.getByText("Đã gửi báo cáo tiến độ").waitFor();
      await shot(member, "minutes-my-task");

      // 8. The next regular meeting lists both tasks for review in its report step.
      const lists = await api<{ items: MeetingDto[] }>(
        back,
        "GET",
        `/api/v1/meetings?unitId=${cellId}&from=${addDays(today, 1)}&to=${addDays(today, 120)}&kind=regular`,
      );
      const next = lists.items.find((m) => m.status === "planned" || m.status === "postponed");
      if (!next) throw new Error("no planned regular meeting ahead");
      await back.goto(`${baseUrl}/meetings/${next.id}?tab=agenda`);
      await back.getByRole("button", { name: "Lập chương trình theo mẫu" }).click();
      for (const [task] of tasks) await back.getByText(task).first().waitFor();
      await shot(back, "minutes-next-review");
    },
  );
});
