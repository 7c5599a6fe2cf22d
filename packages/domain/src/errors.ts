// Stable error codes the API returns in problem+json `code`; the web maps each to a translated message.
export const ERROR_CODES = [
  "validation_failed",
  "unauthenticated",
  "invalid_credentials",
  "too_many_attempts",
  "session_expired",
  "forbidden",
  "not_found",
  "conflict",
  "card_number_taken",
  "username_taken",
  "unit_code_taken",
  "unit_cycle",
  "unit_level_not_allowed",
  "unit_has_active_children",
  "unit_has_members",
  "unit_inactive",
  "not_a_cell",
  "member_inactive",
  "invalid_workbook",
  "import_has_errors",
  "wrong_password",
  "weak_password",
  "stale_version",
  "payload_too_large",
  "schedule_missing",
  "meeting_exists",
  "meeting_state",
  "postponement_invalid",
  "checkin_invalid_code",
  "checkin_closed",
  "not_on_roster",
  "no_member_record",
  "thematic_topic_in_use",
  "thematic_plan_incomplete",
  "agenda_state",
  "agenda_exists",
  "document_type_not_allowed",
  "document_too_large",
  "minutes_locked",
  "minutes_not_ready",
  "vote_invalid",
  "task_due_before_meeting",
  "task_assignee_not_in_cell",
  "task_state",
  "rubric_missing",
  "score_decided",
  "visit_state",
  "internal_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. "body.fullName" or "rows.12.cardNumber". */
  path: string;
  message: string;
}

export interface ProblemJson {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  details?: ErrorDetail[];
  requestId?: string;
  /** With `import_has_errors`: the row-by-row report (an ImportReportDto). */
  report?: unknown;
}
