import type { ProblemJson } from "@chibo/domain";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-client";
import {
  DEBOUNCE_MS,
  MAX_RETRY_MS,
  MAX_WAIT_MS,
  autosaveReducer,
  classifySaveError,
  initialAutosave,
  isDirty,
  nextSaveDelay,
  retryDelay,
  saveStatus,
  type AutosaveEvent,
  type AutosaveState,
} from "./autosave";
import type { WorkingCopy } from "./working-copy";

const copy = (opening: string): WorkingCopy => ({
  chairMemberId: null,
  minuteTakerMemberId: null,
  content: { place: null, opening, items: [], other: "" },
});

const run = (state: AutosaveState, ...events: AutosaveEvent[]) =>
  events.reduce(autosaveReducer, state);

const apiError = (status: number, code: ProblemJson["code"]) =>
  new ApiError(status, { type: "about:blank", title: "", status, code, detail: "" }, undefined);

const clean = () => initialAutosave({ copy: copy(""), baseRev: 4, dirty: false, now: 0 });

describe("when to save", () => {
  it("waits for a pause in the typing", () => {
    const s = run(clean(), { type: "edit", copy: copy("K"), now: 1000 });
    expect(isDirty(s)).toBe(true);
    expect(nextSaveDelay(s, 1000)).toBe(DEBOUNCE_MS);
    const typing = run(s, { type: "edit", copy: copy("Kh"), now: 1500 });
    expect(nextSaveDelay(typing, 1500)).toBe(DEBOUNCE_MS);
    expect(nextSaveDelay(typing, 1500 + DEBOUNCE_MS + 10)).toBe(0);
  });

  it("still saves every few seconds while someone types without stopping", () => {
    let s = clean();
    for (let t = 0; t <= MAX_WAIT_MS; t += 200)
      s = run(s, { type: "edit", copy: copy(`x${t}`), now: t });
    // The oldest unsaved edit was at 0: the save is due by MAX_WAIT_MS whatever the last keystroke.
    expect(nextSaveDelay(s, MAX_WAIT_MS)).toBe(0);
  });

  it("has nothing to do when clean, while a save is under way, or when blocked", () => {
    expect(nextSaveDelay(clean(), 0)).toBeNull();
    const dirty = run(clean(), { type: "edit", copy: copy("a"), now: 0 });
    expect(nextSaveDelay(run(dirty, { type: "save_started", seq: 1 }), 0)).toBeNull();
    expect(
      nextSaveDelay(run(dirty, { type: "save_failed", seq: 1, failure: "stale", now: 0 }), 0),
    ).toBeNull();
  });

  it("saves a recovered draft at once", () => {
    const s = initialAutosave({ copy: copy("draft"), baseRev: 7, dirty: true, now: 10_000 });
    expect(isDirty(s)).toBe(true);
    expect(nextSaveDelay(s, 10_000)).toBe(0);
    expect(s.baseRev).toBe(7);
  });
});

describe("after a save", () => {
  it("takes the new revision and is clean when nothing was typed meanwhile", () => {
    const s = run(
      clean(),
      { type: "edit", copy: copy("a"), now: 0 },
      { type: "save_started", seq: 1 },
      { type: "save_succeeded", seq: 1, rev: 5, savedAt: "2026-02-03T01:02:00Z", now: 900 },
    );
    expect(s.baseRev).toBe(5);
    expect(isDirty(s)).toBe(false);
    expect(saveStatus(s)).toBe("saved");
    expect(s.lastSavedAt).toBe("2026-02-03T01:02:00Z");
  });

  it("stays dirty, on the new revision, when the minute-taker typed during the save", () => {
    const s = run(
      clean(),
      { type: "edit", copy: copy("a"), now: 0 },
      { type: "save_started", seq: 1 },
      { type: "edit", copy: copy("ab"), now: 850 },
      { type: "save_succeeded", seq: 1, rev: 5, savedAt: "x", now: 900 },
    );
    expect(isDirty(s)).toBe(true);
    expect(s.baseRev).toBe(5);
    expect(s.copy.content.opening).toBe("ab");
    expect(nextSaveDelay(s, 900)).toBe(850 + DEBOUNCE_MS - 900);
  });
});

describe("a lost connection", () => {
  const failed = (n: number) => {
    let s = run(clean(), { type: "edit", copy: copy("a"), now: 0 });
    for (let i = 0; i < n; i += 1) {
      s = run(
        s,
        { type: "save_started", seq: s.seq },
        {
          type: "save_failed",
          seq: s.seq,
          failure: "network",
          now: 1000 * i,
        },
      );
    }
    return s;
  };

  it("keeps the copy, says so, and retries with growing pauses", () => {
    const s = failed(1);
    expect(isDirty(s)).toBe(true);
    expect(s.copy.content.opening).toBe("a");
    expect(saveStatus(s)).toBe("retrying");
    expect(nextSaveDelay(s, 0)).toBe(1000);
    expect(failed(3).retryAt).toBe(2000 + 4000);
    expect([1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([
      1000,
      2000,
      4000,
      8000,
      16000,
      MAX_RETRY_MS,
      MAX_RETRY_MS,
    ]);
  });

  it("tries again at once when the browser is back online", () => {
    const s = run(failed(5), { type: "retry_now", now: 20_000 });
    expect(nextSaveDelay(s, 20_000)).toBe(0);
  });

  it("keeps typing on the device during the outage, and the next success clears the state", () => {
    const s = run(
      failed(2),
      { type: "edit", copy: copy("abc"), now: 3000 },
      { type: "save_started", seq: 2 },
      { type: "save_succeeded", seq: 2, rev: 5, savedAt: "x", now: 4000 },
    );
    expect(isDirty(s)).toBe(false);
    expect(s.failures).toBe(0);
    expect(saveStatus(s)).toBe("saved");
  });
});

describe("another revision on the server (409 stale_version)", () => {
  const conflict = () =>
    run(
      clean(),
      { type: "edit", copy: copy("mine"), now: 0 },
      { type: "save_started", seq: 1 },
      { type: "save_failed", seq: 1, failure: "stale", now: 900 },
    );

  it("stops saving and asks", () => {
    const s = conflict();
    expect(saveStatus(s)).toBe("conflict");
    expect(nextSaveDelay(s, 10_000)).toBeNull();
    // Typing goes on in the device's copy but does not lift the question.
    const typed = run(s, { type: "edit", copy: copy("mine+"), now: 1000 });
    expect(saveStatus(typed)).toBe("conflict");
  });

  it("keep mine: saves this copy at once on top of the server's latest revision", () => {
    const s = run(conflict(), { type: "keep_mine", serverRev: 9, now: 2000 });
    expect(s.baseRev).toBe(9);
    expect(s.copy.content.opening).toBe("mine");
    expect(nextSaveDelay(s, 2000)).toBe(0);
  });

  it("take the server's: the copy becomes the server's and is clean", () => {
    const s = run(conflict(), { type: "take_server", copy: copy("theirs"), serverRev: 9 });
    expect(s.copy.content.opening).toBe("theirs");
    expect(s.baseRev).toBe(9);
    expect(isDirty(s)).toBe(false);
    expect(nextSaveDelay(s, 5000)).toBeNull();
  });
});

describe("refused saves", () => {
  it("a locked minutes stops the autosave for good", () => {
    const s = run(
      clean(),
      { type: "edit", copy: copy("a"), now: 0 },
      { type: "save_failed", seq: 1, failure: "locked", now: 1 },
      { type: "edit", copy: copy("ab"), now: 2 },
    );
    expect(saveStatus(s)).toBe("locked");
    expect(nextSaveDelay(s, 10_000)).toBeNull();
  });

  it("a copy the contract refuses waits for the next edit", () => {
    const s = run(clean(), { type: "edit", copy: copy("a"), now: 0 }, { type: "not_sendable" });
    expect(saveStatus(s)).toBe("invalid");
    expect(nextSaveDelay(s, 10_000)).toBeNull();
    const fixed = run(s, { type: "edit", copy: copy("ab"), now: 100 });
    expect(nextSaveDelay(fixed, 100)).toBe(DEBOUNCE_MS);
  });
});

describe("the server's copy read again", () => {
  it("is shown when this device has nothing pending and it is newer", () => {
    const s = run(clean(), { type: "server_refreshed", copy: copy("chair's edit"), rev: 6 });
    expect(s.copy.content.opening).toBe("chair's edit");
    expect(s.baseRev).toBe(6);
  });

  it("never replaces unsaved text, nor goes back to an older revision", () => {
    const dirty = run(clean(), { type: "edit", copy: copy("mine"), now: 0 });
    expect(
      run(dirty, { type: "server_refreshed", copy: copy("x"), rev: 9 }).copy.content.opening,
    ).toBe("mine");
    const older = clean();
    expect(run(older, { type: "server_refreshed", copy: copy("old"), rev: 3 })).toBe(older);
  });
});

describe("classifySaveError", () => {
  it("reads a failure by what to do about it", () => {
    expect(classifySaveError(new TypeError("Failed to fetch"))).toBe("network");
    expect(classifySaveError(apiError(502, "internal_error"))).toBe("network");
    expect(classifySaveError(apiError(409, "stale_version"))).toBe("stale");
    expect(classifySaveError(apiError(409, "minutes_locked"))).toBe("locked");
    expect(classifySaveError(apiError(409, "meeting_state"))).toBe("locked");
    expect(classifySaveError(apiError(422, "validation_failed"))).toBe("invalid");
    expect(classifySaveError(apiError(413, "payload_too_large"))).toBe("invalid");
    expect(classifySaveError(apiError(403, "forbidden"))).toBe("failed");
  });
});
