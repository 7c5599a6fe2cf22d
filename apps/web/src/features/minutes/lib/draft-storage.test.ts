import { describe, expect, it } from "vitest";
import {
  DRAFT_KEY_PREFIX,
  decideOnLoad,
  draftKey,
  pruneCleanDrafts,
  readDraft,
  removeDraft,
  restoreDraft,
  writeDraft,
  type StoredDraft,
} from "./draft-storage";
import { emptyItem, newId, newOpinion, type WorkingCopy } from "./working-copy";

/** An in-memory Storage, as the browser's localStorage behaves. */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

const meetingId = newId();
const copy = (opening: string): WorkingCopy => ({
  chairMemberId: null,
  minuteTakerMemberId: null,
  content: { place: null, opening, items: [], other: "" },
});
const draft = (over: Partial<StoredDraft> = {}): StoredDraft => ({
  v: 1,
  meetingId,
  baseRev: 3,
  dirty: true,
  localAt: "2026-02-03T01:30:00.000Z",
  copy: copy("Bản nháp trên máy"),
  ...over,
});

describe("the stored draft", () => {
  it("is written and read back under the meeting's key", () => {
    const storage = new MemoryStorage();
    expect(writeDraft(storage, draft())).toBe(true);
    expect(storage.getItem(draftKey(meetingId))).not.toBeNull();
    expect(draftKey(meetingId)).toBe(`chibo.minutes-draft.${meetingId}`);
    expect(readDraft(storage, meetingId)).toEqual(draft());
    removeDraft(storage, meetingId);
    expect(readDraft(storage, meetingId)).toBeNull();
  });

  it("keeps half-written text the server would refuse (an opinion without its speaker)", () => {
    const storage = new MemoryStorage();
    const halfWritten = draft({
      copy: {
        ...copy(""),
        content: {
          place: null,
          opening: "",
          other: "",
          items: [{ ...emptyItem(""), opinions: [{ ...newOpinion(), text: "Ý kiến dở" }] }],
        },
      },
    });
    writeDraft(storage, halfWritten);
    expect(readDraft(storage, meetingId)?.copy.content.items[0]?.opinions[0]?.text).toBe(
      "Ý kiến dở",
    );
  });

  it("ignores what it cannot read, or another meeting's copy under this key", () => {
    const storage = new MemoryStorage();
    storage.setItem(draftKey(meetingId), "{not json");
    expect(readDraft(storage, meetingId)).toBeNull();
    storage.setItem(draftKey(meetingId), JSON.stringify({ ...draft(), meetingId: newId() }));
    expect(readDraft(storage, meetingId)).toBeNull();
    storage.setItem(draftKey(meetingId), JSON.stringify({ ...draft(), v: 2 }));
    expect(readDraft(storage, meetingId)).toBeNull();
    expect(readDraft(null, meetingId)).toBeNull();
  });

  it("reports a full or refused storage instead of throwing", () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException("quota", "QuotaExceededError");
    };
    expect(writeDraft(full, draft())).toBe(false);
    expect(writeDraft(null, draft())).toBe(false);
  });

  it("prunes other meetings' saved drafts, never an unsaved one", () => {
    const storage = new MemoryStorage();
    const saved = newId();
    const unsaved = newId();
    writeDraft(storage, draft({ meetingId: saved, dirty: false }));
    writeDraft(storage, draft({ meetingId: unsaved, dirty: true }));
    writeDraft(storage, draft({ dirty: false }));
    storage.setItem("chibo.language", "vi");
    pruneCleanDrafts(storage, meetingId);
    expect(readDraft(storage, saved)).toBeNull();
    expect(readDraft(storage, unsaved)).not.toBeNull();
    expect(readDraft(storage, meetingId)).not.toBeNull();
    expect(storage.getItem("chibo.language")).toBe("vi");
    expect(DRAFT_KEY_PREFIX).toBe("chibo.minutes-draft.");
  });
});

describe("decideOnLoad", () => {
  const server = (over: Partial<{ rev: number; editable: boolean; copy: WorkingCopy }> = {}) => ({
    rev: 3,
    editable: true,
    copy: copy("Trên máy chủ"),
    ...over,
  });

  it("starts from the server when the device has nothing unsaved", () => {
    expect(decideOnLoad(null, server())).toEqual({ kind: "server" });
    expect(decideOnLoad(draft({ dirty: false }), server())).toEqual({ kind: "server" });
  });

  it("drops silently a draft the server already has (the save's answer was lost)", () => {
    expect(decideOnLoad(draft({ copy: copy("Trên máy chủ ") }), server({ rev: 4 }))).toEqual({
      kind: "same",
    });
  });

  it("offers to restore an unsaved draft, telling whether the server changed since", () => {
    expect(decideOnLoad(draft(), server())).toEqual({
      kind: "offer",
      draft: draft(),
      serverChanged: false,
    });
    expect(decideOnLoad(draft(), server({ rev: 5 }))).toMatchObject({ serverChanged: true });
  });

  it("keeps, without offering to save, a draft of minutes that can no longer be edited", () => {
    expect(decideOnLoad(draft(), server({ editable: false }))).toEqual({
      kind: "stranded",
      draft: draft(),
    });
  });

  it("restores onto the server's latest revision, to be saved at once", () => {
    expect(restoreDraft(draft({ baseRev: 3 }), 5)).toEqual({
      copy: draft().copy,
      baseRev: 5,
      dirty: true,
    });
  });
});
