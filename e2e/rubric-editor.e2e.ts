import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { HD12_DEFAULT_RUBRIC, type Rubric } from "@chibo/domain";
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

function indexOf(key: string): number {
  const i = HD12_DEFAULT_RUBRIC.criteria.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`HD12 sheet has no ${key}`);
  return i;
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    if (!res.ok) throw new Error(`GET ${u} → ${String(res.status)}`);
    return (await res.json()) as unknown;
  }, url) as Promise<T>;
}

describe("the admin revises a rubric on a phone", () => {
  it(
    "limits a criterion to thematic months, chooses what other months do, limits a band's points, previews and saves",
    { timeout: 120_000 },
    async () => {
      const page = await phonePage(browser);
      await login(page, baseUrl, "admin", password);
      await page.goto(`${baseUrl}/admin/rubrics`);
      await page
        .getByRole("button", { name: `Tạo phiên bản mới từ ${HD12_DEFAULT_RUBRIC.name}` })
        .click();
      const editor = page.getByTestId("rubric-editor");
      await editor.waitFor();

      // A sheet for a unit type the demo does not have, so no other test's meeting is scored by it.
      await editor.getByLabel("Lực lượng vũ trang").check();

      // The principles group's third item counts only in a month with a thematic meeting.
      const informs = indexOf("informs_orients");
      await page.getByTestId(`rubric-only-when-${String(informs)}`).check({ force: true });
      const thematic = page.getByTestId("rubric-thematic-month");
      await expect
        .poll(() => thematic.textContent())
        .toContain("1 tiêu chí (3 điểm) chỉ tính trong tháng có sinh hoạt chuyên đề");

      // By default other months are scored out of the rest (97) and scaled.
      const preview = page.getByTestId("rubric-preview");
      await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain("/97 điểm");
      await expect.poll(() => preview.textContent()).toContain("Quy đổi:");
      await page.getByTestId("rubric-preview-thematic").check({ force: true });
      await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain("/100 điểm");
      await page.getByTestId("rubric-preview-thematic").uncheck({ force: true });
      await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain("/97 điểm");

      // Moving the points instead: a judgement of the same group is offered first.
      await page.getByTestId("rubric-thematic-move_to_regular").check({ force: true });
      const target = page.getByTestId("rubric-thematic-to");
      await expect.poll(() => target.inputValue()).toBe("democratic_centralism");
      await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain("/100 điểm");

      // A target that itself counts only in thematic months is refused on the spot.
      const centralism = indexOf("democratic_centralism");
      await page.getByTestId(`rubric-only-when-${String(centralism)}`).check({ force: true });
      await expect
        .poll(() => thematic.textContent())
        .toContain("Điểm phải chuyển sang một tiêu chí chấm hằng tháng");
      await expect
        .poll(() => preview.textContent())
        .toContain("Sửa các lỗi trong bảng điểm để xem chấm thử");
      await page.getByTestId(`rubric-only-when-${String(centralism)}`).uncheck({ force: true });
      await expect
        .poll(() => thematic.textContent())
        .not.toContain("Điểm phải chuyển sang một tiêu chí chấm hằng tháng");

      // HD12's attendance bands: "above 85%" is strict; any unexcused absence holds it to 2 points.
      const attendance = indexOf("attendance_rate");
      const third = page.getByTestId(`rubric-band-above-${String(attendance)}-2`);
      expect(await third.isChecked()).toBe(true);
      await page.getByTestId(`rubric-limit-${String(attendance)}`).check({ force: true });
      const card = page.getByTestId(`rubric-criterion-${String(attendance)}`);
      const limitPoints = card.getByLabel("Tối đa (điểm)");
      await limitPoints.fill("12");
      await expect
        .poll(() => card.textContent())
        .toContain("Điểm vượt quá điểm tối đa của tiêu chí (10)");
      await limitPoints.fill("2");
      await expect
        .poll(() => card.textContent())
        .not.toContain("Điểm vượt quá điểm tối đa của tiêu chí");
      await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain("Tổng:");

      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await shot(page, "rubric-editor-revised");

      await page.getByTestId("rubric-save").click();
      const view = page.getByTestId("rubric-view");
      await view.waitFor();
      await expect
        .poll(() => view.textContent())
        .toContain(
          "Tháng không có sinh hoạt chuyên đề: Chuyển số điểm đó sang một tiêu chí thường kỳ (Thực hiện nguyên tắc tập trung dân chủ)",
        );

      const saved = await getJson<Rubric>(
        page,
        `/api/v1/rubrics/${HD12_DEFAULT_RUBRIC.code}-tinh/1`,
      );
      expect(saved.thematicMonth).toEqual({ mode: "move_to_regular", to: "democratic_centralism" });
      expect(saved.unitTypes).toEqual(["armed_forces"]);
      expect(saved.criteria[informs]).toMatchObject({
        key: "informs_orients",
        onlyWhen: "thematic_month",
      });
      expect(saved.criteria[centralism]?.onlyWhen).toBeUndefined();
      expect(saved.criteria[attendance]?.scoring).toEqual({
        ...HD12_DEFAULT_RUBRIC.criteria[attendance]?.scoring,
        limit: { when: "unexcused_absence", points: 2 },
      });
      await page.close();
    },
  );
});
