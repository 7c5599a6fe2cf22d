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
import type { UseFormReturnType } from "@mantine/form";
import { useState, type ComponentProps, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { z } from "zod";
import { useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { othersOf, ownCount } from "../lib/rules-form";

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

/** What a settings form needs of its save mutation. */
interface SettingsSave<I> {
  mutate: (
    input: I,
    callbacks: { onSuccess: () => void; onError?: (error: Error) => void },
  ) => void;
  isPending: boolean;
  error: unknown;
}

/**
 * The save, discard and reset of one settings form, as SettingsFormFrame's props: the overrides the
 * form gives are checked against the contract and sent; the server's field errors go on the fields
 * they name, its message above the save bar. Reset sends the saved overrides of the other forms'
 * rules only, so this form's rules return to their defaults.
 */
export function useSettingsSave<V extends Record<string, unknown>, I>(opts: {
  form: UseFormReturnType<V>;
  save: SettingsSave<I>;
  schema: z.ZodType<I>;
  toOverrides: (values: V) => unknown;
  data: { overrides: object; canConfigure: boolean };
  fields: readonly string[];
}) {
  const { form, save, schema, toOverrides, data, fields } = opts;
  const { t } = useTranslation();
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const fail = (error: unknown) => {
    const read = readError(error);
    form.setErrors(read.fields);
    setMessage(read.message);
  };
  /** Checks the overrides against the contract and sends them. */
  const send = (
    overrides: unknown,
    callbacks: { onSuccess: () => void; onError?: typeof fail },
  ) => {
    const parsed = schema.safeParse(overrides);
    if (parsed.success) save.mutate(parsed.data, callbacks);
  };
  return {
    ownCount: ownCount(data.overrides, fields),
    canConfigure: data.canConfigure,
    dirty: form.isDirty(),
    saving: save.isPending,
    message,
    onSubmit: form.onSubmit((values) => {
      setMessage(null);
      send(toOverrides(values), {
        onSuccess: () => {
          notifySuccess(t("settings.rules.saved"));
        },
        onError: fail,
      });
    }),
    onDiscard: () => {
      form.reset();
      setMessage(null);
    },
    // A failed reset shows in the confirmation (resetError).
    onReset: (done: () => void) => {
      send(othersOf(data.overrides, fields), {
        onSuccess: () => {
          notifySuccess(t("settings.rules.restored"));
          done();
        },
      });
    },
    resetError: save.error,
  };
}
