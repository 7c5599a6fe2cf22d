// The minutes of a meeting (biên bản): the working copy the minute-taker's phone autosaves, the
// resolutions and votes, the tasks they assign, the next regular meeting's review of open tasks, the
// two signatures that lock it all, and dated addenda afterwards.
import {
  agendaTemplateFor,
  canMoveTask,
  guidanceOn,
  MINUTES_CONTENT_MAX_BYTES,
  reviewCoverage,
  unreviewed,
  voteOutcome,
  voteProblems,
  type AddendumInput,
  type ErrorDetail,
  type MeetingRules,
  type MinutesAttendanceDto,
  type MinutesContentDto,
  type MinutesDto,
  type MinutesSavedDto,
  type MinutesSaveInput,
  type MinutesSignInput,
  type ResolutionDto,
  type ResolutionInput,
  type ResolutionKind,
  type ResolutionPatchInput,
  type TaskDto,
  type TaskInput,
  type TaskPatchInput,
  type TaskRef,
  type TaskReviewDto,
  type TaskReviewInput,
  type TaskState,
  type VoteInput,
} from "@chibo/domain";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { AppError, forbidden } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { loadDocumentSettings } from "../../lib/document-settings.js";
import { loadMeetingRules } from "../../lib/meeting-rules.js";
import { meetingLabel, viDate } from "../../lib/meeting-text.js";
import { can, type Actor } from "../../policy/policy.js";
import { createNotificationsRepository } from "../notifications/notifications.repository.js";
import { createTasksReader, presentTask, type TaskReadRow } from "../tasks/tasks.reader.js";
import {
  attendanceSummary,
  maskReasons,
  presentResolution,
  resolutionNumber,
  voteContext,
} from "./minutes.presenter.js";
import { decidedScoreOf } from "../scores/scores.service.js";
import { minutesDocx, resolutionDocx, type ExportedFile } from "./minutes.export.js";
import {
  createMinutesRepository,
  type MeetingPlace,
  type MeetingRow,
  type MinutesRow,
  type ResolutionRow,
  type TaskReviewRow,
  type TaskRow,
} from "./minutes.repository.js";

/** The facts of the .docx header (documents.md) besides the minutes themselves. */
export interface MinutesExportHeader {
  /** The superior organisation: the cell's parent unit (left column, first line); null at the top. */
  superiorName: string | null;
  /** The issuing organisation: the cell. */
  issuerName: string;
  /** The meeting's place, else the cell's registered place. */
  place: string | null;
  /** The local date the meeting was held (its planned date before that). */
  date: string;
  /** "YYYY-MM" of a regular meeting ("tháng … năm …" under the title); null for other kinds. */
  period: string | null;
  /** The subject of a thematic meeting or forum. */
  topic: string | null;
  /** What the meeting is: "Sinh hoạt chi bộ thường kỳ tháng 3/2026". */
  label: string;
}

export interface MinutesExport {
  header: MinutesExportHeader;
  minutes: MinutesDto;
}

const ENTITY_VI = {
  meeting: "cuộc họp",
  resolution: "nghị quyết, kết luận",
  task: "nhiệm vụ",
  review: "nhiệm vụ cần kiểm điểm trong cuộc họp này",
} as const;
type Entity = keyof typeof ENTITY_VI;

const missing = (entity: Entity) =>
  new AppError(404, "not_found", `Không tìm thấy ${ENTITY_VI[entity]}`);

const stateError = (detail: string) => new AppError(409, "meeting_state", detail);

const lockedError = () =>
  new AppError(
    409,
    "minutes_locked",
    "Biên bản đã được ký và khóa, không ai được sửa; đính chính bằng phụ lục",
  );

/** The meeting is under way or over: there is an attendance record to write and vote against. */
const RUNNING = new Set(["in_progress", "held"]);

/** HD12: the next regular meeting reviews the open tasks (its report step). */
const reviews = (m: MeetingRow) => m.kind === "regular";

function fail(status: number, code: "validation_failed", details: ErrorDetail[]): never {
  throw new AppError(status, code, details[0]?.message ?? "Dữ liệu không hợp lệ", details);
}

/** The reviewed tasks count as they stood before this meeting (open) so coverage reads x of n. */
function reviewRefs(list: readonly TaskReadRow[], reviewed: ReadonlySet<string>): TaskRef[] {
  return list.map((t) => ({ id: t.id, state: reviewed.has(t.id) ? "open" : t.state }));
}

const VERDICT_STATE: Record<TaskReviewInput["verdict"], TaskState> = {
  done: "done",
  in_progress: "in_progress",
  not_done: "not_done",
};

function signed(row: MinutesRow | undefined): boolean {
  return row !== undefined && (row.chairSignedAt !== null || row.takerSignedAt !== null);
}

function resolutionSnapshot(r: ResolutionRow) {
  return {
    id: r.id,
    kind: r.kind,
    number: resolutionNumber(r.kind, r.number),
    title: r.title,
    content: r.content,
    vote:
      r.voteApprove === null
        ? null
        : { approve: r.voteApprove, against: r.voteAgainst, other: r.voteOther },
    outcome: r.outcome,
  };
}

function taskSnapshot(t: TaskRow, assignees: readonly string[]) {
  return {
    id: t.id,
    resolutionId: t.resolutionId,
    title: t.title,
    details: t.details,
    dueDate: t.dueDate,
    assigneeBody: t.assigneeBody,
    assigneeMemberIds: [...assignees],
    state: t.state,
  };
}

export function createMinutesService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The meeting, or 404 when it is missing or outside what the actor may read. */
  function readable<T extends { unitPath: string }>(
    actor: Actor,
    row: T | undefined,
    entity: Entity,
  ): T {
    if (!row || !can(actor, "meeting.read", row.unitPath)) throw missing(entity);
    return row;
  }

  function requireWrite(actor: Actor, unitPath: string): void {
    if (!can(actor, "meeting.write", unitPath)) throw forbidden();
  }

  /**
   * A command on a meeting's record (resolutions, votes, tasks, reviews): the meeting locked for the
   * transaction, the actor a lead of the cell, the meeting not cancelled, the minutes not locked.
   */
  async function writable(tx: Tx, actor: Actor, meetingId: string, entity: Entity = "meeting") {
    const r = createMinutesRepository(tx);
    const m = readable(actor, await r.meetingForUpdate(actor.tenantId, meetingId), entity);
    requireWrite(actor, m.unitPath);
    if (m.status === "cancelled") throw stateError("Cuộc họp đã hủy");
    const row = await r.minutes(actor.tenantId, meetingId);
    if (row?.lockedAt) throw lockedError();
    return { m, row };
  }

  /** A change to what the signers approved voids a signature given before it. */
  async function touched(tx: Tx, actor: Actor, meetingId: string, row: MinutesRow | undefined) {
    if (signed(row)) await createMinutesRepository(tx).clearSignatures(actor.tenantId, meetingId);
  }

  async function attendanceNow(
    tx: DbOrTx,
    tenantId: string,
    meetingId: string,
    rules: MeetingRules,
  ) {
    const r = createMinutesRepository(tx);
    const lines = await r.attendance(tenantId, meetingId);
    return attendanceSummary(lines, await r.guests(tenantId, meetingId), rules);
  }

  /** The working copy before anything is saved: one part per agenda step (or template step). */
  async function prefill(tx: DbOrTx, place: MeetingPlace): Promise<MinutesContentDto> {
    const m = place.meeting;
    const agenda = await createMinutesRepository(tx).agendaItems(m.tenantId, m.id);
    const steps =
      agenda.length > 0
        ? agenda.map((a) => ({ agendaItemId: a.id, title: a.title, presenter: a.presenter }))
        : agendaTemplateFor(m.kind, guidanceOn(m.date)).items.map((i) => ({
            agendaItemId: null,
            title: i.title,
            presenter: null,
          }));
    return {
      place: m.place ?? place.unitPlace,
      opening: "",
      items: steps.map((s) => ({ ...s, summary: "", opinions: [], conclusion: "" })),
      other: "",
    };
  }

  async function resolutionDtos(
    tx: DbOrTx,
    actor: Actor,
    rows: readonly ResolutionRow[],
  ): Promise<ResolutionDto[]> {
    const today = clock.today();
    const taskRows = await createTasksReader(tx).byResolutions(
      actor.tenantId,
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      presentResolution(
        r,
        taskRows.filter((t) => t.resolutionId === r.id).map((t) => presentTask(t, actor, today)),
      ),
    );
  }

  /** This meeting's review list with its verdicts (regular meetings). */
  async function reviewList(tx: DbOrTx, tenantId: string, m: MeetingRow) {
    if (!reviews(m)) {
      return { list: [] as TaskReadRow[], verdicts: new Map<string, TaskReviewRow>() };
    }
    const r = createMinutesRepository(tx);
    const list = await createTasksReader(tx).toReview(tenantId, m.unitId, m.id, m.date);
    const rows = await r.reviewsOf(tenantId, m.id);
    return { list, verdicts: new Map(rows.map((v) => [v.taskId, v])) };
  }

  /** The whole minutes as the actor may see them (access is the caller's check). */
  async function build(
    tx: DbOrTx,
    actor: Actor,
    place: MeetingPlace,
    row: MinutesRow | undefined,
    chair: { memberId: string; fullName: string } | undefined,
  ): Promise<MinutesDto> {
    const m = place.meeting;
    const r = createMinutesRepository(tx);
    const tenantId = actor.tenantId;
    const locked = row?.lockedAt != null;
    const write = can(actor, "meeting.write", m.unitPath);
    // One statement at a time: inside a transaction there is only one connection to send them on.
    const content = row ? row.content : await prefill(tx, place);
    const resolutionRows = await r.resolutionsOf(tenantId, m.id);
    const addenda = await r.addenda(tenantId, m.id);
    const review = await reviewList(tx, tenantId, m);
    const attendance: MinutesAttendanceDto =
      locked && row.attendanceSnapshot
        ? row.attendanceSnapshot
        : await attendanceNow(tx, tenantId, m.id, await loadMeetingRules(tx, tenantId));
    const chairId = row ? row.chairMemberId : (chair?.memberId ?? null);
    const takerId = row?.minuteTakerMemberId ?? null;
    const ids = [chairId, takerId].filter((x): x is string => x !== null);
    const names = await r.memberNames(tenantId, ids);
    const accounts = write ? await r.accountsOf(tenantId, ids) : [];
    const resolutionsDto = await resolutionDtos(tx, actor, resolutionRows);
    const hasAccount = (id: string | null) => accounts.some((a) => a.memberId === id);
    const today = clock.today();
    const reviewed = new Set(review.verdicts.keys());
    const refs = reviewRefs(review.list, reviewed);
    const open = !locked && RUNNING.has(m.status);
    const canSign = (holder: string | null, at: Date | null | undefined) =>
      open &&
      m.status === "held" &&
      holder !== null &&
      !at &&
      (holder === actor.memberId || (write && !hasAccount(holder)));
    const signature = (at: Date | null | undefined, name: string | null, onBehalf: boolean) =>
      at ? { at: at.toISOString(), byName: name ?? "", onBehalf } : null;
    const chairName = chairId ? (names.get(chairId) ?? null) : null;
    const takerName = takerId ? (names.get(takerId) ?? null) : null;
    return {
      meetingId: m.id,
      meetingKind: m.kind,
      meetingStatus: m.status,
      meetingDate: m.date,
      unitName: place.unitName,
      superiorName: place.parentName,
      locality: (await loadDocumentSettings(tx, tenantId)).place,
      topic: m.topic,
      state: locked ? "signed" : "draft",
      rev: row?.rev ?? 0,
      chairMemberId: chairId,
      chairName,
      minuteTakerMemberId: takerId,
      minuteTakerName: takerName,
      startedAt: m.startedAt?.toISOString() ?? null,
      endedAt: m.endedAt?.toISOString() ?? null,
      content,
      attendance: maskReasons(attendance, can(actor, "meeting.alerts", m.unitPath), actor.memberId),
      resolutions: resolutionsDto,
      reviews: review.list.map((t) => {
        const v = review.verdicts.get(t.id);
        return {
          task: presentTask(t, actor, today),
          verdict: v?.verdict ?? null,
          cause: v?.cause ?? null,
        };
      }),
      reviewCoverage: reviewCoverage(refs, reviewed),
      signatures: {
        chair: signature(row?.chairSignedAt, chairName, row?.chairOnBehalf ?? false),
        minuteTaker: signature(row?.takerSignedAt, takerName, row?.takerOnBehalf ?? false),
      },
      lockedAt: row?.lockedAt?.toISOString() ?? null,
      addenda: addenda.map((a) => ({
        id: a.id,
        text: a.text,
        createdAt: a.createdAt.toISOString(),
        createdBy: a.createdBy,
      })),
      updatedAt: row?.updatedAt.toISOString() ?? null,
      can: {
        edit: open && (write || (actor.memberId !== null && actor.memberId === takerId)),
        signAsChair: canSign(chairId, row?.chairSignedAt),
        signAsMinuteTaker: canSign(takerId, row?.takerSignedAt),
        addendum: locked && write,
      },
    };
  }

  /**
   * Who reads the minutes: a lead of the cell (and the committees above) always; the chair and the
   * minute-taker their draft; any other reader of the meeting only once signed.
   */
  async function readMinutes(tx: DbOrTx, actor: Actor, meetingId: string) {
    const r = createMinutesRepository(tx);
    const place = await r.meetingPlace(actor.tenantId, meetingId);
    const m = readable(actor, place?.meeting, "meeting");
    if (!place) throw missing("meeting");
    const row = await r.minutes(actor.tenantId, m.id);
    // Before the first save the cell's secretary is proposed as chair.
    const chair = row ? undefined : await r.secretary(actor.tenantId, m.unitId, clock.today());
    const chairId = row ? row.chairMemberId : (chair?.memberId ?? null);
    const self =
      actor.memberId !== null &&
      (actor.memberId === chairId || actor.memberId === row?.minuteTakerMemberId);
    if (!can(actor, "meeting.write", m.unitPath) && !self && !row?.lockedAt) {
      throw new AppError(403, "forbidden", "Biên bản chưa được ký");
    }
    return { place, row, chair };
  }

  async function minutesDto(tx: DbOrTx, actor: Actor, meetingId: string) {
    const { place, row, chair } = await readMinutes(tx, actor, meetingId);
    return build(tx, actor, place, row, chair);
  }

  async function resolutionDto(tx: DbOrTx, actor: Actor, row: ResolutionRow) {
    const [dto] = await resolutionDtos(tx, actor, [row]);
    if (!dto) throw new Error("resolution vanished");
    return dto;
  }

  async function taskDto(tx: DbOrTx, actor: Actor, id: string): Promise<TaskDto> {
    const [row] = await createTasksReader(tx).byIds(actor.tenantId, [id]);
    if (!row) throw new Error("task vanished");
    return presentTask(row, actor, clock.today());
  }

  /** A resolution and its meeting, for a command: 404 unless readable, then the meeting's checks. */
  async function resolutionFor(tx: Tx, actor: Actor, id: string) {
    const res = readable(
      actor,
      await createMinutesRepository(tx).resolution(actor.tenantId, id),
      "resolution",
    );
    const { m, row } = await writable(tx, actor, res.meetingId, "resolution");
    return { res, m, row };
  }

  async function taskFor(tx: Tx, actor: Actor, id: string) {
    const task = readable(
      actor,
      await createMinutesRepository(tx).task(actor.tenantId, id),
      "task",
    );
    const { m, row } = await writable(tx, actor, task.meetingId, "task");
    return { task, m, row };
  }

  /**
   * A task's assignees are members of the cell: on the meeting's roster or active in it now. The due
   * date is not before the meeting.
   */
  async function checkTask(
    tx: Tx,
    actor: Actor,
    m: MeetingRow,
    dueDate: string | undefined,
    assignees: readonly string[] | undefined,
  ) {
    if (dueDate !== undefined && dueDate < m.date) {
      throw new AppError(
        422,
        "task_due_before_meeting",
        `Thời hạn không được trước ngày họp (${viDate(m.date)})`,
        [
          {
            path: "body.dueDate",
            message: `Thời hạn không được trước ngày họp (${viDate(m.date)})`,
          },
        ],
      );
    }
    if (!assignees || assignees.length === 0) return;
    const r = createMinutesRepository(tx);
    const roster = new Set((await r.attendance(actor.tenantId, m.id)).map((l) => l.memberId));
    const active = await r.activeInCell(
      actor.tenantId,
      m.unitId,
      assignees.filter((a) => !roster.has(a)),
    );
    const message = "Người được giao không phải đảng viên của chi bộ";
    const problems = assignees.flatMap((a, i) =>
      roster.has(a) || active.has(a) ? [] : [{ path: `body.assigneeMemberIds.${i}`, message }],
    );
    if (problems.length > 0) {
      throw new AppError(422, "task_assignee_not_in_cell", message, problems);
    }
  }

  /** In-app notice to each assignee's active account, in the command's transaction. */
  async function notifyAssigned(
    tx: Tx,
    actor: Actor,
    task: TaskRow,
    memberIds: readonly string[],
    unitName: string,
  ) {
    const accounts = await createMinutesRepository(tx).accountsOf(actor.tenantId, memberIds);
    const now = clock.now();
    await createNotificationsRepository(tx).insertMany(
      accounts.map((a) => ({
        tenantId: actor.tenantId,
        userId: a.userId,
        kind: "task_assigned" as const,
        meetingId: task.meetingId,
        taskId: task.id,
        title: `Nhiệm vụ mới — ${unitName}`,
        body: `${task.title}\nThời hạn: ${viDate(task.dueDate)}`,
        createdAt: now,
      })),
    );
  }

  async function unitName(tx: Tx, actor: Actor, meetingId: string) {
    const place = await createMinutesRepository(tx).meetingPlace(actor.tenantId, meetingId);
    return place?.unitName ?? "";
  }

  return {
    async get(actor: Actor, meetingId: string): Promise<MinutesDto> {
      return minutesDto(db, actor, meetingId);
    },

    /**
     * What the .docx export needs: the minutes as the actor may read them and the header facts
     * (documents.md). Same access as reading the minutes.
     */
    async exportData(actor: Actor, meetingId: string): Promise<MinutesExport> {
      const { place, row, chair } = await readMinutes(db, actor, meetingId);
      const m = place.meeting;
      return {
        header: {
          superiorName: place.parentName,
          issuerName: place.unitName,
          place: m.place ?? place.unitPlace,
          date: m.heldOn ?? m.date,
          period: m.period,
          topic: m.topic,
          label: meetingLabel(m),
        },
        minutes: await build(db, actor, place, row, chair),
      };
    },

    /** The minutes as .docx, for whoever may read them (a draft only for its writers). */
    async exportMinutesDocx(actor: Actor, meetingId: string): Promise<ExportedFile> {
      const exp = await this.exportData(actor, meetingId);
      const score = await decidedScoreOf(db, actor.tenantId, meetingId);
      return minutesDocx(exp, await loadDocumentSettings(db, actor.tenantId), score);
    },

    /** One resolution or conclusion as .docx, with the same access as its minutes. */
    async exportResolutionDocx(actor: Actor, resolutionId: string): Promise<ExportedFile> {
      const res = readable(
        actor,
        await createMinutesRepository(db).resolution(actor.tenantId, resolutionId),
        "resolution",
      );
      const exp = await this.exportData(actor, res.meetingId);
      const dto = exp.minutes.resolutions.find((r) => r.id === resolutionId);
      if (!dto) throw missing("resolution");
      return resolutionDocx(exp, dto, await loadDocumentSettings(db, actor.tenantId));
    },

    /**
     * The autosave, called every second or so while the minute-taker types: one read (meeting,
     * minutes, roster and guest ids) and one upsert guarded by the revision, no transaction. No
     * audit entry per save: the text that counts is audited in full when it is signed.
     */
    async save(actor: Actor, meetingId: string, input: MinutesSaveInput): Promise<MinutesSavedDto> {
      const r = createMinutesRepository(db);
      const ctx = readable(actor, await r.autosaveContext(actor.tenantId, meetingId), "meeting");
      const write = can(actor, "meeting.write", ctx.unitPath);
      const taker = actor.memberId !== null && actor.memberId === ctx.minuteTakerMemberId;
      if (!write && !taker) throw forbidden("Chỉ thư ký cuộc họp hoặc cấp ủy được ghi biên bản");
      if (
        !write &&
        (input.chairMemberId !== ctx.chairMemberId ||
          input.minuteTakerMemberId !== ctx.minuteTakerMemberId)
      ) {
        throw forbidden("Chỉ cấp ủy được thay đổi người chủ trì, thư ký");
      }
      if (!RUNNING.has(ctx.status)) {
        throw stateError("Chỉ ghi biên bản khi cuộc họp đã khai mạc");
      }
      if (ctx.locked) throw lockedError();
      const stored = ctx.hasRow ? (ctx.rev ?? 0) : 0;
      const stale = () =>
        new AppError(
          409,
          "stale_version",
          "Biên bản đã được lưu từ một bản khác mới hơn; hãy tải lại trước khi ghi tiếp",
          [{ path: "body.rev", message: `Bản đang lưu là bản ${String(stored)}` }],
        );
      if (input.rev !== stored) throw stale();
      if (Buffer.byteLength(JSON.stringify(input.content)) > MINUTES_CONTENT_MAX_BYTES) {
        throw new AppError(413, "payload_too_large", "Biên bản quá dài để lưu trong một lần");
      }
      const roster = new Set(ctx.roster);
      const guests = new Set(ctx.guests);
      const problems: ErrorDetail[] = [];
      const notOnRoster = "Đảng viên không có trong danh sách cuộc họp";
      if (input.chairMemberId !== null && !roster.has(input.chairMemberId)) {
        problems.push({ path: "body.chairMemberId", message: notOnRoster });
      }
      if (input.minuteTakerMemberId !== null && !roster.has(input.minuteTakerMemberId)) {
        problems.push({ path: "body.minuteTakerMemberId", message: notOnRoster });
      }
      input.content.items.forEach((item, i) => {
        item.opinions.forEach((o, j) => {
          const at = `body.content.items.${String(i)}.opinions.${String(j)}`;
          if (o.speakerMemberId !== null && !roster.has(o.speakerMemberId)) {
            problems.push({ path: `${at}.speakerMemberId`, message: notOnRoster });
          }
          if (o.speakerGuestId !== null && !guests.has(o.speakerGuestId)) {
            problems.push({
              path: `${at}.speakerGuestId`,
              message: "Đại biểu không có trong danh sách khách mời của cuộc họp",
            });
          }
        });
      });
      if (problems.length > 0) fail(422, "validation_failed", problems);
      const saved = await r.saveDraft(
        {
          tenantId: actor.tenantId,
          meetingId,
          unitPath: ctx.unitPath,
          content: input.content,
          chairMemberId: input.chairMemberId,
          minuteTakerMemberId: input.minuteTakerMemberId,
          updatedBy: actor.userId,
          updatedAt: clock.now(),
        },
        input.rev,
      );
      if (!saved) {
        // Another save or the signing got in between the read and the write.
        const now = await r.minutes(actor.tenantId, meetingId);
        if (now?.lockedAt) throw lockedError();
        throw stale();
      }
      return { rev: saved.rev, savedAt: saved.updatedAt.toISOString() };
    },

    /**
     * The chair and the minute-taker confirm the minutes, each for themselves; a lead confirms for a
     * signer without an account (the signature is then in the minutes book). Signing again for a
     * role already signed is idempotent. The second signature locks the minutes: the attendance
     * summary is frozen, adopted resolutions are numbered, and the signed text is audited in full.
     */
    async sign(actor: Actor, meetingId: string, input: MinutesSignInput): Promise<MinutesDto> {
      return db.transaction(async (tx) => {
        const r = createMinutesRepository(tx);
        const tenantId = actor.tenantId;
        const m = readable(actor, await r.meetingForUpdate(tenantId, meetingId), "meeting");
        const row = await r.minutes(tenantId, meetingId);
        if (row?.lockedAt) throw lockedError();
        const write = can(actor, "meeting.write", m.unitPath);
        const holder =
          (input.as === "chair" ? row?.chairMemberId : row?.minuteTakerMemberId) ?? null;
        const self = actor.memberId !== null && holder === actor.memberId;
        if (!self && !write) {
          throw forbidden("Chỉ người chủ trì hoặc thư ký tự ký biên bản của mình");
        }

        const problems: ErrorDetail[] = [];
        if (m.status !== "held") {
          problems.push({ path: "meeting.status", message: "Cuộc họp chưa bế mạc" });
        }
        if (!row?.chairMemberId) {
          problems.push({ path: "chairMemberId", message: "Chưa ghi người chủ trì" });
        }
        if (!row?.minuteTakerMemberId) {
          problems.push({ path: "minuteTakerMemberId", message: "Chưa ghi thư ký" });
        }
        if (!row || row.content.items.length === 0) {
          problems.push({ path: "content.items", message: "Biên bản chưa có nội dung nào" });
        }
        const resolutionRows = await r.resolutionsOf(tenantId, meetingId);
        resolutionRows.forEach((res, i) => {
          if (res.outcome === null) {
            problems.push({
              path: `resolutions.${String(i)}.vote`,
              message: `Chưa biểu quyết: ${res.title}`,
            });
          }
        });
        const review = await reviewList(tx, tenantId, m);
        const reviewed = new Set(review.verdicts.keys());
        for (const taskId of unreviewed(reviewRefs(review.list, reviewed), reviewed)) {
          const t = review.list.find((x) => x.id === taskId);
          problems.push({
            path: `reviews.${taskId}`,
            message: `Chưa kiểm điểm nhiệm vụ: ${t?.title ?? taskId}`,
          });
        }
        if (problems.length > 0 || !row || holder === null) {
          throw new AppError(
            422,
            "minutes_not_ready",
            `Biên bản chưa đủ điều kiện để ký: ${problems.map((p) => p.message).join("; ")}`,
            problems,
          );
        }

        if (!self) {
          const accounts = await r.accountsOf(tenantId, [holder]);
          if (accounts.length > 0) {
            throw forbidden("Người ký có tài khoản: phải tự ký trên ứng dụng");
          }
        }
        const already = input.as === "chair" ? row.chairSignedAt : row.takerSignedAt;
        if (already) return minutesDto(tx, actor, meetingId);

        const now = clock.now();
        const after = await r.sign(tenantId, meetingId, input.as, {
          userId: actor.userId,
          onBehalf: !self,
          at: now,
        });
        if (!after) throw lockedError();
        await recordAudit(tx, actor, tenantId, {
          action: "minutes.sign",
          entity: "meeting",
          entityId: meetingId,
          unitPath: m.unitPath,
          after: { as: input.as, memberId: holder, onBehalf: !self, rev: row.rev },
        });

        if (after.chairSignedAt && after.takerSignedAt) {
          const rules = await loadMeetingRules(tx, tenantId);
          const snapshot = await attendanceNow(tx, tenantId, meetingId, rules);
          await r.lock(tenantId, meetingId, now, snapshot);
          // Numbers run per unit and kind (max + 1). The Party's rule runs them through the
          // committee's term, from one congress to the next (documents.md): terms are not modelled
          // yet, so the count never restarts. Only adopted texts are issued, so only they are numbered.
          await r.lockUnit(tenantId, m.unitId);
          const top = new Map<ResolutionKind, number>();
          const numbered: ResolutionRow[] = [];
          for (const res of resolutionRows) {
            if (res.outcome !== "adopted" || res.number !== null) {
              numbered.push(res);
              continue;
            }
            const n = (top.get(res.kind) ?? (await r.topNumber(tenantId, m.unitId, res.kind))) + 1;
            top.set(res.kind, n);
            numbered.push(await r.updateResolution(tenantId, res.id, { number: n }));
          }
          await recordAudit(tx, actor, tenantId, {
            action: "minutes.lock",
            entity: "meeting",
            entityId: meetingId,
            unitPath: m.unitPath,
            after: {
              rev: row.rev,
              chairMemberId: row.chairMemberId,
              minuteTakerMemberId: row.minuteTakerMemberId,
              content: row.content,
              attendance: snapshot,
              resolutions: numbered.map(resolutionSnapshot),
              reviews: [...review.verdicts.values()].map((v) => ({
                taskId: v.taskId,
                verdict: v.verdict,
                cause: v.cause,
              })),
            },
          });
        }
        return minutesDto(tx, actor, meetingId);
      });
    },

    /** A dated correction to locked minutes; the signed text stays as it was. */
    async addendum(actor: Actor, meetingId: string, input: AddendumInput): Promise<MinutesDto> {
      return db.transaction(async (tx) => {
        const r = createMinutesRepository(tx);
        const m = readable(actor, await r.meetingForUpdate(actor.tenantId, meetingId), "meeting");
        requireWrite(actor, m.unitPath);
        const row = await r.minutes(actor.tenantId, meetingId);
        if (!row?.lockedAt) {
          throw new AppError(
            409,
            "minutes_not_ready",
            "Biên bản chưa ký và khóa: sửa trực tiếp bản nháp, không cần phụ lục",
          );
        }
        const added = await r.insertAddendum({
          tenantId: actor.tenantId,
          meetingId,
          text: input.text,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "minutes.addendum",
          entity: "meeting",
          entityId: meetingId,
          unitPath: m.unitPath,
          after: { id: added.id, text: added.text },
        });
        return minutesDto(tx, actor, meetingId);
      });
    },

    // ---------------------------------------------------------------------------------------------
    // Resolutions and votes.

    async createResolution(
      actor: Actor,
      meetingId: string,
      input: ResolutionInput,
    ): Promise<ResolutionDto> {
      return db.transaction(async (tx) => {
        const { m, row } = await writable(tx, actor, meetingId);
        const r = createMinutesRepository(tx);
        const res = await r.insertResolution({
          tenantId: actor.tenantId,
          meetingId,
          unitId: m.unitId,
          unitPath: m.unitPath,
          kind: input.kind,
          title: input.title,
          content: input.content,
          position: await r.nextResolutionPosition(actor.tenantId, meetingId),
          createdBy: actor.userId,
          createdAt: clock.now(),
          updatedAt: clock.now(),
        });
        await touched(tx, actor, meetingId, row);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "resolution.create",
          entity: "resolution",
          entityId: res.id,
          unitPath: m.unitPath,
          after: resolutionSnapshot(res),
        });
        return resolutionDto(tx, actor, res);
      });
    },

    async patchResolution(
      actor: Actor,
      id: string,
      input: ResolutionPatchInput,
    ): Promise<ResolutionDto> {
      return db.transaction(async (tx) => {
        const { res, m, row } = await resolutionFor(tx, actor, id);
        const updated = await createMinutesRepository(tx).updateResolution(actor.tenantId, id, {
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.content !== undefined ? { content: input.content } : {}),
          updatedAt: clock.now(),
        });
        await touched(tx, actor, res.meetingId, row);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "resolution.update",
          entity: "resolution",
          entityId: id,
          unitPath: m.unitPath,
          before: resolutionSnapshot(res),
          after: resolutionSnapshot(updated),
        });
        return resolutionDto(tx, actor, updated);
      });
    },

    /** Removes the resolution with its tasks (their assignees, reports and reviews). */
    async deleteResolution(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { res, m, row } = await resolutionFor(tx, actor, id);
        const taskIds = await createMinutesRepository(tx).deleteResolution(actor.tenantId, id);
        await touched(tx, actor, res.meetingId, row);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "resolution.delete",
          entity: "resolution",
          entityId: id,
          unitPath: m.unitPath,
          before: { ...resolutionSnapshot(res), taskIds },
        });
      });
    },

    /**
     * Charter: for, against, other — official members present only; adopted by more than half of the
     * voting body, never without quorum. Checked against the attendance record.
     */
    async vote(actor: Actor, id: string, input: VoteInput): Promise<ResolutionDto> {
      return db.transaction(async (tx) => {
        const { res, m, row } = await resolutionFor(tx, actor, id);
        if (!RUNNING.has(m.status)) {
          throw stateError("Chỉ biểu quyết khi cuộc họp đã khai mạc và có điểm danh");
        }
        const r = createMinutesRepository(tx);
        const lines = await r.attendance(actor.tenantId, m.id);
        const ctx = voteContext(lines, await loadMeetingRules(tx, actor.tenantId));
        const problems = voteProblems(input, ctx).map((p) => ({ ...p, path: `body.${p.path}` }));
        if (problems.length > 0) {
          throw new AppError(422, "vote_invalid", problems[0]?.message ?? "", problems);
        }
        const outcome = voteOutcome(input, ctx);
        const updated = await r.updateResolution(actor.tenantId, id, {
          voteApprove: input.approve,
          voteAgainst: input.against,
          voteOther: input.other,
          outcome,
          votedAt: clock.now(),
          updatedAt: clock.now(),
        });
        await touched(tx, actor, res.meetingId, row);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "resolution.vote",
          entity: "resolution",
          entityId: id,
          unitPath: m.unitPath,
          before: resolutionSnapshot(res),
          after: { ...resolutionSnapshot(updated), context: ctx },
        });
        return resolutionDto(tx, actor, updated);
      });
    },

    // ---------------------------------------------------------------------------------------------
    // Tasks.

    async createTask(actor: Actor, resolutionId: string, input: TaskInput): Promise<TaskDto> {
      return db.transaction(async (tx) => {
        const { res, m, row } = await resolutionFor(tx, actor, resolutionId);
        const assignees = [...new Set(input.assigneeMemberIds)];
        await checkTask(tx, actor, m, input.dueDate, input.assigneeMemberIds);
        const r = createMinutesRepository(tx);
        const now = clock.now();
        const task = await r.insertTask({
          tenantId: actor.tenantId,
          unitId: m.unitId,
          unitPath: m.unitPath,
          meetingId: m.id,
          meetingDate: m.date,
          resolutionId: res.id,
          title: input.title,
          details: input.details ?? null,
          dueDate: input.dueDate,
          assigneeBody: input.assigneeBody ?? null,
          position: await r.nextTaskPosition(actor.tenantId, res.id),
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await r.addAssignees(actor.tenantId, task.id, assignees);
        await notifyAssigned(tx, actor, task, assignees, await unitName(tx, actor, m.id));
        await touched(tx, actor, m.id, row);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "task.create",
          entity: "task",
          entityId: task.id,
          unitPath: m.unitPath,
          after: taskSnapshot(task, assignees),
        });
        return taskDto(tx, actor, task.id);
      });
    },

    /** Changes a task's wording, due date or assignees; members newly assigned are notified. */
    async patchTask(actor: Actor, id: string, input: TaskPatchInput): Promise<TaskDto> {
      return db.transaction(async (tx) => {
        const { task, m, row } = await taskFor(tx, actor, id);
        const r = createMinutesRepository(tx);
        const before = await r.assigneesOf(actor.tenantId, id);
        const next = input.assigneeMemberIds ? [...new Set(input.assigneeMemberIds)] : before;
        const body = input.assigneeBody !== undefined ? input.assigneeBody : task.assigneeBody;
        if (next.length === 0 && (body ?? "") === "") {
          fail(422, "validation_failed", [
            {
              path: "body.assigneeMemberIds",
              message: "Nhiệm vụ phải có người hoặc tập thể phụ trách",
            },
          ]);
        }
        await checkTask(tx, actor, m, input.dueDate, input.assigneeMemberIds);
        const updated = await r.updateTask(actor.tenantId, id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.details !== undefined ? { details: input.details } : {}),
          ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
          ...(input.assigneeBody !== undefined ? { assigneeBody: input.assigneeBody } : {}),
          updatedAt: clock.now(),
        });
        const added = next.filter((a) => !before.includes(a));
        await r.removeAssignees(
          actor.tenantId,
          id,
          before.filter((a) => !next.includes(a)),
        );
        await r.addAssignees(actor.tenantId, id, added);
        if (added.length > 0) {
          await notifyAssigned(tx, actor, updated, added, await unitName(tx, actor, m.id));
        }
        await touched(tx, actor, m.id, row);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "task.update",
          entity: "task",
          entityId: id,
          unitPath: m.unitPath,
          before: taskSnapshot(task, before),
          after: taskSnapshot(updated, next),
        });
        return taskDto(tx, actor, id);
      });
    },

    async deleteTask(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { task, m, row } = await taskFor(tx, actor, id);
        const r = createMinutesRepository(tx);
        const assignees = await r.assigneesOf(actor.tenantId, id);
        await r.deleteTasks(actor.tenantId, [id]);
        await touched(tx, actor, m.id, row);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "task.delete",
          entity: "task",
          entityId: id,
          unitPath: m.unitPath,
          before: taskSnapshot(task, assignees),
        });
      });
    },

    /**
     * HD12: the regular meeting reviews each task still open from earlier meetings: done, in progress,
     * or not done with its cause. One review per task and meeting (a second one corrects the first);
     * the task's state follows the verdict. A task not on this meeting's review list is not found.
     */
    async review(
      actor: Actor,
      meetingId: string,
      taskId: string,
      input: TaskReviewInput,
    ): Promise<TaskReviewDto> {
      return db.transaction(async (tx) => {
        const { m, row } = await writable(tx, actor, meetingId);
        if (!RUNNING.has(m.status)) {
          throw stateError("Chỉ kiểm điểm nhiệm vụ khi cuộc họp đã khai mạc");
        }
        const { list, verdicts } = await reviewList(tx, actor.tenantId, m);
        const task = list.find((t) => t.id === taskId);
        if (!task) throw missing("review");
        const earlier = verdicts.get(taskId);
        const state = VERDICT_STATE[input.verdict];
        // A task is moved by the state machine; one already reviewed here may be corrected.
        if (!earlier && task.state !== state && !canMoveTask(task.state, state)) {
          throw new AppError(409, "task_state", "Nhiệm vụ đã kết thúc, không kiểm điểm lại được");
        }
        const now = clock.now();
        const r = createMinutesRepository(tx);
        const saved = await r.upsertReview({
          tenantId: actor.tenantId,
          taskId,
          meetingId,
          verdict: input.verdict,
          cause: input.cause ?? null,
          reviewedBy: actor.userId,
          updatedAt: now,
        });
        await r.updateTask(actor.tenantId, taskId, {
          state,
          ...(input.cause ? { lastNote: input.cause } : {}),
          updatedAt: now,
        });
        await touched(tx, actor, meetingId, row);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "task.review",
          entity: "task",
          entityId: taskId,
          unitPath: m.unitPath,
          before: {
            state: task.state,
            verdict: earlier?.verdict ?? null,
            cause: earlier?.cause ?? null,
          },
          after: { meetingId, state, verdict: saved.verdict, cause: saved.cause },
        });
        return {
          task: await taskDto(tx, actor, taskId),
          verdict: saved.verdict,
          cause: saved.cause,
        };
      });
    },
  };
}

export type MinutesService = ReturnType<typeof createMinutesService>;
