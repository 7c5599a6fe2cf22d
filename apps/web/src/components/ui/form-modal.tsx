import { Stack } from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import type { z } from "zod";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormActions } from "@/components/ui/form-actions";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { splitFieldErrors } from "@/lib/problem";

export interface FormModalProps<V extends Record<string, unknown>, O, R> {
  title: string;
  onClose: () => void;
  /** The contract's request schema: checks the form and shapes the body. */
  schema: z.ZodType<O>;
  initialValues: V;
  toInput: (values: V) => unknown;
  submit: (input: O) => Promise<R>;
  pending: boolean;
  successMessage: string;
  /** Called with the server's answer before the modal closes. */
  onDone?: (result: R) => void;
  submitLabel?: string;
  color?: string;
  size?: string;
  children: (form: UseFormReturnType<V>) => React.ReactNode;
}

/**
 * A form in a modal for one command: checked against the contract before sending, the server's field
 * errors (problem+json `details[].path`) shown at their fields, anything else above the buttons.
 */
export function FormModal<V extends Record<string, unknown>, O, R>({
  title,
  onClose,
  schema,
  initialValues,
  toInput,
  submit,
  pending,
  successMessage,
  onDone,
  submitLabel,
  color,
  size = "md",
  children,
}: FormModalProps<V, O, R>) {
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const validate = useSchemaValidator(schema, toInput);
  const form = useForm<V>({ mode: "controlled", initialValues, validate });

  return (
    <AppModal opened onClose={onClose} title={title} size={size}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          const parsed = schema.safeParse(toInput(values));
          if (!parsed.success) return;
          submit(parsed.data).then(
            (result) => {
              notifySuccess(successMessage);
              onDone?.(result);
              onClose();
            },
            (error: unknown) => {
              const read = readError(error);
              const { atFields, elsewhere } = splitFieldErrors(read.fields, initialValues);
              form.setErrors(atFields);
              // Errors shown at their fields need no second telling above the buttons.
              const shownAtFields = Object.keys(atFields).length > 0 && elsewhere.length === 0;
              setMessage(shownAtFields ? null : [read.message, ...elsewhere].join(" "));
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
