import { expect } from "vitest";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { monthEnd } from "@chibo/domain";
import { testContext } from "./db.js";

export type Json = Record<string, unknown>;

/** The problem+json body every error response carries. */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  details?: { path: string; message: string }[];
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A session cookie from createUser; null or undefined sends no cookie header at all. */
export type Cookie = string | null | undefined;

/** Sends a request to the shared test app under /api/v1. */
export async function call(
  method: Method,
  url: string,
  cookie?: Cookie,
  payload?: InjectOptions["payload"],
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const { app } = await testContext();
  return app.inject({
    method,
    url: `/api/v1${url}`,
    // An empty string is still sent: a test may check how an empty cookie header is refused.
    headers: { ...(cookie == null ? {} : { cookie }), ...headers },
    ...(payload === undefined ? {} : { payload }),
  });
}

/** Sends a request that must succeed and returns its JSON body (undefined for 204). */
export async function ok<T = Json>(
  method: Method,
  url: string,
  cookie?: Cookie,
  payload?: InjectOptions["payload"],
): Promise<T> {
  const res = await call(method, url, cookie, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.statusCode === 204 ? (undefined as T) : res.json<T>();
}

/**
 * Checks a problem+json response: its status, its stable code and, when given, the path of the
 * field at fault; returns the body.
 */
export function problem(
  res: LightMyRequestResponse,
  status: number,
  code: string,
  path?: string,
): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers["content-type"])).toContain("application/problem+json");
  const body = res.json<Problem>();
  expect(body.code).toBe(code);
  if (path !== undefined) expect(body.details?.map((d) => d.path)).toContain(path);
  return body;
}

/** The id of the unit's regular meeting of `period` (YYYY-MM), as the meetings list gives it. */
export async function regularMeetingId(
  unitId: string,
  period: string,
  cookie: Cookie,
): Promise<string> {
  const { items } = await ok<{ items: { id: string }[] }>(
    "GET",
    `/meetings?unitId=${unitId}&from=${period}-01&to=${monthEnd(`${period}-01`)}&kind=regular`,
    cookie,
  );
  const m = items[0];
  if (!m) throw new Error(`no regular meeting in ${period}`);
  return m.id;
}
