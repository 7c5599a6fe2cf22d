import type { AgendaItemDto } from "@chibo/domain";
import { agendaItemsInput } from "@chibo/domain";
import { describe, expect, it } from "vitest";
import {
  addToSection,
  draftFromAgenda,
  groupBySection,
  moveWithinSection,
  preparationStep,
  sameAgenda,
  toAgendaInput,
} from "./agenda-draft";
import { newId } from "./working-copy";

const step = (
  position: number,
  section: AgendaItemDto["section"],
  title: string,
): AgendaItemDto => ({
  id: newId(),
  position,
  section,
  key: "other",
  title,
  presenter: null,
  notes: null,
});

const agenda = {
  items: [
    step(3, "proceedings", "Báo cáo"),
    step(1, "opening", "Tuyên bố lý do"),
    step(5, "closing", "Thông qua biên bản"),
    step(4, "proceedings", "Thảo luận"),
    step(2, "opening", "Cử thư ký"),
  ],
};

describe("draftFromAgenda and groupBySection", () => {
  it("orders the steps by section, then position, numbered through the whole agenda", () => {
    const items = draftFromAgenda(agenda);
    expect(items.map((i) => i.title)).toEqual([
      "Tuyên bố lý do",
      "Cử thư ký",
      "Báo cáo",
      "Thảo luận",
      "Thông qua biên bản",
    ]);
    const groups = groupBySection(items);
    expect(groups.map((g) => g.section)).toEqual(["opening", "proceedings", "closing"]);
    expect(groups[1]?.entries.map((e) => e.index)).toEqual([2, 3]);
    expect(items[0]?.presenter).toBe("");
  });
});

describe("moveWithinSection", () => {
  const items = draftFromAgenda(agenda);

  it("swaps a step with its neighbour in the same section", () => {
    expect(moveWithinSection(items, 3, -1).map((i) => i.title)).toEqual([
      "Tuyên bố lý do",
      "Cử thư ký",
      "Thảo luận",
      "Báo cáo",
      "Thông qua biên bản",
    ]);
  });

  it("never moves a step into another section", () => {
    expect(moveWithinSection(items, 2, -1)).toEqual(items);
    expect(moveWithinSection(items, 1, 1)).toEqual(items);
    expect(moveWithinSection(items, 4, 1)).toEqual(items);
  });
});

describe("addToSection", () => {
  it("adds a new step at the end of its section", () => {
    const items = addToSection(draftFromAgenda(agenda), "proceedings");
    expect(items.map((i) => i.section)).toEqual([
      "opening",
      "opening",
      "proceedings",
      "proceedings",
      "proceedings",
      "closing",
    ]);
    expect(items[4]).toMatchObject({ id: null, title: "", key: "other" });
  });

  it("works on an empty agenda and before later sections", () => {
    expect(addToSection([], "closing").map((i) => i.section)).toEqual(["closing"]);
    const closingOnly = addToSection([], "closing");
    expect(addToSection(closingOnly, "opening").map((i) => i.section)).toEqual([
      "opening",
      "closing",
    ]);
  });
});

describe("toAgendaInput", () => {
  it("sends every step in order, existing ones with their id, checked by the contract", () => {
    const items = addToSection(draftFromAgenda(agenda), "closing");
    const last = items[items.length - 1];
    if (last) last.title = "Bế mạc";
    const input = toAgendaInput(items, 4);
    const parsed = agendaItemsInput.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(input.items[0]).toHaveProperty("id");
    expect(input.items[input.items.length - 1]).not.toHaveProperty("id");
    expect(parsed.data?.items[0]?.presenter).toBeNull();
  });

  it("a step without a title is refused at its field", () => {
    const parsed = agendaItemsInput.safeParse(toAgendaInput(addToSection([], "opening"), 1));
    expect(parsed.error?.issues[0]?.path).toEqual(["items", 0, "title"]);
  });

  it("tells an unchanged agenda from an edited one", () => {
    const a = draftFromAgenda(agenda);
    expect(sameAgenda(a, draftFromAgenda(agenda))).toBe(true);
    expect(sameAgenda(a, moveWithinSection(a, 3, -1))).toBe(false);
  });
});

describe("preparationStep", () => {
  it("follows draft → agreed → sent", () => {
    expect([null, "draft", "agreed", "sent"].map((s) => preparationStep(s as never))).toEqual([
      -1, 0, 1, 2,
    ]);
  });
});
