import { randomBytes, randomInt } from "node:crypto";
import {
  addMonths,
  CHECKIN_WINDOW_MINUTES,
  attendanceCounts,
  attendanceRate,
  hasQuorum,
  meetsProgrammeTarget,
  monthOf,
  postponementProblems,
  quorumNeeded,
  registeredDate,
  type AttendanceDto,
  type AttendanceMarks,
  type AttendanceStatus,
  type CheckinCodeDto,
  type CheckinDto,
  type CheckinInput,
  type CancelMeetingInput,
  type CloseMeetingInput,
  type CreateMeetingInput,
  type GuestDto,
  type GuestInput,
  type ListMeetingsQuery,
  type MarkAttendanceInput,
  type MeetingDetailDto,
  type MeetingDto,
  type MeetingRules,
  type MeetingScheduleDto,
  type MeetingScheduleInput,
  type MyMeetingsDto,
  type OpenMeetingInput,
  type PlanMeetingsInput,
  type PostponeMeetingInput,
  type RosterEntry,
  type UpdateMeetingInput,
} from "@chibo/domain";
import { and, eq } from "drizzle-orm";
import type { Database, Db, DbOrTx, Tx } from "../../db/client.js";
import { members, tenants, thematicTopics, units } from "../../db/schema/index.js";
import { AppError, conflict, invalid, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import { vnDate, type Clock } from "../../lib/clock.js";
import { loadMeetingRules } from "../../lib/meeting-rules.js";
import { authorize, can, type Actor } from "../../policy/policy.js";
import {
  presentGuest,
  presentMeeting,
  presentPostponement,
  type PresentContext,
} from "./meetings.presenter.js";
import {
  checkInBySession,
  createMeetingsRepository,
  type MeetingInsert,
  type MeetingRow,
} from "./meetings.repository.js";

type UnitRow = typeof units.$inferSelect;

/**
 * What the meetings module needs from notifications: postponement notices written in the command's
 * transaction, their e-mails sent once it commits.
 */
export interface PostponementNotifier {
  notifyPostponement(tx: Tx, args: { tenantId: string; meetingId: string }): Promise<unknown[]>;
  sendAfterCommit(mails: unknown[]): void;
}

const RUNNABLE = new Set(["planned", "postponed", "in_progress"]);
const EDITABLE = new Set(["planned", "postponed"]);

function stateError(detail: string) {
  return new AppError(409, "meeting_state", detail);
}

/** A check-in as the one statement returned it. */
function presentCheckin(done: {
  meeting_id: string;
  unit_name: string;
  date: string;
  status: AttendanceStatus;
  checked_in_at: string | Date;
  method: CheckinDto["method"];
}): CheckinDto {
  return {
    meetingId: done.meeting_id,
    unitName: done.unit_name,
    date: done.date,
    status: done.status,
    checkedInAt: new Date(done.checked_in_at).toISOString(),
    method: done.method,
    already: false,
  };
}

export function createMeetingsService(deps: {
  db: Db;
  clock: Clock;
  notifier?: PostponementNotifier | undefined;
  /** Session idle limit, the same as the auth hook's (the check-in hot path checks it itself). */
  idleMinutes?: number;
  /** Named prepared statements (the check-in hot path). */
  prepared: Database["prepared"];
}) {
  const { db, clock, notifier } = deps;
  const repo = createMeetingsRepository(db);
  let lastPlanned: string | null = null;

  async function loadUnit(tx: DbOrTx, actor: Actor, unitId: string): Promise<UnitRow> {
    const [unit] = await tx
      .select()
      .from(units)
      .where(and(eq(units.tenantId, actor.tenantId), eq(units.id, unitId)))
      .limit(1);
    if (!unit) throw notFound("unit");
    return unit;
  }

  async function loadCell(
    tx: DbOrTx,
    actor: Actor,
    unitId: string,
    action: "meeting.read" | "meeting.write",
  ) {
    const unit = await loadUnit(tx, actor, unitId);
    authorize(actor, action, unit.path, "unit", "meeting.read");
    if (unit.kind !== "cell") {
      throw new AppError(422, "not_a_cell", "Chỉ chi bộ mới có lịch sinh hoạt chi bộ", [
        { path: "unitId", message: "Chỉ chi bộ mới có lịch sinh hoạt chi bộ" },
      ]);
    }
    return unit;
  }

  async function loadMeeting(
    tx: DbOrTx,
    actor: Actor,
    id: string,
    action: "meeting.read" | "meeting.write",
    lock = false,
  ): Promise<MeetingRow> {
    const r = createMeetingsRepository(tx);
    const meeting = lock
      ? await r.findForUpdate(actor.tenantId, id)
      : await r.find(actor.tenantId, id);
    if (!meeting) throw notFound("meeting");
    authorize(actor, action, meeting.unitPath, "meeting", "meeting.read");
    return meeting;
  }

  function schedule(unit: UnitRow): MeetingScheduleDto {
    return {
      unitId: unit.id,
      day: unit.meetingDay,
      time: unit.meetingTime,
      place: unit.meetingPlace,
      mode: unit.meetingMode,
      onlineUrl: unit.meetingUrl,
    };
  }

  /** Months from this one to `months` ahead (seed 000: the fixed day, planned well in advance). */
  function periodsAhead(today: string, months: number): string[] {
    const first = `${monthOf(today)}-01`;
    return Array.from({ length: months + 1 }, (_, i) => monthOf(addMonths(first, i)));
  }

  /** Creates the regular meeting of every month up to `months` ahead that has none yet. */
  async function ensurePlanned(tx: DbOrTx, actor: Actor | null, unit: UnitRow, months: number) {
    if (unit.meetingDay === null) return [];
    const r = createMeetingsRepository(tx);
    const today = clock.today();
    const periods = periodsAhead(today, months);
    const have = new Set(await r.periodsPlanned(unit.tenantId, unit.id, periods));
    const rows: MeetingInsert[] = [];
    for (const period of periods) {
      if (have.has(period)) continue;
      const [y, m] = period.split("-").map(Number);
      const date = registeredDate(y ?? 0, m ?? 0, unit.meetingDay);
      // A month whose registered date has passed is not planned after the fact: compliance reads
      // it from the registered day (missed unless the cell records the meeting).
      if (date < today) continue;
      rows.push({
        tenantId: unit.tenantId,
        unitId: unit.id,
        unitPath: unit.path,
        kind: "regular",
        period,
        registeredDate: date,
        date,
        startTime: unit.meetingTime,
        place: unit.meetingPlace,
        mode: unit.meetingMode,
        onlineUrl: unit.meetingUrl,
        createdBy: actor?.userId ?? null,
      });
    }
    return r.insert(rows);
  }

  async function presentContext(tx: DbOrTx, actor: Actor): Promise<PresentContext> {
    return { today: clock.today(), rules: await loadMeetingRules(tx, actor.tenantId) };
  }

  async function listRow(tx: DbOrTx, actor: Actor, id: string) {
    const row = await createMeetingsRepository(tx).findListRow(actor.tenantId, id);
    if (!row) throw notFound("meeting");
    return row;
  }

  async function detail(tx: DbOrTx, actor: Actor, id: string): Promise<MeetingDetailDto> {
    const r = createMeetingsRepository(tx);
    const row = await listRow(tx, actor, id);
    const m = row.meeting;
    const [guests, posts, mine] = await Promise.all([
      r.guests(actor.tenantId, id),
      r.postponementsOf(actor.tenantId, id),
      actor.memberId ? r.attendanceRow(actor.tenantId, id, actor.memberId) : undefined,
    ]);
    const write = can(actor, "meeting.write", m.unitPath);
    const now = clock.now();
    const checkinOpen =
      m.status === "in_progress" && m.checkinUntil !== null && m.checkinUntil > now;
    return {
      ...presentMeeting(row, await presentContext(tx, actor)),
      guests: guests.map(presentGuest),
      postponements: posts.map(({ p, reportedBy }) =>
        presentPostponement(
          {
            ...p,
            reportedAt: p.reportedAt.toISOString(),
            reportedBy,
          },
          m,
          row.unitName,
        ),
      ),
      myAttendance: mine
        ? { status: mine.status, checkedInAt: mine.checkedInAt?.toISOString() ?? null }
        : null,
      can: {
        edit: write && EDITABLE.has(m.status),
        postpone: write && EDITABLE.has(m.status) && clock.today() < m.date,
        cancel: write && EDITABLE.has(m.status) && m.kind !== "regular",
        run: write && RUNNABLE.has(m.status),
        checkIn:
          checkinOpen && mine !== undefined && mine.status !== "present" && mine.status !== "late",
      },
    };
  }

  async function attendanceView(
    tx: DbOrTx,
    actor: Actor,
    meeting: MeetingRow,
    rules: MeetingRules,
  ) {
    const r = createMeetingsRepository(tx);
    const [rows, guests] = await Promise.all([
      r.attendanceOf(actor.tenantId, meeting.id),
      r.guests(actor.tenantId, meeting.id),
    ]);
    const roster: RosterEntry[] = rows.map(({ a }) => ({
      memberId: a.memberId,
      status: a.memberStatus,
      exempt: a.exempt,
    }));
    const marks: AttendanceMarks = new Map(
      rows.flatMap(({ a }) => (a.status ? [[a.memberId, a.status] as const] : [])),
    );
    const counts = attendanceCounts(roster, marks);
    const rate = attendanceRate(counts);
    const seeReasons = can(actor, "meeting.alerts", meeting.unitPath);
    const dto: AttendanceDto = {
      meetingId: meeting.id,
      status: meeting.status,
      entries: rows.map(({ a, fullName }) => ({
        memberId: a.memberId,
        fullName,
        memberStatus: a.memberStatus,
        exempt: a.exempt,
        status: a.status,
        // Reasons for absence are personal: the lead and the committees see them, a member their own.
        reason: seeReasons || a.memberId === actor.memberId ? a.reason : null,
        checkedInAt: a.checkedInAt?.toISOString() ?? null,
        method: a.method,
      })),
      guests: guests.map(presentGuest),
      counts,
      rate,
      quorumNeeded: quorumNeeded(counts, rules),
      hasQuorum: hasQuorum(counts, rules),
      target: rules.programmeTarget,
      meetsTarget: meetsProgrammeTarget(rate, rules),
      qualityThreshold: rules.qualityRateThreshold,
    };
    return dto;
  }

  /** Plans ahead every active cell of a tenant that has a registered day. */
  async function planTenant(tenantId: string, months = 3): Promise<number> {
    const cells = await db
      .select()
      .from(units)
      .where(and(eq(units.tenantId, tenantId), eq(units.kind, "cell"), eq(units.active, true)));
    let created = 0;
    for (const unit of cells) {
      if (unit.meetingDay === null) continue;
      created += (await db.transaction((tx) => ensurePlanned(tx, null, unit, months))).length;
    }
    return created;
  }

  async function newCheckinCode(tx: DbOrTx, tenantId: string): Promise<string> {
    const r = createMeetingsRepository(tx);
    for (;;) {
      const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
      if (!(await r.codeInUse(tenantId, code))) return code;
    }
  }

  return {
    async getSchedule(actor: Actor, unitId: string): Promise<MeetingScheduleDto> {
      return schedule(await loadCell(db, actor, unitId, "meeting.read"));
    },

    /**
     * Seed 000: the cell registers its fixed day, time, place and mode. Planned meetings that follow
     * the schedule move with it; edited or postponed ones stay; the coming months are planned.
     */
    async putSchedule(actor: Actor, unitId: string, input: MeetingScheduleInput) {
      return db.transaction(async (tx) => {
        const unit = await loadCell(tx, actor, unitId, "meeting.write");
        const [updated] = await tx
          .update(units)
          .set({
            meetingDay: input.day,
            meetingTime: input.time,
            meetingPlace: input.place ?? null,
            meetingMode: input.mode,
            meetingUrl: input.onlineUrl ?? null,
            version: unit.version + 1,
            updatedAt: clock.now(),
          })
          .where(and(eq(units.tenantId, actor.tenantId), eq(units.id, unit.id)))
          .returning();
        if (!updated) throw notFound("unit");
        const r = createMeetingsRepository(tx);
        const today = clock.today();
        for (const m of await r.replannable(actor.tenantId, unit.id, today)) {
          const [y, mo] = (m.period ?? "").split("-").map(Number);
          const date = registeredDate(y ?? 0, mo ?? 0, input.day);
          // A new day already past in that month leaves the occurrence where it was.
          if (date <= today) continue;
          await r.update(actor.tenantId, m.id, {
            registeredDate: date,
            date,
            startTime: input.time,
            place: input.place ?? null,
            mode: input.mode,
            onlineUrl: input.onlineUrl ?? null,
          });
        }
        await ensurePlanned(tx, actor, updated, 3);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting.schedule",
          entity: "unit",
          entityId: unit.id,
          unitPath: unit.path,
          before: schedule(unit),
          after: schedule(updated),
        });
        return schedule(updated);
      });
    },

    async plan(actor: Actor, unitId: string, input: PlanMeetingsInput) {
      return db.transaction(async (tx) => {
        const unit = await loadCell(tx, actor, unitId, "meeting.write");
        if (unit.meetingDay === null) {
          throw new AppError(
            422,
            "schedule_missing",
            "Chi bộ chưa đăng ký ngày sinh hoạt cố định",
            [{ path: "unitId", message: "Chi bộ chưa đăng ký ngày sinh hoạt cố định" }],
          );
        }
        const created = await ensurePlanned(tx, actor, unit, input.months);
        if (created.length > 0) {
          await recordAudit(
            tx,
            actor,
            actor.tenantId,
            created.map((m) => ({
              action: "meeting.plan",
              entity: "meeting",
              entityId: m.id,
              unitPath: m.unitPath,
              after: { kind: m.kind, period: m.period, date: m.date },
            })),
          );
        }
        const items: MeetingDto[] = [];
        const ctx = await presentContext(tx, actor);
        for (const m of created) items.push(presentMeeting(await listRow(tx, actor, m.id), ctx));
        return { created: created.length, items };
      });
    },

    /**
     * Keeps every cell with a registered day planned ahead (seed 000); run by the scheduler, it does
     * the work once per day.
     */
    async planAll(months = 3): Promise<number> {
      const today = clock.today();
      if (lastPlanned === today) return 0;
      lastPlanned = today;
      let created = 0;
      for (const { id: tenantId } of await db.select({ id: tenants.id }).from(tenants)) {
        created += await planTenant(tenantId, months);
      }
      return created;
    },

    planTenant,

    async list(actor: Actor, query: ListMeetingsQuery): Promise<MeetingDto[]> {
      const unit = await loadUnit(db, actor, query.unitId);
      authorize(actor, "meeting.read", unit.path, "unit");
      const rows = await repo.list(actor.tenantId, {
        unitPath: unit.path,
        from: query.from,
        to: query.to,
        kind: query.kind,
      });
      const ctx = await presentContext(db, actor);
      return rows.map((r) => presentMeeting(r, ctx));
    },

    async get(actor: Actor, id: string): Promise<MeetingDetailDto> {
      await loadMeeting(db, actor, id, "meeting.read");
      return detail(db, actor, id);
    },

    async create(actor: Actor, input: CreateMeetingInput): Promise<MeetingDetailDto> {
      return db.transaction(async (tx) => {
        const unit = await loadCell(tx, actor, input.unitId, "meeting.write");
        if (!unit.active) throw new AppError(422, "unit_inactive", "Chi bộ đã ngừng hoạt động");
        const r = createMeetingsRepository(tx);
        if (input.preparesMeetingId) {
          const target = await r.find(actor.tenantId, input.preparesMeetingId);
          if (target?.unitId !== unit.id || target.kind !== "regular") {
            throw invalid(
              "body.preparesMeetingId",
              "Họp chi ủy phải chuẩn bị cho một cuộc sinh hoạt thường kỳ của chính chi bộ",
            );
          }
          if (input.date > target.date) {
            throw invalid("body.date", "Họp chi ủy phải trước buổi sinh hoạt thường kỳ");
          }
        }
        if (input.preparesMeetingId && input.kind !== "committee") {
          throw invalid("body.preparesMeetingId", "Chỉ họp chi ủy mới chuẩn bị cho buổi sinh hoạt");
        }
        if (input.thematicTopicId) {
          const [topic] = await tx
            .select()
            .from(thematicTopics)
            .where(
              and(
                eq(thematicTopics.tenantId, actor.tenantId),
                eq(thematicTopics.id, input.thematicTopicId),
              ),
            )
            .limit(1);
          if (topic?.unitId !== unit.id) {
            throw invalid("body.thematicTopicId", "Chuyên đề không thuộc kế hoạch của chi bộ");
          }
          if (input.kind !== "thematic") {
            throw invalid("body.thematicTopicId", "Chỉ buổi sinh hoạt chuyên đề mới gắn chuyên đề");
          }
        }
        const [created] = await r.insert([
          {
            tenantId: actor.tenantId,
            unitId: unit.id,
            unitPath: unit.path,
            kind: input.kind,
            date: input.date,
            startTime: input.startTime,
            place: input.place ?? unit.meetingPlace,
            mode: input.mode,
            onlineUrl: input.onlineUrl ?? null,
            topic: input.topic ?? null,
            preparesMeetingId: input.preparesMeetingId ?? null,
            thematicTopicId: input.thematicTopicId ?? null,
            combinedWithThematic: input.combinedWithThematic ?? false,
            createdBy: actor.userId,
          },
        ]);
        if (!created) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting.create",
          entity: "meeting",
          entityId: created.id,
          unitPath: created.unitPath,
          after: input,
        });
        return detail(tx, actor, created.id);
      });
    },

    /** Edits one occurrence. Moving a regular meeting later than its registered date is a postponement. */
    async update(actor: Actor, id: string, input: UpdateMeetingInput): Promise<MeetingDetailDto> {
      return db.transaction(async (tx) => {
        const m = await loadMeeting(tx, actor, id, "meeting.write", true);
        if (!EDITABLE.has(m.status)) {
          throw stateError("Chỉ sửa được cuộc họp chưa diễn ra");
        }
        if (input.version !== m.version) {
          throw conflict("stale_version", "Cuộc họp đã được người khác sửa, vui lòng tải lại");
        }
        if (input.date !== undefined && input.date !== m.date && m.kind === "regular") {
          if (m.status === "postponed") {
            throw invalid("body.date", "Cuộc họp đã báo hoãn: đổi ngày bằng một lần báo hoãn mới");
          }
          if (m.registeredDate !== null && input.date > m.registeredDate) {
            throw invalid(
              "body.date",
              "Dời buổi sinh hoạt sang sau ngày đã đăng ký phải báo hoãn (kèm lý do)",
            );
          }
          if (m.period !== null && monthOf(input.date) !== m.period) {
            throw invalid("body.date", "Buổi sinh hoạt thường kỳ phải trong tháng của nó");
          }
          if (input.date < clock.today()) {
            throw invalid("body.date", "Ngày họp không được ở trong quá khứ");
          }
        }
        const patch: Partial<MeetingInsert> = { custom: true };
        if (input.date !== undefined) patch.date = input.date;
        if (input.startTime !== undefined) patch.startTime = input.startTime;
        if (input.place !== undefined) patch.place = input.place;
        if (input.mode !== undefined) patch.mode = input.mode;
        if (input.onlineUrl !== undefined) patch.onlineUrl = input.onlineUrl;
        if (input.topic !== undefined) patch.topic = input.topic;
        if (input.combinedWithThematic !== undefined) {
          patch.combinedWithThematic = input.combinedWithThematic;
        }
        // A changed time or date means the reminder goes out again.
        if (patch.date !== undefined || patch.startTime !== undefined) patch.remindedAt = null;
        const updated = await createMeetingsRepository(tx).update(
          actor.tenantId,
          id,
          patch,
          m.version,
        );
        if (!updated)
          throw conflict("stale_version", "Cuộc họp đã được người khác sửa, vui lòng tải lại");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting.update",
          entity: "meeting",
          entityId: id,
          unitPath: m.unitPath,
          before: m,
          after: updated,
        });
        return detail(tx, actor, id);
      });
    },

    /**
     * Seed 000: "only postponements are reported" — before the date, with reason and new date; every
     * member of the cell is told at once.
     */
    async postpone(actor: Actor, id: string, input: PostponeMeetingInput) {
      const { result, mails } = await db.transaction(async (tx) => {
        const m = await loadMeeting(tx, actor, id, "meeting.write", true);
        if (!EDITABLE.has(m.status)) {
          throw stateError("Chỉ báo hoãn được cuộc họp chưa diễn ra");
        }
        const rules = await loadMeetingRules(tx, actor.tenantId);
        const today = clock.today();
        const problems = postponementProblems({
          registeredDate: m.date,
          newDate: input.newDate,
          today,
          sameMonth: false,
        }).map((p) => ({
          path: p.path === "registeredDate" ? "body.newDate" : `body.${p.path}`,
          message: p.path === "registeredDate" ? "Chỉ báo hoãn trước ngày họp đã định" : p.message,
        }));
        // Charter: the regular meeting stays in its month (per tenant: postponeWithinMonth).
        if (
          m.kind === "regular" &&
          rules.postponeWithinMonth &&
          m.period !== null &&
          monthOf(input.newDate) !== m.period
        ) {
          problems.push({
            path: "body.newDate",
            message: "Ngày mới phải trong cùng tháng: mỗi tháng chi bộ sinh hoạt một lần",
          });
        }
        if (problems.length > 0) {
          throw new AppError(
            422,
            "postponement_invalid",
            problems[0]?.message ?? "Không thể báo hoãn",
            problems,
          );
        }
        const now = clock.now();
        const r = createMeetingsRepository(tx);
        await r.insertPostponement({
          tenantId: actor.tenantId,
          meetingId: m.id,
          unitId: m.unitId,
          unitPath: m.unitPath,
          fromDate: m.date,
          newDate: input.newDate,
          reason: input.reason,
          reportedAt: now,
          reportedOn: today,
          reportedBy: actor.userId,
        });
        const updated = await r.update(actor.tenantId, m.id, {
          status: "postponed",
          date: input.newDate,
          ...(input.startTime ? { startTime: input.startTime } : {}),
          remindedAt: null,
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting.postpone",
          entity: "meeting",
          entityId: m.id,
          unitPath: m.unitPath,
          before: { date: m.date, status: m.status },
          after: { date: updated?.date, status: updated?.status, reason: input.reason },
        });
        const mails = notifier
          ? await notifier.notifyPostponement(tx, { tenantId: actor.tenantId, meetingId: m.id })
          : [];
        return { result: await detail(tx, actor, id), mails };
      });
      if (notifier && mails.length > 0) notifier.sendAfterCommit(mails);
      return result;
    },

    async cancel(actor: Actor, id: string, input: CancelMeetingInput) {
      return db.transaction(async (tx) => {
        const m = await loadMeeting(tx, actor, id, "meeting.write", true);
        if (m.kind === "regular") {
          throw stateError("Không hủy buổi sinh hoạt thường kỳ: chỉ được báo hoãn");
        }
        if (!EDITABLE.has(m.status)) throw stateError("Chỉ hủy được cuộc họp chưa diễn ra");
        await createMeetingsRepository(tx).update(actor.tenantId, id, {
          status: "cancelled",
          cancelReason: input.reason,
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting.cancel",
          entity: "meeting",
          entityId: id,
          unitPath: m.unitPath,
          before: { status: m.status },
          after: { status: "cancelled", reason: input.reason },
        });
        return detail(tx, actor, id);
      });
    },

    /**
     * Opens the meeting: the roster is taken from the members active in the cell that day (people who
     * left are out; exempt members listed as exempt, not counted — HD12) and check-in opens.
     */
    async open(actor: Actor, id: string, input: OpenMeetingInput) {
      return db.transaction(async (tx) => {
        const m = await loadMeeting(tx, actor, id, "meeting.write", true);
        if (!EDITABLE.has(m.status)) throw stateError("Cuộc họp đã mở hoặc đã kết thúc");
        const now = clock.now();
        const startedAt = input.startedAt ? new Date(input.startedAt) : now;
        if (startedAt.getTime() > now.getTime() + 5 * 60_000) {
          throw invalid("body.startedAt", "Giờ bắt đầu không được ở tương lai");
        }
        const heldOn = vnDate(startedAt);
        const r = createMeetingsRepository(tx);
        const source = await r.rosterOn(actor.tenantId, m.unitId, heldOn);
        await r.insertRoster(
          source.map((s) => ({
            tenantId: actor.tenantId,
            meetingId: m.id,
            memberId: s.memberId,
            memberStatus:
              s.officialDate !== null && s.officialDate <= heldOn ? "official" : "probationary",
            exempt: s.exempt,
            status: s.exempt ? ("exempt" as const) : null,
          })),
        );
        const closesAt = new Date(startedAt.getTime() + CHECKIN_WINDOW_MINUTES * 60_000);
        const live = closesAt > now;
        await r.update(actor.tenantId, id, {
          status: "in_progress",
          startedAt,
          heldOn,
          checkinCode: live ? await newCheckinCode(tx, actor.tenantId) : null,
          checkinToken: live ? randomBytes(24).toString("base64url") : null,
          checkinUntil: live ? closesAt : null,
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting.open",
          entity: "meeting",
          entityId: id,
          unitPath: m.unitPath,
          before: { status: m.status },
          after: { status: "in_progress", startedAt, roster: source.length },
        });
        return detail(tx, actor, id);
      });
    },

    /** Closes the meeting as held: duration recorded, check-in closed. */
    async close(actor: Actor, id: string, input: CloseMeetingInput) {
      return db.transaction(async (tx) => {
        const m = await loadMeeting(tx, actor, id, "meeting.write", true);
        if (m.status !== "in_progress" || m.startedAt === null) {
          throw stateError("Cuộc họp chưa được mở");
        }
        const now = clock.now();
        const endedAt = input.endedAt ? new Date(input.endedAt) : now;
        if (endedAt <= m.startedAt) {
          throw invalid("body.endedAt", "Giờ kết thúc phải sau giờ bắt đầu");
        }
        if (endedAt.getTime() > now.getTime() + 5 * 60_000) {
          throw invalid("body.endedAt", "Giờ kết thúc không được ở tương lai");
        }
        const durationMinutes = Math.round((endedAt.getTime() - m.startedAt.getTime()) / 60_000);
        await createMeetingsRepository(tx).update(actor.tenantId, id, {
          status: "held",
          endedAt,
          durationMinutes,
          checkinCode: null,
          checkinToken: null,
          checkinUntil: null,
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting.close",
          entity: "meeting",
          entityId: id,
          unitPath: m.unitPath,
          before: { status: m.status },
          after: { status: "held", endedAt, durationMinutes },
        });
        return detail(tx, actor, id);
      });
    },

    async attendance(actor: Actor, id: string): Promise<AttendanceDto> {
      const m = await loadMeeting(db, actor, id, "meeting.read");
      return attendanceView(db, actor, m, await loadMeetingRules(db, actor.tenantId));
    },

    /** One tap per member, or many at once; every mark names a member on the roster. */
    async mark(actor: Actor, id: string, input: MarkAttendanceInput): Promise<AttendanceDto> {
      return db.transaction(async (tx) => {
        const m = await loadMeeting(tx, actor, id, "meeting.write", true);
        if (m.status !== "in_progress" && m.status !== "held") {
          throw stateError("Chỉ điểm danh khi cuộc họp đã mở");
        }
        const r = createMeetingsRepository(tx);
        const roster = new Map(
          (await r.attendanceOf(actor.tenantId, id)).map(({ a }) => [a.memberId, a]),
        );
        const problems: { path: string; message: string }[] = [];
        input.marks.forEach((mark, i) => {
          const entry = roster.get(mark.memberId);
          if (!entry) {
            problems.push({
              path: `body.marks.${i}.memberId`,
              message: "Đảng viên không có trong danh sách cuộc họp",
            });
          } else if (mark.status === "exempt" && !entry.exempt) {
            problems.push({
              path: `body.marks.${i}.status`,
              message: "Đảng viên này không được miễn sinh hoạt",
            });
          }
        });
        if (problems.length > 0) {
          throw new AppError(422, "not_on_roster", problems[0]?.message ?? "", problems);
        }
        const now = clock.now();
        const changes: { memberId: string; from: AttendanceStatus | null; to: AttendanceStatus }[] =
          [];
        for (const mark of input.marks) {
          const entry = roster.get(mark.memberId);
          if (!entry) continue;
          const came = mark.status === "present" || mark.status === "late";
          const absent = mark.status === "absent_excused" || mark.status === "absent_unexcused";
          await r.mark(actor.tenantId, id, mark.memberId, {
            status: mark.status,
            reason: absent ? (mark.reason ?? null) : null,
            // A member who checked in keeps their own trace; a lead's mark records the lead.
            checkedInAt: came ? (entry.checkedInAt ?? now) : null,
            method: came ? (entry.method ?? "lead") : null,
            markedBy: actor.userId,
            markedAt: now,
          });
          if (entry.status !== mark.status) {
            changes.push({ memberId: mark.memberId, from: entry.status, to: mark.status });
          }
        }
        if (changes.length > 0) {
          await recordAudit(tx, actor, actor.tenantId, {
            action: "meeting.attendance",
            entity: "meeting",
            entityId: id,
            unitPath: m.unitPath,
            after: { changes },
          });
        }
        return attendanceView(tx, actor, m, await loadMeetingRules(tx, actor.tenantId));
      });
    },

    async markAllPresent(actor: Actor, id: string): Promise<AttendanceDto> {
      return db.transaction(async (tx) => {
        const m = await loadMeeting(tx, actor, id, "meeting.write", true);
        if (m.status !== "in_progress" && m.status !== "held") {
          throw stateError("Chỉ điểm danh khi cuộc họp đã mở");
        }
        const marked = await createMeetingsRepository(tx).markUnmarkedPresent(
          actor.tenantId,
          id,
          actor.userId,
          clock.now(),
        );
        if (marked > 0) {
          await recordAudit(tx, actor, actor.tenantId, {
            action: "meeting.attendance_all_present",
            entity: "meeting",
            entityId: id,
            unitPath: m.unitPath,
            after: { marked },
          });
        }
        return attendanceView(tx, actor, m, await loadMeetingRules(tx, actor.tenantId));
      });
    },

    async addGuest(actor: Actor, id: string, input: GuestInput): Promise<GuestDto> {
      return db.transaction(async (tx) => {
        const m = await loadMeeting(tx, actor, id, "meeting.write", true);
        if (m.status === "cancelled") throw stateError("Cuộc họp đã hủy");
        const g = await createMeetingsRepository(tx).insertGuest({
          tenantId: actor.tenantId,
          meetingId: id,
          name: input.name,
          title: input.title ?? null,
          kind: input.kind,
        });
        if (!g) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting.guest_add",
          entity: "meeting",
          entityId: id,
          unitPath: m.unitPath,
          after: input,
        });
        return presentGuest(g);
      });
    },

    async removeGuest(actor: Actor, id: string, guestId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const m = await loadMeeting(tx, actor, id, "meeting.write", true);
        const g = await createMeetingsRepository(tx).deleteGuest(actor.tenantId, id, guestId);
        if (!g) throw notFound("guest");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting.guest_remove",
          entity: "meeting",
          entityId: id,
          unitPath: m.unitPath,
          before: presentGuest(g),
        });
      });
    },

    /** The code and QR secret the lead shows while check-in is open. */
    async checkinCode(actor: Actor, id: string): Promise<CheckinCodeDto> {
      const m = await loadMeeting(db, actor, id, "meeting.write");
      if (
        m.status !== "in_progress" ||
        m.checkinCode === null ||
        m.checkinToken === null ||
        m.checkinUntil === null ||
        m.checkinUntil <= clock.now()
      ) {
        throw new AppError(409, "checkin_closed", "Ngoài thời gian điểm danh của cuộc họp");
      }
      return {
        meetingId: m.id,
        code: m.checkinCode,
        token: m.checkinToken,
        validUntil: m.checkinUntil.toISOString(),
      };
    },

    /**
     * The hot path of self check-in: session and mark in one statement. Null when it did not
     * succeed, for any reason (no valid session, wrong code, already in…): the caller then
     * authenticates normally and calls checkIn, which says why.
     */
    async checkInFast(sessionId: string, input: CheckinInput): Promise<CheckinDto | null> {
      const done = await checkInBySession(deps.prepared, {
        sessionId,
        idleMinutes: deps.idleMinutes ?? 120,
        code: input.code,
        token: input.token,
        method: input.code !== undefined ? "code" : (input.via ?? "qr"),
        at: clock.now(),
      });
      return done ? presentCheckin(done) : null;
    },

    /**
     * Why a check-in did not go through the one statement of checkInFast (the caller has checked the
     * session): already in (idempotent: the first check-in is returned), no member record, wrong or
     * expired code, window closed, not on the roster.
     */
    async explainCheckIn(actor: Actor, input: CheckinInput): Promise<CheckinDto> {
      if (!actor.memberId) {
        throw new AppError(403, "no_member_record", "Tài khoản chưa gắn với hồ sơ đảng viên");
      }
      const field = input.code !== undefined ? "body.code" : "body.token";
      const at = clock.now();
      const why = await repo.diagnoseCheckIn({
        tenantId: actor.tenantId,
        memberId: actor.memberId,
        code: input.code,
        token: input.token,
      });
      const invalidCode = new AppError(
        422,
        "checkin_invalid_code",
        "Mã điểm danh không đúng hoặc đã hết hạn",
        [{ path: field, message: "Mã điểm danh không đúng hoặc đã hết hạn" }],
      );
      if (!why) throw invalidCode;
      const m = why.meeting;
      if (m.status !== "in_progress" || m.checkinUntil === null || m.checkinUntil <= at) {
        throw new AppError(422, "checkin_closed", "Ngoài thời gian điểm danh của cuộc họp", [
          { path: field, message: "Ngoài thời gian điểm danh của cuộc họp" },
        ]);
      }
      if (!why.a) {
        throw new AppError(
          403,
          "not_on_roster",
          "Bạn không có tên trong danh sách của cuộc họp này",
        );
      }
      if (why.a.status === "present" || why.a.status === "late") {
        return {
          meetingId: m.id,
          unitName: why.unitName,
          date: m.date,
          status: why.a.status,
          checkedInAt: (why.a.checkedInAt ?? why.a.markedAt ?? at).toISOString(),
          method: why.a.method ?? "lead",
          already: true,
        };
      }
      throw invalidCode;
    },

    /** The member's home: the next meeting of their cell and any meeting in progress. */
    async mine(actor: Actor): Promise<MyMeetingsDto> {
      if (!actor.memberId) return { next: null, current: null };
      const [member] = await db
        .select({ unitId: members.unitId, unitPath: members.unitPath, leftOn: members.leftOn })
        .from(members)
        .where(and(eq(members.tenantId, actor.tenantId), eq(members.id, actor.memberId)))
        .limit(1);
      if (member?.leftOn !== null) return { next: null, current: null };
      const lead = can(actor, "meeting.write", member.unitPath);
      const rows = await repo.memberMeetings(actor.tenantId, member.unitId, clock.today(), lead);
      const current = rows.find((r) => r.status === "in_progress");
      const next = rows.find((r) => r.status !== "in_progress");
      return {
        current: current ? await detail(db, actor, current.id) : null,
        next: next ? await detail(db, actor, next.id) : null,
      };
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;

declare module "fastify" {
  interface FastifyInstance {
    /** Built in buildApp; server.ts keeps every cell planned ahead on a timer. */
    meetings: MeetingsService;
  }
}
