import { kindOfLevel, pathIds, roleAllows, type Action, type GrantDto } from "@chibo/domain";

// What to show, worked out from the user's grants (GET /api/v1/me). The server decides every access;
// these only hide controls the server would refuse.

/** Whether a grant on the unit or one of its ancestors allows the action there. */
export function canAtUnit(grants: readonly GrantDto[], action: Action, unitPath: string): boolean {
  const chain = new Set(pathIds(unitPath));
  return grants.some((g) => chain.has(g.unitId) && roleAllows(g.role, action));
}

/** Distinct units where a grant allows the action, first grant first. */
export function unitsAllowing(
  grants: readonly GrantDto[],
  action: Action,
  kind?: "committee" | "cell",
): GrantDto[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    if (seen.has(g.unitId) || !roleAllows(g.role, action)) return false;
    if (kind && kindOfLevel(g.unitLevel) !== kind) return false;
    seen.add(g.unitId);
    return true;
  });
}
