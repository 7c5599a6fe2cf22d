// The minute-taker's working copy of the minutes, and the pure edits made to it on the phone.
import type {
  AgendaItemDto,
  MinutesContentDto,
  MinutesDto,
  MinutesItemDto,
  MinutesSaveInput,
  OpinionDto,
} from "@chibo/domain";

/** What the autosave sends: the header pickers and the whole content. */
export interface WorkingCopy {
  chairMemberId: string | null;
  minuteTakerMemberId: string | null;
  content: MinutesContentDto;
}

/**
 * A random v4 uuid. `crypto.randomUUID` exists only on https or localhost; a cell's server on a local
 * network over plain http still has `getRandomValues`.
 */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function copyFromMinutes(minutes: MinutesDto): WorkingCopy {
  return {
    chairMemberId: minutes.chairMemberId,
    minuteTakerMemberId: minutes.minuteTakerMemberId,
    content: minutes.content,
  };
}

export function toSaveInput(copy: WorkingCopy, rev: number): MinutesSaveInput {
  return {
    rev,
    chairMemberId: copy.chairMemberId,
    minuteTakerMemberId: copy.minuteTakerMemberId,
    content: copy.content,
  };
}

function trimDeep(value: unknown): unknown {
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value)) return value.map(trimDeep);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimDeep(v)]));
  }
  return value;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The same minutes as the server would keep them (it trims every text), whatever the key order. */
export function sameCopy(a: WorkingCopy, b: WorkingCopy): boolean {
  return canonical(trimDeep(a)) === canonical(trimDeep(b));
}

export function emptyItem(title = ""): MinutesItemDto {
  return { agendaItemId: null, title, presenter: null, summary: "", opinions: [], conclusion: "" };
}

/** The parts of the minutes follow the agenda's steps, in order. */
export function itemsFromAgenda(items: readonly AgendaItemDto[]): MinutesItemDto[] {
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((i) => ({
      agendaItemId: i.id,
      title: i.title,
      presenter: i.presenter,
      summary: "",
      opinions: [],
      conclusion: "",
    }));
}

/** Moves one entry up (-1) or down (+1); out of range, the list is returned as is. */
export function moveInList<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const a = list[index];
  const b = list[target];
  if (a === undefined || b === undefined) return [...list];
  const next = [...list];
  next[index] = b;
  next[target] = a;
  return next;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceAt<T>(list: readonly T[], index: number, fn: (value: T) => T): T[] {
  return list.map((value, i) => (i === index ? fn(value) : value));
}

export function withContent(
  copy: WorkingCopy,
  fn: (content: MinutesContentDto) => MinutesContentDto,
): WorkingCopy {
  return { ...copy, content: fn(copy.content) };
}

export function withItem(
  copy: WorkingCopy,
  index: number,
  fn: (item: MinutesItemDto) => MinutesItemDto,
): WorkingCopy {
  return withContent(copy, (c) => ({ ...c, items: replaceAt(c.items, index, fn) }));
}

export function newOpinion(): OpinionDto {
  return { id: newId(), speakerMemberId: null, speakerGuestId: null, speakerName: "", text: "" };
}

// ---------------------------------------------------------------------------------------------------
// Speakers: a member or guest of the meeting, or a name typed by the minute-taker.

export interface Speaker {
  kind: "member" | "guest";
  id: string;
  name: string;
}

export const TYPED_SPEAKER = "typed";

/** The picker's value for an opinion: "member:<id>", "guest:<id>", "typed", or "" while unchosen. */
export function speakerValue(opinion: OpinionDto): string {
  if (opinion.speakerMemberId !== null) return `member:${opinion.speakerMemberId}`;
  if (opinion.speakerGuestId !== null) return `guest:${opinion.speakerGuestId}`;
  return opinion.speakerName.trim() === "" ? "" : TYPED_SPEAKER;
}

/** The opinion with the speaker chosen in the picker; "typed" keeps the name to be typed. */
export function withSpeaker(
  opinion: OpinionDto,
  value: string,
  speakers: readonly Speaker[],
): OpinionDto {
  const found = speakers.find((s) => `${s.kind}:${s.id}` === value);
  if (found) {
    return {
      ...opinion,
      speakerMemberId: found.kind === "member" ? found.id : null,
      speakerGuestId: found.kind === "guest" ? found.id : null,
      speakerName: found.name,
    };
  }
  const wasPicked = opinion.speakerMemberId !== null || opinion.speakerGuestId !== null;
  return {
    ...opinion,
    speakerMemberId: null,
    speakerGuestId: null,
    // A name that came from the list is not what the minute-taker will type.
    speakerName: wasPicked ? "" : opinion.speakerName,
  };
}

/** Number of opinions recorded, for the status line and the participation of members. */
export function opinionCount(copy: WorkingCopy): number {
  return copy.content.items.reduce((n, item) => n + item.opinions.length, 0);
}

interface RosterLike {
  entries: readonly { memberId: string; fullName: string; status: string | null }[];
  guests: readonly { id: string; name: string }[];
}

/** Who may be picked as a speaker: members present first (in roster order), then the rest, then guests. */
export function speakersOf(roster: RosterLike | undefined): Speaker[] {
  if (!roster) return [];
  const here = (s: string | null) => s === "present" || s === "late";
  const members = [
    ...roster.entries.filter((e) => here(e.status)),
    ...roster.entries.filter((e) => !here(e.status)),
  ].map((e): Speaker => ({ kind: "member", id: e.memberId, name: e.fullName }));
  const guests = roster.guests.map((g): Speaker => ({ kind: "guest", id: g.id, name: g.name }));
  return [...members, ...guests];
}
