import { LIMITS, createUserInput } from "@chibo/domain";
import { PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormActions } from "@/components/ui/form-actions";
import { SearchSelect } from "@/components/ui/search-select";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { useCreateUser } from "../api/create-user";
import { useMemberSearch } from "../api/search-members";

interface Values {
  username: string;
  displayName: string;
  password: string;
  memberId: string | null;
}

const toInput = (v: Values) => v;

export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useCreateUser();
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search, 300);
  const members = useMemberSearch(debounced);
  const validate = useSchemaValidator(createUserInput, toInput);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { username: "", displayName: "", password: "", memberId: null },
    validate,
  });
  const options = (members.data?.items ?? []).map((m) => ({
    value: m.id,
    label: m.fullName,
    description: m.unitName,
  }));

  return (
    <AppModal opened onClose={onClose} title={t("users.add_title")} size="md">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          mutation.mutate(createUserInput.parse(toInput(values)), {
            onSuccess: () => {
              notifySuccess(t("users.created"));
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
            label={t("users.username")}
            name="username"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-autofocus
            {...form.getInputProps("username")}
          />
          <TextInput
            label={t("users.display_name")}
            name="displayName"
            required
            {...form.getInputProps("displayName")}
          />
          <PasswordInput
            label={t("users.password")}
            description={t("users.password_hint", { count: LIMITS.passwordMin })}
            name="password"
            autoComplete="new-password"
            required
            {...form.getInputProps("password")}
          />
          <SearchSelect
            label={t("users.member")}
            placeholder={t("users.member_placeholder")}
            name="memberId"
            clearable
            items={options}
            valueLabel={chosen}
            onSearchChange={setSearch}
            loading={members.isFetching}
            nothingFound={
              debounced.trim().length >= 2 ? t("common.empty") : t("users.member_placeholder")
            }
            value={form.values.memberId}
            error={form.errors.memberId}
            onChange={(value) => {
              setChosen(options.find((o) => o.value === value)?.label ?? null);
              form.setFieldValue("memberId", value);
            }}
          />
          <ErrorAlert error={null} message={message} />
        </Stack>
        <FormActions onCancel={onClose} loading={mutation.isPending} />
      </form>
    </AppModal>
  );
}
