import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { foldAccents } from "@chibo/domain";
import { launch, login, phonePage, shot } from "./browser.js";

const baseUrl = inject("baseUrl");
const password = inject("demoPassword");
const target = inject("target");

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe("a cell lead on a phone", () => {
  it("finds a member by an unaccented name, edits and saves", async () => {
    const page = await phonePage(browser);
    await login(page, baseUrl, "bithu", password);
    await shot(page, "cell-lead-home");

    await page.goto(`${baseUrl}/members`);
    const query = foldAccents(target.fullName);
    expect(query).not.toBe(target.fullName.toLowerCase());
    await page.getByLabel("Tìm đảng viên").fill(query);
    // The list narrows to the one member (the cell holds one person of that name).
    await page.getByText("1 đảng viên", { exact: true }).waitFor();
    const result = page.getByRole("link", { name: target.fullName }).first();
    await shot(page, "cell-lead-search");
    await result.click();
    await page.waitForURL(`**/members/${target.id}`);
    await page.getByRole("heading", { name: target.fullName }).waitFor();

    await page.getByRole("button", { name: "Sửa" }).first().click();
    const phone = page.getByLabel("Điện thoại");
    await phone.fill("0987 654 321");
    await shot(page, "cell-lead-edit");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("0987 654 321").first().waitFor();
    await shot(page, "cell-lead-saved");

    // The change reached the server, in the same session.
    const saved = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/members/${id}`);
      return (await res.json()) as { phone: string | null };
    }, target.id);
    expect(saved.phone).toBe("0987 654 321");
    await page.context().close();
  });
});

describe("a plain member", () => {
  it("cannot reach the administration pages", async () => {
    const page = await phonePage(browser);
    await login(page, baseUrl, "dangvien", password);
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByRole("heading", { name: "Không có quyền truy cập" }).waitFor();
    await shot(page, "member-admin-denied");
    expect(await page.getByRole("table").count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch("/api/v1/users")).status);
    expect(status).toBe(403);
    await page.goto(`${baseUrl}/audit`);
    await page.getByRole("heading", { name: "Không có quyền truy cập" }).waitFor();
    await page.context().close();
  });
});
