import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { MeDto, MeetingDto, ScoreDto, VisitDto } from "@chibo/domain";
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

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Fills every item the record gives no figure for (a judgement with nothing to suggest). */
async function fillOpenItems(page: Page, score: ScoreDto) {
  for (const s of score.suggestions) {
    const criterion = score.criteria.find((c) => c.key === s.key);
    if (s.points !== null || !criterion || criterion.kind === "yes_no") continue;
    await page.getByTestId(`score-points-${s.key}`).fill(String(criterion.max));
    const reason = page.getByTestId(`score-reason-${s.key}`);
    if (await reason.isVisible()) await reason.fill("Chi bộ đánh giá theo kết quả thực tế.");
  }
}

describe("a meeting's quality: the cell scores itself, the visitor who attended decides", () => {
  it(
    "self-scores with evidence pre-filled; a visitor plans unseen, attends, adjusts one item and decides; the cell sees the level",
    { timeout: 240_000 },
    async () => {
      const lead = await phonePage(browser);
      await login(lead, baseUrl, "bithu", password);
      const visitor = await phonePage(browser);
      await login(visitor, baseUrl, "giamsat", password);
      const me = await api<MeDto>(lead, "GET", "/api/v1/me");
      const cellId = me.grants.find((g) => g.role === "cell_lead")?.unitId ?? "";
      const today = await lead.evaluate(() =>
        new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()),
      );

      // The cell's next regular meeting still planned.
      const list = await api<{ items: MeetingDto[] }>(
        lead,
        "GET",
        `/api/v1/meetings?unitId=${cellId}&from=${today}&to=${addDays(today, 150)}&kind=regular`,
      );
      const meeting = list.items.find((m) => m.status === "planned");
      if (!meeting) throw new Error("no planned regular meeting");

      // The visitor plans to attend, without telling the cell: the lead sees nothing of it.
      const visit = await api<VisitDto>(visitor, "POST", "/api/v1/visits", {
        unitId: cellId,
        plannedOn: meeting.date,
        meetingId: meeting.id,
      });
      const quarter = String(Math.floor((Number(meeting.date.slice(5, 7)) - 1) / 3) + 1);
      const seen = await api<{ items: { id: string }[] }>(
        lead,
        "GET",
        `/api/v1/units/${cellId}/visits?year=${meeting.date.slice(0, 4)}&quarter=${quarter}`,
      );
      expect(seen.items.map((v) => v.id)).not.toContain(visit.id);
      const guestsBefore = await lead.evaluate(
        async (u) => (await fetch(u)).text(),
        `/api/v1/meetings/${meeting.id}`,
      );
      expect(guestsBefore).not.toContain(visit.visitorName);

      // The meeting is held (its conduct is the meetings test's subject); the visitor attended.
      await api(lead, "POST", `/api/v1/meetings/${meeting.id}/open`, {});
      await api(lead, "POST", `/api/v1/meetings/${meeting.id}/attendance/all-present`, {});
      await api(lead, "POST", `/api/v1/meetings/${meeting.id}/close`, {});
      await api(visitor, "POST", `/api/v1/visits/${visit.id}/attend`, { meetingId: meeting.id });

      // The cell's self-score: pre-filled from the record, each item beside its evidence.
      const score = await api<ScoreDto>(lead, "GET", `/api/v1/meetings/${meeting.id}/score`);
      expect(score.can.selfScore).toBe(true);
      await lead.goto(`${baseUrl}/meetings/${meeting.id}?tab=score`);
      await lead.getByTestId("self-score-form").waitFor();
      const rate = score.criteria.find((c) => c.evidenceKey === "attendance_rate");
      if (rate) {
        await expect
          .poll(() => lead.getByTestId(`score-evidence-${rate.key}`).textContent())
          .toMatch(/100/u);
      }
      await fillOpenItems(lead, score);
      await shot(lead, "quality-self-score");
      await lead.getByTestId("score-save").click();
      await lead.getByTestId("self-score-view").waitFor();
      const selfLevel = await lead.getByTestId("self-score-level").getAttribute("data-level");
      expect(selfLevel).toMatch(/^(tot|kha|trung_binh|kem)$/u);

      // The visitor who attended adjusts one judgement with a reason, and decides.
      await visitor.goto(`${baseUrl}/meetings/${meeting.id}?tab=score`);
      await visitor.getByTestId("decision-form").waitFor();
      const judged = score.criteria.find((c) => c.kind === "yes_no" && c.evidenceKey === null);
      if (!judged) throw new Error("no judgement item on the sheet");
      await visitor.getByTestId(`score-points-${judged.key}`).uncheck({ force: true });
      await visitor
        .getByTestId(`score-reason-${judged.key}`)
        .fill("Chưa liên hệ cụ thể với nhiệm vụ của từng đảng viên.");
      const live = await visitor.getByTestId("score-live-level").getAttribute("data-level");
      await shot(visitor, "quality-decision");
      await visitor.getByTestId("score-decide").click();
      await visitor.getByTestId("score-decide-confirm").click();
      await visitor.getByTestId("decided-score").waitFor();
      const decided = await visitor.getByTestId("decided-score-level").getAttribute("data-level");
      expect(decided).toBe(live);

      // The cell sees the decided level; the visitor's report is the supervision test's subject.
      await lead.reload();
      await lead.getByTestId("decided-score").waitFor();
      expect(await lead.getByTestId("decided-score-level").getAttribute("data-level")).toBe(
        decided,
      );
      const after = await api<ScoreDto>(lead, "GET", `/api/v1/meetings/${meeting.id}/score`);
      expect(after.decision?.as).toBe("visitor");
      expect(after.decision?.items[judged.key]?.points).toBe(0);
      await shot(lead, "quality-decided");
    },
  );
});
