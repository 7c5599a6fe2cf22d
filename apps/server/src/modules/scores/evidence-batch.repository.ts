// The record of MANY held meetings as the pure evidence rules read it (packages/domain
// supervision/evidence.ts MeetingFacts): the same facts as evidence.repository.ts reads for one
// meeting, for every held meeting of a tenant (optionally a subtree, kinds and a date range), in a
// fixed handful of set-based queries — never one per meeting. Each statement names tenant_id.
import {
  agendaTemplateFor,
  guidanceOn,
  monthEnd,
  type AbsenceHistoryEntry,
  type AgendaItemKey,
  type AgendaTemplate,
  type AttendanceStatus,
  type MeetingFacts,
  type MeetingKind,
  type ReviewVerdict,
  type RosterEntry,
  type TaskRef,
  type UnitType,
} from "@chibo/domain";
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  like,
  lt,
  lte,
  ne,
  or,
  sql,
} from "drizzle-orm";
import type { Column, SQL } from "drizzle-orm";
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
  units,
} from "../../db/schema/index.js";
import { vnDate } from "../../lib/clock.js";
import type { EvidenceMeeting } from "./evidence.repository.js";

/** Which held meetings: a subtree (unit path prefix), kinds, and a range of local dates (held on). */
export interface MeetingSet {
  unitPath?: string;
  kinds?: readonly MeetingKind[];
  /** Inclusive bounds on the local date the meeting was held (held on, else its date). */
  from?: string;
  to?: string;
}

/** A held meeting of the set with what scoring needs of its unit. */
export interface BatchMeeting extends EvidenceMeeting {
  unitPath: string;
  unitType: UnitType | null;
}

export interface BatchFacts {
  meetings: BatchMeeting[];
  /**
   * The facts of a meeting of `meetings`, by meeting id, built when asked from the rows read for the
   * set (not kept: a caller going through thousands of meetings holds one at a time).
   */
  facts: { get(meetingId: string): MeetingFacts | undefined };
}

const day = (d: Date | null): string | null => (d === null ? null : vnDate(d));
const localOf = sql<string>`coalesce(${meetings.heldOn}, ${meetings.date})`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function createEvidenceBatchRepository(db: DbOrTx) {
  /** The set's condition on `meetings` (held, in the tenant, subtree, kinds, dates). */
  function setWhere(tenantId: string, set: MeetingSet): SQL | undefined {
    return and(
      eq(meetings.tenantId, tenantId),
      eq(meetings.status, "held"),
      set.unitPath !== undefined ? like(meetings.unitPath, `${set.unitPath}%`) : undefined,
      set.kinds !== undefined ? inArray(meetings.kind, [...set.kinds]) : undefined,
      set.from !== undefined ? gte(localOf, set.from) : undefined,
      set.to !== undefined ? lte(localOf, set.to) : undefined,
    );
  }

  return {
    /** The first and last local dates a meeting of the set was held on; null when none was. */
    async span(tenantId: string, set: MeetingSet): Promise<{ from: string; to: string } | null> {
      const [row] = await db
        .select({
          from: sql<string | null>`min(${localOf})::text`,
          to: sql<string | null>`max(${localOf})::text`,
        })
        .from(meetings)
        .where(setWhere(tenantId, set));
      return row?.from && row.to ? { from: row.from, to: row.to } : null;
    },

    async facts(
      tenantId: string,
      set: MeetingSet,
      templates: readonly AgendaTemplate[],
    ): Promise<BatchFacts> {
      const list: BatchMeeting[] = await db
        .select({
          id: meetings.id,
          unitId: meetings.unitId,
          unitPath: meetings.unitPath,
          unitType: units.unitType,
          kind: meetings.kind,
          status: meetings.status,
          registeredDate: meetings.registeredDate,
          date: meetings.date,
          heldOn: meetings.heldOn,
          startedAt: meetings.startedAt,
          endedAt: meetings.endedAt,
          durationMinutes: meetings.durationMinutes,
          combinedWithThematic: meetings.combinedWithThematic,
        })
        .from(meetings)
        .innerJoin(units, and(eq(units.tenantId, meetings.tenantId), eq(units.id, meetings.unitId)))
        .where(setWhere(tenantId, set))
        .orderBy(asc(localOf), asc(meetings.id));
      if (list.length === 0) return { meetings: list, facts: { get: () => undefined } };

      // The set again as a subquery: the per-meeting tables are read for the whole set at once.
      const ids = db.select({ id: meetings.id }).from(meetings).where(setWhere(tenantId, set));
      const inSet = (col: Column) => inArray(col, ids);

      // Bounds of what the history, review and thematic reads need.
      let minDate = list[0]?.date ?? "";
      let maxDate = minDate;
      for (const m of list) {
        const local = m.heldOn ?? m.date;
        for (const d of [m.date, local, `${local.slice(0, 4)}-01-01`, `${local.slice(0, 7)}-01`]) {
          if (d < minDate) minDate = d;
          if (d > maxDate) maxDate = d;
        }
        const end = monthEnd(`${local.slice(0, 7)}-01`);
        if (end > maxDate) maxDate = end;
      }
      const subtree = set.unitPath ?? "";

      const postponementRows = await db
        .select({
          meetingId: postponements.meetingId,
          reportedOn: postponements.reportedOn,
          newDate: postponements.newDate,
        })
        .from(postponements)
        .where(and(eq(postponements.tenantId, tenantId), inSet(postponements.meetingId)))
        .orderBy(desc(postponements.reportedAt));
      const postponementOf = new Map<string, { reportedOn: string; newDate: string }>();
      for (const p of postponementRows)
        if (!postponementOf.has(p.meetingId))
          postponementOf.set(p.meetingId, { reportedOn: p.reportedOn, newDate: p.newDate });

      const rosterRows = await db
        .select({
          meetingId: attendance.meetingId,
          memberId: attendance.memberId,
          memberStatus: attendance.memberStatus,
          exempt: attendance.exempt,
          status: attendance.status,
        })
        .from(attendance)
        .where(and(eq(attendance.tenantId, tenantId), inSet(attendance.meetingId)));
      const rosterOf = new Map<string, typeof rosterRows>();
      for (const r of rosterRows) push(rosterOf, r.meetingId, r);

      // Marks at the regular meetings of the subtree's units over the years the set spans.
      const historyRows = await db
        .select({
          unitId: meetings.unitId,
          memberId: attendance.memberId,
          status: attendance.status,
          planned: meetings.date,
          date: localOf,
          kind: meetings.kind,
        })
        .from(attendance)
        .innerJoin(
          meetings,
          and(eq(meetings.tenantId, attendance.tenantId), eq(meetings.id, attendance.meetingId)),
        )
        .where(
          and(
            eq(attendance.tenantId, tenantId),
            eq(meetings.tenantId, tenantId),
            like(meetings.unitPath, `${subtree}%`),
            eq(meetings.kind, "regular"),
            isNotNull(attendance.status),
            gte(meetings.date, minDate),
            lte(meetings.date, maxDate),
          ),
        );
      // unit → member → marks
      const historyOf = new Map<string, Map<string, typeof historyRows>>();
      for (const h of historyRows) {
        let byMember = historyOf.get(h.unitId);
        if (!byMember) {
          byMember = new Map<string, typeof historyRows>();
          historyOf.set(h.unitId, byMember);
        }
        push(byMember, h.memberId, h);
      }

      const itemRows = await db
        .select({ meetingId: agendaItems.meetingId, key: agendaItems.key })
        .from(agendaItems)
        .where(and(eq(agendaItems.tenantId, tenantId), inSet(agendaItems.meetingId)))
        .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position));
      const itemsOf = new Map<string, AgendaItemKey[]>();
      for (const i of itemRows) push(itemsOf, i.meetingId, i.key);

      const agendaRows = await db
        .select({
          meetingId: meetingAgendas.meetingId,
          agreedAt: meetingAgendas.agreedAt,
          sentAt: meetingAgendas.sentAt,
          committeeMeetingId: meetingAgendas.committeeMeetingId,
        })
        .from(meetingAgendas)
        .where(and(eq(meetingAgendas.tenantId, tenantId), inSet(meetingAgendas.meetingId)));
      const agendaOf = new Map(agendaRows.map((a) => [a.meetingId, a]));

      // Held cell-committee meetings preparing a meeting of the set, or named on one's agenda.
      const named = db
        .select({ id: meetingAgendas.committeeMeetingId })
        .from(meetingAgendas)
        .where(
          and(
            eq(meetingAgendas.tenantId, tenantId),
            isNotNull(meetingAgendas.committeeMeetingId),
            inSet(meetingAgendas.meetingId),
          ),
        );
      const prepRows = await db
        .select({ id: meetings.id, prepares: meetings.preparesMeetingId, on: localOf })
        .from(meetings)
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            eq(meetings.kind, "committee"),
            eq(meetings.status, "held"),
            or(inArray(meetings.preparesMeetingId, ids), inArray(meetings.id, named)),
          ),
        );
      const committeeOn = new Map(prepRows.map((p) => [p.id, p.on]));
      const preparedOn = new Map<string, string>();
      for (const p of prepRows) {
        if (p.prepares === null) continue;
        const before = preparedOn.get(p.prepares);
        if (before === undefined || p.on < before) preparedOn.set(p.prepares, p.on);
      }

      const docRows = await db
        .select({ meetingId: meetingDocuments.meetingId, createdAt: meetingDocuments.createdAt })
        .from(meetingDocuments)
        .where(and(eq(meetingDocuments.tenantId, tenantId), inSet(meetingDocuments.meetingId)));
      const docsOf = new Map<string, Date[]>();
      for (const d of docRows) push(docsOf, d.meetingId, d.createdAt);

      // The review lists (tasks.reader toReview): the subtree's open tasks, and the tasks reviewed
      // at a meeting of the set with their verdicts, each with its list order.
      const taskOrder = {
        id: tasks.id,
        unitId: tasks.unitId,
        meetingId: tasks.meetingId,
        meetingDate: tasks.meetingDate,
        state: tasks.state,
        resolutionPosition: resolutions.position,
        position: tasks.position,
      };
      const openRows = await db
        .select(taskOrder)
        .from(tasks)
        .innerJoin(
          resolutions,
          and(eq(resolutions.tenantId, tasks.tenantId), eq(resolutions.id, tasks.resolutionId)),
        )
        .where(
          and(
            eq(tasks.tenantId, tenantId),
            inArray(tasks.state, ["open", "in_progress"]),
            lt(tasks.meetingDate, maxDate),
            inArray(
              tasks.unitId,
              db
                .select({ id: units.id })
                .from(units)
                .where(and(eq(units.tenantId, tenantId), like(units.path, `${subtree}%`))),
            ),
          ),
        );
      type TaskOrderRow = (typeof openRows)[number];
      const openOf = new Map<string, TaskOrderRow[]>();
      for (const t of openRows) push(openOf, t.unitId, t);
      const reviewedRows = await db
        .select({
          ...taskOrder,
          reviewMeetingId: taskReviews.meetingId,
          verdict: taskReviews.verdict,
        })
        .from(taskReviews)
        .innerJoin(
          tasks,
          and(eq(tasks.tenantId, taskReviews.tenantId), eq(tasks.id, taskReviews.taskId)),
        )
        .innerJoin(
          resolutions,
          and(eq(resolutions.tenantId, tasks.tenantId), eq(resolutions.id, tasks.resolutionId)),
        )
        .where(and(eq(taskReviews.tenantId, tenantId), inSet(taskReviews.meetingId)));
      const reviewedOf = new Map<string, typeof reviewedRows>();
      for (const r of reviewedRows) push(reviewedOf, r.reviewMeetingId, r);

      const minutesRows = await db
        .select({
          meetingId: minutes.meetingId,
          content: minutes.content,
          lockedAt: minutes.lockedAt,
        })
        .from(minutes)
        .where(and(eq(minutes.tenantId, tenantId), inSet(minutes.meetingId)));
      const minutesOf = new Map(minutesRows.map((m) => [m.meetingId, m]));

      const resRows = await db
        .select({
          id: resolutions.id,
          meetingId: resolutions.meetingId,
          outcome: resolutions.outcome,
        })
        .from(resolutions)
        .where(and(eq(resolutions.tenantId, tenantId), inSet(resolutions.meetingId)))
        .orderBy(asc(resolutions.position));
      const resOf = new Map<string, typeof resRows>();
      for (const r of resRows) push(resOf, r.meetingId, r);
      const resTaskRows = await db
        .select({
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
          and(eq(tasks.tenantId, tenantId), inSet(tasks.meetingId), ne(tasks.state, "cancelled")),
        )
        .orderBy(asc(tasks.position), asc(tasks.id));
      const tasksOfResolution = new Map<string, typeof resTaskRows>();
      for (const t of resTaskRows) push(tasksOfResolution, t.resolutionId, t);

      // Held thematic meetings of the subtree's units over the months the set spans.
      const thematicRows = await db
        .select({ unitId: meetings.unitId, date: meetings.date, on: localOf })
        .from(meetings)
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            like(meetings.unitPath, `${subtree}%`),
            eq(meetings.kind, "thematic"),
            eq(meetings.status, "held"),
            gte(meetings.date, minDate),
            lte(meetings.date, maxDate),
          ),
        );
      const thematicOf = new Map<string, typeof thematicRows>();
      for (const t of thematicRows) push(thematicOf, t.unitId, t);

      const templateKeysOf = new Map<string, AgendaItemKey[]>();
      const byId = new Map(list.map((m) => [m.id, m]));
      const build = (m: BatchMeeting): MeetingFacts => {
        const local = m.heldOn ?? m.date;
        const year = local.slice(0, 4);
        const month = local.slice(0, 7);

        const rosterRowsHere = rosterOf.get(m.id) ?? [];
        const roster: RosterEntry[] = rosterRowsHere.map((r) => ({
          memberId: r.memberId,
          status: r.memberStatus,
          exempt: r.exempt,
        }));
        const marks = new Map<string, AttendanceStatus>();
        for (const r of rosterRowsHere) if (r.status !== null) marks.set(r.memberId, r.status);

        const absenceHistory = new Map<string, AbsenceHistoryEntry[]>();
        const byMember = historyOf.get(m.unitId);
        if (byMember)
          for (const r of rosterRowsHere) {
            if (absenceHistory.has(r.memberId)) continue;
            const entries: AbsenceHistoryEntry[] = [];
            for (const h of byMember.get(r.memberId) ?? [])
              if (h.status !== null && h.planned >= `${year}-01-01` && h.planned <= local)
                entries.push({ date: h.date, kind: h.kind, status: h.status });
            if (entries.length > 0) absenceHistory.set(r.memberId, entries);
          }

        const guidance = `${m.kind}|${guidanceOn(m.date)}`;
        let templateKeys = templateKeysOf.get(guidance);
        if (!templateKeys) {
          templateKeys = agendaTemplateFor(m.kind, guidanceOn(m.date), templates).items.map(
            (i) => i.key,
          );
          templateKeysOf.set(guidance, templateKeys);
        }

        const agenda = agendaOf.get(m.id);
        let prepOn = preparedOn.get(m.id) ?? null;
        const namedOn = agenda?.committeeMeetingId
          ? committeeOn.get(agenda.committeeMeetingId)
          : undefined;
        if (namedOn !== undefined && (prepOn === null || namedOn < prepOn)) prepOn = namedOn;

        const documents = (docsOf.get(m.id) ?? []).map((createdAt) => {
          const uploadedOn = vnDate(createdAt);
          const postMeeting =
            m.startedAt !== null
              ? createdAt.getTime() >= m.startedAt.getTime()
              : m.heldOn !== null && uploadedOn > m.heldOn;
          return { uploadedOn, postMeeting };
        });

        let review: MeetingFacts["review"] = { tasks: [], verdicts: new Map() };
        if (m.kind === "regular") {
          const reviewed = reviewedOf.get(m.id) ?? [];
          const verdicts = new Map<string, ReviewVerdict>(reviewed.map((v) => [v.id, v.verdict]));
          const candidates = new Map<string, TaskOrderRow>();
          for (const t of [...(openOf.get(m.unitId) ?? []), ...reviewed])
            if (t.unitId === m.unitId && t.meetingId !== m.id && t.meetingDate < m.date)
              candidates.set(t.id, t);
          const ordered = [...candidates.values()].sort(
            (a, b) =>
              a.meetingDate.localeCompare(b.meetingDate) ||
              a.resolutionPosition - b.resolutionPosition ||
              a.position - b.position ||
              (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
          );
          const refs: TaskRef[] = ordered.map((t) => ({
            id: t.id,
            state: verdicts.has(t.id) ? "open" : t.state,
          }));
          review = { tasks: refs, verdicts };
        }

        const mins = minutesOf.get(m.id);
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
            for (const o of item.opinions)
              if (o.speakerMemberId) speakerIds.push(o.speakerMemberId);
        }

        const resolutionFacts = (resOf.get(m.id) ?? []).map((r) => ({
          outcome: r.outcome,
          tasks: (tasksOfResolution.get(r.id) ?? []).map((t) => ({
            assigneeIds: t.assignees,
            assigneeBody: t.assigneeBody,
            dueDate: t.dueDate,
          })),
        }));

        const monthStart = `${month}-01`;
        const monthLast = monthEnd(monthStart);
        const thematicHeldOn = (thematicOf.get(m.unitId) ?? [])
          .filter((t) => t.date >= monthStart && t.date <= monthLast)
          .map((t) => t.on);

        return {
          kind: m.kind,
          status: m.status,
          registeredDate: m.registeredDate,
          date: m.date,
          heldOn: m.heldOn,
          postponement: postponementOf.get(m.id) ?? null,
          startedAt: m.startedAt?.toISOString() ?? null,
          endedAt: m.endedAt?.toISOString() ?? null,
          durationMinutes: m.durationMinutes,
          combinedWithThematic: m.combinedWithThematic,
          roster,
          marks,
          absenceHistory,
          agendaKeys: itemsOf.get(m.id) ?? [],
          templateKeys,
          committeeMeetingOn: prepOn,
          agendaAgreedOn: day(agenda?.agreedAt ?? null),
          agendaSentOn: day(agenda?.sentAt ?? null),
          documents,
          review,
          speakerIds,
          resolutions: resolutionFacts,
          minutesLockedOn: day(mins?.lockedAt ?? null),
          minutesWritten: written,
          thematicHeldOn,
        };
      };
      return {
        meetings: list,
        facts: {
          get: (meetingId: string) => {
            const m = byId.get(meetingId);
            return m ? build(m) : undefined;
          },
        },
      };
    },
  };
}
