import { randomUUID } from "node:crypto";
import {
  agendaEditable,
  agendaTemplateDto,
  agendaTemplateFor,
  canMoveAgenda,
  DEFAULT_AGENDA_TEMPLATES,
  guidanceOn,
  type AgendaAgreeInput,
  type AgendaDto,
  type AgendaItemsInput,
  type AgendaState,
  type AgendaTemplate,
  type AgendaTemplatesDto,
  type AgendaTemplatesInput,
  type DocumentDto,
  type ErrorDetail,
  type MeetingStatus,
} from "@chibo/domain";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { authorize, can, requireSomewhere, type Actor } from "../../policy/policy.js";
import { createTasksReader, presentTask } from "../tasks/tasks.reader.js";
import { presentAgenda, presentDocument, VERSION_BEFORE_AGENDA } from "./agenda.presenter.js";
import {
  createAgendaRepository,
  type AgendaItemRow,
  type AgendaMeeting,
  type AgendaRepository,
  type AgendaRow,
} from "./agenda.repository.js";
import { inspectDocument } from "./documents.js";

/**
 * What the agenda needs from notifications: the notice of a sent agenda written in the command's
 * transaction, its e-mails sent once it commits.
 */
export interface AgendaNotifier {
  notifyAgendaSent(
    tx: Tx,
    ref: { tenantId: string; meetingId: string },
    agenda: { titles: string[]; documents: string[] },
  ): Promise<unknown[]>;
  sendAfterCommit(mails: unknown[]): void;
}

/** A received file, as the route read it. */
export interface ReceivedFile {
  fileName: string | undefined;
  data: Buffer;
}

/** The bytes of a document and what the download says about them. */
export interface DocumentDownload {
  fileName: string;
  contentType: string;
  sha256: string;
  data: Buffer;
}

/** A meeting held or cancelled has nothing left to prepare. */
const CLOSED = new Set<MeetingStatus>(["held", "cancelled"]);

const STALE = "Chương trình sinh hoạt đã được người khác sửa, vui lòng tải lại";

const STATE_VI: Record<AgendaState, string> = {
  draft: "đang dự thảo",
  agreed: "đã được chi ủy thống nhất",
  sent: "đã gửi đảng viên",
};

function meetingClosed(m: AgendaMeeting): AppError {
  return conflict(
    "meeting_state",
    m.status === "held"
      ? "Cuộc họp đã diễn ra: không chuẩn bị chương trình được nữa"
      : "Cuộc họp đã bị hủy",
  );
}

function itemSnapshot(i: Pick<AgendaItemRow, "id" | "section" | "key" | "title" | "presenter">) {
  return { id: i.id, section: i.section, key: i.key, title: i.title, presenter: i.presenter };
}

function agendaSnapshot(a: AgendaRow | undefined) {
  return a
    ? {
        state: a.state,
        version: a.version,
        templateName: a.templateName,
        committeeMeetingId: a.committeeMeetingId,
      }
    : null;
}

/** The tenant's own templates as stored (tenants.settings.agendaTemplates); bad entries are skipped. */
function storedTemplates(settings: Record<string, unknown> | undefined): AgendaTemplate[] {
  const raw = settings?.agendaTemplates;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((t) => {
    const parsed = agendaTemplateDto.safeParse(t);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The templates in force: each national default (kind × guidance), replaced by the tenant's own where
 * it has one; then the tenant's templates for a kind and guidance the defaults lack (e.g. HD09).
 */
function templatesInForce(own: readonly AgendaTemplate[]): AgendaTemplatesDto {
  const key = (t: AgendaTemplate) => `${t.kind}/${t.guidance}`;
  const mine = new Map(own.map((t) => [key(t), t]));
  const defaults = new Set(DEFAULT_AGENDA_TEMPLATES.map(key));
  const copy = (t: AgendaTemplate, custom: boolean) => ({
    kind: t.kind,
    guidance: t.guidance,
    name: t.name,
    items: t.items.map((i) => ({ ...i })),
    custom,
  });
  return {
    templates: [
      ...DEFAULT_AGENDA_TEMPLATES.map((d) => {
        const t = mine.get(key(d));
        return t ? copy(t, true) : copy(d, false);
      }),
      ...own.filter((t) => !defaults.has(key(t))).map((t) => copy(t, true)),
    ],
  };
}

export function createAgendaService(deps: {
  db: Db;
  clock: Clock;
  notifier?: AgendaNotifier | undefined;
}) {
  const { db, clock, notifier } = deps;

  /** The meeting, after the access check: unreadable → 404, readable but not writable → 403. */
  async function loadMeeting(
    r: AgendaRepository,
    actor: Actor,
    id: string,
    action: "meeting.read" | "meeting.write",
    lock = false,
  ): Promise<AgendaMeeting> {
    const m = await r.meeting(actor.tenantId, id, lock);
    if (!m) throw notFound("meeting");
    authorize(actor, action, m.unitPath, "meeting", "meeting.read");
    return m;
  }

  /** Members see the content once the cell committee agreed it and it was sent (HD12 §2.3). */
  function sees(actor: Actor, unitPath: string, state: AgendaState | null | undefined): boolean {
    return can(actor, "meeting.write", unitPath) || state === "sent";
  }

  async function read(tx: DbOrTx, actor: Actor, m: AgendaMeeting): Promise<AgendaDto> {
    const r = createAgendaRepository(tx);
    const agenda = await r.agenda(actor.tenantId, m.id);
    const state = agenda?.agenda.state ?? null;
    const visible = sees(actor, m.unitPath, state);
    // One after the other: inside a transaction the queries share one connection.
    const items = visible ? await r.items(actor.tenantId, m.id) : [];
    const documents = visible ? await r.documents(actor.tenantId, m.id) : [];
    const toReview =
      m.kind === "regular"
        ? await createTasksReader(tx).toReview(actor.tenantId, m.unitId, m.id, m.date)
        : [];
    const today = clock.today();
    const write = can(actor, "meeting.write", m.unitPath) && !CLOSED.has(m.status);
    return presentAgenda({
      meeting: m,
      agenda,
      visible,
      items,
      documents,
      tasksToReview: toReview.map((t) => presentTask(t, actor, today)),
      can: {
        edit: write && (state === null || agendaEditable(state)),
        agree: write && state !== null && canMoveAgenda(state, "agreed"),
        send: write && state !== null && canMoveAgenda(state, "sent"),
        reopen: write && state !== null && canMoveAgenda(state, "draft"),
      },
    });
  }

  /** The meeting locked for a command on its agenda, still open to preparation. */
  async function loadForCommand(tx: Tx, actor: Actor, id: string) {
    const r = createAgendaRepository(tx);
    const m = await loadMeeting(r, actor, id, "meeting.write", true);
    if (CLOSED.has(m.status)) throw meetingClosed(m);
    const agenda = await r.agenda(actor.tenantId, m.id);
    return { r, m, agenda: agenda?.agenda };
  }

  function requireVersion(agenda: AgendaRow | undefined, version: number): void {
    const current = agenda?.version ?? VERSION_BEFORE_AGENDA;
    if (version !== current) throw conflict("stale_version", STALE, "body.version");
  }

  /** Moves the agenda to `to`, or refuses with agenda_state; the row must exist. */
  function requireMove(agenda: AgendaRow | undefined, to: AgendaState, what: string): AgendaRow {
    if (!agenda) {
      throw conflict("agenda_state", `Cuộc họp chưa có chương trình sinh hoạt để ${what}`);
    }
    if (!canMoveAgenda(agenda.state, to)) {
      throw conflict("agenda_state", `Không thể ${what}: chương trình ${STATE_VI[agenda.state]}`);
    }
    return agenda;
  }

  /** A state change at `version`, audited. */
  async function move(
    actor: Actor,
    meetingId: string,
    version: number,
    to: AgendaState,
    what: string,
    patch: (
      m: AgendaMeeting,
      r: AgendaRepository,
      now: Date,
    ) => Promise<Partial<AgendaRow>> | Partial<AgendaRow>,
    after?: (tx: Tx, m: AgendaMeeting, r: AgendaRepository) => Promise<unknown[]>,
  ): Promise<AgendaDto> {
    const { result, mails } = await db.transaction(async (tx) => {
      const { r, m, agenda } = await loadForCommand(tx, actor, meetingId);
      const current = requireMove(agenda, to, what);
      requireVersion(current, version);
      const now = clock.now();
      const updated = await r.updateAgenda(
        actor.tenantId,
        m.id,
        version,
        { ...(await patch(m, r, now)), state: to },
        now,
      );
      if (!updated) throw conflict("stale_version", STALE, "body.version");
      await recordAudit(tx, actor, actor.tenantId, {
        action: `agenda.${to === "draft" ? "reopen" : to === "agreed" ? "agree" : "send"}`,
        entity: "agenda",
        entityId: m.id,
        unitPath: m.unitPath,
        before: agendaSnapshot(current),
        after: agendaSnapshot(updated),
      });
      const mails = after ? await after(tx, m, r) : [];
      return { result: await read(tx, actor, m), mails };
    });
    if (notifier && mails.length > 0) notifier.sendAfterCommit(mails);
    return result;
  }

  return {
    /** The meeting's agenda; members see its steps and documents once it is sent. */
    async get(actor: Actor, meetingId: string): Promise<AgendaDto> {
      const r = createAgendaRepository(db);
      const m = await loadMeeting(r, actor, meetingId, "meeting.read");
      return read(db, actor, m);
    },

    /** A draft from the template in force on the meeting's date (the tenant's own, else national). */
    async fromTemplate(actor: Actor, meetingId: string): Promise<AgendaDto> {
      return db.transaction(async (tx) => {
        const { r, m, agenda } = await loadForCommand(tx, actor, meetingId);
        const existing = await r.items(actor.tenantId, m.id);
        if (agenda || existing.length > 0) {
          throw conflict(
            "agenda_exists",
            "Cuộc họp đã có chương trình sinh hoạt: sửa chương trình thay vì tạo lại",
          );
        }
        const own = storedTemplates(await r.tenantSettings(actor.tenantId));
        const template = agendaTemplateFor(m.kind, guidanceOn(m.date), own);
        const now = clock.now();
        const created = await r.insertAgenda({
          tenantId: actor.tenantId,
          meetingId: m.id,
          unitPath: m.unitPath,
          state: "draft",
          templateName: template.name,
          preparedBy: actor.userId,
          version: VERSION_BEFORE_AGENDA + 1,
          updatedAt: now,
        });
        const items = template.items.map((t, i) => ({
          id: randomUUID(),
          tenantId: actor.tenantId,
          meetingId: m.id,
          position: i + 1,
          section: t.section,
          key: t.key,
          title: t.title,
          presenter: null,
          notes: t.hint,
        }));
        await r.insertItems(items);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "agenda.create",
          entity: "agenda",
          entityId: m.id,
          unitPath: m.unitPath,
          after: { ...agendaSnapshot(created), items: items.map(itemSnapshot) },
        });
        return read(tx, actor, m);
      });
    },

    /**
     * Replaces the steps of a draft, in the order given: listed ids are kept and edited, the others
     * deleted, steps without id added. Without an agenda yet it is created (at version 1, the version
     * an agenda reads as before it exists); every write adds one to the version.
     */
    async replaceItems(
      actor: Actor,
      meetingId: string,
      input: AgendaItemsInput,
    ): Promise<AgendaDto> {
      return db.transaction(async (tx) => {
        const { r, m, agenda } = await loadForCommand(tx, actor, meetingId);
        if (agenda && !agendaEditable(agenda.state)) {
          throw conflict(
            "agenda_state",
            `Chương trình ${STATE_VI[agenda.state]}: mở lại để sửa`,
            "body.items",
          );
        }
        requireVersion(agenda, input.version);
        const existing = await r.items(actor.tenantId, m.id);
        const byId = new Map(existing.map((i) => [i.id, i]));
        const details: ErrorDetail[] = [];
        const kept = new Set<string>();
        input.items.forEach((item, i) => {
          if (item.id === undefined) return;
          if (!byId.has(item.id)) {
            details.push({
              path: `body.items.${String(i)}.id`,
              message: "Bước này không thuộc chương trình của cuộc họp",
            });
          } else if (kept.has(item.id)) {
            details.push({ path: `body.items.${String(i)}.id`, message: "Bước bị lặp lại" });
          }
          kept.add(item.id);
        });
        const first = details[0];
        if (first) throw new AppError(422, "validation_failed", first.message, details);

        const now = clock.now();
        const after = input.items.map((item, i) => ({
          id: item.id ?? randomUUID(),
          position: i + 1,
          section: item.section,
          key: item.key,
          title: item.title,
          presenter: item.presenter ?? null,
          notes: item.notes ?? null,
        }));
        const saved = agenda
          ? await r.updateAgenda(
              actor.tenantId,
              m.id,
              input.version,
              { preparedBy: actor.userId },
              now,
            )
          : await r.insertAgenda({
              tenantId: actor.tenantId,
              meetingId: m.id,
              unitPath: m.unitPath,
              state: "draft",
              preparedBy: actor.userId,
              version: VERSION_BEFORE_AGENDA + 1,
              updatedAt: now,
            });
        if (!saved) throw conflict("stale_version", STALE, "body.version");
        await r.deleteItems(
          actor.tenantId,
          m.id,
          existing.filter((i) => !kept.has(i.id)).map((i) => i.id),
        );
        for (const item of after) {
          const old = byId.get(item.id);
          if (!old) continue;
          const { id, ...patch } = item;
          if (
            old.position !== patch.position ||
            old.section !== patch.section ||
            old.key !== patch.key ||
            old.title !== patch.title ||
            old.presenter !== patch.presenter ||
            old.notes !== patch.notes
          ) {
            await r.updateItem(actor.tenantId, m.id, id, patch);
          }
        }
        await r.insertItems(
          after
            .filter((i) => !byId.has(i.id))
            .map((i) => ({ ...i, tenantId: actor.tenantId, meetingId: m.id })),
        );
        await recordAudit(tx, actor, actor.tenantId, {
          action: agenda ? "agenda.update" : "agenda.create",
          entity: "agenda",
          entityId: m.id,
          unitPath: m.unitPath,
          before: agenda ? { ...agendaSnapshot(agenda), items: existing.map(itemSnapshot) } : null,
          after: { ...agendaSnapshot(saved), items: after.map(itemSnapshot) },
        });
        return read(tx, actor, m);
      });
    },

    /**
     * HD12 §2.2: agreed at the cell-committee meeting (or by secretary and deputy). A committee meeting
     * named must be the same cell's, dated on or before the meeting, and not cancelled.
     */
    async agree(actor: Actor, meetingId: string, input: AgendaAgreeInput): Promise<AgendaDto> {
      return move(actor, meetingId, input.version, "agreed", "thống nhất", async (m, r, now) => {
        const committeeId = input.committeeMeetingId ?? null;
        if (committeeId !== null) {
          const c = await r.meeting(actor.tenantId, committeeId);
          const path = "body.committeeMeetingId";
          if (c?.unitId !== m.unitId || c.kind !== "committee") {
            throw invalid(path, "Phải là một cuộc họp chi ủy của chính chi bộ này");
          }
          if (c.date > m.date) {
            throw invalid(path, "Cuộc họp chi ủy phải diễn ra trước hoặc trong ngày sinh hoạt");
          }
          if (c.status === "cancelled") {
            throw invalid(path, "Cuộc họp chi ủy này đã bị hủy");
          }
        }
        return { agreedAt: now, agreedBy: actor.userId, committeeMeetingId: committeeId };
      });
    },

    /** HD12 §2.3: sent to the members and to the upper-level followers of the cell, who are told. */
    async send(actor: Actor, meetingId: string, version: number): Promise<AgendaDto> {
      return move(
        actor,
        meetingId,
        version,
        "sent",
        "gửi",
        (_m, _r, now) => ({ sentAt: now, sentBy: actor.userId }),
        async (tx, m, r) => {
          if (!notifier) return [];
          const items = await r.items(actor.tenantId, m.id);
          const documents = await r.documents(actor.tenantId, m.id);
          return notifier.notifyAgendaSent(
            tx,
            { tenantId: actor.tenantId, meetingId: m.id },
            { titles: items.map((i) => i.title), documents: documents.map((d) => d.fileName) },
          );
        },
      );
    },

    /** Back to a draft (before the meeting), to be agreed and sent again. */
    async reopen(actor: Actor, meetingId: string, version: number): Promise<AgendaDto> {
      return move(actor, meetingId, version, "draft", "mở lại", () => ({
        agreedAt: null,
        agreedBy: null,
        committeeMeetingId: null,
        sentAt: null,
        sentBy: null,
      }));
    },

    /**
     * A document for the meeting. The access check comes before the upload is read; the type is
     * decided by the content. Nothing is written unless the file is accepted.
     */
    async uploadDocument(
      actor: Actor,
      meetingId: string,
      receive: () => Promise<ReceivedFile>,
    ): Promise<DocumentDto> {
      const first = await loadMeeting(
        createAgendaRepository(db),
        actor,
        meetingId,
        "meeting.write",
      );
      if (first.status === "cancelled") throw meetingClosed(first);
      const file = await receive();
      const doc = await inspectDocument(file.fileName, file.data);
      return db.transaction(async (tx) => {
        const r = createAgendaRepository(tx);
        const m = await loadMeeting(r, actor, meetingId, "meeting.write", true);
        if (m.status === "cancelled") throw meetingClosed(m);
        const id = await r.insertDocument({
          tenantId: actor.tenantId,
          meetingId: m.id,
          unitPath: m.unitPath,
          fileName: doc.fileName,
          contentType: doc.contentType,
          sizeBytes: doc.size,
          sha256: doc.sha256,
          data: file.data,
          uploadedBy: actor.userId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting_document.upload",
          entity: "meeting_document",
          entityId: id,
          unitPath: m.unitPath,
          after: { meetingId: m.id, ...doc },
        });
        const saved = await r.document(actor.tenantId, id);
        if (!saved) throw new Error("document not found after insert");
        return presentDocument(saved);
      });
    },

    /** The bytes, for whoever may read the agenda's content. */
    async downloadDocument(actor: Actor, id: string): Promise<DocumentDownload> {
      const r = createAgendaRepository(db);
      const doc = await r.document(actor.tenantId, id);
      if (!doc) throw notFound("tài liệu");
      authorize(actor, "meeting.read", doc.unitPath, "tài liệu", "meeting.read");
      if (!sees(actor, doc.unitPath, doc.agendaState)) throw notFound("tài liệu");
      const data = await r.documentData(actor.tenantId, id);
      if (!data) throw notFound("tài liệu");
      return { fileName: doc.fileName, contentType: doc.contentType, sha256: doc.sha256, data };
    },

    async deleteDocument(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const r = createAgendaRepository(tx);
        const doc = await r.document(actor.tenantId, id);
        if (!doc) throw notFound("tài liệu");
        authorize(actor, "meeting.write", doc.unitPath, "tài liệu", "meeting.read");
        // Lock the meeting like every other command on its agenda and documents.
        await r.meeting(actor.tenantId, doc.meetingId, true);
        if (!(await r.deleteDocument(actor.tenantId, id))) throw notFound("tài liệu");
        await recordAudit(tx, actor, actor.tenantId, {
          action: "meeting_document.delete",
          entity: "meeting_document",
          entityId: id,
          unitPath: doc.unitPath,
          before: {
            meetingId: doc.meetingId,
            fileName: doc.fileName,
            contentType: doc.contentType,
            size: doc.sizeBytes,
            sha256: doc.sha256,
          },
        });
      });
    },

    /** The agenda templates in force for the tenant. */
    async templates(actor: Actor): Promise<AgendaTemplatesDto> {
      requireSomewhere(actor, "meeting.read");
      const settings = await createAgendaRepository(db).tenantSettings(actor.tenantId);
      return templatesInForce(storedTemplates(settings));
    },

    /** Replaces the tenant's own templates (an empty list returns to the national ones). */
    async setTemplates(actor: Actor, input: AgendaTemplatesInput): Promise<AgendaTemplatesDto> {
      return db.transaction(async (tx) => {
        const r = createAgendaRepository(tx);
        const root = await r.rootPath(actor.tenantId);
        // Everyone reads the templates in force; only the tenant's administrators change them.
        if (root === undefined || !can(actor, "tenant.configure", root)) throw forbidden();
        const details: ErrorDetail[] = [];
        const seen = new Set<string>();
        input.templates.forEach((t, i) => {
          const key = `${t.kind}/${t.guidance}`;
          if (seen.has(key)) {
            details.push({
              path: `body.templates.${String(i)}.kind`,
              message: "Đã có chương trình mẫu cho loại cuộc họp và hướng dẫn này",
            });
          }
          seen.add(key);
        });
        const first = details[0];
        if (first) throw new AppError(422, "validation_failed", first.message, details);
        const settings = await r.tenantSettings(actor.tenantId, true);
        if (!settings) throw notFound("tenant");
        await r.saveSettings(actor.tenantId, { ...settings, agendaTemplates: input.templates });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "tenant.agenda_templates",
          entity: "tenant",
          entityId: actor.tenantId,
          unitPath: root,
          before: settings.agendaTemplates ?? [],
          after: input.templates,
        });
        return templatesInForce(input.templates);
      });
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
