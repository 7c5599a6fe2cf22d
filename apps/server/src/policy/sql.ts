import { or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** `column LIKE root || '%'` for any of the roots; false when there are none. */
export function withinAny(column: AnyPgColumn | SQL, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  const parts = roots.map((r) => sql`${column} like ${escapeLike(r) + "%"}`);
  return or(...parts) ?? sql`false`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/gu, (c) => `\\${c}`);
}
