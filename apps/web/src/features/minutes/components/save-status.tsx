import { Alert, Button, Group, Paper, Text } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCloudOff,
  IconLoader2,
  IconLock,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "@/hooks/use-error-message";
import { formatTime } from "@/lib/format";
import type { MinutesAutosave } from "../hooks/use-minutes-autosave";

/**
 * "Đã lưu lúc 08:42" / "Đang lưu…" / "Mất kết nối — bản nháp được giữ trên máy": always in view while
 * the minute-taker writes (sticky under the app header).
 */
export function SaveStatusBar({
  autosave,
  serverSavedAt,
}: {
  autosave: MinutesAutosave;
  /** The server's last save before this screen opened. */
  serverSavedAt: string | null;
}) {
  const { t } = useTranslation();
  const toMessage = useErrorMessage();
  const { status } = autosave;
  const savedAt = autosave.lastSavedAt ?? serverSavedAt;

  let icon: React.ReactNode = <IconCircleCheck size={18} aria-hidden />;
  let color = "green.8";
  let text: string;
  let detail: string | null = null;
  switch (status) {
    case "idle":
    case "saved":
      text = savedAt
        ? t("minutes.status.saved", { time: formatTime(savedAt) })
        : t("minutes.status.idle");
      color = savedAt ? "green.8" : "dimmed";
      break;
    case "saving":
      icon = <IconLoader2 size={18} aria-hidden />;
      color = "blue.8";
      text = t("minutes.status.saving");
      break;
    case "retrying":
      icon = <IconCloudOff size={18} aria-hidden />;
      color = "orange.8";
      text = t("minutes.status.offline");
      detail = t("minutes.status.retrying");
      break;
    case "conflict":
      icon = <IconAlertTriangle size={18} aria-hidden />;
      color = "orange.8";
      text = t("minutes.status.conflict");
      break;
    case "locked":
      icon = <IconLock size={18} aria-hidden />;
      color = "red.8";
      text = t("minutes.status.locked");
      break;
    case "invalid":
      icon = <IconAlertTriangle size={18} aria-hidden />;
      color = "orange.8";
      text = t("minutes.status.invalid");
      detail = autosave.error ? toMessage(autosave.error) : null;
      break;
    case "failed":
      icon = <IconAlertTriangle size={18} aria-hidden />;
      color = "red.8";
      text = t("minutes.status.failed");
      detail = autosave.error ? toMessage(autosave.error) : null;
      break;
  }

  return (
    <Paper
      withBorder
      shadow="xs"
      px="sm"
      py={6}
      pos="sticky"
      style={{ top: "var(--app-shell-header-offset, 0px)", zIndex: 5 }}
      data-print-hidden
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group
          gap={6}
          wrap="nowrap"
          c={color}
          role="status"
          aria-live="polite"
          aria-label={t("minutes.status.title")}
          data-testid="minutes-save-status"
          data-status={status}
          style={{ minWidth: 0 }}
        >
          {icon}
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {text}
            </Text>
            {detail && (
              <Text size="xs" c="dimmed">
                {detail}
              </Text>
            )}
          </div>
        </Group>
        {(status === "retrying" || status === "failed") && (
          <Button size="compact-sm" variant="light" onClick={autosave.retryNow}>
            {t("minutes.status.retry_now")}
          </Button>
        )}
      </Group>
      {!autosave.stored && (
        <Alert color="red" variant="light" mt={6} p="xs" role="alert">
          <Text size="xs">{t("minutes.status.not_stored")}</Text>
        </Alert>
      )}
    </Paper>
  );
}
