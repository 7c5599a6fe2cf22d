import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface FormActionsProps {
  onCancel?: () => void;
  loading?: boolean;
  submitLabel?: string;
  color?: string;
}

/** Cancel and submit buttons at the foot of a form. */
export function FormActions({ onCancel, loading, submitLabel, color }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="md">
      {onCancel && (
        <Button variant="default" onClick={onCancel} disabled={loading}>
          {t("common.actions.cancel")}
        </Button>
      )}
      <Button type="submit" loading={loading} {...(color ? { color } : {})}>
        {submitLabel ?? t("common.actions.save")}
      </Button>
    </Group>
  );
}
