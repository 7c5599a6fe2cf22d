import { LIMITS, updateUserInput, type UserDto } from "@chibo/domain";
import { PasswordInput, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormActions } from "@/components/ui/form-actions";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { useUpdateUser } from "../api/update-user";

interface Values {
  displayName: string;
  active: boolean;
  password: string;
}

const toInput = (v: Values) => ({
  displayName: v.displayName,
  active: v.active,
  ...(v.password === "" ? {} : { password: v.password }),
});

/** Rename, lock or unlock, and reset the password of an account. */
export function UserEditModal({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useUpdateUser(user.id);
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const validate = useSchemaValidator(updateUserInput, toInput);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { displayName: user.displayName, active: user.active, password: "" },
    validate,
  });

  return (
    <AppModal
      opened
      onClose={onClose}
      title={t("users.edit_title", { name: user.username })}
      size="md"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          mutation.mutate(updateUserInput.parse(toInput(values)), {
            onSuccess: () => {
              notifySuccess(t("users.updated"));
              onClose();
            },
            onError: (error) => {
              const read = readError(error);
              form.setErrors(read.fields);
              setMessage(read.message);
            },
          });
        })}
      >
        <Stack gap="sm">
          <TextInput
            label={t("users.display_name")}
            name="displayName"
            required
            data-autofocus
            {...form.getInputProps("displayName")}
          />
          <Switch
            label={t("users.active_switch")}
            name="active"
            {...form.getInputProps("active", { type: "checkbox" })}
          />
          <PasswordInput
            label={t("users.reset_password")}
            description={`${t("users.reset_password_hint")} · ${t("users.password_hint", {
              count: LIMITS.passwordMin,
            })}`}
            name="password"
            autoComplete="new-password"
            {...form.getInputProps("password")}
          />
          <ErrorAlert error={null} message={message} />
        </Stack>
        <FormActions onCancel={onClose} loading={mutation.isPending} />
      </form>
    </AppModal>
  );
}
