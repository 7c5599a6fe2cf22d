import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Title,
  type NumberInputProps,
} from "@mantine/core";
import { IconInfoCircle, IconRestore } from "@tabler/icons-react";
import { useState, type ComponentProps, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSubmitError } from "@/hooks/use-form-helpers";

/** A number rule with what it means and its default; a value out of range is reported, not clamped. */
export function RuleNumberInput({
  help,
  byDefault,
  ...props
}: NumberInputProps & { help: string; byDefault: string }) {
  const { t } = useTranslation();
  return (
    <NumberInput
      clampBehavior="none"
      allowNegative={false}
      description={[help, t("settings.rules.default_is", { value: byDefault })]
        .filter((part) => part !== "")
        .join(" ")}
      {...props}
    />
  );
}

/** A titled group of rules. */
export function RuleGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} p="sm" m={0} style={{ minWidth: 0 }}>
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}

interface SettingsFormFrameProps {
  title: string;
  intro: string;
  /** How many settings the province has of its own (as saved). */
  ownCount: number;
  canConfigure: boolean;
  dirty: boolean;
  saving: boolean;
  message: string | null;
  onSubmit: ComponentProps<"form">["onSubmit"];
  onDiscard: () => void;
  /** Sends the empty overrides: every setting of the group returns to its default. */
  onReset: (done: () => void) => void;
  resetError: unknown;
  testId: string;
  children: ReactNode;
}

/**
 * One group of tenant settings: its title and state, the fields, and a save bar kept in view. Without
 * `tenant.configure` on the tenant's top unit the fields are shown read-only.
 */
export function SettingsFormFrame({
  title,
  intro,
  ownCount,
  canConfigure,
  dirty,
  saving,
  message,
  onSubmit,
  onDiscard,
  onReset,
  resetError,
  testId,
  children,
}: SettingsFormFrameProps) {
  const { t } = useTranslation();
  const [resetting, setResetting] = useState(false);
  return (
    <form noValidate onSubmit={onSubmit} data-testid={testId}>
      <Stack gap="md">
        <Stack gap={6}>
          <Title order={2} size="h3">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={ownCount > 0 ? "blue" : "gray"}>
              {ownCount > 0
                ? t("settings.rules.own_count", { count: ownCount })
                : t("settings.rules.all_default")}
            </Badge>
            {canConfigure && ownCount > 0 && (
              <Button
                variant="subtle"
                color="orange"
                size="compact-sm"
                leftSection={<IconRestore size={14} aria-hidden />}
                disabled={saving}
                onClick={() => {
                  setResetting(true);
                }}
              >
                {t("settings.rules.reset")}
              </Button>
            )}
          </Group>
        </Stack>
        {!canConfigure && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
            {t("settings.rules.read_only")}
          </Alert>
        )}
        <Fieldset variant="unstyled" disabled={!canConfigure} m={0} p={0} style={{ minWidth: 0 }}>
          <Stack gap="md">{children}</Stack>
        </Fieldset>
        <ErrorAlert error={null} message={message} />
        {canConfigure && (
          <Paper
            withBorder
            p="sm"
            style={{ position: "sticky", bottom: 0, zIndex: 2 }}
            bg="var(--mantine-color-body)"
          >
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Text size="sm" c={dirty ? "orange.8" : "dimmed"} aria-live="polite">
                {dirty ? t("settings.rules.unsaved") : t("settings.rules.nothing_changed")}
              </Text>
              <Group gap="xs" ml="auto">
                <Button variant="default" disabled={!dirty || saving} onClick={onDiscard}>
                  {t("settings.rules.discard")}
                </Button>
                <Button type="submit" loading={saving} disabled={!dirty}>
                  {t("common.actions.save")}
                </Button>
              </Group>
            </Group>
          </Paper>
        )}
      </Stack>
      {resetting && (
        <AppModal
          opened
          onClose={() => {
            setResetting(false);
          }}
          title={t("settings.rules.reset_title")}
          size="md"
        >
          <Stack gap="sm">
            <Text size="sm">{t("settings.rules.reset_text", { group: title })}</Text>
            {resetError !== null && <ErrorAlert error={resetError} />}
            <Group justify="flex-end" gap="sm">
              <Button
                variant="default"
                disabled={saving}
                onClick={() => {
                  setResetting(false);
                }}
              >
                {t("common.actions.cancel")}
              </Button>
              <Button
                color="orange"
                loading={saving}
                onClick={() => {
                  onReset(() => {
                    setResetting(false);
                  });
                }}
              >
                {t("settings.rules.reset_confirm")}
              </Button>
            </Group>
          </Stack>
        </AppModal>
      )}
    </form>
  );
}

/**
 * A save's failure read for the form: the server's field errors go on the fields they name, the
 * message above the save bar.
 */
export function useSaveFailure(form: { setErrors: (errors: Record<string, string>) => void }) {
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  return {
    message,
    clear: () => {
      setMessage(null);
    },
    fail: (error: unknown) => {
      const read = readError(error);
      form.setErrors(read.fields);
      setMessage(read.message);
    },
  };
}
