// The record of one meeting as the pure evidence rules read it (packages/domain supervision/evidence.ts
// MeetingFacts): a handful of set-based queries, each naming tenant_id.
import {
  agendaTemplateDto,
  agendaTemplateFor,
  guidanceOn,
  monthEnd,
  type AbsenceHistoryEntry,
  type AgendaItemKey,
  type AgendaTemplate,
  type AttendanceStatus,
  type MeetingFacts,
  type ReviewVerdict,
  type RosterEntry,
  type TaskRef,
} from "@chibo/domain";
import { and, asc, desc, eq, gte, inArray, lte, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import {
  agendaItems,
  attendance,
  meetingAgendas,
  meetingDocuments,
  meetings,
  minutes,
  postponements,
  resolutions,
  taskAssignees,
  taskReviews,
  tasks,
} from "../../db/schema/index.js";
import { vnDate } from "../../lib/clock.js";
import { createTasksReader } from "../tasks/tasks.reader.js";

/** What the evidence needs of the meeting row (the caller has loaded it). */
export interface EvidenceMeeting {
  id: string;
  unitId: string;
  kind: MeetingFacts["kind"];
  status: MeetingFacts["status"];
  registeredDate: string | null;
  date: string;
  heldOn: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMinutes: number | null;
  combinedWithThematic: boolean;
}

const day = (d: Date | null): string | null => (d === null ? null : vnDate(d));

/** The tenant's own agenda templates (tenants.settings.agendaTemplates); bad entries are skipped. */
export function storedTemplates(settings: Record<string, unknown> | undefined): AgendaTemplate[] {
  const raw = settings?.agendaTemplates;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((t) => {
    const parsed = agendaTemplateDto.safeParse(t);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Runs the reads side by side on a pool, or one after another on a transaction (one connection: pg
 * would queue them anyway and warns about it).
 */
async function gather<T extends readonly (() => Promise<unknown>)[]>(
  concurrent: boolean,
  thunks: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (concurrent) {
    return (await Promise.all(thunks.map((t) => t()))) as {
      -readonly [K in keyof T]: Awaited<ReturnType<T[K]>>;
    };
  }
  const out: unknown[] = [];
  for (const t of thunks) out.push(await t());
  return out as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

/** `concurrent`: `db` is the pool, not a transaction. */
export function createEvidenceRepository(db: DbOrTx, opts: { concurrent?: boolean } = {}) {
  const concurrent = opts.concurrent === true;

  /** The review list (tasks.reader's rule) and this meeting's verdicts. */
  async function reviewOf(tenantId: string, m: EvidenceMeeting): Promise<MeetingFacts["review"]> {
    if (m.kind !== "regular") return { tasks: [], verdicts: new Map() };
    const list = await createTasksReader(db).toReview(tenantId, m.unitId, m.id, m.date);
    const verdictRows = await db
      .select({ taskId: taskReviews.taskId, verdict: taskReviews.verdict })
      .from(taskReviews)
      .where(and(eq(taskReviews.tenantId, tenantId), eq(taskReviews.meetingId, m.id)));
    const verdicts = new Map<string, ReviewVerdict>(verdictRows.map((v) => [v.taskId, v.verdict]));
    const refs: TaskRef[] = list.map((t) => ({
      id: t.id,
      state: verdicts.has(t.id) ? "open" : t.state,
    }));
    return { tasks: refs, verdicts };
  }

  return {
    async facts(
      tenantId: string,
      m: EvidenceMeeting,
      templates: readonly AgendaTemplate[],
    ): Promise<MeetingFacts> {
      const local = m.heldOn ?? m.date;
      const year = local.slice(0, 4);
      const month = local.slice(0, 7);

      // Two rounds of independent reads: on a connection pool they run side by side (one meeting's
      // evidence stays well under the 20 ms target); inside a transaction one after another.
      const [
        postponementRows,
        rosterRows,
        items,
        agendaRows,
        docs,
        review,
        minsRows,
        resRows,
        thematic,
      ] = await gather(concurrent, [
        () =>
          db
            .select({ reportedOn: postponements.reportedOn, newDate: postponements.newDate })
            .from(postponements)
            .where(and(eq(postponements.tenantId, tenantId), eq(postponements.meetingId, m.id)))
            .orderBy(desc(postponements.reportedAt))
            .limit(1),
        () =>
          db
            .select({
              memberId: attendance.memberId,
              memberStatus: attendance.memberStatus,
              exempt: attendance.exempt,
              status: attendance.status,
            })
            .from(attendance)
            .where(and(eq(attendance.tenantId, tenantId), eq(attendance.meetingId, m.id))),
        () =>
          db
            .select({ key: agendaItems.key })
            .from(agendaItems)
            .where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.meetingId, m.id)))
            .orderBy(asc(agendaItems.position)),
        () =>
          db
            .select({
              agreedAt: meetingAgendas.agreedAt,
              sentAt: meetingAgendas.sentAt,
              committeeMeetingId: meetingAgendas.committeeMeetingId,
            })
            .from(meetingAgendas)
            .where(and(eq(meetingAgendas.tenantId, tenantId), eq(meetingAgendas.meetingId, m.id)))
            .limit(1),
        () =>
          db
            .select({ createdAt: meetingDocuments.createdAt })
            .from(meetingDocuments)
            .where(
              and(eq(meetingDocuments.tenantId, tenantId), eq(meetingDocuments.meetingId, m.id)),
            ),
        () => reviewOf(tenantId, m),
        () =>
          db
            .select({ content: minutes.content, lockedAt: minutes.lockedAt })
            .from(minutes)
            .where(and(eq(minutes.tenantId, tenantId), eq(minutes.meetingId, m.id)))
            .limit(1),
        () =>
          db
            .select({ id: resolutions.id, outcome: resolutions.outcome })
            .from(resolutions)
            .where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.meetingId, m.id))),
        () =>
          db
            .select({ on: sql<string>`coalesce(${meetings.heldOn}, ${meetings.date})` })
            .from(meetings)
            .where(
              and(
                eq(meetings.tenantId, tenantId),
                eq(meetings.unitId, m.unitId),
                eq(meetings.kind, "thematic"),
                eq(meetings.status, "held"),
                gte(meetings.date, `${month}-01`),
                lte(meetings.date, monthEnd(`${month}-01`)),
              ),
            ),
      ] as const);
      const postponement = postponementRows[0];
      const agenda = agendaRows[0];
      const mins = minsRows[0];

      const roster: RosterEntry[] = rosterRows.map((r) => ({
        memberId: r.memberId,
        status: r.memberStatus,
        exempt: r.exempt,
      }));
      const marks = new Map<string, AttendanceStatus>();
      for (const r of rosterRows) if (r.status !== null) marks.set(r.memberId, r.status);
      const agendaKeys: AgendaItemKey[] = items.map((i) => i.key);
      const templateKeys = agendaTemplateFor(m.kind, guidanceOn(m.date), templates).items.map(
        (i) => i.key,
      );
      // The cell-committee meeting that prepared this one: named on the agenda, or preparing it.
      const prepIds = [agenda?.committeeMeetingId].filter((x): x is string => !!x);

      const [history, prepRows, taskRows] = await gather(concurrent, [
        // This year's marks at the cell's regular meetings up to this one, for the roster.
        () =>
          rosterRows.length === 0
            ? Promise.resolve([])
            : db
                .select({
                  memberId: attendance.memberId,
                  status: attendance.status,
                  date: sql<string>`coalesce(${meetings.heldOn}, ${meetings.date})`,
                  kind: meetings.kind,
                })
                .from(attendance)
                .innerJoin(
                  meetings,
                  and(
                    eq(meetings.tenantId, attendance.tenantId),
                    eq(meetings.id, attendance.meetingId),
                  ),
                )
                .where(
                  and(
                    eq(attendance.tenantId, tenantId),
                    eq(meetings.tenantId, tenantId),
                    eq(meetings.unitId, m.unitId),
                    eq(meetings.kind, "regular"),
                    gte(meetings.date, `${year}-01-01`),
                    lte(meetings.date, local),
                    inArray(
                      attendance.memberId,
                      rosterRows.map((r) => r.memberId),
                    ),
                  ),
                ),
        () =>
          db
            .select({ on: sql<string>`coalesce(${meetings.heldOn}, ${meetings.date})` })
            .from(meetings)
            .where(
              and(
                eq(meetings.tenantId, tenantId),
                eq(meetings.kind, "committee"),
                eq(meetings.status, "held"),
                prepIds.length > 0
                  ? or(eq(meetings.preparesMeetingId, m.id), inArray(meetings.id, prepIds))
                  : eq(meetings.preparesMeetingId, m.id),
              ),
            )
            .orderBy(asc(sql`coalesce(${meetings.heldOn}, ${meetings.date})`))
            .limit(1),
        () =>
          resRows.length === 0
            ? Promise.resolve([])
            : db
                .select({
                  id: tasks.id,
                  resolutionId: tasks.resolutionId,
                  dueDate: tasks.dueDate,
                  assigneeBody: tasks.assigneeBody,
                  assignees: sql<string[]>`coalesce((
                  select array_agg(ta.member_id::text) from ${taskAssignees} ta
                  where ta.tenant_id = ${tenantId} and ta.task_id = ${sql.raw('"tasks"."id"')}
                ), '{}')`,
                })
                .from(tasks)
                .where(
                  and(
                    eq(tasks.tenantId, tenantId),
                    eq(tasks.meetingId, m.id),
                    ne(tasks.state, "cancelled"),
                  ),
                ),
      ] as const);
      const prep = prepRows[0];

      const absenceHistory = new Map<string, AbsenceHistoryEntry[]>();
      for (const h of history) {
        if (h.status === null) continue;
        const list = absenceHistory.get(h.memberId) ?? [];
        list.push({ date: h.date, kind: h.kind, status: h.status });
        absenceHistory.set(h.memberId, list);
      }

      const documents = docs.map((d) => {
        const uploadedOn = vnDate(d.createdAt);
        const postMeeting =
          m.startedAt !== null
            ? d.createdAt.getTime() >= m.startedAt.getTime()
            : m.heldOn !== null && uploadedOn > m.heldOn;
        return { uploadedOn, postMeeting };
      });

      const speakerIds: string[] = [];
      let written = false;
      if (mins) {
        const c = mins.content;
        written =
          c.opening.trim() !== "" ||
          c.other.trim() !== "" ||
          c.items.some(
            (i) => i.summary.trim() !== "" || i.conclusion.trim() !== "" || i.opinions.length > 0,
          );
        for (const item of c.items)
          for (const o of item.opinions) if (o.speakerMemberId) speakerIds.push(o.speakerMemberId);
      }

      const resolutionFacts = resRows.map((r) => ({
        outcome: r.outcome,
        tasks: taskRows
          .filter((t) => t.resolutionId === r.id)
          .map((t) => ({
            assigneeIds: t.assignees,
            assigneeBody: t.assigneeBody,
            dueDate: t.dueDate,
          })),
      }));

      return {
        kind: m.kind,
        status: m.status,
        registeredDate: m.registeredDate,
        date: m.date,
        heldOn: m.heldOn,
        postponement: postponement ?? null,
        startedAt: m.startedAt?.toISOString() ?? null,
        endedAt: m.endedAt?.toISOString() ?? null,
        durationMinutes: m.durationMinutes,
        combinedWithThematic: m.combinedWithThematic,
        roster,
        marks,
        absenceHistory,
        agendaKeys,
        templateKeys,
        committeeMeetingOn: prep?.on ?? null,
        agendaAgreedOn: day(agenda?.agreedAt ?? null),
        agendaSentOn: day(agenda?.sentAt ?? null),
        documents,
        review,
        speakerIds,
        resolutions: resolutionFacts,
        minutesLockedOn: day(mins?.lockedAt ?? null),
        minutesWritten: written,
        thematicHeldOn: thematic.map((t) => t.on),
      };
    },
  };
}
