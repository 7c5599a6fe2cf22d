import { loginInput } from "@chibo/domain";
import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { MeDto } from "@chibo/domain";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { useLogin } from "../api/login";

interface LoginFormProps {
  onLoggedIn: (me: MeDto) => void;
}

export function LoginForm({ onLoggedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const mutation = useLogin();
  const readError = useSubmitError();
  const validate = useSchemaValidator(loginInput, (v: { username: string; password: string }) => v);
  const form = useForm({
    mode: "controlled",
    initialValues: { username: "", password: "" },
    validate,
  });
  const submitError = mutation.error ? readError(mutation.error) : null;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        mutation.mutate(loginInput.parse(values), {
          onSuccess: onLoggedIn,
          onError: (error) => {
            form.setErrors(readError(error).fields);
          },
        });
      })}
    >
      <Stack gap="md">
        <TextInput
          label={t("auth.username")}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          data-autofocus
          {...form.getInputProps("username")}
        />
        <PasswordInput
          label={t("auth.password")}
          name="password"
          autoComplete="current-password"
          required
          {...form.getInputProps("password")}
        />
        <ErrorAlert error={null} message={submitError?.message ?? null} />
        <Button type="submit" loading={mutation.isPending} fullWidth>
          {t("auth.submit")}
        </Button>
      </Stack>
    </form>
  );
}
