// The device's copy of the minutes being written (localStorage), and what to do with it on load.
import { z } from "zod";
import { sameCopy, type WorkingCopy } from "./working-copy";

export const DRAFT_KEY_PREFIX = "chibo.minutes-draft.";

export function draftKey(meetingId: string): string {
  return `${DRAFT_KEY_PREFIX}${meetingId}`;
}

/** localStorage["chibo.minutes-draft.<meetingId>"], written on every change of the working copy. */
export interface StoredDraft {
  v: 1;
  meetingId: string;
  /** The server revision the copy was based on. */
  baseRev: number;
  /** true while the server does not have this copy. */
  dirty: boolean;
  /** When the copy was last changed on this device (ISO instant). */
  localAt: string;
  copy: WorkingCopy;
}

// Read leniently: a half-written copy (an opinion whose speaker is not chosen yet) is still text the
// minute-taker wrote, and is kept even though the server would refuse it as it is.
const storedOpinion = z.object({
  id: z.string(),
  speakerMemberId: z.string().nullable(),
  speakerGuestId: z.string().nullable(),
  speakerName: z.string(),
  text: z.string(),
});
const storedItem = z.object({
  agendaItemId: z.string().nullable(),
  title: z.string(),
  presenter: z.string().nullable(),
  summary: z.string(),
  opinions: z.array(storedOpinion),
  conclusion: z.string(),
});
const storedDraft = z.object({
  v: z.literal(1),
  meetingId: z.string(),
  baseRev: z.number().int().min(0),
  dirty: z.boolean(),
  localAt: z.string(),
  copy: z.object({
    chairMemberId: z.string().nullable(),
    minuteTakerMemberId: z.string().nullable(),
    content: z.object({
      place: z.string().nullable(),
      opening: z.string(),
      items: z.array(storedItem),
      other: z.string(),
    }),
  }),
});

/** The stored draft of a meeting; null when there is none or it cannot be read. */
export function readDraft(
  storage: Pick<Storage, "getItem"> | null,
  meetingId: string,
): StoredDraft | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(draftKey(meetingId));
  } catch {
    return null;
  }
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = storedDraft.safeParse(json);
  if (!parsed.success || parsed.data.meetingId !== meetingId) return null;
  return parsed.data;
}

/** false when the device refused (private mode, storage full). */
export function writeDraft(storage: Pick<Storage, "setItem"> | null, draft: StoredDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(draftKey(draft.meetingId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(storage: Pick<Storage, "removeItem"> | null, meetingId: string): void {
  try {
    storage?.removeItem(draftKey(meetingId));
  } catch {
    // Nothing to do: the draft stays until the next write.
  }
}

/**
 * Drops the saved (clean) drafts of other meetings, so that the device's storage does not fill up
 * with copies the server already has. Unsaved drafts are never dropped.
 */
export function pruneCleanDrafts(storage: Storage | null, keepMeetingId: string): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(DRAFT_KEY_PREFIX) && key !== draftKey(keepMeetingId)) keys.push(key);
    }
    for (const key of keys) {
      const draft = readDraft(storage, key.slice(DRAFT_KEY_PREFIX.length));
      if (!draft?.dirty) storage.removeItem(key);
    }
  } catch {
    // Storage unavailable: nothing to prune.
  }
}

export interface ServerMinutes {
  rev: number;
  /** The caller may still write the minutes (draft, meeting open or held, their role). */
  editable: boolean;
  copy: WorkingCopy;
}

export type LoadDecision =
  /** Nothing unsaved on the device: start from the server's copy. */
  | { kind: "server" }
  /** The device's unsaved copy is what the server has anyway (the answer to the save was lost). */
  | { kind: "same" }
  /** Offer to restore the device's copy; `serverChanged` when someone saved after it was taken. */
  | { kind: "offer"; draft: StoredDraft; serverChanged: boolean }
  /** An unsaved copy the server will no longer take (signed and locked, or no longer allowed). */
  | { kind: "stranded"; draft: StoredDraft };

export function decideOnLoad(draft: StoredDraft | null, server: ServerMinutes): LoadDecision {
  if (!draft?.dirty) return { kind: "server" };
  if (sameCopy(draft.copy, server.copy)) return { kind: "same" };
  if (!server.editable) return { kind: "stranded", draft };
  return { kind: "offer", draft, serverChanged: server.rev > draft.baseRev };
}

/**
 * Restoring puts the device's copy on top of the server's latest revision (the minute-taker chose
 * theirs), to be saved at once.
 */
export function restoreDraft(
  draft: StoredDraft,
  serverRev: number,
): { copy: WorkingCopy; baseRev: number; dirty: true } {
  return { copy: draft.copy, baseRev: serverRev, dirty: true };
}
