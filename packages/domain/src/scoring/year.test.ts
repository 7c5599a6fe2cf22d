import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MEETING_LEVELS, type MeetingLevel } from "./rubric.js";
import { cellYear, cellYearSoFar, totTargetFor, totTargetMet, yearSummary } from "./year.js";

const LETTERS: Record<string, MeetingLevel> = { T: "tot", K: "kha", B: "trung_binh", X: "kem" };
const months = (spec: string): MeetingLevel[] => spec.split("").map((c) => LETTERS[c] ?? "kem");

describe("a cell's year (Phú Thọ: every meeting Khá or better, at least 7 Tốt)", () => {
  it("is Tốt with 7 Tốt and 5 Khá over the whole year", () => {
    expect(cellYear(months("TTTTTTTKKKKK"), 0)).toEqual({ status: "tot", tot: 7, belowKha: 0 });
  });

  it("is missed by one Trung bình, however many Tốt", () => {
    expect(cellYear(months("TTTTTTTTTTTB"), 0).status).toBe("missed");
    expect(cellYear(months("TTB"), 9).status).toBe("missed");
  });

  it("is missed with 6 Tốt at the end of the year", () => {
    expect(cellYear(months("TTTTTTKKKKKK"), 0)).toMatchObject({ status: "missed", tot: 6 });
  });

  it("stays on track while the remaining meetings can still make up the number", () => {
    expect(cellYear(months("KKKKK"), 7).status).toBe("on_track");
    expect(cellYear(months("KKKKKK"), 6).status).toBe("missed");
    expect(cellYear([], 12).status).toBe("on_track");
  });

  it("follows the tenant's number", () => {
    expect(cellYear(months("TTTTKKKK"), 0, { yearTotMeetings: 4 }).status).toBe("tot");
  });

  it("never says Tốt with a meeting below Khá or fewer Tốt than required (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...MEETING_LEVELS), { maxLength: 12 }),
        fc.nat({ max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (levels, remaining, need) => {
          const y = cellYear(levels, remaining, { yearTotMeetings: need });
          if (y.status !== "missed") {
            expect(y.belowKha).toBe(0);
            expect(y.tot + remaining).toBeGreaterThanOrEqual(need);
          }
          if (y.status === "tot") expect(remaining).toBe(0);
        },
      ),
    );
  });
});

describe("the yearly target (seed 000)", () => {
  it("is above 85% from 2023 and above 95% from 2025", () => {
    expect(totTargetFor(2022)).toBeNull();
    expect(totTargetFor(2023)).toBe(0.85);
    expect(totTargetFor(2024)).toBe(0.85);
    expect(totTargetFor(2025)).toBe(0.95);
    expect(totTargetFor(2026)).toBe(0.95);
    expect(totTargetFor(2026, [{ year: 2026, share: 0.9 }])).toBe(0.9);
  });

  it("is met only above the target", () => {
    expect(totTargetMet(0.95, 0.95)).toBe(false);
    expect(totTargetMet(0.96, 0.95)).toBe(true);
  });
});

describe("a cell's year so far", () => {
  const meeting = (month: number, decided: MeetingLevel | null, held = true) => ({
    period: `2026-${String(month).padStart(2, "0")}`,
    decided,
    held,
  });

  it("counts the months still ahead and the decisions still to come", () => {
    // March 2026: January and February decided Tốt; March ahead → 10 remaining, on track.
    const y = cellYearSoFar([meeting(1, "tot"), meeting(2, "tot")], 2026, "2026-03-10");
    expect(y).toEqual({ status: "on_track", tot: 2, belowKha: 0 });
  });

  it("misses the year with a past month whose meeting was not held", () => {
    const fiveHeld = [1, 2, 3, 4, 5].map((m) => meeting(m, null));
    // June: five held meetings awaiting their decisions, seven months ahead.
    expect(cellYearSoFar(fiveHeld, 2026, "2026-06-01").status).toBe("on_track");
    // May's meeting was not held.
    const mayMissed = [...fiveHeld.slice(0, 4), meeting(5, null, false)];
    expect(cellYearSoFar(mayMissed, 2026, "2026-06-01").status).toBe("missed");
    expect(cellYearSoFar(fiveHeld.slice(0, 4), 2026, "2026-06-01").status).toBe("missed");
  });

  it("is final once the year is over and everything is decided", () => {
    const all = Array.from({ length: 12 }, (_, i) => meeting(i + 1, i < 7 ? "tot" : "kha"));
    expect(cellYearSoFar(all, 2026, "2027-01-15").status).toBe("tot");
    // December not held; a year whose decisions are not all in is not settled.
    expect(cellYearSoFar(all.slice(0, 11), 2026, "2027-01-15").status).toBe("missed");
    const lastPending = [...all.slice(0, 11), meeting(12, null)];
    expect(cellYearSoFar(lastPending, 2026, "2027-01-15").status).toBe("on_track");
  });
});

describe("a unit's year against the target", () => {
  it("counts Tốt and on-track cells towards the share, and compares it with the year's target", () => {
    expect(yearSummary(["tot", "on_track", "missed", "tot"], 2025)).toEqual({
      cells: 4,
      tot: 2,
      onTrack: 1,
      missed: 1,
      share: 0.75,
      target: 0.95,
      targetMet: false,
      totMeetingsNeeded: 7,
    });
    expect(yearSummary([], 2022)).toMatchObject({ share: null, target: null, targetMet: null });
  });
});
