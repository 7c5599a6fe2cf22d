import type { ErrorCode, ErrorDetail } from "@chibo/domain";

/** The one error type services throw; the error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    /** Vietnamese, shown to users. */
    readonly detail: string,
    readonly details?: ErrorDetail[],
    /** Extra members of the problem document (e.g. an import report). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = "AppError";
  }
}

const ENTITY_VI: Record<string, string> = {
  unit: "tổ chức đảng",
  member: "đảng viên",
  user: "người dùng",
  grant: "quyền",
  exemption: "quyết định miễn sinh hoạt",
  position: "chức vụ",
  tenant: "đơn vị quản lý",
  meeting: "cuộc họp",
  guest: "đại biểu",
  notification: "thông báo",
  task: "nhiệm vụ",
  resolution: "nghị quyết",
  minutes: "biên bản",
  document: "tài liệu",
  agenda: "chương trình sinh hoạt",
};

/** Missing and "exists but outside your subtree" look the same, so existence does not leak. */
export const notFound = (entity: string) =>
  new AppError(404, "not_found", `Không tìm thấy ${ENTITY_VI[entity] ?? entity}`);

export const forbidden = (detail = "Bạn không có quyền thực hiện thao tác này") =>
  new AppError(403, "forbidden", detail);

export const unauthenticated = (detail = "Vui lòng đăng nhập") =>
  new AppError(401, "unauthenticated", detail);

export const conflict = (code: ErrorCode, detail: string, path?: string) =>
  new AppError(409, code, detail, path ? [{ path, message: detail }] : undefined);

export const invalid = (path: string, message: string, code: ErrorCode = "validation_failed") =>
  new AppError(422, code, message, [{ path, message }]);
