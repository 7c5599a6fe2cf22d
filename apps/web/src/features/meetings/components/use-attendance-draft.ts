import type { AttendanceStatus } from "@chibo/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { markAttendance, useMarkAttendance } from "../api/mark-attendance";
import { sendableMarks, type DraftMark } from "../lib/display";

interface Draft extends DraftMark {
  seq: number;
}

const PAUSE_MS = 500;

/**
 * Marks taken on this screen: shown at once, sent together after a short pause, one request at a time
 * so that the last tap wins. An absence with reason waits for its reason. After a failure nothing is
 * resent until the user taps again or asks to retry.
 */
export function useAttendanceDraft(meetingId: string) {
  const { mutate, isPending, error } = useMarkAttendance(meetingId);
  const [draft, setDraft] = useState<ReadonlyMap<string, Draft>>(new Map());
  const [failedAt, setFailedAt] = useState<number | null>(null);
  const seq = useRef(0);
  const latest = useRef(draft);

  useEffect(() => {
    latest.current = draft;
  }, [draft]);

  const setMark = useCallback((memberId: string, status: AttendanceStatus, reason = "") => {
    seq.current += 1;
    const mark: Draft = { status, reason, seq: seq.current };
    setDraft((prev) => new Map(prev).set(memberId, mark));
  }, []);

  const lastSeq = Math.max(0, ...[...draft.values()].map((d) => d.seq));
  const paused = failedAt !== null && lastSeq <= failedAt;

  useEffect(() => {
    if (isPending || paused) return;
    const marks = sendableMarks(draft);
    if (marks.length === 0) return;
    const timer = setTimeout(() => {
      const sent = new Map(marks.map((m) => [m.memberId, draft.get(m.memberId)?.seq ?? 0]));
      mutate(
        { marks },
        {
          onSuccess: () => {
            setFailedAt(null);
            setDraft((prev) => {
              const next = new Map(prev);
              for (const [memberId, s] of sent)
                if (next.get(memberId)?.seq === s) next.delete(memberId);
              return next;
            });
          },
          onError: () => {
            setFailedAt(Math.max(...sent.values()));
          },
        },
      );
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, isPending, paused, mutate]);

  // Leaving the screen sends what is still waiting.
  useEffect(
    () => () => {
      const marks = sendableMarks(latest.current);
      if (marks.length > 0) markAttendance(meetingId, { marks }).catch(() => undefined);
    },
    [meetingId],
  );

  const waiting = sendableMarks(draft).length;
  return {
    draft,
    setMark,
    saving: isPending || (waiting > 0 && !paused),
    error: paused ? error : null,
    retry: () => {
      setFailedAt(null);
    },
  };
}
