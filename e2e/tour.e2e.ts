import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
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

/** Every screen a role can open, at phone width, with no script error and no failed API call. */
async function tour(page: Page, username: string, paths: string[]) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on("response", (r) => {
    if (r.url().includes("/api/") && r.status() >= 500) errors.push(`${r.url()} → ${r.status()}`);
  });
  await login(page, baseUrl, username, password);
  for (const p of paths) {
    await page.goto(`${baseUrl}${p}`);
    await page.waitForLoadState("networkidle");
    await shot(page, `${username}${p.replace(/\//gu, "_")}`);
  }
  // Nothing wider than the phone: no sideways scrolling at 360 px.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  expect(errors).toEqual([]);
}

describe("every role on a phone", () => {
  for (const username of [
    "admin",
    "bantochuc",
    "kiemtra",
    "danguy",
    "giamsat",
    "bithu",
    "dangvien",
  ]) {
    // About twenty screens, each waited on until the network is idle: longer than the default.
    it(`${username} opens each screen without errors`, { timeout: 120_000 }, async () => {
      const page = await phonePage(browser);
      const me = async () =>
        page.evaluate(async () => {
          const res = await fetch("/api/v1/me");
          return (await res.json()) as { grants: { unitId: string }[] };
        });
      await login(page, baseUrl, username, password);
      const unitId = (await me()).grants[0]?.unitId ?? "";
      const memberId = await page.evaluate(async () => {
        const res = await fetch("/api/v1/members?pageSize=1");
        return ((await res.json()) as { items: { id: string }[] }).items[0]?.id ?? "";
      });
      await page.context().clearCookies();
      await tour(page, username, [
        "/",
        "/units",
        `/units/${unitId}`,
        `/units/${unitId}?tab=tasks`,
        `/units/${unitId}?tab=scores`,
        "/members",
        `/members/${memberId}`,
        "/tasks",
        "/notifications",
        "/compliance",
        "/participation",
        "/scores",
        "/visits",
        "/supervision",
        "/admin/users",
        "/admin/settings",
        "/admin/agenda-templates",
        "/admin/rubrics",
        "/audit",
        "/account/password",
      ]);
      await page.context().close();
    });
  }
});
