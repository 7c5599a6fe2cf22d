import type { MeetingLevel } from "@chibo/domain";
import { and, asc, eq, gte, inArray, isNotNull, isNull, like, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { meetings, meetingScores, units, users, visits } from "../../db/schema/index.js";

export type ScoreRow = typeof meetingScores.$inferSelect;
export type ScoreInsert = typeof meetingScores.$inferInsert;

export function createScoresRepository(db: DbOrTx) {
  return {
    /** The meeting with what scoring needs of its unit (locked for a command). */
    async meeting(tenantId: string, meetingId: string, lock = false) {
      const q = db
        .select({
          id: meetings.id,
          unitId: meetings.unitId,
          unitPath: meetings.unitPath,
          kind: meetings.kind,
          status: meetings.status,
          registeredDate: meetings.registeredDate,
          date: meetings.date,
          heldOn: meetings.heldOn,
          startedAt: meetings.startedAt,
          endedAt: meetings.endedAt,
          durationMinutes: meetings.durationMinutes,
          combinedWithThematic: meetings.combinedWithThematic,
          unitType: units.unitType,
          unitName: units.name,
        })
        .from(meetings)
        .innerJoin(units, and(eq(units.tenantId, meetings.tenantId), eq(units.id, meetings.unitId)))
        .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)))
        .limit(1);
      // A command locks the meeting, so two first scores of the same meeting never race.
      const [row] = lock ? await q.for("update", { of: meetings }) : await q;
      return row;
    },

    async score(tenantId: string, meetingId: string, lock = false): Promise<ScoreRow | undefined> {
      const q = db
        .select()
        .from(meetingScores)
        .where(and(eq(meetingScores.tenantId, tenantId), eq(meetingScores.meetingId, meetingId)))
        .limit(1);
      const [row] = lock ? await q.for("update") : await q;
      return row;
    },

    async insertScore(values: ScoreInsert): Promise<void> {
      await db.insert(meetingScores).values(values);
    },

    async updateScore(tenantId: string, meetingId: string, values: Partial<ScoreInsert>) {
      await db
        .update(meetingScores)
        .set({ ...values, version: sql`${meetingScores.version} + 1`, updatedAt: new Date() })
        .where(and(eq(meetingScores.tenantId, tenantId), eq(meetingScores.meetingId, meetingId)));
    },

    /** Upper-level members who attended the meeting (their visit attended or reported). */
    async attendingVisitors(tenantId: string, meetingId: string): Promise<string[]> {
      const rows = await db
        .select({ userId: visits.visitorUserId })
        .from(visits)
        .where(
          and(
            eq(visits.tenantId, tenantId),
            eq(visits.meetingId, meetingId),
            inArray(visits.state, ["attended", "reported"]),
          ),
        );
      return [...new Set(rows.map((r) => r.userId))];
    },

    async userNames(tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), inArray(users.id, [...ids])));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** The decided level of every decided score of the tenant, by meeting id. */
    async decidedLevels(tenantId: string): Promise<Map<string, MeetingLevel>> {
      const rows = await db
        .select({ meetingId: meetingScores.meetingId, level: meetingScores.decidedLevel })
        .from(meetingScores)
        .where(and(eq(meetingScores.tenantId, tenantId), isNotNull(meetingScores.decidedLevel)));
      const out = new Map<string, MeetingLevel>();
      for (const r of rows) if (r.level !== null) out.set(r.meetingId, r.level);
      return out;
    },

    async unit(tenantId: string, unitId: string) {
      const [row] = await db
        .select({ id: units.id, path: units.path, name: units.name })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.id, unitId)))
        .limit(1);
      return row;
    },

    /** The active cells of a subtree. */
    async cells(tenantId: string, path: string) {
      return db
        .select({ id: units.id, name: units.name, path: units.path })
        .from(units)
        .where(
          and(
            eq(units.tenantId, tenantId),
            like(units.path, `${path}%`),
            eq(units.kind, "cell"),
            eq(units.active, true),
          ),
        )
        .orderBy(asc(units.path));
    },

    /** The regular meetings of a subtree in a year, with their score's levels. */
    async regularLevels(tenantId: string, path: string, year: number) {
      return db
        .select({
          meetingId: meetings.id,
          unitId: meetings.unitId,
          period: meetings.period,
          date: meetings.date,
          status: meetings.status,
          selfLevel: meetingScores.selfLevel,
          decidedLevel: meetingScores.decidedLevel,
        })
        .from(meetings)
        .leftJoin(
          meetingScores,
          and(
            eq(meetingScores.tenantId, meetings.tenantId),
            eq(meetingScores.meetingId, meetings.id),
          ),
        )
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            like(meetings.unitPath, `${path}%`),
            eq(meetings.kind, "regular"),
            gte(meetings.date, `${year}-01-01`),
            lte(meetings.date, `${year}-12-31`),
          ),
        )
        .orderBy(asc(meetings.date));
    },

    /**
     * Self-scored, undecided scores: in the subtrees of `roots` (strictly below each root when asked) or of
     * the meetings in `meetingIds`; only flagged ones with `flaggedOnly`.
     */
    async undecided(
      tenantId: string,
      roots: readonly string[],
      meetingIds: readonly string[],
      flaggedOnly: boolean,
      strictlyBelow: boolean,
    ) {
      const scope = [
        ...roots.map((r) =>
          strictlyBelow
            ? and(
                like(meetingScores.unitPath, `${r}%`),
                sql`${meetingScores.unitPath} <> ${r}`,
                // The committee decides only where no upper-level member attended.
                sql`not exists (
                  select 1 from ${visits} v
                  where v.tenant_id = ${tenantId}
                    and v.meeting_id = ${sql.raw('"meeting_scores"."meeting_id"')}
                    and v.state in ('attended', 'reported')
                )`,
              )
            : like(meetingScores.unitPath, `${r}%`),
        ),
        ...(meetingIds.length > 0 ? [inArray(meetingScores.meetingId, [...meetingIds])] : []),
      ];
      if (scope.length === 0) return [];
      return db
        .select({
          meetingId: meetingScores.meetingId,
          unitId: meetingScores.unitId,
          unitPath: meetingScores.unitPath,
          unitName: units.name,
          meetingDate: meetingScores.meetingDate,
          meetingKind: meetings.kind,
          selfTotal: meetingScores.selfTotal,
          selfLevel: meetingScores.selfLevel,
          flagged: meetingScores.flagged,
        })
        .from(meetingScores)
        .innerJoin(
          meetings,
          and(
            eq(meetings.tenantId, meetingScores.tenantId),
            eq(meetings.id, meetingScores.meetingId),
          ),
        )
        .innerJoin(
          units,
          and(eq(units.tenantId, meetingScores.tenantId), eq(units.id, meetingScores.unitId)),
        )
        .where(
          and(
            eq(meetingScores.tenantId, tenantId),
            isNotNull(meetingScores.selfAt),
            isNull(meetingScores.decidedAt),
            flaggedOnly ? eq(meetingScores.flagged, true) : undefined,
            or(...scope),
          ),
        )
        .orderBy(asc(meetingScores.meetingDate));
    },

    /** Meetings the user attended as the upper-level visitor. */
    async visitedMeetings(tenantId: string, userId: string): Promise<string[]> {
      const rows = await db
        .select({ meetingId: visits.meetingId })
        .from(visits)
        .where(
          and(
            eq(visits.tenantId, tenantId),
            eq(visits.visitorUserId, userId),
            inArray(visits.state, ["attended", "reported"]),
            isNotNull(visits.meetingId),
          ),
        );
      return rows.flatMap((r) => (r.meetingId ? [r.meetingId] : []));
    },
  };
}

export type ScoresRepository = ReturnType<typeof createScoresRepository>;
export type { MeetingLevel };
