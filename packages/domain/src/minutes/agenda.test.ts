import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GUIDANCE_CODES, guidanceOn, type GuidanceCode } from "../meetings/calendar.js";
import { MEETING_KINDS } from "../meetings/kinds.js";
import { agendaTemplateDto } from "../contract/minutes.js";
import {
  AGENDA_ITEM_KEYS,
  AGENDA_SECTIONS,
  AGENDA_STATES,
  DEFAULT_AGENDA_TEMPLATES,
  agendaEditable,
  agendaTemplateFor,
  canMoveAgenda,
  type AgendaState,
  type AgendaTemplate,
} from "./agenda.js";

const kind = fc.constantFrom(...MEETING_KINDS);
const guidance = fc.constantFrom(...GUIDANCE_CODES);
const state = fc.constantFrom(...AGENDA_STATES);

const sectionRank = (s: (typeof AGENDA_SECTIONS)[number]) => AGENDA_SECTIONS.indexOf(s);

/** A tenant's own template for some kind and guidance, with a recognisable name. */
const tenantTemplate: fc.Arbitrary<AgendaTemplate> = fc.record({
  kind,
  guidance,
  name: fc.string({ minLength: 1, maxLength: 30 }).map((s) => `Mẫu riêng ${s}`),
  items: fc.array(
    fc.record({
      section: fc.constantFrom(...AGENDA_SECTIONS),
      key: fc.constantFrom(...AGENDA_ITEM_KEYS),
      title: fc.string({ minLength: 1, maxLength: 40 }),
      hint: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

describe("the national agenda templates (HD12, HD42)", () => {
  it("has one template per meeting kind for each of HD12 and HD42", () => {
    for (const g of ["HD12", "HD42"] as const) {
      const kinds = DEFAULT_AGENDA_TEMPLATES.filter((t) => t.guidance === g).map((t) => t.kind);
      expect([...kinds].sort()).toEqual([...MEETING_KINDS].sort());
    }
    expect(DEFAULT_AGENDA_TEMPLATES).toHaveLength(MEETING_KINDS.length * 2);
    expect(DEFAULT_AGENDA_TEMPLATES.some((t) => t.guidance === "HD09")).toBe(false);
  });

  it("gives every template an opening, proceedings and a closing, in that order", () => {
    for (const t of DEFAULT_AGENDA_TEMPLATES) {
      const sections = t.items.map((i) => i.section);
      for (const s of AGENDA_SECTIONS) expect(sections, `${t.kind} ${t.guidance}`).toContain(s);
      const ranks = sections.map(sectionRank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(t.items.every((i) => i.title.trim() !== "")).toBe(true);
    }
  });

  it("follows HD12 §3.1 for a regular meeting: report on last month, criticism, resolution and vote", () => {
    for (const t of DEFAULT_AGENDA_TEMPLATES.filter((x) => x.kind === "regular")) {
      const keys = t.items.map((i) => i.key);
      expect(keys).toEqual([
        "reason_guests",
        "minute_taker",
        "attendance",
        "agenda_approval",
        "report",
        "discussion",
        "criticism",
        "information",
        "resolution",
        "minutes_approval",
      ]);
      expect(t.items.find((i) => i.key === "report")?.section).toBe("proceedings");
      expect(t.items.find((i) => i.key === "resolution")?.section).toBe("closing");
    }
  });

  it("follows HD12 §3.2 for a thematic meeting: purpose, topic paper, discussion, conclusion, paper sent", () => {
    for (const t of DEFAULT_AGENDA_TEMPLATES.filter((x) => x.kind === "thematic")) {
      const keys = t.items.map((i) => i.key);
      for (const k of [
        "purpose",
        "topic_paper",
        "topic_discussion",
        "resolution",
        "paper_finalised",
      ] as const) {
        expect(keys).toContain(k);
      }
      expect(keys.indexOf("topic_paper")).toBeLessThan(keys.indexOf("topic_discussion"));
      expect(keys.indexOf("resolution")).toBeLessThan(keys.indexOf("paper_finalised"));
      expect(keys).not.toContain("report");
    }
  });

  it("names the guidance followed, and is valid as the settings contract describes templates", () => {
    for (const t of DEFAULT_AGENDA_TEMPLATES) {
      expect(t.name).toContain(t.guidance === "HD12" ? "12-HD/BTCTW" : "42-HD/BTCTW");
      expect(agendaTemplateDto.safeParse(t).success).toBe(true);
      expect(new Set(t.items.map((i) => i.key)).size).toBe(t.items.length);
    }
  });

  it("keeps HD12's steps in HD42 but as separate copies a province may revise on their own", () => {
    for (const k of MEETING_KINDS) {
      const hd12 = agendaTemplateFor(k, "HD12");
      const hd42 = agendaTemplateFor(k, "HD42");
      expect(hd42.items).toEqual(hd12.items);
      expect(hd42.items).not.toBe(hd12.items);
      expect(hd42.items[0]).not.toBe(hd12.items[0]);
    }
  });
});

describe("agendaTemplateFor", () => {
  it("takes the guidance in force on the meeting's date", () => {
    expect(agendaTemplateFor("regular", guidanceOn("2025-06-15")).guidance).toBe("HD12");
    expect(agendaTemplateFor("regular", guidanceOn("2026-01-05")).guidance).toBe("HD42");
    expect(agendaTemplateFor("thematic", guidanceOn("2025-10-28")).guidance).toBe("HD42");
  });

  it("falls back to HD12's template before 2018 (HD09, whose steps HD12 kept)", () => {
    const t = agendaTemplateFor("regular", guidanceOn("2016-05-03"));
    expect(t.guidance).toBe("HD12");
    expect(t.kind).toBe("regular");
  });

  it("prefers the tenant's own template of the same kind and guidance", () => {
    const own: AgendaTemplate = {
      kind: "regular",
      guidance: "HD42",
      name: "Mẫu của Tỉnh ủy",
      items: [{ section: "opening", key: "other", title: "Chào cờ", hint: null }],
    };
    expect(agendaTemplateFor("regular", "HD42", [own])).toBe(own);
    // Another guidance or kind keeps the national one.
    expect(agendaTemplateFor("regular", "HD12", [own]).name).toContain("12-HD/BTCTW");
    expect(agendaTemplateFor("thematic", "HD42", [own]).kind).toBe("thematic");
    // An HD09 template of the tenant answers for HD09 meetings.
    const old = { ...own, guidance: "HD09" as GuidanceCode, name: "Mẫu cũ" };
    expect(agendaTemplateFor("regular", "HD09", [old]).name).toBe("Mẫu cũ");
  });

  it("always answers with a template of the meeting's kind (property)", () => {
    fc.assert(
      fc.property(kind, guidance, fc.array(tenantTemplate, { maxLength: 6 }), (k, g, own) => {
        const t = agendaTemplateFor(k, g, own);
        expect(t.kind).toBe(k);
        expect(t.items.length).toBeGreaterThan(0);
        const mine = own.find((o) => o.kind === k && o.guidance === g);
        if (mine) {
          expect(t).toBe(mine);
        } else {
          expect(DEFAULT_AGENDA_TEMPLATES).toContain(t);
          expect(t.guidance).toBe(g === "HD09" ? "HD12" : g);
        }
      }),
    );
  });

  it("is never affected by a tenant's templates of other kinds (property)", () => {
    fc.assert(
      fc.property(kind, guidance, fc.array(tenantTemplate, { maxLength: 6 }), (k, g, own) => {
        const others = own.filter((o) => o.kind !== k);
        expect(agendaTemplateFor(k, g, others)).toBe(agendaTemplateFor(k, g));
      }),
    );
  });

  it("does not change the national defaults when a caller edits what it got", () => {
    const t = agendaTemplateFor("forum", "HD42");
    const before = JSON.stringify(DEFAULT_AGENDA_TEMPLATES);
    const copy = t.items.map((i) => ({ ...i, title: "sửa" }));
    expect(copy[0]?.title).toBe("sửa");
    expect(JSON.stringify(DEFAULT_AGENDA_TEMPLATES)).toBe(before);
  });
});

describe("preparation states (HD12 §2)", () => {
  it("goes draft → agreed → sent, and back to draft from agreed or sent", () => {
    expect(canMoveAgenda("draft", "agreed")).toBe(true);
    expect(canMoveAgenda("agreed", "sent")).toBe(true);
    expect(canMoveAgenda("agreed", "draft")).toBe(true);
    expect(canMoveAgenda("sent", "draft")).toBe(true);
  });

  it("never sends what the committee has not agreed, and never skips back to agreed", () => {
    expect(canMoveAgenda("draft", "sent")).toBe(false);
    expect(canMoveAgenda("sent", "agreed")).toBe(false);
  });

  it("edits only a draft", () => {
    expect(AGENDA_STATES.filter(agendaEditable)).toEqual(["draft"]);
  });

  it("never stays in place, and reaches sent only through agreed (property)", () => {
    fc.assert(
      fc.property(state, state, (from: AgendaState, to: AgendaState) => {
        if (from === to) expect(canMoveAgenda(from, to)).toBe(false);
        if (to === "sent") expect(canMoveAgenda(from, to)).toBe(from === "agreed");
        if (to === "agreed") expect(canMoveAgenda(from, to)).toBe(from === "draft");
      }),
    );
  });

  it("every path of moves that ends sent went through agreed just before, from a draft (property)", () => {
    fc.assert(
      fc.property(fc.array(state, { maxLength: 12 }), (targets) => {
        let current: AgendaState = "draft";
        const path: AgendaState[] = [current];
        for (const to of targets) {
          if (canMoveAgenda(current, to)) {
            current = to;
            path.push(to);
          }
        }
        path.forEach((s, i) => {
          if (s === "sent") expect(path[i - 1]).toBe("agreed");
          if (s === "agreed") expect(path[i - 1]).toBe("draft");
        });
        // An editable agenda is exactly one that was reopened or never agreed.
        expect(agendaEditable(current)).toBe(current === "draft");
      }),
    );
  });
});
