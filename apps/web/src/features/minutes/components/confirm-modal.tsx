import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";

interface ConfirmModalProps {
  message: string;
  confirmLabel?: string;
  color?: string;
  loading?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
  title?: string;
  children?: React.ReactNode;
}

/** A yes/no question before something that cannot be undone (a removal, a signature). */
export function ConfirmModal({
  message,
  confirmLabel,
  color = "red",
  loading,
  error,
  onConfirm,
  onClose,
  title,
  children,
}: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened onClose={onClose} title={title ?? t("minutes.confirm.title")} size="md">
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        {children}
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t("common.actions.cancel")}
          </Button>
          <Button color={color} loading={loading} onClick={onConfirm} data-autofocus>
            {confirmLabel ?? t("minutes.confirm.remove")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
