import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "@/hooks/use-error-message";

interface ErrorAlertProps {
  error: unknown;
  /** A message already worked out (e.g. by useSubmitError); wins over `error`. */
  message?: string | null;
}

/** A failed call shown inline, in the user's language. Renders nothing without an error. */
export function ErrorAlert({ error, message }: ErrorAlertProps) {
  const { t } = useTranslation();
  const toMessage = useErrorMessage();
  const text = message ?? (error ? toMessage(error) : null);
  if (!text) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={t("common.page.error_title")}
      role="alert"
    >
      {text}
    </Alert>
  );
}
