import { randomUUID } from "node:crypto";
import type { ErrorDetail, ThematicPlanDto, ThematicPlanInput } from "@chibo/domain";
import type { Db, DbOrTx } from "../../db/client.js";
import { AppError, conflict, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { authorize, type Actor } from "../../policy/policy.js";
import { presentThematicPlan } from "./thematic.presenter.js";
import {
  createThematicRepository,
  type ThematicRepository,
  type TopicWithDrafter,
} from "./thematic.repository.js";

type UnitRow = NonNullable<Awaited<ReturnType<ThematicRepository["findUnit"]>>>;

const QUARTERS = [1, 2, 3, 4] as const;

function topicSnapshot(t: Pick<TopicWithDrafter, "id" | "quarter" | "title" | "drafterMemberId">) {
  return { id: t.id, quarter: t.quarter, title: t.title, drafterMemberId: t.drafterMemberId };
}

/** HD12: only a cell makes a thematic plan. */
function requireCell(unit: UnitRow): void {
  if (unit.kind !== "cell") {
    const message = "Chỉ chi bộ mới lập kế hoạch sinh hoạt chuyên đề";
    throw new AppError(422, "not_a_cell", message, [{ path: "params.id", message }]);
  }
}

function requireActive(unit: UnitRow): void {
  if (!unit.active) throw conflict("unit_inactive", "Chi bộ đã ngừng hoạt động");
}

export function createThematicService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function loadUnit(
    r: ThematicRepository,
    actor: Actor,
    unitId: string,
    action: "meeting.read" | "meeting.write",
  ): Promise<UnitRow> {
    const unit = await r.findUnit(actor.tenantId, unitId);
    if (!unit) throw notFound("unit");
    authorize(actor, action, unit.path, "unit");
    requireCell(unit);
    return unit;
  }

  async function read(tx: DbOrTx, tenantId: string, unitId: string, year: number) {
    const r = createThematicRepository(tx);
    const [plan, topics] = await Promise.all([
      r.plan(tenantId, unitId, year),
      r.topics(tenantId, unitId, year),
    ]);
    const topicMeetings = await r.meetingsOfTopics(
      tenantId,
      unitId,
      topics.map((t) => t.id),
    );
    return presentThematicPlan(unitId, year, plan, topics, topicMeetings);
  }

  return {
    /** HD12: the cell's yearly thematic plan, one topic or more per quarter. */
    async get(actor: Actor, unitId: string, year: number): Promise<ThematicPlanDto> {
      const unit = await loadUnit(createThematicRepository(db), actor, unitId, "meeting.read");
      return read(db, actor.tenantId, unit.id, year);
    },

    /**
     * Replaces the year's topics: listed ids are kept and edited, the rest are new; a topic left out
     * is deleted unless a meeting already takes it up. Every problem is reported at once.
     */
    async replace(
      actor: Actor,
      unitId: string,
      input: ThematicPlanInput,
    ): Promise<ThematicPlanDto> {
      const { year } = input;
      await db.transaction(async (tx) => {
        const r = createThematicRepository(tx);
        const unit = await loadUnit(r, actor, unitId, "meeting.write");
        requireActive(unit);
        await r.upsertPlan(actor.tenantId, unit.id, year, unit.path);
        const existing = await r.topics(actor.tenantId, unit.id, year);
        const byId = new Map(existing.map((t) => [t.id, t]));
        const drafters = await r.activeMembersOf(
          actor.tenantId,
          unit.id,
          input.topics.flatMap((t) => (t.drafterMemberId ? [t.drafterMemberId] : [])),
        );

        const details: ErrorDetail[] = [];
        const kept = new Set<string>();
        input.topics.forEach((t, i) => {
          if (t.id !== undefined) {
            if (!byId.has(t.id)) {
              details.push({
                path: `body.topics.${i}.id`,
                message: "Chủ đề không thuộc kế hoạch chuyên đề năm này của chi bộ",
              });
            } else if (kept.has(t.id)) {
              details.push({ path: `body.topics.${i}.id`, message: "Chủ đề bị lặp lại" });
            }
            kept.add(t.id);
          }
          if (t.drafterMemberId && !drafters.has(t.drafterMemberId)) {
            details.push({
              path: `body.topics.${i}.drafterMemberId`,
              message: "Người chuẩn bị đề cương phải là đảng viên đang sinh hoạt tại chi bộ",
            });
          }
        });
        const first = details[0];
        if (first) throw new AppError(422, "validation_failed", first.message, details);

        const removed = existing.filter((t) => !kept.has(t.id));
        const inUse = await r.meetingsOfTopics(
          actor.tenantId,
          unit.id,
          removed.map((t) => t.id),
        );
        const blocked = removed.find((t) => inUse.some((m) => m.thematicTopicId === t.id));
        if (blocked) {
          throw conflict(
            "thematic_topic_in_use",
            `Không thể xóa chủ đề "${blocked.title}" vì đã có buổi sinh hoạt theo chủ đề này`,
            "body.topics",
          );
        }

        const after = input.topics.map((t) => ({
          id: t.id ?? randomUUID(),
          quarter: t.quarter,
          title: t.title,
          drafterMemberId: t.drafterMemberId ?? null,
        }));
        for (const t of after) {
          const old = byId.get(t.id);
          if (!old) continue;
          if (
            old.quarter !== t.quarter ||
            old.title !== t.title ||
            old.drafterMemberId !== t.drafterMemberId
          ) {
            await r.updateTopic(actor.tenantId, t.id, {
              quarter: t.quarter,
              title: t.title,
              drafterMemberId: t.drafterMemberId,
            });
          }
        }
        await r.insertTopics(
          after
            .filter((t) => !byId.has(t.id))
            .map((t) => ({ ...t, tenantId: actor.tenantId, unitId: unit.id, year })),
        );
        await r.deleteTopics(
          actor.tenantId,
          removed.map((t) => t.id),
        );
        await recordAudit(tx, actor, actor.tenantId, {
          action: "thematic_plan.update",
          entity: "thematic_plan",
          entityId: unit.id,
          unitPath: unit.path,
          before: { year, topics: existing.map(topicSnapshot) },
          after: { year, topics: after },
        });
      });
      return read(db, actor.tenantId, unitId, year);
    },

    /** HD12: the cell reports its yearly plan upward once every quarter has a topic. */
    async report(actor: Actor, unitId: string, year: number): Promise<ThematicPlanDto> {
      await db.transaction(async (tx) => {
        const r = createThematicRepository(tx);
        const unit = await loadUnit(r, actor, unitId, "meeting.write");
        requireActive(unit);
        const before = await r.upsertPlan(actor.tenantId, unit.id, year, unit.path);
        const topics = await r.topics(actor.tenantId, unit.id, year);
        const covered = new Set(topics.map((t) => t.quarter));
        const missing = QUARTERS.filter((q) => !covered.has(q));
        if (missing.length > 0) {
          const message = `Kế hoạch chưa có chủ đề cho quý ${missing.join(", ")}: mỗi quý ít nhất một chuyên đề`;
          throw new AppError(422, "thematic_plan_incomplete", message, [
            { path: "topics", message },
          ]);
        }
        const at = clock.now();
        await r.markReported(actor.tenantId, unit.id, year, at, actor.userId);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "thematic_plan.report",
          entity: "thematic_plan",
          entityId: unit.id,
          unitPath: unit.path,
          before: { year, reportedAt: before.reportedAt?.toISOString() ?? null },
          after: { year, reportedAt: at.toISOString(), topics: topics.map(topicSnapshot) },
        });
      });
      return read(db, actor.tenantId, unitId, year);
    },
  };
}

export type ThematicService = ReturnType<typeof createThematicService>;
