// The agenda while it is edited: steps grouped by section (opening, proceedings, closing), moved within
// their section, and sent back whole with the version read.
import {
  AGENDA_SECTIONS,
  type AgendaDto,
  type AgendaItemDto,
  type AgendaItemKey,
  type AgendaSection,
  type AgendaState,
} from "@chibo/domain";
import { newId } from "./working-copy";

export interface AgendaDraftItem {
  /** Stable key on this screen (new steps have no server id yet). */
  uid: string;
  id: string | null;
  section: AgendaSection;
  key: AgendaItemKey;
  title: string;
  presenter: string;
  notes: string;
}

const SECTION_ORDER: Record<AgendaSection, number> = { opening: 0, proceedings: 1, closing: 2 };

/** Steps in the order of the meeting: by section, then by position. */
export function sortedItems(items: readonly AgendaItemDto[]): AgendaItemDto[] {
  return [...items].sort(
    (a, b) => SECTION_ORDER[a.section] - SECTION_ORDER[b.section] || a.position - b.position,
  );
}

export function draftFromAgenda(agenda: Pick<AgendaDto, "items">): AgendaDraftItem[] {
  return sortedItems(agenda.items).map((i) => ({
    uid: i.id,
    id: i.id,
    section: i.section,
    key: i.key,
    title: i.title,
    presenter: i.presenter ?? "",
    notes: i.notes ?? "",
  }));
}

export interface SectionGroup<T> {
  section: AgendaSection;
  /** Each entry with its index in the whole list (the step's number is index + 1). */
  entries: { item: T; index: number }[];
}

export function groupBySection<T extends { section: AgendaSection }>(
  items: readonly T[],
): SectionGroup<T>[] {
  return AGENDA_SECTIONS.map((section) => ({
    section,
    entries: items
      .map((item, index) => ({ item, index }))
      .filter((e) => e.item.section === section),
  }));
}

/** Swaps a step with its neighbour in the same section; unchanged at the section's edge. */
export function moveWithinSection<T extends { section: AgendaSection }>(
  items: readonly T[],
  index: number,
  delta: -1 | 1,
): T[] {
  const item = items[index];
  if (!item) return [...items];
  let j = index + delta;
  while (j >= 0 && j < items.length && items[j]?.section !== item.section) j += delta;
  const other = items[j];
  if (other === undefined) return [...items];
  const next = [...items];
  next[index] = other;
  next[j] = item;
  return next;
}

/** A new step at the end of its section (the list stays grouped by section). */
export function addToSection(
  items: readonly AgendaDraftItem[],
  section: AgendaSection,
): AgendaDraftItem[] {
  const item: AgendaDraftItem = {
    uid: newId(),
    id: null,
    section,
    key: "other",
    title: "",
    presenter: "",
    notes: "",
  };
  let at = items.length;
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const here = items[i];
    if (here && SECTION_ORDER[here.section] <= SECTION_ORDER[section]) {
      at = i + 1;
      break;
    }
    at = i;
  }
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/** The body of PUT /meetings/:id/agenda (checked with agendaItemsInput before sending). */
export function toAgendaInput(items: readonly AgendaDraftItem[], version: number) {
  return {
    version,
    items: items.map((i) => ({
      ...(i.id !== null ? { id: i.id } : {}),
      section: i.section,
      key: i.key,
      title: i.title,
      presenter: i.presenter,
      notes: i.notes,
    })),
  };
}

export function sameAgenda(a: readonly AgendaDraftItem[], b: readonly AgendaDraftItem[]): boolean {
  const strip = (items: readonly AgendaDraftItem[]) =>
    JSON.stringify(items.map(({ uid: _uid, ...rest }) => rest));
  return strip(a) === strip(b);
}

/** The preparation step reached, 0 draft → 1 agreed → 2 sent; -1 before there is an agenda. */
export function preparationStep(state: AgendaState | null): number {
  switch (state) {
    case null:
      return -1;
    case "draft":
      return 0;
    case "agreed":
      return 1;
    case "sent":
      return 2;
  }
}
