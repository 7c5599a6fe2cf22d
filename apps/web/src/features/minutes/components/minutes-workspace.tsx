import type { MinutesDto } from "@chibo/domain";
import { Alert, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { notifySuccess } from "@/lib/notify";
import { deviceStorage, type AutosaveInit } from "../hooks/use-minutes-autosave";
import {
  decideOnLoad,
  readDraft,
  removeDraft,
  restoreDraft,
  type LoadDecision,
  type StoredDraft,
} from "../lib/draft-storage";
import { speakerLine } from "../lib/document-format";
import { copyFromMinutes, type WorkingCopy } from "../lib/working-copy";
import { MinutesEditor } from "./minutes-editor";

function decide(minutes: MinutesDto): LoadDecision {
  const editable = minutes.can.edit && minutes.state === "draft";
  return decideOnLoad(readDraft(deviceStorage(), minutes.meetingId), {
    rev: minutes.rev,
    editable,
    copy: copyFromMinutes(minutes),
  });
}

function fromServer(minutes: MinutesDto): AutosaveInit {
  return {
    copy: copyFromMinutes(minutes),
    baseRev: minutes.rev,
    dirty: false,
    localAt: new Date().toISOString(),
  };
}

/**
 * Opens the editor on the right copy: the server's, or — when this device holds text the server never
 * got (a closed tab, a dead network) — the device's, once the minute-taker chooses to restore it. The
 * editor is not shown until then, so that nothing typed can overwrite the unsaved draft.
 */
export function MinutesWorkspace({
  minutes,
  lead,
  onCleanChange,
}: {
  minutes: MinutesDto;
  /** A cell lead may change the chair and the minute-taker; the minute-taker writes the text. */
  lead: boolean;
  onCleanChange: (clean: boolean) => void;
}) {
  const { t } = useTranslation();
  const [decision] = useState(() => decide(minutes));
  const [init, setInit] = useState<AutosaveInit | null>(() =>
    decision.kind === "offer" ? null : fromServer(minutes),
  );
  const pending = init === null;

  // Nothing is signed while a draft on this device waits for a decision.
  useEffect(() => {
    if (pending) onCleanChange(false);
  }, [pending, onCleanChange]);

  if (init === null && decision.kind === "offer") {
    const { draft } = decision;
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconHistory aria-hidden />}
        title={t("minutes.recovery.title", { time: formatDateTime(draft.localAt) })}
        role="alert"
        data-testid="minutes-recovery"
      >
        <Stack gap="xs">
          <Text size="sm">{t("minutes.recovery.text")}</Text>
          {decision.serverChanged && (
            <Text size="sm" fw={600}>
              {t("minutes.recovery.server_changed")}
            </Text>
          )}
          <Group gap="xs">
            <Button
              size="md"
              onClick={() => {
                setInit({ ...restoreDraft(draft, minutes.rev), localAt: draft.localAt });
                notifySuccess(t("minutes.recovery.restored"));
              }}
            >
              {t("minutes.recovery.restore")}
            </Button>
            <Button
              size="md"
              variant="default"
              onClick={() => {
                removeDraft(deviceStorage(), minutes.meetingId);
                setInit(fromServer(minutes));
              }}
            >
              {t("minutes.recovery.discard")}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  if (init === null) return null;
  return <MinutesEditor minutes={minutes} init={init} lead={lead} onCleanChange={onCleanChange} />;
}

/** The draft as plain text, for a minute-taker to copy out of a draft that can no longer be saved. */
export function draftAsText(copy: WorkingCopy): string {
  const parts = [copy.content.opening];
  copy.content.items.forEach((item, i) => {
    parts.push(`${String(i + 1)}. ${item.title}`, item.summary);
    for (const o of item.opinions) parts.push(`- ${speakerLine(o.speakerName)}: ${o.text}`);
    parts.push(item.conclusion);
  });
  parts.push(copy.content.other);
  return parts.filter((p) => p.trim() !== "").join("\n\n");
}

/**
 * An unsaved draft on this device for minutes that can no longer be edited (signed meanwhile, or the
 * rights changed): its text is shown to be copied, and dropped only when the user says so.
 */
export function StrandedDraft({ minutes }: { minutes: MinutesDto }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<StoredDraft | null>(() => {
    const decision = decide(minutes);
    if (decision.kind === "same") removeDraft(deviceStorage(), minutes.meetingId);
    return decision.kind === "stranded" ? decision.draft : null;
  });
  if (!draft) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconHistory aria-hidden />}
      title={t("minutes.recovery.stranded_title", { time: formatDateTime(draft.localAt) })}
      role="alert"
      data-testid="minutes-recovery"
    >
      <Stack gap="xs">
        <Text size="sm">{t("minutes.recovery.stranded_text")}</Text>
        <Textarea
          label={t("minutes.recovery.stranded_copy")}
          readOnly
          autosize
          minRows={3}
          maxRows={12}
          value={draftAsText(draft.copy)}
        />
        <Group>
          <Button
            variant="default"
            onClick={() => {
              removeDraft(deviceStorage(), minutes.meetingId);
              setDraft(null);
            }}
          >
            {t("minutes.recovery.discard")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
