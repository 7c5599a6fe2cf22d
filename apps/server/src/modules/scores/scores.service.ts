// A meeting's score (issue 5): the cell's self-score pre-filled from the evidence of its record, the
// decision by the upper-level attendee (or the committee above when nobody attended), and the lists
// the committee follows. The rubric is copied into the score, so a revision never changes it.
import {
  addDays,
  addMonths,
  cellYearSoFar,
  MEETING_LEVEL_LABELS,
  meetingEvidence,
  monthEnd,
  overClaims,
  prefillAnswers,
  reasonProblems,
  resolveMeetingRules,
  resolveSupervisionRules,
  rubricApplies,
  rubricFor,
  scoreSheet,
  SHIPPED_RUBRICS,
  yearSummary,
  type ErrorDetail,
  type EvidenceValues,
  type RescoreDto,
  type RescoreQuery,
  type Rubric,
  type ScoreDto,
  type ScoreListDto,
  type SelfScoreInput,
  type DecisionInput,
  type UnitScoresDto,
} from "@chibo/domain";
import type { Db, DbOrTx } from "../../db/client.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import {
  loadMeetingRules,
  meetingOverrides,
  supervisionOverrides,
} from "../../lib/meeting-rules.js";
import { authorize, can, scoreDecider, scopeRoots, type Actor } from "../../policy/policy.js";
import { createRubricsRepository } from "../rubrics/rubrics.repository.js";
import { rubricsInTenant } from "../rubrics/rubrics.service.js";
import { createEvidenceBatchRepository } from "./evidence-batch.repository.js";
import { createEvidenceRepository, storedTemplates } from "./evidence.repository.js";
import { presentScore, type ScoreItems } from "./scores.presenter.js";
import { createScoresRepository, type ScoreInsert, type ScoreRow } from "./scores.repository.js";

type MeetingRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createScoresRepository>["meeting"]>>
>;

function fail(details: ErrorDetail[]): never {
  throw new AppError(
    422,
    "validation_failed",
    details[0]?.message ?? "Dữ liệu không hợp lệ",
    details,
  );
}

const body = (d: ErrorDetail): ErrorDetail => ({ path: `body.${d.path}`, message: d.message });

/** The meeting's evidence as the tenant's rules read it. */
export async function evidenceOf(
  tx: DbOrTx,
  tenantId: string,
  m: MeetingRow,
  /** `tx` is the connection pool: independent reads may run side by side. */
  concurrent = false,
): Promise<EvidenceValues> {
  const settings = await createRubricsRepository(tx).tenantSettings(tenantId);
  const facts = await createEvidenceRepository(tx, { concurrent }).facts(
    tenantId,
    m,
    storedTemplates(settings),
  );
  return meetingEvidence(
    facts,
    resolveMeetingRules(meetingOverrides(settings)),
    resolveSupervisionRules(supervisionOverrides(settings)),
  );
}

/**
 * Months of meetings the rescoring reads at once (a quarter: on the demo's two years, 2.6–3.9 s against
 * 4.9 s month by month, for the same memory — the year's marks history dominates it).
 */
const RESCORE_MONTHS = 3;

/** A meeting's evidence read on its own (the bench times it apart from the score endpoint). */
export async function meetingEvidenceOf(
  db: DbOrTx,
  tenantId: string,
  meetingId: string,
): Promise<EvidenceValues | null> {
  const m = await createScoresRepository(db).meeting(tenantId, meetingId);
  return m ? evidenceOf(db, tenantId, m, true) : null;
}

/** The decided score and level of a meeting for the minutes' export; null until decided. */
export async function decidedScoreOf(
  db: DbOrTx,
  tenantId: string,
  meetingId: string,
): Promise<{ total: number; level: string } | null> {
  const row = await createScoresRepository(db).score(tenantId, meetingId);
  if (row?.decidedLevel == null || row.decidedTotal === null) return null;
  return { total: row.decidedTotal, level: MEETING_LEVEL_LABELS[row.decidedLevel] };
}

export function createScoresService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function load(tx: DbOrTx, actor: Actor, meetingId: string, lock = false) {
    const repo = createScoresRepository(tx);
    const m = await repo.meeting(actor.tenantId, meetingId, lock);
    if (!m) throw notFound("meeting");
    // On the pool (a read) the next reads go side by side; in a command, one after another.
    const visitorsQ = () => repo.attendingVisitors(actor.tenantId, m.id);
    const rowQ = () => repo.score(actor.tenantId, m.id, lock);
    const [visitors, row] =
      tx === db ? await Promise.all([visitorsQ(), rowQ()]) : [await visitorsQ(), await rowQ()];
    if (!can(actor, "meeting.read", m.unitPath) && !visitors.includes(actor.userId))
      throw notFound("meeting");
    let rubric: Rubric | null = row?.rubric ?? null;
    if (rubric === null) {
      const all = await rubricsInTenant(tx, actor.tenantId);
      rubric = rubricFor(m.kind, m.unitType, m.heldOn ?? m.date, all);
    }
    if (rubric === null)
      throw conflict(
        "rubric_missing",
        "Chưa có bảng chấm điểm nào áp dụng cho loại cuộc họp này vào ngày họp: quản trị cần thêm bảng điểm",
      );
    // A decided score keeps the evidence it was decided on.
    const evidence =
      row && row.decidedAt !== null
        ? row.evidence
        : await evidenceOf(tx, actor.tenantId, m, tx === db);
    return { repo, m, row, rubric, evidence, visitors };
  }

  async function present(
    tx: DbOrTx,
    actor: Actor,
    ctx: Awaited<ReturnType<typeof load>>,
    row: ScoreRow | undefined,
  ): Promise<ScoreDto> {
    const ids = [row?.selfBy, row?.decidedBy].filter((x): x is string => !!x);
    const names = await createScoresRepository(tx).userNames(actor.tenantId, ids);
    const decided = row?.decidedAt != null;
    return presentScore({
      meeting: ctx.m,
      rubric: ctx.rubric,
      evidence: ctx.evidence,
      row,
      names,
      can: {
        selfScore:
          !decided && ctx.m.status === "held" && can(actor, "meeting.write", ctx.m.unitPath),
        decide: !decided && scoreDecider(actor, ctx.m.unitPath, ctx.visitors) !== null,
      },
    });
  }

  /** Checks the answers: each counting item answered, in range, a changed item with its reason. */
  function checked(
    rubric: Rubric,
    evidence: EvidenceValues,
    items: SelfScoreInput["items"],
    reasonsAgainst: ScoreItems | null,
  ) {
    const answers = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.points]));
    const sheet = scoreSheet(rubric, answers, evidence);
    const problems: ErrorDetail[] = [...sheet.problems];
    for (const key of sheet.missing)
      problems.push({ path: `items.${key}.points`, message: "Chưa chấm điểm tiêu chí này" });
    if (reasonsAgainst === null) problems.push(...reasonProblems(rubric, evidence, items));
    else
      for (const [key, item] of Object.entries(items)) {
        const before = reasonsAgainst[key];
        if (before && before.points !== item.points && (item.reason ?? "").trim() === "")
          problems.push({
            path: `items.${key}.reason`,
            message: "Cần ghi lý do khi điều chỉnh điểm chi bộ tự chấm",
          });
      }
    if (problems.length > 0) fail(problems.map(body));
    const stored: ScoreItems = {};
    for (const [k, v] of Object.entries(items)) {
      const reason = (v.reason ?? "").trim();
      // An item kept as the cell scored it keeps the cell's reason.
      const before = reasonsAgainst?.[k];
      const kept = before?.points === v.points ? (before.reason ?? null) : null;
      stored[k] = { points: v.points, reason: reason !== "" ? reason : kept };
    }
    return { sheet, stored, answers };
  }

  function checkVersion(row: ScoreRow | undefined, version: number | undefined) {
    if (version !== undefined && row && row.version !== version)
      throw new AppError(
        409,
        "stale_version",
        "Điểm của cuộc họp vừa được người khác cập nhật: tải lại để xem bản mới nhất",
      );
  }

  type Loaded = Awaited<ReturnType<typeof load>>;

  /** Only a held meeting is scored, and a decision is final. */
  function assertOpen(ctx: Loaded, version: number | undefined, decidedMessage: string) {
    if (ctx.m.status !== "held")
      throw new AppError(409, "meeting_state", "Chỉ chấm điểm cuộc họp đã tổ chức xong");
    if (ctx.row?.decidedAt != null) throw conflict("score_decided", decidedMessage);
    checkVersion(ctx.row, version);
  }

  /** The first write of a meeting's score copies the rubric in, so a revision never changes it. */
  async function upsert(
    actor: Actor,
    ctx: Loaded,
    values: Partial<ScoreInsert> & Pick<ScoreInsert, "evidence">,
  ) {
    const { m, row, rubric, repo } = ctx;
    if (row) await repo.updateScore(actor.tenantId, m.id, values);
    else
      await repo.insertScore({
        tenantId: actor.tenantId,
        meetingId: m.id,
        unitId: m.unitId,
        unitPath: m.unitPath,
        meetingDate: m.heldOn ?? m.date,
        rubricCode: rubric.code,
        rubricVersion: rubric.version,
        rubric,
        ...values,
      });
  }

  return {
    /**
     * A dry run (tenant.configure): every held meeting of the tenant the rubric applies to (kind, unit
     * type, held within its validity and the asked range; with `force`, every held meeting of its
     * kinds in the range) scored with the evidence-supported answers. Writes nothing: stored scores
     * are never changed by a revision.
     */
    async rescore(
      actor: Actor,
      code: string,
      version: number,
      query: RescoreQuery,
    ): Promise<RescoreDto> {
      const rubrics = createRubricsRepository(db);
      const root = await rubrics.rootPath(actor.tenantId);
      if (root === undefined) throw notFound("tenant");
      if (!can(actor, "tenant.configure", root))
        throw forbidden("Chỉ quản trị của tỉnh mới chấm thử lại các cuộc họp theo bảng điểm");
      const rubric =
        SHIPPED_RUBRICS.find((r) => r.code === code && r.version === version) ??
        (await rubrics.one(actor.tenantId, code, version));
      if (!rubric) throw new AppError(404, "not_found", "Không tìm thấy bảng điểm");
      if (query.from !== undefined && query.to !== undefined && query.from > query.to)
        throw invalid("querystring.to", "Ngày kết thúc phải sau ngày bắt đầu");
      let from = query.from ?? null;
      let to = query.to ?? null;
      if (!query.force) {
        if (from === null || from < rubric.validFrom) from = rubric.validFrom;
        if (rubric.validTo !== null && (to === null || to > rubric.validTo)) to = rubric.validTo;
      }
      const counts = { tot: 0, kha: 0, trung_binh: 0, kem: 0 };
      const out: RescoreDto = {
        code,
        version,
        from,
        to,
        force: query.force,
        meetings: 0,
        counts,
        totShare: null,
        decided: 0,
        changed: 0,
      };
      if (from !== null && to !== null && from > to) return out;

      const settings = await rubrics.tenantSettings(actor.tenantId);
      const rules = resolveMeetingRules(meetingOverrides(settings));
      const supervision = resolveSupervisionRules(supervisionOverrides(settings));
      const templates = storedTemplates(settings);
      const batchRepo = createEvidenceBatchRepository(db);
      const set = {
        kinds: rubric.meetingKinds,
        ...(from !== null ? { from } : {}),
        ...(to !== null ? { to } : {}),
      };
      const span = await batchRepo.span(actor.tenantId, set);
      const decided = await createScoresRepository(db).decidedLevels(actor.tenantId);
      // A few months at a time: the same handful of set-based reads for each, the memory bounded.
      for (
        let start = span?.from ?? "9999-12-31";
        span !== null && start <= span.to;
        start = addDays(monthEnd(addMonths(`${start.slice(0, 7)}-01`, RESCORE_MONTHS - 1)), 1)
      ) {
        const last = monthEnd(addMonths(`${start.slice(0, 7)}-01`, RESCORE_MONTHS - 1));
        const batch = await batchRepo.facts(
          actor.tenantId,
          { ...set, from: start, to: last < span.to ? last : span.to },
          templates,
        );
        for (const m of batch.meetings) {
          if (!query.force && !rubricApplies(rubric, m.kind, m.unitType, m.heldOn ?? m.date))
            continue;
          const facts = batch.facts.get(m.id);
          if (!facts) continue;
          const evidence = meetingEvidence(facts, rules, supervision);
          const level = scoreSheet(rubric, prefillAnswers(rubric, evidence), evidence).level;
          counts[level] += 1;
          out.meetings += 1;
          const before = decided.get(m.id);
          if (before !== undefined) {
            out.decided += 1;
            if (before !== level) out.changed += 1;
          }
        }
      }
      out.totShare = out.meetings === 0 ? null : counts.tot / out.meetings;
      return out;
    },

    async get(actor: Actor, meetingId: string): Promise<ScoreDto> {
      const ctx = await load(db, actor, meetingId);
      return present(db, actor, ctx, ctx.row);
    },

    async selfScore(actor: Actor, meetingId: string, input: SelfScoreInput): Promise<ScoreDto> {
      return db.transaction(async (tx) => {
        const ctx = await load(tx, actor, meetingId, true);
        const { m, row, rubric, evidence, repo } = ctx;
        authorize(actor, "meeting.write", m.unitPath, "meeting", "meeting.read");
        assertOpen(
          ctx,
          input.version,
          "Điểm của cuộc họp đã được cấp trên quyết định, không sửa được",
        );
        const { sheet, stored, answers } = checked(rubric, evidence, input.items, null);
        const flagged = overClaims(rubric, evidence, answers).length > 0;
        const now = clock.now();
        const values = {
          evidence,
          selfItems: stored,
          selfTotal: sheet.total,
          selfLevel: sheet.level,
          selfBy: actor.userId,
          selfAt: now,
          flagged,
        };
        await upsert(actor, ctx, values);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "score.self",
          entity: "meeting",
          entityId: m.id,
          unitPath: m.unitPath,
          before: row ? { items: row.selfItems, total: row.selfTotal, level: row.selfLevel } : null,
          after: {
            rubric: `${rubric.code}@${rubric.version}`,
            items: stored,
            total: sheet.total,
            level: sheet.level,
            flagged,
          },
        });
        const after = await repo.score(actor.tenantId, m.id);
        return present(tx, actor, ctx, after);
      });
    },

    async decide(actor: Actor, meetingId: string, input: DecisionInput): Promise<ScoreDto> {
      return db.transaction(async (tx) => {
        const ctx = await load(tx, actor, meetingId, true);
        const { m, row, rubric, repo } = ctx;
        const as = scoreDecider(actor, m.unitPath, ctx.visitors);
        if (as === null)
          throw forbidden(
            ctx.visitors.length > 0
              ? "Chỉ đồng chí cấp trên dự sinh hoạt mới quyết định điểm của cuộc họp này"
              : "Chỉ cấp ủy cấp trên mới quyết định điểm của chi bộ",
          );
        assertOpen(
          ctx,
          input.version,
          "Điểm của cuộc họp đã được quyết định; quyết định là cuối cùng",
        );
        // Evidence again at the decision.
        const evidence = await evidenceOf(tx, actor.tenantId, m);
        ctx.evidence = evidence;
        const { sheet, stored } = checked(rubric, evidence, input.items, row?.selfItems ?? null);
        const now = clock.now();
        const values = {
          evidence,
          decidedItems: stored,
          decidedTotal: sheet.total,
          decidedLevel: sheet.level,
          decidedBy: actor.userId,
          decidedAs: as,
          decidedAt: now,
        };
        await upsert(actor, ctx, values);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "score.decide",
          entity: "meeting",
          entityId: m.id,
          unitPath: m.unitPath,
          before: row ? { items: row.selfItems, total: row.selfTotal, level: row.selfLevel } : null,
          after: {
            rubric: `${rubric.code}@${rubric.version}`,
            items: stored,
            total: sheet.total,
            level: sheet.level,
            as,
          },
        });
        const after = await repo.score(actor.tenantId, m.id);
        return present(tx, actor, ctx, after);
      });
    },

    async unitScores(actor: Actor, unitId: string, year: number): Promise<UnitScoresDto> {
      const repo = createScoresRepository(db);
      const unit = await repo.unit(actor.tenantId, unitId);
      authorize(actor, "meeting.read", unit?.path, "unit");
      if (!unit) throw notFound("unit");
      const [cells, rows, rules] = await Promise.all([
        repo.cells(actor.tenantId, unit.path),
        repo.regularLevels(actor.tenantId, unit.path, year),
        loadMeetingRules(db, actor.tenantId),
      ]);
      const today = clock.today();
      const counts = { tot: 0, kha: 0, trung_binh: 0, kem: 0 };
      let rated = 0;
      let tot = 0;
      const byCell = new Map<string, typeof rows>();
      for (const r of rows) {
        const list = byCell.get(r.unitId);
        if (list) list.push(r);
        else byCell.set(r.unitId, [r]);
      }
      const out = cells.map((c) => {
        const own = byCell.get(c.id) ?? [];
        const y = cellYearSoFar(
          own.map((r) => ({
            period: r.period ?? r.date.slice(0, 7),
            decided: r.decidedLevel,
            held: r.status === "held",
          })),
          year,
          today,
          rules,
        );
        const months = own.map((r) => {
          const level = r.decidedLevel ?? r.selfLevel ?? null;
          if (level !== null) counts[level] += 1;
          return {
            period: r.period ?? r.date.slice(0, 7),
            meetingId: r.meetingId,
            level,
            selfOnly: r.decidedLevel === null && r.selfLevel !== null,
          };
        });
        const latest = [...months].reverse().find((x) => x.level !== null && !x.selfOnly);
        if (latest) {
          rated += 1;
          if (latest.level === "tot") tot += 1;
        }
        return { unitId: c.id, name: c.name, months, yearStatus: y.status, yearTot: y.tot };
      });
      return {
        year,
        cells: out,
        counts,
        totShare: rated === 0 ? null : tot / rated,
        yearly: yearSummary(
          out.map((c) => c.yearStatus),
          year,
          rules,
        ),
      };
    },

    /** Decisions waiting for the caller: their committees' subtrees below them, their attended visits. */
    async pending(actor: Actor): Promise<ScoreListDto> {
      const repo = createScoresRepository(db);
      const roots = scopeRoots(actor, "meeting.write");
      const visited = await repo.visitedMeetings(actor.tenantId, actor.userId);
      const rows = await repo.undecided(actor.tenantId, roots, visited, false, true);
      const items = [];
      for (const r of rows) {
        const as = visited.includes(r.meetingId) ? ("visitor" as const) : ("committee" as const);
        items.push({ ...r, as });
      }
      return { items: items.map(({ unitPath: _p, ...rest }) => rest) };
    },

    /** Self-scores above the evidence, undecided, in the caller's subtree. */
    async flagged(actor: Actor): Promise<ScoreListDto> {
      const repo = createScoresRepository(db);
      const roots = scopeRoots(actor, "meeting.alerts");
      const rows = await repo.undecided(actor.tenantId, roots, [], true, false);
      return {
        items: rows.map(({ unitPath: _p, ...rest }) => ({ ...rest, as: "committee" as const })),
      };
    },
  };
}

export type ScoresService = ReturnType<typeof createScoresService>;
