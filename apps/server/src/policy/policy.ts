// The one place that decides access. Every service asks here first; every list is filtered with the
// scopes computed here. A grant of a role on a unit reaches that unit's whole subtree.
import {
  followerRule,
  isWithin,
  PLANNED_VISIT_ROLES,
  roleAllows,
  visitReportVisibleTo,
  visitVisibleTo,
  type Action,
  type FollowTarget,
  type Role,
  type VisibleVisit,
  type VisitViewer,
} from "@chibo/domain";
import { forbidden, notFound } from "../http/errors.js";

export interface ActorGrant {
  id: string;
  role: Role;
  unitId: string;
  unitPath: string;
}

export interface Actor {
  userId: string;
  tenantId: string;
  username: string;
  /** The member record the user is (their own attendance, check-in, tasks); null for staff accounts. */
  memberId: string | null;
  /** The cell of that member record while the member has not left; null otherwise. */
  memberPath: string | null;
  grants: readonly ActorGrant[];
}

/** May the actor take `action` on something located at `unitPath`? */
export function can(actor: Actor, action: Action, unitPath: string): boolean {
  return actor.grants.some((g) => roleAllows(g.role, action) && isWithin(unitPath, g.unitPath));
}

/**
 * Checks `action` on a resource located at `unitPath`. A resource the actor cannot even read is
 * reported as missing (404), so its existence does not leak; a readable one as forbidden (403).
 */
export function authorize(
  actor: Actor,
  action: Action,
  unitPath: string | null | undefined,
  entity: string,
  readAction: Action = "unit.read",
): void {
  if (unitPath === null || unitPath === undefined) throw notFound(entity);
  if (can(actor, action, unitPath)) return;
  if (!can(actor, readAction, unitPath)) throw notFound(entity);
  throw forbidden();
}

/**
 * The subtree roots where `action` is allowed, with nested roots dropped: the filter every list
 * query applies in SQL (`path LIKE root || '%'` for any root).
 */
export function scopeRoots(actor: Actor, action: Action): string[] {
  const paths = actor.grants.filter((g) => roleAllows(g.role, action)).map((g) => g.unitPath);
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const p of sorted) {
    if (!roots.some((r) => isWithin(p, r))) roots.push(p);
  }
  return roots;
}

/** Actions the actor may take somewhere: the web uses this to show or hide controls. */
export function anywhereActions(actor: Actor, all: readonly Action[]): Action[] {
  return all.filter((a) => actor.grants.some((g) => roleAllows(g.role, a)));
}

/** Throws 403 unless the actor may take `action` somewhere (for tenant-wide screens). */
export function requireSomewhere(actor: Actor, action: Action): void {
  if (!actor.grants.some((g) => roleAllows(g.role, action))) throw forbidden();
}

/**
 * Who decides a meeting's score (the seeds: the upper-level attendee appraises and decides): the
 * visitor who attended it; when nobody attended, someone who runs meetings strictly above the cell.
 * The cell's own leads never decide their own score.
 */
export function scoreDecider(
  actor: Actor,
  cellPath: string,
  attendingVisitorIds: readonly string[],
): "visitor" | "committee" | null {
  if (attendingVisitorIds.length > 0)
    return attendingVisitorIds.includes(actor.userId) ? "visitor" : null;
  const above = actor.grants.some(
    (g) =>
      roleAllows(g.role, "meeting.write") &&
      g.unitPath !== cellPath &&
      isWithin(cellPath, g.unitPath),
  );
  return above ? "committee" : null;
}

// ——— Unannounced visits (seed 000: "không thông báo trước cho chi bộ biết") ———

function visitViewer(actor: Actor): VisitViewer {
  return { userId: actor.userId, grants: actor.grants, memberPath: actor.memberPath };
}

/** May the actor see this visit at all? A planned one: the visitor and their committee only. */
export function mayViewVisit(actor: Actor, visit: VisibleVisit): boolean {
  return visitVisibleTo(visitViewer(actor), visit);
}

/** May the actor read the visit's report (the visitor and the visitor's committee)? */
export function mayReadVisitReport(actor: Actor, visit: VisibleVisit): boolean {
  return visitReportVisibleTo(visitViewer(actor), visit);
}

/**
 * What a list query of visits filters on, in SQL, before mayViewVisit is applied again to each row:
 * the actor, every grant's path (visits near them once attended), the paths that make the actor one
 * of a cell (grants and the member record: planned visits to those cells never listed), and the
 * paths of the committee-side grants that see planned visits.
 */
export interface VisitListScope {
  userId: string;
  paths: string[];
  insiderPaths: string[];
  committeePaths: string[];
}

export function visitListScope(actor: Actor): VisitListScope {
  const paths = actor.grants.map((g) => g.unitPath);
  return {
    userId: actor.userId,
    paths,
    insiderPaths: actor.memberPath === null ? paths : [...paths, actor.memberPath],
    committeePaths: actor.grants
      .filter((g) => PLANNED_VISIT_ROLES.includes(g.role))
      .map((g) => g.unitPath),
  };
}

/**
 * May the actor assign followers to the cells of `target`: meeting.write on a unit above them (the
 * committee that follows its cells), by the same paths as the follower rule.
 */
export function mayAssignFollowers(actor: Actor, target: FollowTarget): boolean {
  const { abovePaths } = followerRule(target);
  return actor.grants.some(
    (g) => roleAllows(g.role, "meeting.write") && abovePaths.includes(g.unitPath),
  );
}
