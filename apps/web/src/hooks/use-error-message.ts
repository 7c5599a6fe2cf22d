import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";

/** Turns a failed call into the message to show, in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  return useCallback((error: unknown) => errorMessage(error, t, language), [t, language]);
}
