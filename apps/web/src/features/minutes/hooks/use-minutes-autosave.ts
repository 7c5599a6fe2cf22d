import { minutesSaveInput } from "@chibo/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { getMinutes } from "../api/get-minutes";
import { minutesKeys } from "../api/keys";
import { saveMinutes } from "../api/save-minutes";
import {
  autosaveReducer,
  classifySaveError,
  initialAutosave,
  isDirty,
  nextSaveDelay,
  saveStatus,
  type AutosaveEvent,
  type AutosaveState,
} from "../lib/autosave";
import { pruneCleanDrafts, writeDraft } from "../lib/draft-storage";
import { copyFromMinutes, toSaveInput, type WorkingCopy } from "../lib/working-copy";

/** The browser's localStorage, or null where it is refused (some private modes). */
export function deviceStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export interface AutosaveInit {
  copy: WorkingCopy;
  baseRev: number;
  /** A restored draft, to be saved at once. */
  dirty: boolean;
  /** When the copy was last changed on this device (ISO instant). */
  localAt: string;
}

/**
 * The minute-taker's working copy: every change is kept in React state and, at once, in localStorage
 * (with the server revision it is based on); it is sent after a short pause, one request at a time.
 * A lost connection keeps the copy and retries with growing pauses (and when the browser is back
 * online); another revision on the server stops and asks; nothing typed is ever dropped.
 */
export function useMinutesAutosave(meetingId: string, init: AutosaveInit) {
  const queryClient = useQueryClient();
  const storage = useMemo(() => deviceStorage(), []);
  const [state, setState] = useState<AutosaveState>(() =>
    initialAutosave({ ...init, now: Date.parse(init.localAt) }),
  );
  const ref = useRef(state);
  const localAt = useRef(init.localAt);
  const [lastError, setLastError] = useState<unknown>(null);
  const [stored, setStored] = useState(true);

  const write = useCallback(
    (next: AutosaveState) =>
      writeDraft(storage, {
        v: 1,
        meetingId,
        baseRev: next.baseRev,
        dirty: isDirty(next),
        localAt: localAt.current,
        copy: next.copy,
      }),
    [storage, meetingId],
  );

  const dispatch = useCallback(
    (event: AutosaveEvent) => {
      const prev = ref.current;
      const next = autosaveReducer(prev, event);
      if (next === prev) return;
      ref.current = next;
      if (event.type === "edit") localAt.current = new Date().toISOString();
      if (
        next.copy !== prev.copy ||
        next.baseRev !== prev.baseRev ||
        isDirty(next) !== isDirty(prev)
      ) {
        setStored(write(next));
      }
      setState(next);
    },
    [write],
  );

  // A restored draft is written back at once with the revision it now sits on.
  useEffect(() => {
    write(ref.current);
    pruneCleanDrafts(storage, meetingId);
  }, [write, storage, meetingId]);

  const saveNow = useCallback(async () => {
    const s = ref.current;
    if (!isDirty(s) || s.inFlight !== null || s.blocked !== null) return;
    const input = toSaveInput(s.copy, s.baseRev);
    if (!minutesSaveInput.safeParse(input).success) {
      dispatch({ type: "not_sendable" });
      return;
    }
    const seq = s.seq;
    dispatch({ type: "save_started", seq });
    try {
      const saved = await saveMinutes(meetingId, input);
      setLastError(null);
      dispatch({
        type: "save_succeeded",
        seq,
        rev: saved.rev,
        savedAt: saved.savedAt,
        now: Date.now(),
      });
    } catch (error) {
      setLastError(error);
      dispatch({ type: "save_failed", seq, failure: classifySaveError(error), now: Date.now() });
    }
  }, [dispatch, meetingId]);

  // The pause after typing, or the next retry.
  useEffect(() => {
    const delay = nextSaveDelay(state, Date.now());
    if (delay === null) return;
    const timer = setTimeout(() => {
      void saveNow();
    }, delay);
    return () => {
      clearTimeout(timer);
    };
  }, [state, saveNow]);

  // Back online: try at once. Tab hidden (phone locked, app switched): send what is waiting now.
  useEffect(() => {
    const online = () => {
      dispatch({ type: "retry_now", now: Date.now() });
    };
    const hidden = () => {
      if (document.visibilityState === "hidden") void saveNow();
    };
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", hidden);
    return () => {
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", hidden);
    };
  }, [dispatch, saveNow]);

  // Leaving the screen sends what is still waiting (the device's copy stays until it is saved).
  useEffect(
    () => () => {
      void saveNow();
    },
    [saveNow],
  );

  const update = useCallback(
    (fn: (copy: WorkingCopy) => WorkingCopy) => {
      dispatch({ type: "edit", copy: fn(ref.current.copy), now: Date.now() });
    },
    [dispatch],
  );

  const retryNow = useCallback(() => {
    dispatch({ type: "retry_now", now: Date.now() });
  }, [dispatch]);

  /** Reads the server's minutes again (for a conflict): the cache is refreshed too. */
  const fetchServer = useCallback(async () => {
    const server = await getMinutes(meetingId);
    queryClient.setQueryData(minutesKeys.minutes(meetingId), server);
    return server;
  }, [meetingId, queryClient]);

  const keepMine = useCallback(async () => {
    const server = await fetchServer();
    if (server.state === "signed" || !server.can.edit) {
      dispatch({ type: "save_failed", seq: ref.current.seq, failure: "locked", now: Date.now() });
      return;
    }
    dispatch({ type: "keep_mine", serverRev: server.rev, now: Date.now() });
  }, [dispatch, fetchServer]);

  const takeServer = useCallback(async () => {
    const server = await fetchServer();
    dispatch({ type: "take_server", copy: copyFromMinutes(server), serverRev: server.rev });
  }, [dispatch, fetchServer]);

  /** The server's minutes as last read (another device may have saved a newer revision). */
  const serverRefreshed = useCallback(
    (copy: WorkingCopy, rev: number) => {
      dispatch({ type: "server_refreshed", copy, rev });
    },
    [dispatch],
  );

  return {
    copy: state.copy,
    baseRev: state.baseRev,
    status: saveStatus(state),
    dirty: isDirty(state),
    lastSavedAt: state.lastSavedAt,
    retryAt: state.retryAt,
    /** The last refusal or failure, for its message. */
    error: state.blocked !== null || state.failures > 0 ? lastError : null,
    /** false when the device refused to keep the copy (storage full or disabled). */
    stored,
    update,
    retryNow,
    keepMine,
    takeServer,
    serverRefreshed,
  };
}

export type MinutesAutosave = ReturnType<typeof useMinutesAutosave>;
