import type { ErrorDetail, ProblemJson } from "@chibo/domain";
import type { TFunction } from "i18next";
import { isApiError } from "./api-client";

function isVietnamese(language: string): boolean {
  return language.startsWith("vi");
}

/**
 * The message to show for a failed call: the server's Vietnamese `detail` to Vietnamese users, a
 * translation of the stable `code` otherwise (and whenever the server sent no detail).
 */
export function errorMessage(error: unknown, t: TFunction, language: string): string {
  if (!isApiError(error)) {
    return error instanceof TypeError ? t("errors.network") : t("errors.unexpected");
  }
  const { problem } = error;
  if (isVietnamese(language) && problem.detail !== "") return problem.detail;
  return t(`errors.${problem.code}`);
}

/** "body.fullName" → "fullName", "body.address.street" → "address.street"; null outside the body. */
export function fieldOfPath(path: string, prefix = "body"): string | null {
  if (path === prefix || !path.startsWith(`${prefix}.`)) return null;
  return path.slice(prefix.length + 1);
}

/**
 * The server's field errors as Mantine form errors. Vietnamese users read the server's messages;
 * English users get a translation of the problem's code (field messages come only in Vietnamese).
 */
export function problemFieldErrors(
  problem: Pick<ProblemJson, "code" | "details">,
  t: TFunction,
  language: string,
  fields?: readonly string[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const detail of problem.details ?? []) {
    const field = fieldOfPath(detail.path);
    if (field === null) continue;
    if (fields && !fields.includes(field)) continue;
    errors[field] ??= detailMessage(detail, problem.code, t, language);
  }
  return errors;
}

function detailMessage(
  detail: ErrorDetail,
  code: ProblemJson["code"],
  t: TFunction,
  language: string,
): string {
  if (isVietnamese(language) && detail.message !== "") return detail.message;
  return code === "validation_failed" ? t("common.validation.invalid") : t(`errors.${code}`);
}

/** Server field errors for fields the form has, and the messages of those it has not. */
export function splitFieldErrors(
  fields: Record<string, string>,
  values: Record<string, unknown>,
): { atFields: Record<string, string>; elsewhere: string[] } {
  const atFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const root = path.split(".")[0] ?? path;
    if (root in values) atFields[path] = message;
    else elsewhere.push(message);
  }
  return { atFields, elsewhere };
}
