import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { DocumentSettingsDto, MeetingRulesDto, SupervisionRulesDto } from "@chibo/domain";
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

/** A call to the API with the page's session (checking what was stored, cleaning up). */
async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, u, b]) => {
      const res = await fetch(u, {
        method: m,
        headers: b === undefined ? {} : { "content-type": "application/json" },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      if (!res.ok) throw new Error(`${m} ${u} → ${String(res.status)} ${await res.text()}`);
      return (await res.json()) as unknown;
    },
    [method, url, body] as const,
  ) as Promise<T>;
}

/** Nothing wider than the phone: no sideways scrolling at 360 px. */
async function fitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

describe("the province's rules on a phone", () => {
  it(
    "the administrator changes an attendance target, the days to report a visit and the document layout; invalid values are refused on the field; the defaults come back",
    { timeout: 120_000 },
    async () => {
      const page = await phonePage(browser);
      await login(page, baseUrl, "admin", password);
      try {
        // Reached from the menu, like the other administration screens.
        await page.getByRole("button", { name: "Mở menu" }).click();
        await page.getByRole("link", { name: "Quy định của tỉnh" }).click();
        await page.waitForURL(/\/admin\/settings/u);
        const meetings = page.getByTestId("meeting-rules-form");
        await meetings.getByLabel("Sinh hoạt thường kỳ tối thiểu").waitFor();
        expect(await meetings.getByLabel("Sinh hoạt thường kỳ tối thiểu").inputValue()).toMatch(
          /^90/u,
        );
        await fitsThePhone(page);
        await shot(page, "settings-meetings");

        // Rates are edited in percent and stored as fractions; 2/3 left alone stays the default.
        expect(await meetings.getByLabel("Tỷ lệ có mặt để họp hợp lệ").inputValue()).toBe("66,67%");
        await meetings.getByLabel("Chỉ tiêu tỷ lệ dự họp").fill("90");
        await meetings.getByRole("button", { name: "Lưu", exact: true }).click();
        await meetings.getByText("Tỉnh đặt riêng 1 mục").waitFor();
        const meetingRules = await api<MeetingRulesDto>(
          page,
          "GET",
          "/api/v1/settings/meeting-rules",
        );
        expect(meetingRules.overrides).toEqual({ programmeTarget: 0.9 });

        // Supervision: a value out of range is refused on the field, in Vietnamese.
        await page.getByRole("tab", { name: "Giám sát" }).click();
        const supervision = page.getByTestId("supervision-rules-form");
        const reportDays = supervision.getByLabel("Nộp báo cáo dự sinh hoạt trong", {
          exact: true,
        });
        expect(await reportDays.inputValue()).toMatch(/^3/u);
        await reportDays.fill("99");
        await supervision.getByRole("button", { name: "Lưu", exact: true }).click();
        await supervision.getByText("Không được lớn hơn 60").waitFor();
        expect(await reportDays.getAttribute("aria-invalid")).toBe("true");
        await fitsThePhone(page);
        await shot(page, "settings-supervision");
        await reportDays.fill("5");
        await supervision.getByRole("button", { name: "Lưu", exact: true }).click();
        await supervision.getByText("Tỉnh đặt riêng 1 mục").waitFor();

        // Documents: the contract's own message for a margin, then a colon after "Số" and a margin.
        await page.getByRole("tab", { name: "Văn bản" }).click();
        const documents = page.getByTestId("document-settings-form");
        const left = documents.getByLabel("Lề trái", { exact: true });
        expect(await left.inputValue()).toMatch(/^30/u);
        await left.fill("80");
        await documents.getByRole("button", { name: "Lưu", exact: true }).click();
        await documents.getByText("Tối đa 50 mm").waitFor();
        expect(await left.getAttribute("aria-invalid")).toBe("true");
        await left.fill("35");
        await documents.getByLabel("Dấu hai chấm sau “Số”").check({ force: true });
        await documents.getByText("Số: 05-NQ/CB").waitFor();
        await fitsThePhone(page);
        await shot(page, "settings-documents");
        await documents.getByRole("button", { name: "Lưu", exact: true }).click();
        await documents.getByText("Tỉnh đặt riêng 2 mục").waitFor();
        await fitsThePhone(page);

        // Only what differs from the defaults became the province's own.
        const stored = await api<DocumentSettingsDto>(page, "GET", "/api/v1/settings/documents");
        expect(stored.overrides).toEqual({ marginLeftMm: 35, numberColon: true });
        const rules = await api<SupervisionRulesDto>(
          page,
          "GET",
          "/api/v1/settings/supervision-rules",
        );
        expect(rules.overrides).toEqual({ reportDays: 5 });

        // After a reload the new values are what the screens show.
        await page.reload();
        await documents.getByLabel("Lề trái", { exact: true }).waitFor();
        expect(await documents.getByLabel("Lề trái", { exact: true }).inputValue()).toMatch(/^35/u);
        expect(await documents.getByLabel("Dấu hai chấm sau “Số”").isChecked()).toBe(true);
        await page.goto(`${baseUrl}/admin/settings?tab=supervision`);
        const reloaded = supervision.getByLabel("Nộp báo cáo dự sinh hoạt trong", {
          exact: true,
        });
        await reloaded.waitFor();
        expect(await reloaded.inputValue()).toMatch(/^5/u);

        // "Khôi phục mặc định" returns the whole group to the defaults.
        await page.getByRole("tab", { name: "Văn bản" }).click();
        await documents.getByRole("button", { name: "Khôi phục mặc định" }).click();
        await page.getByRole("dialog").getByRole("button", { name: "Khôi phục" }).click();
        await documents.getByText("Theo mặc định").waitFor();
        expect(await documents.getByLabel("Lề trái", { exact: true }).inputValue()).toMatch(/^30/u);
        const restored = await api<DocumentSettingsDto>(page, "GET", "/api/v1/settings/documents");
        expect(restored.overrides).toEqual({});
      } finally {
        // The server is shared by the other browser tests: leave the rules as they were.
        await api(page, "PUT", "/api/v1/settings/meeting-rules", {});
        await api(page, "PUT", "/api/v1/settings/supervision-rules", {});
        await api(page, "PUT", "/api/v1/settings/documents", {});
        await page.context().close();
      }
    },
  );
});
