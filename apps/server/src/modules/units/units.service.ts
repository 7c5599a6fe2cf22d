import { randomUUID } from "node:crypto";
import {
  canContain,
  childPath,
  isGrassrootsLevel,
  kindOfLevel,
  pathIds,
  wouldCycle,
  type Action,
  type CreateUnitInput,
  type ListUnitsQuery,
  type MoveUnitInput,
  type UnitDetailDto,
  type UnitDto,
  type UpdateUnitInput,
} from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { AppError, conflict, invalid, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import { authorize, can, scopeRoots, type Actor } from "../../policy/policy.js";
import { presentUnit } from "./units.presenter.js";
import { createUnitsRepository, type UnitRow } from "./units.repository.js";

const LEVEL_VI: Record<string, string> = {
  province: "tỉnh ủy",
  bloc: "đảng ủy khối",
  district: "huyện ủy",
  grassroots_committee: "đảng bộ cơ sở",
  grassroots_cell: "chi bộ cơ sở",
  sub_committee: "đảng bộ bộ phận",
  cell: "chi bộ",
  group: "tổ đảng",
};

/** The Charter's nesting of levels (packages/domain canContain), as a field error. */
function assertCanContain(parent: UnitRow, level: UnitRow["level"], path: string): void {
  if (!canContain(parent.level, level)) {
    throw invalid(
      path,
      `Không thể đặt ${LEVEL_VI[level] ?? level} trực thuộc ${LEVEL_VI[parent.level] ?? parent.level}`,
      "unit_level_not_allowed",
    );
  }
}

function snapshot(u: UnitRow) {
  return {
    name: u.name,
    code: u.code,
    level: u.level,
    unitType: u.unitType,
    meetingDay: u.meetingDay,
    parentId: u.parentId,
    path: u.path,
    active: u.active,
  };
}

export function createUnitsService(deps: { db: Db }) {
  const { db } = deps;
  const repo = createUnitsRepository(db);

  async function load(actor: Actor, id: string): Promise<UnitRow> {
    const unit = await repo.find(actor.tenantId, id);
    if (!unit) throw notFound("unit");
    authorize(actor, "unit.read", unit.path, "unit");
    return unit;
  }

  async function present(actor: Actor, id: string): Promise<UnitDto> {
    const row = await repo.findWithCounts(actor.tenantId, id);
    if (!row) throw notFound("unit");
    return presentUnit(row);
  }

  return {
    /** Children of a unit, or the caller's top units when no parent is given. */
    async list(actor: Actor, query: ListUnitsQuery): Promise<UnitDto[]> {
      if (query.parentId) {
        const parent = await load(actor, query.parentId);
        const rows = await repo.children(actor.tenantId, parent.id, query.includeInactive);
        return rows.map(presentUnit);
      }
      const roots = scopeRoots(actor, "unit.read");
      const rows = await repo.byPaths(actor.tenantId, roots);
      return rows.map(presentUnit);
    },

    /** Every unit the caller can read (optionally only cells): for pickers and filters. */
    async options(actor: Actor, kind?: UnitRow["kind"]) {
      return repo.inScope(actor.tenantId, scopeRoots(actor, "unit.read"), kind);
    },

    async get(actor: Actor, id: string): Promise<UnitDetailDto> {
      const unit = await load(actor, id);
      const ancestorIds = pathIds(unit.path).slice(0, -1);
      const ancestors = (await repo.findMany(actor.tenantId, ancestorIds))
        .filter((a) => can(actor, "unit.read", a.path))
        .sort((a, b) => a.path.length - b.path.length)
        .map((a) => ({ id: a.id, name: a.name }));
      const at = (action: Action) => can(actor, action, unit.path);
      return {
        ...(await present(actor, unit.id)),
        ancestors,
        can: {
          update: at("unit.update"),
          createChild: at("unit.create") && unit.active,
          // Moving needs the unit's own parent inside the caller's reach as well.
          move: at("unit.move") && unit.parentId !== null && ancestors.length > 0,
          deactivate: at("unit.deactivate") && unit.parentId !== null && unit.active,
          writeMembers: at("member.write") && unit.kind === "cell" && unit.active,
          importMembers: at("member.import") && unit.kind === "cell" && unit.active,
          exportMembers: at("member.export"),
        },
      };
    },

    async create(actor: Actor, input: CreateUnitInput): Promise<UnitDto> {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const r = createUnitsRepository(tx);
        const parent = await r.find(actor.tenantId, input.parentId);
        if (!parent) throw notFound("unit");
        authorize(actor, "unit.create", parent.path, "unit");
        if (!parent.active)
          throw conflict("unit_inactive", "Tổ chức cấp trên đã ngừng hoạt động", "body.parentId");
        assertCanContain(parent, input.level, "body.level");
        const kind = kindOfLevel(input.level);
        if (kind !== "cell" && input.meetingDay != null) {
          throw invalid("body.meetingDay", "Chỉ chi bộ mới đăng ký ngày sinh hoạt");
        }
        if (input.code && (await r.codeTaken(actor.tenantId, input.code))) {
          throw conflict("unit_code_taken", "Mã tổ chức đã được dùng", "body.code");
        }
        const created = await r.insert({
          id,
          tenantId: actor.tenantId,
          parentId: parent.id,
          path: childPath(parent.path, id),
          name: input.name,
          code: input.code ?? null,
          kind,
          level: input.level,
          isGrassroots: isGrassrootsLevel(input.level),
          unitType: input.unitType ?? null,
          meetingDay: input.meetingDay ?? null,
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "unit.create",
          entity: "unit",
          entityId: id,
          unitPath: created.path,
          after: snapshot(created),
        });
      });
      return present(actor, id);
    },

    async update(actor: Actor, id: string, input: UpdateUnitInput): Promise<UnitDto> {
      await db.transaction(async (tx) => {
        const r = createUnitsRepository(tx);
        const unit = await r.find(actor.tenantId, id);
        if (!unit) throw notFound("unit");
        authorize(actor, "unit.update", unit.path, "unit");
        if (input.version !== undefined && input.version !== unit.version) {
          throw conflict("stale_version", "Tổ chức đã được người khác sửa, vui lòng tải lại");
        }
        if (unit.kind !== "cell" && input.meetingDay != null) {
          throw invalid("body.meetingDay", "Chỉ chi bộ mới đăng ký ngày sinh hoạt");
        }
        if (input.code && (await r.codeTaken(actor.tenantId, input.code, id))) {
          throw conflict("unit_code_taken", "Mã tổ chức đã được dùng", "body.code");
        }
        const updated = await r.update(actor.tenantId, id, unit.version, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.code !== undefined ? { code: input.code } : {}),
          ...(input.unitType !== undefined ? { unitType: input.unitType } : {}),
          ...(input.meetingDay !== undefined ? { meetingDay: input.meetingDay } : {}),
        });
        if (!updated)
          throw conflict("stale_version", "Tổ chức đã được người khác sửa, vui lòng tải lại");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "unit.update",
          entity: "unit",
          entityId: id,
          unitPath: unit.path,
          before: snapshot(unit),
          after: snapshot(updated),
        });
      });
      return present(actor, id);
    },

    /** Moves a unit with its whole subtree under a new parent; never under itself. */
    async move(actor: Actor, id: string, input: MoveUnitInput): Promise<UnitDto> {
      await db.transaction(async (tx) => {
        const r = createUnitsRepository(tx);
        const unit = await r.find(actor.tenantId, id);
        if (!unit) throw notFound("unit");
        authorize(actor, "unit.move", unit.path, "unit");
        if (!unit.parentId) throw invalid("body.parentId", "Không thể chuyển tổ chức cấp cao nhất");
        const parent = await r.find(actor.tenantId, input.parentId);
        if (!parent) throw notFound("unit");
        authorize(actor, "unit.move", parent.path, "unit");
        if (wouldCycle(unit.path, parent.path)) {
          throw invalid(
            "body.parentId",
            "Không thể chuyển một tổ chức vào chính nó hoặc tổ chức trực thuộc nó",
            "unit_cycle",
          );
        }
        if (!parent.active)
          throw conflict("unit_inactive", "Tổ chức cấp trên đã ngừng hoạt động", "body.parentId");
        assertCanContain(parent, unit.level, "body.parentId");
        if (parent.id === unit.parentId) return;
        const newPath = childPath(parent.path, unit.id);
        await r.rebaseSubtree(actor.tenantId, unit.path, newPath);
        const moved = await r.update(actor.tenantId, id, unit.version, { parentId: parent.id });
        if (!moved)
          throw conflict("stale_version", "Tổ chức đã được người khác sửa, vui lòng tải lại");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "unit.move",
          entity: "unit",
          entityId: id,
          unitPath: newPath,
          before: { parentId: unit.parentId, path: unit.path },
          after: { parentId: parent.id, path: newPath },
        });
      });
      return present(actor, id);
    },

    /** Deactivation keeps the unit and its history; it needs no active children or members. */
    async deactivate(actor: Actor, id: string): Promise<UnitDto> {
      await db.transaction(async (tx) => {
        const r = createUnitsRepository(tx);
        const unit = await r.find(actor.tenantId, id);
        if (!unit) throw notFound("unit");
        authorize(actor, "unit.deactivate", unit.path, "unit");
        if (!unit.parentId)
          throw new AppError(
            422,
            "validation_failed",
            "Không thể ngừng hoạt động tổ chức cấp cao nhất",
          );
        if (!unit.active) return;
        if (await r.hasActiveChildren(actor.tenantId, id)) {
          throw conflict(
            "unit_has_active_children",
            "Tổ chức còn tổ chức trực thuộc đang hoạt động",
          );
        }
        if (await r.hasActiveMembers(actor.tenantId, id)) {
          throw conflict("unit_has_members", "Tổ chức còn đảng viên, cần chuyển sinh hoạt trước");
        }
        const updated = await r.update(actor.tenantId, id, unit.version, {
          active: false,
          deactivatedAt: new Date(),
        });
        if (!updated)
          throw conflict("stale_version", "Tổ chức đã được người khác sửa, vui lòng tải lại");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "unit.deactivate",
          entity: "unit",
          entityId: id,
          unitPath: unit.path,
          before: snapshot(unit),
          after: snapshot(updated),
        });
      });
      return present(actor, id);
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
