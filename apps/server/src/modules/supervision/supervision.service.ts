import {
  activeOn,
  assignmentProblems,
  canMoveVisit,
  followerGrant,
  followerRule,
  isReportOverdue,
  quarterRange,
  reportProblems,
  searchTerms,
  SUPERVISION_CANDIDATES_MAX,
  visitorCommitteePath,
  visitorCompliance,
  visitPlanProblems,
  type ErrorDetail,
  type FollowTarget,
  type MeetingLevel,
  type SupervisionAssignmentDto,
  type SupervisionCandidateDto,
  type SupervisionAssignmentInput,
  type VisitDto,
  type VisitorComplianceDto,
  type VisitPlanInput,
  type VisitReportInput,
  type VisitState,
} from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { loadDocumentSettings } from "../../lib/document-settings.js";
import { loadSupervisionRules } from "../../lib/meeting-rules.js";
import {
  can,
  mayAssignFollowers,
  mayReadVisitReport,
  mayViewVisit,
  visitListScope,
  type Actor,
} from "../../policy/policy.js";
import { createComplianceService } from "../compliance/compliance.service.js";
import {
  presentAssignment,
  presentMeeting,
  presentVisit,
  visitDay,
} from "./supervision.presenter.js";
import {
  createSupervisionRepository,
  type UnitRow,
  type VisitRow,
} from "./supervision.repository.js";
import { buildQuarterlyNoticeDocx, type QuarterlyNotice } from "./quarterly-notice-docx.js";

/**
 * One answer for a visit that does not exist and for one the caller may not see: the same status, code
 * and words, so nobody in a visited cell can tell a planned visit from a random id.
 */
const visitNotFound = () => new AppError(404, "not_found", "Không tìm thấy lượt dự sinh hoạt");
const assignmentNotFound = () =>
  new AppError(404, "not_found", "Không tìm thấy phân công theo dõi chi bộ");

const asCell = (path: string): FollowTarget => ({ path, kind: "cell" });

/** What the actor may see of a visit row (the policy module decides). */
function visibleRow(actor: Actor, row: VisitRow) {
  const v = {
    visitorUserId: row.visitorUserId,
    visitorUnitPath: row.visitorUnitPath,
    cellPath: row.unitPath,
    state: row.state,
  };
  return { visible: mayViewVisit(actor, v), report: mayReadVisitReport(actor, v) };
}

const lastId = (path: string) => path.split("/").filter(Boolean).at(-1) ?? "";

const prefixed = (problems: ErrorDetail[], map: Record<string, string>) =>
  problems.map((p) => ({ ...p, path: map[p.path] ?? `body.${p.path}` }));

function unprocessable(problems: ErrorDetail[]): AppError {
  return new AppError(
    422,
    "validation_failed",
    problems[0]?.message ?? "Dữ liệu không hợp lệ",
    problems,
  );
}

const HELD = new Set([
  "held_on_day",
  "held_early",
  "postponed_held",
  "postponed_held_late",
  "late_without_notice",
]);
const LATE = new Set(["late_without_notice", "postponed_held_late"]);
const MISSED = new Set(["missed", "postponed_missed"]);
const NOT_DUE = new Set(["upcoming", "postponed_upcoming"]);

export function createSupervisionService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createSupervisionRepository(db);
  const compliance = createComplianceService({ db, clock });

  async function reportDays(tenantId: string): Promise<number> {
    return (await loadSupervisionRules(db, tenantId)).reportDays;
  }

  async function readableUnit(actor: Actor, id: string): Promise<UnitRow> {
    const unit = await repo.findUnit(actor.tenantId, id);
    if (!unit || !can(actor, "unit.read", unit.path)) throw notFound("unit");
    return unit;
  }

  function authorizeAbove(actor: Actor, target: FollowTarget): void {
    if (!mayAssignFollowers(actor, target)) throw forbidden();
  }

  /** The visit, if the actor may see it; otherwise exactly the answer for a visit that does not exist. */
  async function loadVisit(actor: Actor, id: string) {
    const row = await repo.findVisit(actor.tenantId, id);
    if (!row) throw visitNotFound();
    const seen = visibleRow(actor, row);
    if (!seen.visible) throw visitNotFound();
    return { row, withReport: seen.report };
  }

  /** Commands on a visit are the visitor's own. */
  async function ownVisit(actor: Actor, id: string, to: VisitState, wrongState: string) {
    const { row } = await loadVisit(actor, id);
    if (row.visitorUserId !== actor.userId) throw forbidden();
    if (!canMoveVisit(row.state, to)) throw conflict("visit_state", wrongState);
    return row;
  }

  async function present(actor: Actor, id: string): Promise<VisitDto> {
    const { row, withReport } = await loadVisit(actor, id);
    return presentVisit(row, {
      today: clock.today(),
      reportDays: await reportDays(actor.tenantId),
      withReport,
    });
  }

  async function complianceOf(
    tenantId: string,
    unit: UnitRow,
    year: number,
    quarter: number,
  ): Promise<VisitorComplianceDto> {
    const { from, to } = quarterRange(year, quarter);
    const [assignments, counted, days] = await Promise.all([
      repo.assignmentsUnder(tenantId, unit.path),
      repo.countedVisitsUnder(tenantId, unit.path, from, to),
      reportDays(tenantId),
    ]);
    const userNames = new Map<string, string>();
    const unitNames = new Map<string, string>();
    for (const a of assignments) {
      userNames.set(a.userId, a.userName);
      unitNames.set(a.unitId, a.unitName);
    }
    for (const v of counted) {
      userNames.set(v.visitorUserId, v.visitorName);
      unitNames.set(v.unitId, v.unitName);
    }
    const result = visitorCompliance(
      assignments,
      counted.map((v) => ({
        visitorUserId: v.visitorUserId,
        unitId: v.unitId,
        meetingDate: visitDay(v),
        state: v.state,
        reportedOn: v.reportedOn,
      })),
      year,
      quarter,
      days,
    );
    return {
      unitId: unit.id,
      year,
      quarter,
      rows: result.rows.map((r) => ({
        ...r,
        userName: userNames.get(r.userId) ?? "",
        unitName: unitNames.get(r.unitId) ?? "",
      })),
      totals: result.totals,
    };
  }

  return {
    // ——— Assignments ———

    /** Who follows which cell of the subtree, current and past. */
    async assignments(actor: Actor, unitId: string): Promise<SupervisionAssignmentDto[]> {
      const unit = await readableUnit(actor, unitId);
      if (!can(actor, "meeting.write", unit.path) && !can(actor, "meeting.alerts", unit.path)) {
        throw forbidden();
      }
      const today = clock.today();
      const rows = await repo.assignmentsUnder(actor.tenantId, unit.path);
      return rows.map((r) => presentAssignment(r, today));
    },

    async assign(
      actor: Actor,
      input: SupervisionAssignmentInput,
    ): Promise<SupervisionAssignmentDto> {
      const cell = await readableUnit(actor, input.unitId);
      // As a cell whatever its kind: a committee's own unit is not above itself (403 before 422).
      authorizeAbove(actor, asCell(cell.path));
      if (cell.kind !== "cell") {
        throw invalid("body.unitId", "Chỉ phân công theo dõi chi bộ", "not_a_cell");
      }
      const assignment = {
        userId: input.userId,
        unitId: cell.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        visitsPerQuarter: input.visitsPerQuarter,
      };
      const problems = prefixed(assignmentProblems(assignment), {});
      const user = await repo.findUser(actor.tenantId, input.userId);
      if (!user?.active) {
        problems.push({ path: "body.userId", message: "Không tìm thấy người dùng" });
      } else {
        const grant = followerGrant(
          { grants: await repo.userGrants(actor.tenantId, user.id), memberPath: user.memberPath },
          cell,
        );
        if (grant === "insider") {
          problems.push({
            path: "body.userId",
            message: "Không phân công theo dõi chi bộ mà người đó là đảng viên hoặc cấp ủy viên",
          });
        } else if (grant === "not_above") {
          problems.push({
            path: "body.userId",
            message: "Người được phân công phải là cấp ủy viên hoặc cán bộ của cấp ủy cấp trên",
          });
        }
      }
      if (problems.length > 0) throw unprocessable(problems);
      const id = await db.transaction(async (tx) => {
        const r = createSupervisionRepository(tx);
        const newId = await r.insertAssignment({
          tenantId: actor.tenantId,
          ...assignment,
          unitPath: cell.path,
          createdBy: actor.userId,
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "supervision_assignment.create",
          entity: "supervision_assignment",
          entityId: newId,
          unitPath: cell.path,
          after: assignment,
        });
        return newId;
      });
      const row = await repo.findAssignment(actor.tenantId, id);
      if (!row) throw assignmentNotFound();
      return presentAssignment(row, clock.today());
    },

    async endAssignment(
      actor: Actor,
      id: string,
      endsOn: string,
    ): Promise<SupervisionAssignmentDto> {
      const row = await repo.findAssignment(actor.tenantId, id);
      if (!row || !can(actor, "unit.read", row.unitPath)) throw assignmentNotFound();
      authorizeAbove(actor, asCell(row.unitPath));
      const problems = assignmentProblems({ ...row, endsOn });
      if (problems.some((p) => p.path === "endsOn")) {
        throw unprocessable(
          prefixed(
            problems.filter((p) => p.path === "endsOn"),
            {},
          ),
        );
      }
      await db.transaction(async (tx) => {
        await createSupervisionRepository(tx).endAssignment(actor.tenantId, id, endsOn);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "supervision_assignment.end",
          entity: "supervision_assignment",
          entityId: id,
          unitPath: row.unitPath,
          before: { endsOn: row.endsOn },
          after: { endsOn },
        });
      });
      return presentAssignment({ ...row, endsOn }, clock.today());
    },

    /**
     * People who may be assigned to follow the cells of the unit (a committee, or one cell): the
     * follower rule of `assign`, for whoever may assign there. Only grants on units the caller reads
     * qualify, so no name from outside their subtree comes back.
     */
    async candidates(
      actor: Actor,
      unitId: string,
      q: string | undefined,
    ): Promise<SupervisionCandidateDto[]> {
      const unit = await readableUnit(actor, unitId);
      authorizeAbove(actor, unit);
      if (unit.kind === "group") {
        throw invalid("params.id", "Chỉ phân công theo dõi chi bộ", "not_a_cell");
      }
      const rule = followerRule(unit);
      const abovePaths = rule.abovePaths.filter((p) => can(actor, "unit.read", p));
      const rows = await repo.candidates(actor.tenantId, {
        ...rule,
        abovePaths,
        terms: searchTerms(q ?? ""),
        limit: SUPERVISION_CANDIDATES_MAX,
      });
      const grants = await repo.candidateGrants(
        actor.tenantId,
        rows.map((r) => r.id),
        rule.roles,
        abovePaths,
      );
      return rows.flatMap((r) => {
        const grant = followerGrant(
          { grants: grants.filter((g) => g.userId === r.id), memberPath: r.memberPath },
          unit,
        );
        return typeof grant === "string"
          ? []
          : [
              {
                userId: r.id,
                displayName: r.displayName,
                username: r.username,
                role: grant.role,
                unitId: grant.unitId,
                unitName: grant.unitName,
              },
            ];
      });
    },

    // ——— The visitor's own views ———

    async mine(actor: Actor): Promise<VisitDto[]> {
      const [rows, days] = await Promise.all([
        repo.visitsOf(actor.tenantId, actor.userId),
        reportDays(actor.tenantId),
      ]);
      const today = clock.today();
      return rows.map((r) => presentVisit(r, { today, reportDays: days, withReport: true }));
    },

    /** The caller's current assignments with the cells' registered days and next regular meetings. */
    async assignedCells(actor: Actor) {
      const today = clock.today();
      const rows = (await repo.assignmentsOf(actor.tenantId, actor.userId)).filter((a) =>
        activeOn(a, today),
      );
      const cells = await Promise.all(rows.map((a) => repo.findUnit(actor.tenantId, a.unitId)));
      const next = await repo.nextMeetings(
        actor.tenantId,
        [...new Set(rows.map((a) => a.unitId))],
        today,
      );
      return rows.map((a, i) => {
        const cell = cells[i];
        return {
          assignmentId: a.id,
          unitId: a.unitId,
          unitName: a.unitName,
          meetingDay: cell?.meetingDay ?? null,
          meetingTime: cell?.meetingTime ?? null,
          meetingPlace: cell?.meetingPlace ?? null,
          startsOn: a.startsOn,
          endsOn: a.endsOn,
          visitsPerQuarter: a.visitsPerQuarter,
          nextMeetings: next
            .filter((m) => m.unitId === a.unitId)
            .slice(0, 3)
            .map(presentMeeting),
        };
      });
    },

    // ——— Visits ———

    /**
     * Seed 000: the visitor plans the visit themselves, without telling the cell. Entitled by an
     * assignment to the cell or a committee grant above it; never an insider of the cell. The visit is
     * recorded under the visitor's own committee (the deepest of their grants above the cell), whose
     * committee roles alone see it until it is attended.
     */
    async plan(actor: Actor, input: VisitPlanInput): Promise<VisitDto> {
      const cell = await readableUnit(actor, input.unitId);
      if (cell.kind !== "cell") {
        throw invalid("body.unitId", "Chỉ đi dự sinh hoạt tại chi bộ", "not_a_cell");
      }
      const today = clock.today();
      const problems = prefixed(
        visitPlanProblems({
          visitor: actor,
          cellPath: cell.path,
          meetingDate: input.plannedOn,
          today,
        }),
        { unitId: "body.unitId", meetingDate: "body.plannedOn" },
      );
      if (problems.length > 0) throw unprocessable(problems);
      const assigned = (await repo.assignmentsOf(actor.tenantId, actor.userId)).some(
        (a) => a.unitId === cell.id && activeOn(a, input.plannedOn),
      );
      const visitorUnitPath = visitorCommitteePath(actor.grants, cell.path, assigned);
      if (visitorUnitPath === null) {
        throw forbidden("Bạn không được phân công theo dõi chi bộ này");
      }
      const meetingId = input.meetingId ?? null;
      if (meetingId) {
        const meeting = await repo.findMeeting(actor.tenantId, meetingId);
        if (meeting?.unitId !== cell.id) {
          throw invalid("body.meetingId", "Cuộc họp không thuộc chi bộ này");
        }
        if (!["planned", "postponed", "in_progress"].includes(meeting.status)) {
          throw invalid("body.meetingId", "Cuộc họp đã kết thúc hoặc đã hủy", "meeting_state");
        }
      }
      // No audit entry yet: the audit log is read by unit subtree (and by tenant-wide readers who may
      // belong to the cell), and a planned visit must not reach the cell through it or its counts.
      // The row keeps who planned it and when; "visit.plan" is written at "attend", after the fact.
      const id = await db.transaction(async (tx) => {
        const newId = await createSupervisionRepository(tx).insertVisit({
          tenantId: actor.tenantId,
          visitorUserId: actor.userId,
          visitorUnitPath,
          unitId: cell.id,
          unitPath: cell.path,
          meetingId,
          plannedOn: input.plannedOn,
          createdBy: actor.userId,
        });
        return newId;
      });
      return present(actor, id);
    },

    /** The visitor is at the meeting: from now on a guest of it, recorded in its minutes. */
    async attend(actor: Actor, id: string, meetingId: string): Promise<VisitDto> {
      const row = await ownVisit(
        actor,
        id,
        "attended",
        "Lượt dự sinh hoạt không còn ở trạng thái kế hoạch",
      );
      const meeting = await repo.findMeeting(actor.tenantId, meetingId);
      if (meeting?.unitId !== row.unitId) {
        throw invalid("body.meetingId", "Cuộc họp không thuộc chi bộ được dự");
      }
      if (meeting.status !== "held" && meeting.status !== "in_progress") {
        throw conflict(
          "meeting_state",
          "Chỉ ghi nhận dự sinh hoạt khi cuộc họp đang diễn ra hoặc đã kết thúc",
          "body.meetingId",
        );
      }
      const committee = await repo.findUnit(actor.tenantId, lastId(row.visitorUnitPath));
      const now = clock.now();
      await db.transaction(async (tx) => {
        const r = createSupervisionRepository(tx);
        const moved = await r.moveVisit(
          actor.tenantId,
          id,
          "planned",
          { state: "attended", meetingId, attendedAt: now },
          now,
        );
        if (!moved) throw conflict("visit_state", "Lượt dự sinh hoạt đã được cập nhật");
        await r.insertGuest({
          tenantId: actor.tenantId,
          meetingId,
          name: row.visitorName,
          title: committee?.name ?? null,
        });
        await recordAudit(tx, actor, actor.tenantId, [
          {
            action: "visit.plan",
            entity: "visit",
            entityId: id,
            unitPath: row.visitorUnitPath,
            after: { plannedOn: row.plannedOn, unitId: row.unitId },
          },
          {
            action: "visit.attend",
            entity: "visit",
            entityId: id,
            unitPath: row.unitPath,
            after: { state: "attended", meetingId, unitId: row.unitId },
          },
        ]);
      });
      return present(actor, id);
    },

    /** Like planning, cancelling writes no audit entry (the row keeps the reason and the time). */
    async cancel(actor: Actor, id: string, reason: string): Promise<VisitDto> {
      await ownVisit(actor, id, "cancelled", "Chỉ hủy được lượt dự sinh hoạt chưa diễn ra");
      const now = clock.now();
      await db.transaction(async (tx) => {
        const moved = await createSupervisionRepository(tx).moveVisit(
          actor.tenantId,
          id,
          "planned",
          { state: "cancelled", cancelledReason: reason },
          now,
        );
        if (!moved) throw conflict("visit_state", "Lượt dự sinh hoạt đã được cập nhật");
      });
      return present(actor, id);
    },

    /** Seed 000: the report's nine parts, all required; filed once, after attending. */
    async report(actor: Actor, id: string, input: VisitReportInput): Promise<VisitDto> {
      const row = await ownVisit(
        actor,
        id,
        "reported",
        "Chỉ báo cáo sau khi đã dự sinh hoạt, và chỉ một lần",
      );
      const problems = reportProblems(input);
      if (problems.length > 0) throw unprocessable(problems);
      const now = clock.now();
      const today = clock.today();
      await db.transaction(async (tx) => {
        const moved = await createSupervisionRepository(tx).moveVisit(
          actor.tenantId,
          id,
          "attended",
          { state: "reported", report: input, reportedAt: now, reportedOn: today },
          now,
        );
        if (!moved) throw conflict("visit_state", "Lượt dự sinh hoạt đã được cập nhật");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "visit.report",
          entity: "visit",
          entityId: id,
          unitPath: row.visitorUnitPath,
          after: { state: "reported", reportedOn: today },
        });
      });
      return present(actor, id);
    },

    get: present,

    /**
     * Visits to cells of the subtree in a quarter, filtered in SQL and again by mayViewVisit. Planned
     * and cancelled visits appear only through a committee, org_board or inspector grant on the
     * visitor's committee (PLANNED_VISIT_ROLES — not admin), and never to one of the visited cell (a
     * grant inside it, or their member record there), whatever else they hold.
     */
    async unitVisits(
      actor: Actor,
      unitId: string,
      year: number,
      quarter: number,
    ): Promise<VisitDto[]> {
      const unit = await readableUnit(actor, unitId);
      const { from, to } = quarterRange(year, quarter);
      const [rows, days] = await Promise.all([
        repo.visitsUnder(actor.tenantId, unit.path, from, to, visitListScope(actor)),
        reportDays(actor.tenantId),
      ]);
      const today = clock.today();
      return rows.flatMap((r) => {
        const seen = visibleRow(actor, r);
        return seen.visible
          ? [presentVisit(r, { today, reportDays: days, withReport: seen.report })]
          : [];
      });
    },

    async visitorCompliance(
      actor: Actor,
      unitId: string,
      year: number,
      quarter: number,
    ): Promise<VisitorComplianceDto> {
      const unit = await readableUnit(actor, unitId);
      if (!can(actor, "meeting.alerts", unit.path)) throw forbidden();
      return complianceOf(actor.tenantId, unit, year, quarter);
    },

    /** Attended visits whose report is past due (attended visits are no longer secret). */
    async overdueReports(actor: Actor, unitId: string): Promise<VisitDto[]> {
      const unit = await readableUnit(actor, unitId);
      if (!can(actor, "meeting.alerts", unit.path)) throw forbidden();
      const [rows, days] = await Promise.all([
        repo.attendedUnder(actor.tenantId, unit.path),
        reportDays(actor.tenantId),
      ]);
      const today = clock.today();
      return rows
        .filter((r) => isReportOverdue({ state: r.state, meetingDate: visitDay(r) }, today, days))
        .map((r) => {
          const seen = visibleRow(actor, r);
          return presentVisit(r, { today, reportDays: days, withReport: seen.report });
        });
    },

    /** documents.md "Reports and notices": the grassroots committee's quarterly notice. */
    async quarterlyNotice(
      actor: Actor,
      unitId: string,
      year: number,
      quarter: number,
    ): Promise<{ fileName: string; data: Buffer }> {
      const unit = await readableUnit(actor, unitId);
      if (!can(actor, "meeting.write", unit.path)) throw forbidden();
      if (unit.kind === "cell") {
        throw invalid("params.id", "Thông báo quý là của đảng ủy cơ sở", "not_a_cell");
      }
      const { from, to } = quarterRange(year, quarter);
      const [yearly, visitors, levels, settings, parent] = await Promise.all([
        compliance.compliance(actor, unit.id, year),
        complianceOf(actor.tenantId, unit, year, quarter),
        repo.levelCounts(actor.tenantId, unit.path, from, to),
        loadDocumentSettings(db, actor.tenantId),
        unit.parentId ? repo.findUnit(actor.tenantId, unit.parentId) : Promise.resolve(undefined),
      ]);
      const monthIdx = [0, 1, 2].map((i) => (quarter - 1) * 3 + i);
      const levelCounts: Partial<Record<MeetingLevel, number>> = {};
      for (const l of levels) levelCounts[l.level] = (levelCounts[l.level] ?? 0) + 1;
      const visitorsByCell = new Map<string, string[]>();
      for (const r of visitors.rows) {
        if (r.attended > 0) {
          visitorsByCell.set(r.unitId, [...(visitorsByCell.get(r.unitId) ?? []), r.userName]);
        }
      }
      const cells = yearly.cells.map((c) => {
        const months = monthIdx.map((i) => c.months[i]);
        const states = months.map((m) => m?.state ?? null);
        const rates = months
          .map((m) => (m?.state && HELD.has(m.state) ? m.attendanceRate : null))
          .filter((r): r is number => r !== null);
        const monthLevels = months.map((m) => {
          const score = levels.find(
            (l) => l.unitId === c.unitId && l.meetingDate.slice(0, 7) === m?.month,
          );
          return score ? { level: score.level, total: score.total } : null;
        });
        return {
          name: c.name,
          held: states.filter((s) => s !== null && HELD.has(s)).length,
          due: states.filter((s) => s !== null && !NOT_DUE.has(s)).length,
          late: states.filter((s) => s !== null && LATE.has(s)).length,
          missed: states.filter((s) => s !== null && MISSED.has(s)).length,
          thematicHeld: c.quarters[quarter - 1]?.held ?? 0,
          attendanceRate:
            rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0) / rates.length,
          levels: monthLevels,
          visitors: visitorsByCell.get(c.unitId) ?? [],
        };
      });
      const rates = cells.map((c) => c.attendanceRate).filter((r): r is number => r !== null);
      const notice: QuarterlyNotice = {
        header: {
          superiorName: parent?.name ?? "",
          issuerName: unit.name.replace(/^đảng bộ/iu, "Đảng ủy"),
          number: "   -TB/ĐU",
          place: settings.place,
          date: clock.today(),
        },
        layout: settings.layout,
        year,
        quarter,
        months: monthIdx.map((i) => i + 1),
        cells,
        totals: {
          cells: cells.length,
          held: cells.reduce((a, c) => a + c.held, 0),
          due: cells.reduce((a, c) => a + c.due, 0),
          thematicHeld: cells.reduce((a, c) => a + c.thematicHeld, 0),
          attendanceRate:
            rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0) / rates.length,
          levels: levelCounts,
          lateCells: cells.filter((c) => c.late > 0).map((c) => c.name),
          missedCells: cells.filter((c) => c.missed > 0).map((c) => c.name),
        },
        visitors,
      };
      const data = await buildQuarterlyNoticeDocx(notice);
      return { fileName: `thong-bao-quy-${quarter}-${year}.docx`, data };
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
