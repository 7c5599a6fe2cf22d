import { Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { MinutesAutosave } from "../hooks/use-minutes-autosave";

/** 409 stale_version: keep this device's copy (saved over the server's), or take the server's. */
export function ConflictModal({ autosave }: { autosave: MinutesAutosave }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<"mine" | "server" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = (which: "mine" | "server") => {
    setBusy(which);
    setError(null);
    (which === "mine" ? autosave.keepMine() : autosave.takeServer()).then(
      () => {
        setBusy(null);
      },
      (e: unknown) => {
        setBusy(null);
        setError(e);
      },
    );
  };
  return (
    <AppModal
      opened={autosave.status === "conflict"}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t("minutes.conflict.title")}
      size="md"
    >
      <Stack gap="sm">
        <Text size="sm">{t("minutes.conflict.text")}</Text>
        <Button
          size="md"
          loading={busy === "mine"}
          disabled={busy !== null}
          onClick={() => {
            run("mine");
          }}
        >
          {t("minutes.conflict.keep_mine")}
        </Button>
        <Text size="xs" c="dimmed" mt={-6}>
          {t("minutes.conflict.keep_mine_hint")}
        </Text>
        <Button
          size="md"
          variant="default"
          loading={busy === "server"}
          disabled={busy !== null}
          onClick={() => {
            run("server");
          }}
        >
          {t("minutes.conflict.take_server")}
        </Button>
        <Text size="xs" c="dimmed" mt={-6}>
          {t("minutes.conflict.take_server_hint")}
        </Text>
        <ErrorAlert error={error} />
      </Stack>
    </AppModal>
  );
}
