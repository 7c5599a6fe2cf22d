import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorCode, ErrorDetail, ProblemJson } from "@chibo/domain";
import { AppError } from "./errors.js";

const TITLES: Partial<Record<number, string>> = {
  400: "Dữ liệu không hợp lệ",
  401: "Chưa đăng nhập",
  403: "Không có quyền",
  404: "Không tìm thấy",
  409: "Xung đột dữ liệu",
  413: "Dữ liệu quá lớn",
  415: "Định dạng không được hỗ trợ",
  422: "Dữ liệu không hợp lệ",
  429: "Quá nhiều yêu cầu",
  500: "Lỗi hệ thống",
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  detail: string,
  details?: ErrorDetail[],
  extra?: Record<string, unknown>,
): FastifyReply {
  const body: ProblemJson & Record<string, unknown> = {
    type: "about:blank",
    title: TITLES[status] ?? "Lỗi",
    status,
    code,
    detail,
    ...(details ? { details } : {}),
    requestId: request.id,
    ...extra,
  };
  return reply.status(status).type("application/problem+json").send(body);
}

function joinPath(context: string, segments: readonly PropertyKey[]): string {
  return [context, ...segments.map(String)].filter((s) => s !== "").join(".");
}

/** Unique constraints a concurrent write can still hit after the service's own check. */
const UNIQUE_CONSTRAINTS: Record<string, { code: ErrorCode; path: string; detail: string }> = {
  members_tenant_card_uq: {
    code: "card_number_taken",
    path: "body.cardNumber",
    detail: "Số thẻ đảng viên đã có trong danh sách",
  },
  users_username_uq: {
    code: "username_taken",
    path: "body.username",
    detail: "Tên đăng nhập đã được dùng",
  },
  units_tenant_code_uq: {
    code: "unit_code_taken",
    path: "body.code",
    detail: "Mã tổ chức đã được dùng",
  },
  // Two leads planning the same month at once: the Charter's one regular meeting a month holds.
  meetings_regular_period_uq: {
    code: "meeting_exists",
    path: "body",
    detail: "Tháng này đã có cuộc sinh hoạt thường kỳ",
  },
};

/** The database error behind a query error (drizzle wraps it in `cause`), if any. */
function uniqueViolation(error: unknown): string | null {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e && typeof e === "object"; depth++) {
    const rec = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (rec.code === "23505") return typeof rec.constraint === "string" ? rec.constraint : "";
    e = rec.cause;
  }
  return null;
}

function unknownKeys(params: Record<string, unknown>): string[] {
  const keys = params.keys;
  return Array.isArray(keys) ? keys.map(String) : [];
}

/** One handler: AppError → its status; validation → 400 with every issue; anything else → 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(
        reply,
        request,
        error.status,
        error.code,
        error.detail,
        error.details,
        error.extra,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? "body";
      const details = error.validation.map((v) => {
        const base = v.instancePath.split("/").filter((seg) => seg !== "");
        const keys = v.keyword === "unrecognized_keys" ? unknownKeys(v.params) : [];
        return keys.length > 0
          ? {
              path: joinPath(context, [...base, ...keys.slice(0, 1)]),
              message: `Trường không được phép: ${keys.join(", ")}`,
            }
          : { path: joinPath(context, base), message: v.message ?? "Giá trị không hợp lệ" };
      });
      const first = details[0];
      return sendProblem(
        reply,
        request,
        400,
        "validation_failed",
        first ? `${first.path}: ${first.message}` : "Dữ liệu không hợp lệ",
        details,
      );
    }
    const constraint = uniqueViolation(error);
    if (constraint !== null) {
      const known = UNIQUE_CONSTRAINTS[constraint];
      return known
        ? sendProblem(reply, request, 409, known.code, known.detail, [
            { path: known.path, message: known.detail },
          ])
        : sendProblem(reply, request, 409, "conflict", "Dữ liệu trùng với bản ghi đã có");
    }
    const status =
      "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : 500;
    if (status === 429) {
      return sendProblem(
        reply,
        request,
        429,
        "too_many_attempts",
        "Quá nhiều yêu cầu, vui lòng thử lại sau",
      );
    }
    if (status === 413) {
      return sendProblem(reply, request, 413, "payload_too_large", "Dữ liệu gửi lên quá lớn");
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, empty body.
      return sendProblem(
        reply,
        request,
        status,
        "validation_failed",
        `Yêu cầu không hợp lệ: ${error.message}`,
        [{ path: "body", message: error.message }],
      );
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(
      reply,
      request,
      500,
      "internal_error",
      "Đã xảy ra lỗi hệ thống, vui lòng thử lại",
    );
  });
}
