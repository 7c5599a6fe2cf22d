// The organisation tree is stored with a materialised path ("/root/…/unit/") so that a subtree is one
// prefix query, and containment is a prefix test.

export const UNIT_KINDS = ["committee", "cell", "group"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Levels of the Party organisation (Charter, ch. III). */
export const UNIT_LEVELS = [
  "province", // tỉnh ủy / thành ủy
  "bloc", // đảng ủy khối
  "district", // huyện ủy / quận ủy
  "grassroots_committee", // đảng bộ cơ sở
  "grassroots_cell", // chi bộ cơ sở
  "sub_committee", // đảng bộ bộ phận
  "cell", // chi bộ trực thuộc
  "group", // tổ đảng
] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Types of organisation (loại hình tổ chức cơ sở đảng). */
export const UNIT_TYPES = [
  "administrative", // cơ quan hành chính
  "public_service", // đơn vị sự nghiệp
  "state_enterprise", // doanh nghiệp nhà nước
  "private_enterprise", // doanh nghiệp ngoài nhà nước
  "armed_forces", // lực lượng vũ trang
  "residential", // thôn, bản, tổ dân phố
  "association", // hội, đoàn thể
  "other",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export function kindOfLevel(level: UnitLevel): UnitKind {
  switch (level) {
    case "province":
    case "bloc":
    case "district":
    case "grassroots_committee":
    case "sub_committee":
      return "committee";
    case "grassroots_cell":
    case "cell":
      return "cell";
    case "group":
      return "group";
  }
}

/** A chi bộ cơ sở and a đảng bộ cơ sở are grassroots party organisations (TCCSĐ). */
export function isGrassrootsLevel(level: UnitLevel): boolean {
  return level === "grassroots_committee" || level === "grassroots_cell";
}

/**
 * Which levels may sit directly under which (Charter; 24-QĐ/TW): a province holds blocs and districts,
 * these hold grassroots organisations, a đảng bộ cơ sở holds đảng bộ bộ phận and cells, cells hold tổ đảng.
 */
const CHILD_LEVELS: Record<UnitLevel, readonly UnitLevel[]> = {
  province: ["bloc", "district", "grassroots_committee", "grassroots_cell"],
  bloc: ["grassroots_committee", "grassroots_cell"],
  district: ["grassroots_committee", "grassroots_cell"],
  grassroots_committee: ["sub_committee", "cell"],
  sub_committee: ["cell"],
  grassroots_cell: ["group"],
  cell: ["group"],
  group: [],
};

export function canContain(parent: UnitLevel, child: UnitLevel): boolean {
  return CHILD_LEVELS[parent].includes(child);
}

export function allowedChildLevels(parent: UnitLevel): readonly UnitLevel[] {
  return CHILD_LEVELS[parent];
}

/** The path of a unit given its parent's path ("/" for a root). */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? "/"}${id}/`;
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** Ids from the root down to the unit itself. */
export function pathIds(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

export function depthOf(path: string): number {
  return pathIds(path).length;
}

/**
 * A unit may not move under itself or one of its descendants: that would make a cycle.
 */
export function wouldCycle(unitPath: string, newParentPath: string): boolean {
  return isWithin(newParentPath, unitPath);
}

/** The new path of a node of the moved subtree (`oldPrefix` is the moved unit's old path). */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!isWithin(path, oldPrefix)) throw new RangeError("path is not inside the moved subtree");
  return newPrefix + path.slice(oldPrefix.length);
}
