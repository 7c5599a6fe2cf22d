import type { FormErrors } from "@mantine/form";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { isApiError } from "@/lib/api-client";
import { errorMessage, problemFieldErrors } from "@/lib/problem";
import { zodFieldErrors } from "@/lib/validation";

/**
 * A Mantine `validate` function that checks the form against a contract schema, with messages in the
 * current language. `toInput` turns form values into the request body the schema describes.
 */
export function useSchemaValidator<V>(
  schema: z.ZodType,
  toInput: (values: V) => unknown,
): (values: V) => FormErrors {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  return (values: V) => zodFieldErrors(schema, toInput(values), t, language);
}

/**
 * Reads a failed submission: the server's field errors for the form (from `details[].path`), and the
 * message for the whole form.
 */
export function useSubmitError(): (error: unknown) => {
  fields: Record<string, string>;
  message: string;
} {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  return useCallback(
    (error: unknown) => ({
      fields: isApiError(error) ? problemFieldErrors(error.problem, t, language) : {},
      message: errorMessage(error, t, language),
    }),
    [t, language],
  );
}
