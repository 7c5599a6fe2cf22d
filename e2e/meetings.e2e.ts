import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  addMonths,
  monthEnd,
  monthOf,
  type AttendanceDto,
  type MeetingDto,
  type MeDto,
} from "@chibo/domain";
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

async function api<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    if (!res.ok) throw new Error(`${u} → ${String(res.status)}`);
    return (await res.json()) as unknown;
  }, url) as Promise<T>;
}

/** dd/mm/yyyy, as the date fields take it. */
const dmy = (iso: string) => iso.split("-").reverse().join("/");

describe("a cell's month, from the secretary's phone to the committee's calendar", () => {
  // A whole month's story through three phones: longer than the default per-test limit.
  it(
    "plans, postpones, runs attendance with a member checking in by code; the committee sees it",
    {
      timeout: 240_000,
    },
    async () => {
      const lead = await phonePage(browser);
      await login(lead, baseUrl, "bithu", password);
      // A member of the cell, signed in on their own phone (a second browser context).
      const member = await phonePage(browser);
      await login(member, baseUrl, "dangvien", password);
      const memberMe = await api<MeDto>(member, "/api/v1/me");
      const me = await api<MeDto>(lead, "/api/v1/me");
      const cellId = me.grants.find((g) => g.role === "cell_lead")?.unitId ?? "";
      expect(cellId).not.toBe("");
      const today = await lead.evaluate(() =>
        new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()),
      );

      // Plan: the calendar of the cell, then six months ahead.
      await lead.goto(`${baseUrl}/units/${cellId}?tab=meetings`);
      await lead.getByRole("heading", { name: "Lịch sinh hoạt cố định" }).waitFor();
      await lead.getByLabel("Lên lịch cho").selectOption("6");
      await lead.getByRole("button", { name: "Lên lịch các tháng tới" }).click();
      await lead.getByText(/Đã lên lịch thêm \d+ cuộc họp/u).waitFor();
      await shot(lead, "meetings-lead-calendar");
      const sixAhead = monthOf(addMonths(`${monthOf(today)}-01`, 6));
      const planned = await api<{ items: MeetingDto[] }>(
        lead,
        `/api/v1/meetings?unitId=${cellId}&from=${sixAhead}-01&to=${monthEnd(`${sixAhead}-01`)}&kind=regular`,
      );
      expect(planned.items).toHaveLength(1);

      // Postpone the regular meeting two months ahead, before its date, with a reason.
      const later = monthOf(addMonths(`${monthOf(today)}-01`, 2));
      const [toPostpone] = (
        await api<{ items: MeetingDto[] }>(
          lead,
          `/api/v1/meetings?unitId=${cellId}&from=${later}-01&to=${monthEnd(`${later}-01`)}&kind=regular`,
        )
      ).items;
      if (!toPostpone) throw new Error("no regular meeting two months ahead");
      const registered = toPostpone.date;
      const newDate = [3, 2, 1]
        .map((d) => {
          const x = new Date(`${registered}T00:00:00Z`);
          x.setUTCDate(x.getUTCDate() + d);
          return x.toISOString().slice(0, 10);
        })
        .find((d) => monthOf(d) === later);
      if (!newDate) throw new Error("registered day at the month's end");
      await lead.goto(`${baseUrl}/meetings/${toPostpone.id}`);
      await lead.getByRole("button", { name: "Báo hoãn" }).click();
      await lead.getByLabel("Ngày họp mới").fill(dmy(newDate));
      await lead.getByLabel("Lý do hoãn").fill("Trùng lịch hội nghị của Đảng ủy cấp trên");
      await shot(lead, "meetings-lead-postpone");
      await lead.getByRole("button", { name: "Gửi báo hoãn" }).click();
      await lead.getByText("Đã báo hoãn", { exact: true }).first().waitFor();

      // Run next month's regular meeting today (held early): attendance on the phone.
      const next = monthOf(addMonths(`${monthOf(today)}-01`, 1));
      const [toRun] = (
        await api<{ items: MeetingDto[] }>(
          lead,
          `/api/v1/meetings?unitId=${cellId}&from=${next}-01&to=${monthEnd(`${next}-01`)}&kind=regular`,
        )
      ).items;
      if (!toRun) throw new Error("no regular meeting next month");
      await lead.goto(`${baseUrl}/meetings/${toRun.id}`);
      await lead.getByRole("button", { name: "Bắt đầu họp" }).click();
      await lead.getByRole("dialog").getByRole("button", { name: "Bắt đầu" }).click();
      await lead.getByRole("heading", { name: "Điểm danh" }).waitFor();

      const roster = await api<AttendanceDto>(lead, `/api/v1/meetings/${toRun.id}/attendance`);
      // One member absent with a reason, picked from the row's menu.
      // (Not the lead, not the member who will check in: the last of the others on the list.)
      const absent = roster.entries
        .filter(
          (e) =>
            !e.exempt &&
            e.status === null &&
            e.memberId !== me.user.memberId &&
            e.memberId !== memberMe.user.memberId,
        )
        .at(-1);
      if (!absent) throw new Error("nobody to mark");
      await lead.getByRole("button", { name: `Chọn trạng thái của ${absent.fullName}` }).click();
      await lead.getByRole("menuitem", { name: "Vắng có lý do" }).click();
      await lead.getByLabel(`Lý do vắng của ${absent.fullName}`).fill("Đi công tác");
      await lead.getByRole("button", { name: "Lưu", exact: true }).click();
      await lead.getByText("Đi công tác").first().waitFor();

      // The QR code and the six digits, full screen.
      await lead.getByRole("button", { name: "Hiện mã QR" }).click();
      const codeLabel = await lead.getByLabel(/^Mã điểm danh [\d ]+$/u).getAttribute("aria-label");
      const code = (codeLabel ?? "").replace(/\D/gu, "");
      expect(code).toMatch(/^\d{6}$/u);
      await shot(lead, "meetings-lead-qr");

      // A member, on their own phone, types the code.
      await member.goto(`${baseUrl}/checkin`);
      // The sixth digit sends it: no button to look for on a phone.
      await member.getByLabel("Mã điểm danh").fill(code);
      await member.getByText(/Đã điểm danh lúc \d{2}:\d{2}/u).waitFor();
      await shot(member, "meetings-member-checked-in");
      await member.context().close();

      // The lead sees the member present, marks everyone else present, and closes the meeting.
      await lead.getByRole("button", { name: "Đóng" }).click();
      const checkedIn = roster.entries.find((e) => e.memberId === memberMe.user.memberId);
      if (!checkedIn) throw new Error("the member is not on the roster");
      await lead.getByRole("button", { name: `${checkedIn.fullName}: Có mặt` }).waitFor();
      await lead.getByRole("button", { name: "Tất cả có mặt" }).click();
      await lead.getByText("Đã ghi có mặt cho những người chưa điểm danh").waitFor();
      await shot(lead, "meetings-lead-attendance");
      const final = await api<AttendanceDto>(lead, `/api/v1/meetings/${toRun.id}/attendance`);
      expect(final.counts.unmarked).toBe(0);
      expect(final.counts.excused).toBe(1);
      expect(final.entries.find((e) => e.memberId === memberMe.user.memberId)).toMatchObject({
        status: "present",
        method: "code",
      });
      await lead.getByRole("button", { name: "Kết thúc họp" }).click();
      await lead.getByRole("dialog").getByRole("button", { name: "Kết thúc" }).click();
      await lead.getByText("Đã họp", { exact: true }).first().waitFor();
      await lead.context().close();

      // The committee above: the postponement in its list, the meeting and its rate on its calendar.
      const committee = await phonePage(browser);
      await login(committee, baseUrl, "danguy", password);
      await committee.goto(`${baseUrl}/postponements`);
      await committee.getByText("Trùng lịch hội nghị của Đảng ủy cấp trên").first().waitFor();
      await shot(committee, "meetings-committee-postponements");
      const cellName = toRun.unitName;
      const year = Number(next.slice(0, 4));
      await committee.goto(`${baseUrl}/compliance?year=${String(year)}`);
      const month = Number(next.slice(5, 7));
      const dot = committee.getByRole("link", {
        name: new RegExp(`^${cellName}, tháng ${String(month)}: Họp sớm hơn ngày đăng ký`, "u"),
      });
      await dot.first().waitFor();
      await shot(committee, "meetings-committee-compliance");
      await dot.first().click();
      await committee.waitForURL(`**/meetings/${toRun.id}`);
      const rate = new Intl.NumberFormat("vi-VN", {
        style: "percent",
        maximumFractionDigits: 1,
      }).format(final.rate ?? 0);
      await committee.getByText(rate, { exact: true }).first().waitFor();
      await shot(committee, "meetings-committee-meeting");
      await committee.context().close();
    },
  );
});
