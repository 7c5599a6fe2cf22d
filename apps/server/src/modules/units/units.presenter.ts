import type { UnitDto } from "@chibo/domain";
import type { UnitWithCounts } from "./units.repository.js";

export function presentUnit(u: UnitWithCounts): UnitDto {
  return {
    id: u.id,
    parentId: u.parentId,
    path: u.path,
    name: u.name,
    code: u.code,
    kind: u.kind,
    level: u.level,
    isGrassroots: u.isGrassroots,
    unitType: u.unitType,
    meetingDay: u.meetingDay,
    active: u.active,
    memberCount: u.memberCount,
    childCount: u.childCount,
    version: u.version,
  };
}
