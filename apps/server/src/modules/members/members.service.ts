import { randomUUID } from "node:crypto";
import {
  isWithin,
  memberDateProblems,
  memberStatusOf,
  MEMBER_FIELD_KEYS,
  nameSortKey,
  normalizeName,
  periodsOverlap,
  searchPatterns,
  personSearchText,
  type CreateMemberInput,
  type ExemptionInput,
  type ImportReportDto,
  type LeaveInput,
  type ListMembersQuery,
  type MemberDto,
  type MemberEventDto,
  type MemberPageDto,
  type PositionInput,
  type TransferInput,
  type UpdateMemberInput,
} from "@chibo/domain";
import type { Db, DbOrTx } from "../../db/client.js";
import { AppError, conflict, invalid, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import { addDays, type Clock } from "../../lib/clock.js";
import { authorize, can, scopeRoots, type Actor } from "../../policy/policy.js";
import { presentMember, presentMemberSummary } from "./members.presenter.js";
import {
  createMembersRepository,
  type MemberInsert,
  type MemberRow,
} from "./members.repository.js";
import { exportMembersWorkbook, parseMemberWorkbook } from "./members.xlsx.js";

type MemberFields = Omit<CreateMemberInput, "unitId">;

/** Derived columns: Vietnamese sort key, folded search text, status from the official date. */
function derived(f: Pick<MemberRow, "fullName" | "birthName" | "cardNumber" | "officialDate">) {
  return {
    fullName: normalizeName(f.fullName),
    sortKey: nameSortKey(f.fullName),
    searchText: personSearchText(f.fullName, f.birthName, f.cardNumber),
    status: memberStatusOf(f.officialDate),
  };
}

function fieldsToRow(f: Partial<MemberFields>): Partial<MemberInsert> {
  const out: Partial<MemberInsert> = {};
  for (const k of MEMBER_FIELD_KEYS) {
    const v = f[k];
    if (v !== undefined) Object.assign(out, { [k]: v });
  }
  return out;
}

function snapshot(m: MemberRow) {
  const { sortKey: _s, searchText: _t, createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}

export function createMembersService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createMembersRepository(db);

  async function loadMember(
    r: ReturnType<typeof createMembersRepository>,
    actor: Actor,
    id: string,
  ) {
    const member = await r.find(actor.tenantId, id);
    if (!member) throw notFound("member");
    authorize(actor, "member.read", member.unitPath, "member", "member.read");
    return member;
  }

  /** A member may be written where the actor keeps members; readers get 403, others 404. */
  async function loadForWrite(tx: DbOrTx, actor: Actor, id: string) {
    const r = createMembersRepository(tx);
    const member = await r.find(actor.tenantId, id);
    if (!member) throw notFound("member");
    authorize(actor, "member.write", member.unitPath, "member", "member.read");
    return { r, member };
  }

  async function loadCell(
    r: ReturnType<typeof createMembersRepository>,
    actor: Actor,
    unitId: string,
    path: string,
  ) {
    const unit = await r.unit(actor.tenantId, unitId);
    if (!unit) throw notFound("unit");
    authorize(actor, "member.write", unit.path, "unit");
    if (unit.kind !== "cell") throw invalid(path, "Đảng viên phải thuộc một chi bộ", "not_a_cell");
    if (!unit.active) throw conflict("unit_inactive", "Chi bộ đã ngừng hoạt động", path);
    return unit;
  }

  function requireActive(m: MemberRow) {
    if (m.leftOn !== null) {
      throw conflict("member_inactive", "Đảng viên đã ra khỏi danh sách chi bộ");
    }
  }

  async function detail(actor: Actor, member: MemberRow): Promise<MemberDto> {
    const [unit, exemptions, positions] = await Promise.all([
      repo.unit(actor.tenantId, member.unitId),
      repo.exemptionsOf(actor.tenantId, member.id),
      repo.positionsOf(actor.tenantId, member.id),
    ]);
    return presentMember(
      member,
      { unitName: unit?.name ?? "", exemptions, positions },
      {
        write: can(actor, "member.write", member.unitPath),
        readPrivate: can(actor, "member.read_private", member.unitPath),
      },
    );
  }

  async function event(
    tx: DbOrTx,
    actor: Actor,
    member: MemberRow,
    kind: Parameters<ReturnType<typeof createMembersRepository>["insertEvents"]>[0][number]["kind"],
    date: string,
    extra: {
      fromUnitId?: string | null;
      toUnitId?: string | null;
      note?: string | null;
      data?: Record<string, unknown>;
    } = {},
  ) {
    await createMembersRepository(tx).insertEvents([
      {
        tenantId: actor.tenantId,
        memberId: member.id,
        kind,
        date,
        fromUnitId: extra.fromUnitId ?? null,
        toUnitId: extra.toUnitId ?? null,
        note: extra.note ?? null,
        data: extra.data ?? null,
        actorUserId: actor.userId,
      },
    ]);
  }

  async function ensureCardFree(
    r: ReturnType<typeof createMembersRepository>,
    tenantId: string,
    card: string | null | undefined,
    exceptId?: string,
  ) {
    if (card && (await r.cardTaken(tenantId, card, exceptId))) {
      throw conflict(
        "card_number_taken",
        "Số thẻ đảng viên đã có trong danh sách",
        "body.cardNumber",
      );
    }
  }

  async function updateAndAudit(
    tx: DbOrTx,
    actor: Actor,
    member: MemberRow,
    patch: Partial<MemberInsert>,
    action: string,
  ): Promise<MemberRow> {
    const updated = await createMembersRepository(tx).update(
      actor.tenantId,
      member.id,
      member.version,
      patch,
    );
    if (!updated) throw conflict("stale_version", "Hồ sơ đã được người khác sửa, vui lòng tải lại");
    await recordAudit(tx, actor, actor.tenantId, {
      action,
      entity: "member",
      entityId: member.id,
      unitPath: updated.unitPath,
      before: snapshot(member),
      after: snapshot(updated),
    });
    return updated;
  }

  return {
    async list(actor: Actor, q: ListMembersQuery): Promise<MemberPageDto> {
      let unitPath: string | undefined;
      if (q.unitId) {
        const unit = await repo.unit(actor.tenantId, q.unitId);
        if (!unit) throw notFound("unit");
        authorize(actor, "member.read", unit.path, "unit", "member.read");
        unitPath = unit.path;
      }
      const { rows, total } = await repo.list({
        tenantId: actor.tenantId,
        roots: scopeRoots(actor, "member.read"),
        ...(unitPath ? { unitPath } : {}),
        patterns: q.q ? searchPatterns(q.q) : [],
        ...(q.status ? { status: q.status } : {}),
        ...(q.exempt ? { exempt: q.exempt } : {}),
        today: clock.today(),
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return {
        items: rows.map((r) =>
          presentMemberSummary(r, can(actor, "member.read_private", r.unitPath)),
        ),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string): Promise<MemberDto> {
      return detail(actor, await loadMember(repo, actor, id));
    },

    async history(actor: Actor, id: string): Promise<MemberEventDto[]> {
      const member = await loadMember(repo, actor, id);
      authorize(actor, "member.read_private", member.unitPath, "member", "member.read");
      const rows = await repo.events(actor.tenantId, id);
      return rows.map((e) => ({
        id: e.id,
        kind: e.kind,
        date: e.date,
        fromUnitName: e.fromUnitName,
        toUnitName: e.toUnitName,
        note: e.note,
        at: e.at.toISOString(),
      }));
    },

    async create(actor: Actor, input: CreateMemberInput): Promise<MemberDto> {
      const id = randomUUID();
      const member = await db.transaction(async (tx) => {
        const r = createMembersRepository(tx);
        const unit = await loadCell(r, actor, input.unitId, "body.unitId");
        await ensureCardFree(r, actor.tenantId, input.cardNumber);
        const row = {
          ...fieldsToRow(input),
          id,
          tenantId: actor.tenantId,
          unitId: unit.id,
          unitPath: unit.path,
          ...derived({
            fullName: input.fullName,
            birthName: input.birthName ?? null,
            cardNumber: input.cardNumber ?? null,
            officialDate: input.officialDate ?? null,
          }),
          gender: input.gender,
        } satisfies MemberInsert;
        await r.insert([row]);
        const created = await r.find(actor.tenantId, id);
        if (!created) throw new Error("member vanished after insert");
        await r.insertMemberships([
          { tenantId: actor.tenantId, memberId: id, unitId: unit.id, fromDate: input.joinDate },
        ]);
        await event(tx, actor, created, "created", clock.today(), { toUnitId: unit.id });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "member.create",
          entity: "member",
          entityId: id,
          unitPath: unit.path,
          after: snapshot(created),
        });
        return created;
      });
      return detail(actor, member);
    },

    async update(actor: Actor, id: string, input: UpdateMemberInput): Promise<MemberDto> {
      const member = await db.transaction(async (tx) => {
        const { r, member } = await loadForWrite(tx, actor, id);
        if (input.version !== member.version) {
          throw conflict("stale_version", "Hồ sơ đã được người khác sửa, vui lòng tải lại");
        }
        const { version: _v, ...fields } = input;
        const next: MemberRow = { ...member, ...fieldsToRow(fields) };
        const [problem] = memberDateProblems(next);
        if (problem) throw invalid(`body.${problem.path}`, problem.message);
        if (fields.cardNumber !== undefined)
          await ensureCardFree(r, actor.tenantId, fields.cardNumber, id);
        const patch = { ...fieldsToRow(fields), ...derived(next) };
        const updated = await updateAndAudit(tx, actor, member, patch, "member.update");
        if (member.status !== updated.status && updated.officialDate) {
          await event(tx, actor, updated, "made_official", updated.officialDate);
        }
        return updated;
      });
      return detail(actor, member);
    },

    /** Probationary → official (Charter art. 5: after 12 months of probation). */
    async makeOfficial(actor: Actor, id: string, officialDate: string): Promise<MemberDto> {
      const member = await db.transaction(async (tx) => {
        const { member } = await loadForWrite(tx, actor, id);
        requireActive(member);
        if (member.status === "official") {
          throw conflict("conflict", "Đảng viên đã là đảng viên chính thức");
        }
        if (member.joinDate && officialDate < member.joinDate) {
          throw invalid("body.officialDate", "Ngày chính thức không được trước ngày vào Đảng");
        }
        const updated = await updateAndAudit(
          tx,
          actor,
          member,
          { officialDate, status: "official" },
          "member.make_official",
        );
        await event(tx, actor, updated, "made_official", officialDate);
        return updated;
      });
      return detail(actor, member);
    },

    /** Miễn công tác và sinh hoạt đảng: decided by the cell with period and reason. */
    async exempt(actor: Actor, id: string, input: ExemptionInput): Promise<MemberDto> {
      const member = await db.transaction(async (tx) => {
        const { r, member } = await loadForWrite(tx, actor, id);
        requireActive(member);
        const existing = await r.exemptionsOf(actor.tenantId, id);
        const period = { from: input.from, to: input.to ?? null };
        if (existing.some((e) => periodsOverlap({ from: e.fromDate, to: e.toDate }, period))) {
          throw invalid("body.from", "Thời gian miễn sinh hoạt trùng với một quyết định đã có");
        }
        const created = await r.insertExemption({
          tenantId: actor.tenantId,
          memberId: id,
          fromDate: input.from,
          toDate: input.to ?? null,
          reason: input.reason,
        });
        await event(tx, actor, member, "exempted", input.from, { note: input.reason });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "member.exempt",
          entity: "exemption",
          entityId: created?.id ?? null,
          unitPath: member.unitPath,
          after: { memberId: id, ...period, reason: input.reason },
        });
        return member;
      });
      return detail(actor, member);
    },

    async endExemption(
      actor: Actor,
      id: string,
      exemptionId: string,
      to: string,
    ): Promise<MemberDto> {
      const member = await db.transaction(async (tx) => {
        const { r, member } = await loadForWrite(tx, actor, id);
        const exemption = (await r.exemptionsOf(actor.tenantId, id)).find(
          (e) => e.id === exemptionId,
        );
        if (!exemption) throw notFound("exemption");
        if (to < exemption.fromDate)
          throw invalid("body.to", "Ngày kết thúc không được trước ngày bắt đầu");
        await r.endExemption(actor.tenantId, exemptionId, to);
        await event(tx, actor, member, "exemption_ended", to);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "member.end_exemption",
          entity: "exemption",
          entityId: exemptionId,
          unitPath: member.unitPath,
          before: { to: exemption.toDate },
          after: { to },
        });
        return member;
      });
      return detail(actor, member);
    },

    /** Moves a member to another cell; the old membership and cell positions end the day before. */
    async transfer(actor: Actor, id: string, input: TransferInput): Promise<MemberDto> {
      const member = await db.transaction(async (tx) => {
        const { r, member } = await loadForWrite(tx, actor, id);
        requireActive(member);
        const target = await loadCell(r, actor, input.toUnitId, "body.toUnitId");
        if (target.id === member.unitId)
          throw invalid("body.toUnitId", "Đảng viên đã ở chi bộ này");
        if (member.joinDate && input.date < member.joinDate) {
          throw invalid("body.date", "Ngày chuyển không được trước ngày vào Đảng");
        }
        const dayBefore = addDays(input.date, -1);
        await r.closeMembership(actor.tenantId, id, dayBefore);
        await r.insertMemberships([
          { tenantId: actor.tenantId, memberId: id, unitId: target.id, fromDate: input.date },
        ]);
        await r.endOpenPositions(actor.tenantId, id, dayBefore, member.unitId);
        const updated = await updateAndAudit(
          tx,
          actor,
          member,
          { unitId: target.id, unitPath: target.path },
          "member.transfer",
        );
        await event(tx, actor, updated, "transferred", input.date, {
          fromUnitId: member.unitId,
          toUnitId: target.id,
          note: input.note ?? null,
        });
        return updated;
      });
      return detail(actor, member);
    },

    /** Chuyển đi, từ trần, xóa tên, khai trừ: the member leaves the register, history kept. */
    async leave(actor: Actor, id: string, input: LeaveInput): Promise<MemberDto> {
      const member = await db.transaction(async (tx) => {
        const { r, member } = await loadForWrite(tx, actor, id);
        requireActive(member);
        if (member.joinDate && input.date < member.joinDate) {
          throw invalid("body.date", "Ngày không được trước ngày vào Đảng");
        }
        await r.closeMembership(actor.tenantId, id, input.date);
        await r.endOpenPositions(actor.tenantId, id, input.date);
        await r.endOpenExemptions(actor.tenantId, id, input.date);
        const updated = await updateAndAudit(
          tx,
          actor,
          member,
          { leftOn: input.date, leaveKind: input.kind },
          "member.leave",
        );
        await event(tx, actor, updated, "left", input.date, {
          fromUnitId: member.unitId,
          note: input.note ?? null,
          data: { kind: input.kind },
        });
        return updated;
      });
      return detail(actor, member);
    },

    async addPosition(actor: Actor, id: string, input: PositionInput): Promise<MemberDto> {
      const member = await db.transaction(async (tx) => {
        const { r, member } = await loadForWrite(tx, actor, id);
        requireActive(member);
        const unit = await r.unit(actor.tenantId, input.unitId);
        if (!unit) throw notFound("unit");
        authorize(actor, "member.write", unit.path, "unit");
        // A member holds positions in their own cell or in an organisation above it.
        if (!isWithin(member.unitPath, unit.path)) {
          throw invalid(
            "body.unitId",
            "Chức vụ phải thuộc chi bộ của đảng viên hoặc cấp ủy cấp trên",
          );
        }
        const cellTitle = input.title !== "committee_member";
        if (cellTitle !== (unit.kind === "cell")) {
          throw invalid(
            "body.title",
            cellTitle
              ? "Bí thư, phó bí thư, chi ủy viên là chức vụ của chi bộ"
              : "Cấp ủy viên là chức vụ của đảng bộ",
          );
        }
        const created = await r.insertPosition({
          tenantId: actor.tenantId,
          memberId: id,
          unitId: unit.id,
          title: input.title,
          fromDate: input.from,
          toDate: input.to ?? null,
        });
        await event(tx, actor, member, "position_started", input.from, {
          toUnitId: unit.id,
          data: { title: input.title },
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "member.add_position",
          entity: "position",
          entityId: created?.id ?? null,
          unitPath: unit.path,
          after: {
            memberId: id,
            unitId: unit.id,
            title: input.title,
            from: input.from,
            to: input.to ?? null,
          },
        });
        return member;
      });
      return detail(actor, member);
    },

    async endPosition(
      actor: Actor,
      id: string,
      positionId: string,
      to: string,
    ): Promise<MemberDto> {
      const member = await db.transaction(async (tx) => {
        const { r, member } = await loadForWrite(tx, actor, id);
        const position = (await r.positionsOf(actor.tenantId, id)).find((p) => p.id === positionId);
        if (!position) throw notFound("position");
        authorize(actor, "member.write", position.unitPath, "position");
        if (to < position.fromDate)
          throw invalid("body.to", "Ngày kết thúc không được trước ngày bắt đầu");
        await r.endPosition(actor.tenantId, positionId, to);
        await event(tx, actor, member, "position_ended", to, {
          fromUnitId: position.unitId,
          data: { title: position.title },
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "member.end_position",
          entity: "position",
          entityId: positionId,
          unitPath: position.unitPath,
          before: { to: position.toDate },
          after: { to },
        });
        return member;
      });
      return detail(actor, member);
    },

    /**
     * Imports members from the template workbook. Nothing is written while any row is bad, unless
     * the caller chose to import the valid rows only.
     */
    async importWorkbook(
      actor: Actor,
      unitId: string,
      mode: "all_or_nothing" | "valid_rows",
      data: Buffer,
    ): Promise<ImportReportDto> {
      const unitRow = await repo.unit(actor.tenantId, unitId);
      if (!unitRow) throw notFound("unit");
      authorize(actor, "member.import", unitRow.path, "unit");
      const parsed = await parseMemberWorkbook(data);
      const errors = [...parsed.errors];
      const taken = await repo.cardsTaken(
        actor.tenantId,
        parsed.rows.flatMap((r) => (r.input.cardNumber ? [r.input.cardNumber] : [])),
      );
      for (const r of parsed.rows) {
        if (r.input.cardNumber && taken.has(r.input.cardNumber)) {
          errors.push({
            row: r.row,
            column: "Số thẻ đảng viên",
            message: "Số thẻ đảng viên đã có trong danh sách",
          });
        }
      }
      const badRows = new Set(errors.map((e) => e.row));
      const good = parsed.rows.filter((r) => !badRows.has(r.row));
      errors.sort((a, b) => a.row - b.row);
      const report: ImportReportDto = {
        totalRows: parsed.totalRows,
        imported: 0,
        skipped: parsed.totalRows - good.length,
        errors,
      };
      if (errors.length > 0 && mode === "all_or_nothing") {
        throw new AppError(
          422,
          "import_has_errors",
          `Có ${badRows.size} dòng lỗi; chưa nhập dòng nào`,
          errors
            .slice(0, 200)
            .map((e) => ({ path: `rows.${e.row}.${e.column}`, message: e.message })),
          { report },
        );
      }
      await db.transaction(async (tx) => {
        const r = createMembersRepository(tx);
        const unit = await loadCell(r, actor, unitId, "query.unitId");
        const rows: MemberInsert[] = [];
        const memberships: {
          tenantId: string;
          memberId: string;
          unitId: string;
          fromDate: string;
        }[] = [];
        for (const g of good) {
          const id = randomUUID();
          const i = g.input;
          rows.push({
            ...fieldsToRow(i),
            id,
            tenantId: actor.tenantId,
            unitId: unit.id,
            unitPath: unit.path,
            gender: i.gender,
            ...derived({
              fullName: i.fullName,
              birthName: i.birthName ?? null,
              cardNumber: i.cardNumber ?? null,
              officialDate: i.officialDate ?? null,
            }),
          });
          memberships.push({
            tenantId: actor.tenantId,
            memberId: id,
            unitId: unit.id,
            fromDate: i.joinDate,
          });
        }
        await r.insert(rows);
        await r.insertMemberships(memberships);
        const today = clock.today();
        await r.insertEvents(
          rows.map((m) => ({
            tenantId: actor.tenantId,
            memberId: m.id ?? "",
            kind: "created" as const,
            date: today,
            toUnitId: unit.id,
            note: "Nhập từ tệp Excel",
            actorUserId: actor.userId,
          })),
        );
        await recordAudit(tx, actor, actor.tenantId, {
          action: "member.import",
          entity: "unit",
          entityId: unit.id,
          unitPath: unit.path,
          after: {
            imported: rows.length,
            skipped: report.skipped,
            memberIds: rows.map((m) => m.id),
          },
        });
      });
      // Bulk writes change the table's shape: refresh planner statistics now (PGlite has no autovacuum).
      if (good.length >= 500) await repo.refreshStatistics();
      return { ...report, imported: good.length };
    },

    async exportWorkbook(
      actor: Actor,
      unitId: string | undefined,
    ): Promise<{ file: Buffer; name: string }> {
      let roots = scopeRoots(actor, "member.export");
      let title = "Danh sách đảng viên";
      if (unitId) {
        const unit = await repo.unit(actor.tenantId, unitId);
        if (!unit) throw notFound("unit");
        authorize(actor, "member.export", unit.path, "unit");
        roots = [unit.path];
        title = `Danh sách đảng viên — ${unit.name}`;
      } else if (roots.length === 0) {
        authorize(actor, "member.export", null, "unit");
      }
      const today = clock.today();
      const rows = await repo.exportRows(actor.tenantId, roots, false, today);
      const file = await exportMembersWorkbook(
        rows.map(({ member: m, unitName, exempt }) => ({
          unitName,
          status: m.status,
          exempt,
          leftOn: m.leftOn,
          fullName: m.fullName,
          birthName: m.birthName,
          gender: m.gender,
          birthDate: m.birthDate,
          ethnicity: m.ethnicity,
          religion: m.religion,
          hometown: m.hometown,
          education: m.education,
          politicalTheory: m.politicalTheory,
          qualification: m.qualification,
          occupation: m.occupation,
          phone: m.phone,
          email: m.email,
          joinDate: m.joinDate,
          officialDate: m.officialDate,
          cardNumber: m.cardNumber,
          notes: m.notes,
        })),
        `${title} (${today.split("-").reverse().join("/")})`,
      );
      return { file, name: `dang-vien-${today}.xlsx` };
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
