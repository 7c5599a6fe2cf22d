import type { ErrorCode, ProblemJson } from "@chibo/domain";
import { ERROR_CODES } from "@chibo/domain";

/** An API answer other than 2xx, carrying the server's problem+json document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemJson;
  /** The whole parsed body: some problems carry more than the standard fields (an import report). */
  readonly body: unknown;

  constructor(status: number, problem: ProblemJson, body: unknown) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.body = body;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Record<string, QueryValue>;
  /** Sent as JSON, or as is when it is FormData (multipart). */
  body?: unknown;
  signal?: AbortSignal;
}

/** "/api/v1/members" + { q: "an", page: 2 } → "/api/v1/members?q=an&page=2" (empty values dropped). */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs === "" ? path : `${path}?${qs}`;
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: "validation_failed",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  422: "validation_failed",
  429: "too_many_attempts",
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads whatever came back into a problem document, filling what the server left out. */
export function toProblem(status: number, statusText: string, body: unknown): ProblemJson {
  const fallbackCode = CODE_BY_STATUS[status] ?? "internal_error";
  if (!isRecord(body)) {
    return { type: "about:blank", title: statusText, status, code: fallbackCode, detail: "" };
  }
  const details = Array.isArray(body.details)
    ? body.details.filter(isRecord).map((d) => ({
        path: typeof d.path === "string" ? d.path : "",
        message: typeof d.message === "string" ? d.message : "",
      }))
    : undefined;
  return {
    type: typeof body.type === "string" ? body.type : "about:blank",
    title: typeof body.title === "string" ? body.title : statusText,
    status: typeof body.status === "number" ? body.status : status,
    code: isErrorCode(body.code) ? body.code : fallbackCode,
    detail: typeof body.detail === "string" ? body.detail : "",
    ...(details ? { details } : {}),
    ...(typeof body.requestId === "string" ? { requestId: body.requestId } : {}),
  };
}

async function readBody(res: Response): Promise<unknown> {
  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined;
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

/**
 * Calls the API with the session cookie. Resolves with the parsed JSON (undefined for 204), or throws
 * an ApiError carrying the problem document. No toasts, no redirects: callers decide.
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = "GET", query, body, signal } = options;
  const headers: Record<string, string> = { Accept: "application/json" };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const res = await fetch(buildUrl(path, query), {
    method,
    headers,
    body: payload,
    credentials: "same-origin",
    ...(signal ? { signal } : {}),
  });
  const parsed = res.status === 204 ? undefined : await readBody(res);
  if (!res.ok)
    throw new ApiError(res.status, toProblem(res.status, res.statusText, parsed), parsed);
  // The server validates every response against the shared contract; the type is the contract's.
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiFetch<T>(path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown, query?: Record<string, QueryValue>) =>
    apiFetch<T>(path, { method: "POST", body, query }),
  patch: <T>(path: string, body: unknown) => apiFetch<T>(path, { method: "PATCH", body }),
  put: <T>(path: string, body: unknown) => apiFetch<T>(path, { method: "PUT", body }),
  delete: <T>(path: string) => apiFetch<T>(path, { method: "DELETE" }),
};
