import type { TFunction } from "i18next";
import { z } from "zod";

// Issues without a message of their own get this marker, so that they can be told apart from the
// contract's own (Vietnamese) messages and translated here in the user's language.
const DEFAULT_MESSAGE = "__default__";
z.config({ localeError: () => DEFAULT_MESSAGE });

type Issue = z.core.$ZodIssue;
type Translate = TFunction;

/** The contract's own messages, keyed to their translation for English users. */
const CONTRACT_MESSAGES: Record<string, string> = {
  "Không được để trống": "required",
  "Ngày phải có dạng YYYY-MM-DD": "invalid_date",
  "Ngày không tồn tại": "invalid_date",
  "Ngày nằm ngoài khoảng cho phép": "date_out_of_range",
  "Ngày vào Đảng phải sau ngày sinh": "join_after_birth",
  "Ngày chính thức không được trước ngày vào Đảng": "official_after_join",
  "Ngày kết thúc không được trước ngày bắt đầu": "end_before_start",
  "Email không hợp lệ": "invalid_email",
  "Số thẻ chỉ gồm chữ số, chữ cái, dấu chấm hoặc gạch": "card_number_format",
  "Chỉ gồm chữ thường không dấu, số, dấu chấm, gạch": "username_format",
  "Ngày sinh hoạt từ 1 đến 31": "meeting_day_range",
  "Giờ phải có dạng HH:MM (00:00–23:59)": "time_format",
  "Đường dẫn họp trực tuyến phải bắt đầu bằng http(s)://": "online_url",
  "Vắng có lý do phải ghi rõ lý do": "excused_reason",
  "Mã điểm danh gồm 6 chữ số": "checkin_code",
  "Nhập mã điểm danh": "checkin_code",
  "Quý từ 1 đến 4": "quarter_range",
  "Ghi rõ nguyên nhân chưa hoàn thành": "not_done_cause",
  "Chương trình phải có ít nhất một bước": "agenda_needs_step",
};

function isBlank(input: unknown): boolean {
  return input === undefined || input === null || input === "";
}

function byCode(issue: Issue, t: Translate): string {
  switch (issue.code) {
    case "invalid_type":
      return isBlank(issue.input)
        ? t("common.validation.required")
        : t("common.validation.invalid");
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1
          ? t("common.validation.required")
          : t("common.validation.too_short", { count: Number(issue.minimum) });
      }
      return t("common.validation.too_small", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") {
        return t("common.validation.too_long", { count: Number(issue.maximum) });
      }
      return t("common.validation.too_big", { max: Number(issue.maximum) });
    case "invalid_format":
      return issue.format === "email"
        ? t("common.validation.invalid_email")
        : t("common.validation.invalid_format");
    case "invalid_value":
      return isBlank(issue.input)
        ? t("common.validation.required")
        : t("common.validation.invalid");
    case "not_multiple_of":
    case "unrecognized_keys":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "custom":
      return t("common.validation.invalid");
  }
}

/** One issue in the user's language: the contract's own words in Vietnamese, a translation otherwise. */
export function issueMessage(issue: Issue, t: Translate, language: string): string {
  const own = issue.message !== DEFAULT_MESSAGE ? issue.message : undefined;
  if (own !== undefined && language.startsWith("vi")) return own;
  const key = own !== undefined ? CONTRACT_MESSAGES[own] : undefined;
  if (key !== undefined) return t(`common.validation.${key}` as "common.validation.invalid");
  return byCode(issue, t);
}

/** Field errors for a Mantine form, keyed by dotted path ("fullName", "rows.0.name"). */
export function zodFieldErrors(
  schema: z.ZodType,
  input: unknown,
  t: Translate,
  language: string,
): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    errors[path] ??= issueMessage(issue, t, language);
  }
  return errors;
}
