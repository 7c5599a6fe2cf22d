// Who may follow a cell and visit it (seed 000: committee members and staff of the committees above
// "được phân công theo dõi" the cells; seed 002: at least once a quarter). Pure: grants and paths in.

import { ROLES, type Role } from "../access/roles.js";
import { isWithin, pathIds, type UnitKind } from "../org/tree.js";
import { isInsider } from "./visits.js";

/** Committee members and staff: every role but a plain member's. */
export const FOLLOWER_ROLES: readonly Role[] = ROLES.filter((r) => r !== "member");

/** The cells someone follows: one cell, or every cell of a committee. */
export interface FollowTarget {
  path: string;
  kind: UnitKind;
}

/** The deepest path first (the nearest committee). */
const deepestFirst = (a: string, b: string) => b.length - a.length;

/**
 * Who may follow the cells of `target`: someone with a FOLLOWER_ROLES grant above them (strictly
 * above a cell; on or above a committee, which is above each of its cells), never one of the cell.
 * As data, so that a query can apply the very same rule.
 */
export function followerRule(target: FollowTarget): {
  roles: readonly Role[];
  /** The units on the way down from the root whose grants qualify. */
  abovePaths: string[];
  /** The cell whose own people never follow it; null for a committee. */
  insidePath: string | null;
} {
  const downFromRoot = pathIds(target.path).map(
    (_, i, ids) => `/${ids.slice(0, i + 1).join("/")}/`,
  );
  return {
    roles: FOLLOWER_ROLES,
    abovePaths:
      target.kind === "committee" ? downFromRoot : downFromRoot.filter((p) => p !== target.path),
    insidePath: target.kind === "committee" ? null : target.path,
  };
}

/**
 * The grant (the deepest) by which a person may follow the cells of `target`, or why not.
 * `memberPath` is the cell of their own member record: one of a cell never follows it.
 */
export function followerGrant<G extends { role: Role; unitPath: string }>(
  who: { grants: readonly G[]; memberPath: string | null },
  target: FollowTarget,
): G | "insider" | "not_above" {
  const rule = followerRule(target);
  if (rule.insidePath !== null && isInsider(who, rule.insidePath)) return "insider";
  const qualifying = who.grants
    .filter((g) => rule.roles.includes(g.role) && rule.abovePaths.includes(g.unitPath))
    .sort((a, b) => deepestFirst(a.unitPath, b.unitPath));
  return qualifying[0] ?? "not_above";
}

/**
 * The committee a visit to `cellPath` is recorded under (whose committee roles alone see it until it
 * is attended): the nearest unit strictly above the cell where the visitor holds a follower role when
 * assigned to the cell, else a committee role (a committee member may visit any cell below without an
 * assignment, seed 000). Null: the visitor may not visit this cell.
 */
export function visitorCommitteePath(
  grants: readonly { role: Role; unitPath: string }[],
  cellPath: string,
  assigned: boolean,
): string | null {
  const above = grants.filter((g) => g.unitPath !== cellPath && isWithin(cellPath, g.unitPath));
  const entitling = assigned
    ? above.filter((g) => g.role !== "member")
    : above.filter((g) => g.role === "committee");
  return entitling.map((g) => g.unitPath).sort(deepestFirst)[0] ?? null;
}
