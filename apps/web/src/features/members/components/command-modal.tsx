import { Stack } from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import type { z } from "zod";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormActions } from "@/components/ui/form-actions";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";

export interface CommandModalProps<V extends Record<string, unknown>, O> {
  title: string;
  onClose: () => void;
  /** The contract's request schema: checks the form and shapes the body. */
  schema: z.ZodType<O>;
  initialValues: V;
  toInput: (values: V) => unknown;
  submit: (input: O) => Promise<unknown>;
  pending: boolean;
  successMessage: string;
  submitLabel?: string;
  color?: string;
  children: (form: UseFormReturnType<V>) => React.ReactNode;
}

/** A small form in a modal for one register command (make official, exempt, transfer…). */
export function CommandModal<V extends Record<string, unknown>, O>({
  title,
  onClose,
  schema,
  initialValues,
  toInput,
  submit,
  pending,
  successMessage,
  submitLabel,
  color,
  children,
}: CommandModalProps<V, O>) {
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const validate = useSchemaValidator(schema, toInput);
  const form = useForm<V>({ mode: "controlled", initialValues, validate });

  return (
    <AppModal opened onClose={onClose} title={title} size="md">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          const parsed = schema.safeParse(toInput(values));
          if (!parsed.success) return;
          submit(parsed.data).then(
            () => {
              notifySuccess(successMessage);
              onClose();
            },
            (error: unknown) => {
              const read = readError(error);
              form.setErrors(read.fields);
              setMessage(read.message);
            },
          );
        })}
      >
        <Stack gap="sm">
          {children(form)}
          <ErrorAlert error={null} message={message} />
        </Stack>
        <FormActions
          onCancel={onClose}
          loading={pending}
          {...(submitLabel ? { submitLabel } : {})}
          {...(color ? { color } : {})}
        />
      </form>
    </AppModal>
  );
}
