// Rubrics as data (issue 5): the shipped ones and a province's own, versioned; rows are never edited,
// so a scored meeting keeps the sheet it was scored with.
import {
  prefillAnswers,
  scoreSheet,
  SHIPPED_RUBRICS,
  suggestFromEvidence,
  type EvidenceValues,
  type Rubric,
  type RubricListDto,
  type RubricListItemDto,
  type RubricPreviewDto,
  type RubricPreviewInput,
} from "@chibo/domain";
import type { Db, DbOrTx } from "../../db/client.js";
import { AppError, conflict, forbidden, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import { can, type Actor } from "../../policy/policy.js";
import { createRubricsRepository } from "./rubrics.repository.js";

/** A plausible complete meeting: what the editor's preview scores when no sample is given. */
export const SAMPLE_FACTS: EvidenceValues = {
  attendance_rate: 0.92,
  unexcused_absences: 0,
  long_absence: false,
  duration_minutes: 95,
  duration_required: 90,
  held_on_schedule: true,
  agenda_steps_present: true,
  committee_meeting_before: true,
  notice_sent: true,
  documents_before: true,
  tasks_reviewed: 1,
  speakers_share: 0.6,
  resolution_with_tasks: true,
  minutes_signed_in_time: true,
  documents_after: true,
  last_targets_achieved: 0.8,
  thematic_month: false,
  minutes_kept: true,
};

function listItem(r: Rubric, custom: boolean): RubricListItemDto {
  return {
    code: r.code,
    version: r.version,
    name: r.name,
    source: r.source,
    validFrom: r.validFrom,
    validTo: r.validTo,
    meetingKinds: r.meetingKinds,
    unitTypes: r.unitTypes,
    isDefault: r.isDefault,
    custom,
  };
}

/** Shipped and the tenant's own, for rubricFor (the tenant's are never defaults). */
export async function rubricsInTenant(db: DbOrTx, tenantId: string): Promise<Rubric[]> {
  const own = await createRubricsRepository(db).own(tenantId);
  return [...own, ...SHIPPED_RUBRICS];
}

/** Tenant-wide: decided on the top unit; anyone else is refused (the list is readable by all). */
function configure(actor: Actor, root: string | undefined): void {
  if (root === undefined) throw notFound("tenant");
  if (!can(actor, "tenant.configure", root))
    throw forbidden("Chỉ quản trị của tỉnh mới thêm hoặc sửa đổi bảng chấm điểm");
}

export function createRubricsService(deps: { db: Db }) {
  const { db } = deps;

  return {
    async list(actor: Actor): Promise<RubricListDto> {
      const repo = createRubricsRepository(db);
      const root = await repo.rootPath(actor.tenantId);
      if (root === undefined) throw notFound("tenant");
      const own = await repo.own(actor.tenantId);
      return {
        items: [
          ...own.map((r) => listItem(r, true)),
          ...SHIPPED_RUBRICS.map((r) => listItem(r, false)),
        ],
        canConfigure: can(actor, "tenant.configure", root),
      };
    },

    async get(actor: Actor, code: string, version: number): Promise<Rubric> {
      const shipped = SHIPPED_RUBRICS.find((r) => r.code === code && r.version === version);
      if (shipped) return shipped;
      const found = await createRubricsRepository(db).one(actor.tenantId, code, version);
      if (!found) throw new AppError(404, "not_found", "Không tìm thấy bảng điểm");
      return found;
    },

    /** A new code starts at version 1; a revision carries the next version. Admin only. */
    async create(actor: Actor, input: Rubric): Promise<Rubric> {
      return db.transaction(async (tx) => {
        const repo = createRubricsRepository(tx);
        const root = await repo.rootPath(actor.tenantId);
        configure(actor, root);
        if (SHIPPED_RUBRICS.some((r) => r.code === input.code))
          throw conflict(
            "conflict",
            "Mã này là của bảng điểm mặc định của chibo: hãy đặt mã riêng cho bảng điểm của tỉnh",
            "body.code",
          );
        const latest = await repo.latestVersion(actor.tenantId, input.code);
        if (input.version !== latest + 1)
          throw conflict(
            "conflict",
            latest === 0
              ? "Bảng điểm mới bắt đầu từ phiên bản 1"
              : `Bảng điểm này đã có phiên bản ${latest}: bản sửa đổi phải là phiên bản ${latest + 1}`,
            "body.version",
          );
        const data: Rubric = { ...input, isDefault: false };
        const id = await repo.insert(actor.tenantId, data, actor.userId);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "rubric.create",
          entity: "rubric",
          entityId: id,
          unitPath: root ?? null,
          after: data,
        });
        return data;
      });
    },

    /** Scores a sample meeting with a rubric being edited. */
    async preview(actor: Actor, input: RubricPreviewInput): Promise<RubricPreviewDto> {
      const repo = createRubricsRepository(db);
      const root = await repo.rootPath(actor.tenantId);
      configure(actor, root);
      const facts = input.facts ?? SAMPLE_FACTS;
      const answers = input.answers ?? prefillAnswers(input.rubric, facts);
      return {
        facts,
        suggestions: suggestFromEvidence(input.rubric, facts),
        score: scoreSheet(input.rubric, answers, facts),
      };
    },
  };
}

export type RubricsService = ReturnType<typeof createRubricsService>;
