import { LIMITS, changePasswordInput } from "@chibo/domain";
import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { useChangePassword } from "../api/change-password";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const toInput = ({ currentPassword, newPassword }: Values) => ({ currentPassword, newPassword });

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const readError = useSubmitError();
  const validateSchema = useSchemaValidator(changePasswordInput, toInput);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    validate: (values) => ({
      ...validateSchema(values),
      ...(values.confirmPassword !== values.newPassword
        ? { confirmPassword: t("common.validation.password_mismatch") }
        : {}),
    }),
  });
  const submitError = mutation.error ? readError(mutation.error) : null;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        mutation.mutate(changePasswordInput.parse(toInput(values)), {
          onSuccess: () => {
            notifySuccess(t("auth.password_changed"));
            form.reset();
            onDone?.();
          },
          onError: (error) => {
            form.setErrors(readError(error).fields);
          },
        });
      })}
    >
      <Stack gap="md" maw={420}>
        <PasswordInput
          label={t("auth.current_password")}
          name="currentPassword"
          autoComplete="current-password"
          required
          {...form.getInputProps("currentPassword")}
        />
        <PasswordInput
          label={t("auth.new_password")}
          description={t("auth.new_password_hint", { count: LIMITS.passwordMin })}
          name="newPassword"
          autoComplete="new-password"
          required
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label={t("auth.confirm_password")}
          name="confirmPassword"
          autoComplete="new-password"
          required
          {...form.getInputProps("confirmPassword")}
        />
        <ErrorAlert error={null} message={submitError?.message ?? null} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t("common.actions.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
