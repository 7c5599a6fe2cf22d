// Helpers for the contract tests: the issues a schema reports, in a shape easy to compare.
import type { z } from "zod";

export interface Issue {
  path: string;
  code: string;
  message: string;
}

/** Every issue of a failed parse, its path dotted ("" for the object itself); [] when it parses. */
export function issuesOf(schema: z.ZodType, input: unknown): Issue[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    code: i.code,
    message: i.message,
  }));
}

/** The dotted paths of every issue, in order. */
export function issuePaths(schema: z.ZodType, input: unknown): string[] {
  return issuesOf(schema, input).map((i) => i.path);
}
