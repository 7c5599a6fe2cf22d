import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The nearest directory at or above this module that holds `marker`. The server runs both from
 * its sources (tests, dev) and from the bundle in dist/, so fixed relative paths would differ.
 */
export function findUp(marker: string, from: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(path.join(dir, marker))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${marker} not found above ${fileURLToPath(from)}`);
    dir = parent;
  }
}

/** apps/server */
export const SERVER_ROOT = findUp("drizzle/meta/_journal.json");
/** The repository root (where apps/ lives). */
export const REPO_ROOT = path.resolve(SERVER_ROOT, "../..");
