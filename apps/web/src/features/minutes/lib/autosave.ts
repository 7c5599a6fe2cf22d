// The autosave of the minutes as a pure state machine: what to send and when, what a failure means,
// and what the status line says. The hook (hooks/use-minutes-autosave.ts) only runs timers and fetches.
import { isApiError } from "@/lib/api-client";
import type { WorkingCopy } from "./working-copy";

/** Quiet time after the last keystroke before saving. */
export const DEBOUNCE_MS = 800;
/** Someone typing without a pause still gets a save this often. */
export const MAX_WAIT_MS = 5_000;
/** Retries after a lost connection: 1 s, 2 s, 4 s … up to this. */
export const MAX_RETRY_MS = 30_000;

/** Why saving stopped until someone acts: another revision on the server, locked, or refused. */
export type Blocked = "conflict" | "locked" | "invalid" | "failed";

export interface AutosaveState {
  copy: WorkingCopy;
  /** The server revision the copy is based on (sent with the next save). */
  baseRev: number;
  /** Edits made so far, and the last one the server has. Dirty while seq > savedSeq. */
  seq: number;
  savedSeq: number;
  /** The edit being saved right now. */
  inFlight: number | null;
  /** Failed attempts in a row (network), and when to try again. */
  failures: number;
  retryAt: number | null;
  /** When the oldest unsaved edit and the latest edit were made (ms). */
  firstPendingAt: number | null;
  lastEditAt: number | null;
  blocked: Blocked | null;
  /** The server's time of the last successful save. */
  lastSavedAt: string | null;
}

export type SaveFailure = "network" | "stale" | "locked" | "invalid" | "failed";

export type AutosaveEvent =
  | { type: "edit"; copy: WorkingCopy; now: number }
  | { type: "save_started"; seq: number }
  | { type: "save_succeeded"; seq: number; rev: number; savedAt: string; now: number }
  | { type: "save_failed"; seq: number; failure: SaveFailure; now: number }
  /** The copy cannot be sent as it is (an opinion without its speaker…); kept on the device. */
  | { type: "not_sendable" }
  | { type: "retry_now"; now: number }
  /** Conflict resolved by keeping this device's copy on top of the server's latest revision. */
  | { type: "keep_mine"; serverRev: number; now: number }
  /** Conflict resolved by taking the server's copy. */
  | { type: "take_server"; copy: WorkingCopy; serverRev: number }
  /** The server's minutes were read again (another device may have saved). */
  | { type: "server_refreshed"; copy: WorkingCopy; rev: number };

export function initialAutosave(init: {
  copy: WorkingCopy;
  baseRev: number;
  /** A recovered draft: not on the server yet, to be saved at once. */
  dirty: boolean;
  now: number;
}): AutosaveState {
  return {
    copy: init.copy,
    baseRev: init.baseRev,
    seq: init.dirty ? 1 : 0,
    savedSeq: 0,
    inFlight: null,
    failures: 0,
    retryAt: null,
    firstPendingAt: init.dirty ? init.now - MAX_WAIT_MS : null,
    lastEditAt: init.dirty ? init.now - DEBOUNCE_MS : null,
    blocked: null,
    lastSavedAt: null,
  };
}

export function isDirty(state: AutosaveState): boolean {
  return state.seq > state.savedSeq;
}

/** 1 s, 2 s, 4 s, 8 s … capped at MAX_RETRY_MS, for the n-th failure in a row (n ≥ 1). */
export function retryDelay(failures: number): number {
  return Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.max(0, failures - 1));
}

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case "edit":
      return {
        ...state,
        copy: event.copy,
        seq: state.seq + 1,
        lastEditAt: event.now,
        firstPendingAt: isDirty(state) ? (state.firstPendingAt ?? event.now) : event.now,
        // A refused copy may be fine once edited; a conflict or a lock waits for a decision.
        blocked: state.blocked === "invalid" || state.blocked === "failed" ? null : state.blocked,
      };
    case "save_started":
      return { ...state, inFlight: event.seq };
    case "save_succeeded": {
      const savedSeq = Math.max(state.savedSeq, event.seq);
      const stillDirty = state.seq > savedSeq;
      return {
        ...state,
        baseRev: event.rev,
        savedSeq,
        inFlight: null,
        failures: 0,
        retryAt: null,
        blocked: null,
        lastSavedAt: event.savedAt,
        // Edits made while saving go out after the usual pause.
        firstPendingAt: stillDirty ? event.now : null,
      };
    }
    case "save_failed":
      switch (event.failure) {
        case "network": {
          const failures = state.failures + 1;
          return {
            ...state,
            inFlight: null,
            failures,
            retryAt: event.now + retryDelay(failures),
          };
        }
        case "stale":
          return { ...state, inFlight: null, blocked: "conflict" };
        case "locked":
          return { ...state, inFlight: null, blocked: "locked" };
        case "invalid":
          return { ...state, inFlight: null, blocked: "invalid" };
        case "failed":
          return { ...state, inFlight: null, blocked: "failed" };
      }
      break;
    case "not_sendable":
      return state.blocked === "invalid" ? state : { ...state, blocked: "invalid" };
    case "retry_now":
      if (!isDirty(state)) return state;
      return {
        ...state,
        retryAt: event.now,
        blocked: state.blocked === "failed" ? null : state.blocked,
      };
    case "keep_mine":
      return {
        ...state,
        baseRev: event.serverRev,
        blocked: null,
        failures: 0,
        retryAt: null,
        // Save at once, even if this device had nothing new: the server's copy is replaced.
        seq: isDirty(state) ? state.seq : state.seq + 1,
        firstPendingAt: event.now - MAX_WAIT_MS,
        lastEditAt: event.now - DEBOUNCE_MS,
      };
    case "take_server":
      return {
        ...state,
        copy: event.copy,
        baseRev: event.serverRev,
        savedSeq: state.seq,
        blocked: null,
        failures: 0,
        retryAt: null,
        firstPendingAt: null,
      };
    case "server_refreshed":
      // Someone saved elsewhere while this device has nothing pending: show their text.
      if (
        event.rev > state.baseRev &&
        !isDirty(state) &&
        state.inFlight === null &&
        state.blocked === null
      ) {
        return { ...state, copy: event.copy, baseRev: event.rev };
      }
      return state;
  }
  return state;
}

/** Milliseconds until the next save should start; null when there is nothing to send now. */
export function nextSaveDelay(state: AutosaveState, now: number): number | null {
  if (!isDirty(state) || state.inFlight !== null || state.blocked !== null) return null;
  const debounceAt = (state.lastEditAt ?? now) + DEBOUNCE_MS;
  const maxWaitAt = (state.firstPendingAt ?? now) + MAX_WAIT_MS;
  let at = Math.min(debounceAt, maxWaitAt);
  if (state.retryAt !== null) at = Math.max(at, state.retryAt);
  return Math.max(0, at - now);
}

/** A failed save: transient (retry), another revision, the minutes locked, or refused as sent. */
export function classifySaveError(error: unknown): SaveFailure {
  if (!isApiError(error)) return "network";
  if (error.status >= 500 || error.status === 408 || error.status === 429) return "network";
  if (error.code === "stale_version") return "stale";
  if (error.code === "minutes_locked" || error.code === "meeting_state") return "locked";
  if (error.status === 400 || error.status === 413 || error.status === 422) return "invalid";
  return "failed";
}

export type SaveStatus =
  "idle" | "saved" | "saving" | "retrying" | "conflict" | "locked" | "invalid" | "failed";

/** What the status line says. */
export function saveStatus(state: AutosaveState): SaveStatus {
  if (state.blocked !== null) return state.blocked;
  if (state.inFlight !== null && state.failures === 0) return "saving";
  if (isDirty(state)) return state.failures > 0 ? "retrying" : "saving";
  return state.lastSavedAt === null ? "idle" : "saved";
}
