// Queries of the minutes module: the minutes row (autosaved, signed, locked), its addenda, the
// meeting's resolutions and votes, their tasks and assignees, and the next meeting's reviews. Reading
// tasks with their DTO fields is the shared tasks reader's job (modules/tasks/tasks.reader.ts).
import { and, asc, eq, inArray, isNull, max, or, sql } from "drizzle-orm";
import type { MeetingStatus, ResolutionKind } from "@chibo/domain";
import type { DbOrTx } from "../../db/client.js";
import { createMeetingsRepository } from "../meetings/meetings.repository.js";
import {
  agendaItems,
  attendance,
  meetingGuests,
  meetings,
  members,
  minutes,
  minutesAddenda,
  positions,
  resolutions,
  taskAssignees,
  taskReviews,
  taskUpdates,
  tasks,
  units,
  users,
} from "../../db/schema/index.js";

export type MeetingRow = typeof meetings.$inferSelect;
export type MinutesRow = typeof minutes.$inferSelect;
export type MinutesInsert = typeof minutes.$inferInsert;
export type ResolutionRow = typeof resolutions.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type TaskReviewRow = typeof taskReviews.$inferSelect;

export interface MeetingPlace {
  meeting: MeetingRow;
  unitName: string;
  /** The cell's registered meeting place (seed 000), used when the meeting names none. */
  unitPlace: string | null;
  /** The superior organisation: the cell's parent unit (the header's left column). */
  parentName: string | null;
}

export interface AttendanceLine {
  memberId: string;
  fullName: string;
  memberStatus: "official" | "probationary";
  exempt: boolean;
  status: typeof attendance.$inferSelect.status;
  reason: string | null;
}

/** What the autosave needs, read in one statement. */
export interface AutosaveContext {
  status: MeetingStatus;
  unitPath: string;
  hasRow: boolean;
  rev: number | null;
  locked: boolean;
  minuteTakerMemberId: string | null;
  chairMemberId: string | null;
  roster: string[];
  guests: string[];
}

// Correlated subqueries name the outer row explicitly: drizzle renders a lone column unqualified.
const outerMeeting = {
  id: sql.raw('"meetings"."id"'),
  tenantId: sql.raw('"meetings"."tenant_id"'),
};

/** On conflict, the stored row is "minutes" and the proposed one "excluded". */
const SAME_SIGNED_TEXT = `"minutes"."content" = excluded."content"
  and "minutes"."chair_member_id" is not distinct from excluded."chair_member_id"
  and "minutes"."minute_taker_member_id" is not distinct from excluded."minute_taker_member_id"`;

const keepIfSame = (column: string, otherwise: string) =>
  sql.raw(`case when ${SAME_SIGNED_TEXT} then "minutes"."${column}" else ${otherwise} end`);

export function createMinutesRepository(db: DbOrTx) {
  return {
    /** Locks the meeting row until the transaction ends: commands on one meeting queue up. */
    meetingForUpdate(tenantId: string, id: string): Promise<MeetingRow | undefined> {
      return createMeetingsRepository(db).findForUpdate(tenantId, id);
    },

    /** The meeting with its cell's name and place and the superior organisation's name. */
    async meetingPlace(tenantId: string, id: string): Promise<MeetingPlace | undefined> {
      const [row] = await db
        .select({
          meeting: meetings,
          unitName: units.name,
          unitPlace: units.meetingPlace,
          parentName: sql<string | null>`(
            select p.name from ${units} p
            where p.tenant_id = ${units.tenantId} and p.id = ${units.parentId}
          )`,
        })
        .from(meetings)
        .innerJoin(units, and(eq(units.tenantId, meetings.tenantId), eq(units.id, meetings.unitId)))
        .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)))
        .limit(1);
      return row;
    },

    async minutes(tenantId: string, meetingId: string): Promise<MinutesRow | undefined> {
      const [row] = await db
        .select()
        .from(minutes)
        .where(and(eq(minutes.tenantId, tenantId), eq(minutes.meetingId, meetingId)))
        .limit(1);
      return row;
    },

    async agendaItems(tenantId: string, meetingId: string) {
      return db
        .select({ id: agendaItems.id, title: agendaItems.title, presenter: agendaItems.presenter })
        .from(agendaItems)
        .where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.meetingId, meetingId)))
        .orderBy(asc(agendaItems.position), asc(agendaItems.id));
    },

    /** The cell's secretary on `date` (positions history), if it has one. */
    async secretary(tenantId: string, unitId: string, date: string) {
      const [row] = await db
        .select({ memberId: members.id, fullName: members.fullName })
        .from(positions)
        .innerJoin(
          members,
          and(eq(members.tenantId, positions.tenantId), eq(members.id, positions.memberId)),
        )
        .where(
          and(
            eq(positions.tenantId, tenantId),
            eq(positions.unitId, unitId),
            eq(positions.title, "secretary"),
            sql`${positions.fromDate} <= ${date}`,
            or(isNull(positions.toDate), sql`${positions.toDate} >= ${date}`),
            isNull(members.leftOn),
          ),
        )
        .orderBy(sql`${positions.fromDate} desc`)
        .limit(1);
      return row;
    },

    /** The meeting's roster with each member's mark, in name order. */
    async attendance(tenantId: string, meetingId: string): Promise<AttendanceLine[]> {
      return db
        .select({
          memberId: attendance.memberId,
          fullName: members.fullName,
          memberStatus: attendance.memberStatus,
          exempt: attendance.exempt,
          status: attendance.status,
          reason: attendance.reason,
        })
        .from(attendance)
        .innerJoin(
          members,
          and(eq(members.tenantId, attendance.tenantId), eq(members.id, attendance.memberId)),
        )
        .where(and(eq(attendance.tenantId, tenantId), eq(attendance.meetingId, meetingId)))
        .orderBy(asc(members.sortKey), asc(members.id));
    },

    async guests(tenantId: string, meetingId: string) {
      return db
        .select({ id: meetingGuests.id, name: meetingGuests.name, title: meetingGuests.title })
        .from(meetingGuests)
        .where(and(eq(meetingGuests.tenantId, tenantId), eq(meetingGuests.meetingId, meetingId)))
        .orderBy(asc(meetingGuests.createdAt), asc(meetingGuests.id));
    },

    async memberNames(tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: members.id, fullName: members.fullName })
        .from(members)
        .where(and(eq(members.tenantId, tenantId), inArray(members.id, [...ids])));
      return new Map(rows.map((r) => [r.id, r.fullName]));
    },

    /** Active user accounts of these members (a member may have more than one). */
    async accountsOf(tenantId: string, memberIds: readonly string[]) {
      if (memberIds.length === 0) return [];
      const rows = await db
        .select({ userId: users.id, memberId: users.memberId })
        .from(users)
        .where(
          and(
            eq(users.tenantId, tenantId),
            eq(users.active, true),
            inArray(users.memberId, [...memberIds]),
          ),
        );
      return rows.flatMap((r) => (r.memberId ? [{ userId: r.userId, memberId: r.memberId }] : []));
    },

    /** Of these members, those active in the cell now (the other way onto a task's assignees). */
    async activeInCell(
      tenantId: string,
      unitId: string,
      ids: readonly string[],
    ): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: members.id })
        .from(members)
        .where(
          and(
            eq(members.tenantId, tenantId),
            eq(members.unitId, unitId),
            isNull(members.leftOn),
            inArray(members.id, [...ids]),
          ),
        );
      return new Set(rows.map((r) => r.id));
    },

    // ---------------------------------------------------------------------------------------------
    // Autosave: one read, one upsert.

    async autosaveContext(
      tenantId: string,
      meetingId: string,
    ): Promise<AutosaveContext | undefined> {
      const [row] = await db
        .select({
          status: meetings.status,
          unitPath: meetings.unitPath,
          hasRow: sql<boolean>`${minutes.meetingId} is not null`,
          rev: minutes.rev,
          locked: sql<boolean>`${minutes.lockedAt} is not null`,
          minuteTakerMemberId: minutes.minuteTakerMemberId,
          chairMemberId: minutes.chairMemberId,
          roster: sql<string[]>`coalesce((
            select json_agg(a.member_id) from ${attendance} a
            where a.tenant_id = ${outerMeeting.tenantId} and a.meeting_id = ${outerMeeting.id}
          ), '[]'::json)`,
          guests: sql<string[]>`coalesce((
            select json_agg(g.id) from ${meetingGuests} g
            where g.tenant_id = ${outerMeeting.tenantId} and g.meeting_id = ${outerMeeting.id}
          ), '[]'::json)`,
        })
        .from(meetings)
        .leftJoin(
          minutes,
          and(eq(minutes.tenantId, meetings.tenantId), eq(minutes.meetingId, meetings.id)),
        )
        .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)))
        .limit(1);
      return row;
    },

    /**
     * Writes the working copy if the stored revision is still `baseRev` and the minutes are not
     * locked; nothing is returned otherwise. A signature survives only a save that changes nothing
     * it signed (text, chair, minute-taker).
     */
    async saveDraft(row: MinutesInsert & { updatedAt: Date }, baseRev: number) {
      const [saved] = await db
        .insert(minutes)
        .values({ ...row, rev: baseRev + 1, createdAt: row.updatedAt })
        .onConflictDoUpdate({
          target: [minutes.tenantId, minutes.meetingId],
          set: {
            rev: baseRev + 1,
            content: sql`excluded."content"`,
            chairMemberId: sql`excluded."chair_member_id"`,
            minuteTakerMemberId: sql`excluded."minute_taker_member_id"`,
            updatedBy: sql`excluded."updated_by"`,
            updatedAt: sql`excluded."updated_at"`,
            chairSignedAt: keepIfSame("chair_signed_at", "null"),
            chairSignedBy: keepIfSame("chair_signed_by", "null"),
            chairOnBehalf: keepIfSame("chair_on_behalf", "false"),
            takerSignedAt: keepIfSame("taker_signed_at", "null"),
            takerSignedBy: keepIfSame("taker_signed_by", "null"),
            takerOnBehalf: keepIfSame("taker_on_behalf", "false"),
          },
          setWhere: and(eq(minutes.rev, baseRev), isNull(minutes.lockedAt)),
        })
        .returning({ rev: minutes.rev, updatedAt: minutes.updatedAt });
      return saved;
    },

    // ---------------------------------------------------------------------------------------------
    // Signing, locking, addenda.

    async sign(
      tenantId: string,
      meetingId: string,
      as: "chair" | "minute_taker",
      by: { userId: string; onBehalf: boolean; at: Date },
    ): Promise<MinutesRow | undefined> {
      const set =
        as === "chair"
          ? { chairSignedAt: by.at, chairSignedBy: by.userId, chairOnBehalf: by.onBehalf }
          : { takerSignedAt: by.at, takerSignedBy: by.userId, takerOnBehalf: by.onBehalf };
      const [row] = await db
        .update(minutes)
        .set(set)
        .where(
          and(
            eq(minutes.tenantId, tenantId),
            eq(minutes.meetingId, meetingId),
            isNull(minutes.lockedAt),
          ),
        )
        .returning();
      return row;
    },

    async lock(
      tenantId: string,
      meetingId: string,
      at: Date,
      snapshot: NonNullable<MinutesRow["attendanceSnapshot"]>,
    ) {
      await db
        .update(minutes)
        .set({ lockedAt: at, attendanceSnapshot: snapshot })
        .where(and(eq(minutes.tenantId, tenantId), eq(minutes.meetingId, meetingId)));
    },

    /** A change to what the signers approved (resolutions, votes, tasks, reviews) voids their signatures. */
    async clearSignatures(tenantId: string, meetingId: string) {
      await db
        .update(minutes)
        .set({
          chairSignedAt: null,
          chairSignedBy: null,
          chairOnBehalf: false,
          takerSignedAt: null,
          takerSignedBy: null,
          takerOnBehalf: false,
        })
        .where(
          and(
            eq(minutes.tenantId, tenantId),
            eq(minutes.meetingId, meetingId),
            isNull(minutes.lockedAt),
          ),
        );
    },

    async addenda(tenantId: string, meetingId: string) {
      return db
        .select({
          id: minutesAddenda.id,
          text: minutesAddenda.text,
          createdAt: minutesAddenda.createdAt,
          createdBy: users.displayName,
        })
        .from(minutesAddenda)
        .leftJoin(
          users,
          and(eq(users.tenantId, minutesAddenda.tenantId), eq(users.id, minutesAddenda.createdBy)),
        )
        .where(and(eq(minutesAddenda.tenantId, tenantId), eq(minutesAddenda.meetingId, meetingId)))
        .orderBy(asc(minutesAddenda.createdAt), asc(minutesAddenda.id));
    },

    async insertAddendum(values: typeof minutesAddenda.$inferInsert) {
      const [row] = await db.insert(minutesAddenda).values(values).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    // ---------------------------------------------------------------------------------------------
    // Resolutions.

    async resolutionsOf(tenantId: string, meetingId: string): Promise<ResolutionRow[]> {
      return db
        .select()
        .from(resolutions)
        .where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.meetingId, meetingId)))
        .orderBy(asc(resolutions.position), asc(resolutions.createdAt), asc(resolutions.id));
    },

    async resolution(tenantId: string, id: string): Promise<ResolutionRow | undefined> {
      const [row] = await db
        .select()
        .from(resolutions)
        .where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.id, id)))
        .limit(1);
      return row;
    },

    async nextResolutionPosition(tenantId: string, meetingId: string): Promise<number> {
      const [row] = await db
        .select({ top: max(resolutions.position) })
        .from(resolutions)
        .where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.meetingId, meetingId)));
      return (row?.top ?? -1) + 1;
    },

    async insertResolution(values: typeof resolutions.$inferInsert): Promise<ResolutionRow> {
      const [row] = await db.insert(resolutions).values(values).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    async updateResolution(
      tenantId: string,
      id: string,
      patch: Partial<typeof resolutions.$inferInsert>,
    ): Promise<ResolutionRow> {
      const [row] = await db
        .update(resolutions)
        .set(patch)
        .where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.id, id)))
        .returning();
      if (!row) throw new Error("update returned nothing");
      return row;
    },

    /** The resolution and everything hanging from its tasks: assignees, reports, reviews. */
    async deleteResolution(tenantId: string, id: string): Promise<string[]> {
      const taskIds = (
        await db
          .select({ id: tasks.id })
          .from(tasks)
          .where(and(eq(tasks.tenantId, tenantId), eq(tasks.resolutionId, id)))
      ).map((t) => t.id);
      await this.deleteTasks(tenantId, taskIds);
      await db
        .delete(resolutions)
        .where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.id, id)));
      return taskIds;
    },

    /** The highest number given so far to the unit's resolutions of a kind. */
    async topNumber(tenantId: string, unitId: string, kind: ResolutionKind): Promise<number> {
      const [row] = await db
        .select({ top: max(resolutions.number) })
        .from(resolutions)
        .where(
          and(
            eq(resolutions.tenantId, tenantId),
            eq(resolutions.unitId, unitId),
            eq(resolutions.kind, kind),
          ),
        );
      return row?.top ?? 0;
    },

    /** Serialises numbering within a unit: two meetings signed at once do not take the same number. */
    async lockUnit(tenantId: string, unitId: string) {
      await db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.id, unitId)))
        .for("update");
    },

    // ---------------------------------------------------------------------------------------------
    // Tasks and their review.

    async task(tenantId: string, id: string): Promise<TaskRow | undefined> {
      const [row] = await db
        .select()
        .from(tasks)
        .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)))
        .limit(1);
      return row;
    },

    async assigneesOf(tenantId: string, taskId: string): Promise<string[]> {
      const rows = await db
        .select({ memberId: taskAssignees.memberId })
        .from(taskAssignees)
        .where(and(eq(taskAssignees.tenantId, tenantId), eq(taskAssignees.taskId, taskId)));
      return rows.map((r) => r.memberId);
    },

    async nextTaskPosition(tenantId: string, resolutionId: string): Promise<number> {
      const [row] = await db
        .select({ top: max(tasks.position) })
        .from(tasks)
        .where(and(eq(tasks.tenantId, tenantId), eq(tasks.resolutionId, resolutionId)));
      return (row?.top ?? -1) + 1;
    },

    async insertTask(values: typeof tasks.$inferInsert): Promise<TaskRow> {
      const [row] = await db.insert(tasks).values(values).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    async updateTask(
      tenantId: string,
      id: string,
      patch: Partial<typeof tasks.$inferInsert>,
    ): Promise<TaskRow> {
      const [row] = await db
        .update(tasks)
        .set(patch)
        .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)))
        .returning();
      if (!row) throw new Error("update returned nothing");
      return row;
    },

    async addAssignees(tenantId: string, taskId: string, memberIds: readonly string[]) {
      if (memberIds.length === 0) return;
      await db
        .insert(taskAssignees)
        .values(memberIds.map((memberId) => ({ tenantId, taskId, memberId })))
        .onConflictDoNothing();
    },

    async removeAssignees(tenantId: string, taskId: string, memberIds: readonly string[]) {
      if (memberIds.length === 0) return;
      await db
        .delete(taskAssignees)
        .where(
          and(
            eq(taskAssignees.tenantId, tenantId),
            eq(taskAssignees.taskId, taskId),
            inArray(taskAssignees.memberId, [...memberIds]),
          ),
        );
    },

    async deleteTasks(tenantId: string, ids: readonly string[]) {
      if (ids.length === 0) return;
      const list = [...ids];
      await db
        .delete(taskAssignees)
        .where(and(eq(taskAssignees.tenantId, tenantId), inArray(taskAssignees.taskId, list)));
      await db
        .delete(taskUpdates)
        .where(and(eq(taskUpdates.tenantId, tenantId), inArray(taskUpdates.taskId, list)));
      await db
        .delete(taskReviews)
        .where(and(eq(taskReviews.tenantId, tenantId), inArray(taskReviews.taskId, list)));
      await db.delete(tasks).where(and(eq(tasks.tenantId, tenantId), inArray(tasks.id, list)));
    },

    async reviewsOf(tenantId: string, meetingId: string): Promise<TaskReviewRow[]> {
      return db
        .select()
        .from(taskReviews)
        .where(and(eq(taskReviews.tenantId, tenantId), eq(taskReviews.meetingId, meetingId)));
    },

    async upsertReview(values: typeof taskReviews.$inferInsert & { updatedAt: Date }) {
      const [row] = await db
        .insert(taskReviews)
        .values({ ...values, createdAt: values.updatedAt })
        .onConflictDoUpdate({
          target: [taskReviews.tenantId, taskReviews.taskId, taskReviews.meetingId],
          set: {
            verdict: values.verdict,
            cause: values.cause ?? null,
            reviewedBy: values.reviewedBy ?? null,
            updatedAt: values.updatedAt,
          },
        })
        .returning();
      if (!row) throw new Error("upsert returned nothing");
      return row;
    },
  };
}

export type MinutesRepository = ReturnType<typeof createMinutesRepository>;
