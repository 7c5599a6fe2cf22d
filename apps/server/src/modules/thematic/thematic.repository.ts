import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { MeetingStatus } from "@chibo/domain";
import type { DbOrTx } from "../../db/client.js";
import { meetings, members, thematicPlans, thematicTopics, units } from "../../db/schema/index.js";

export type ThematicPlanRow = typeof thematicPlans.$inferSelect;
export type ThematicTopicRow = typeof thematicTopics.$inferSelect;

export interface TopicWithDrafter extends ThematicTopicRow {
  drafterName: string | null;
}

export interface TopicMeetingRow {
  id: string;
  thematicTopicId: string;
  date: string;
  status: MeetingStatus;
}

export function createThematicRepository(db: DbOrTx) {
  return {
    async findUnit(tenantId: string, id: string) {
      const [row] = await db
        .select({
          id: units.id,
          path: units.path,
          kind: units.kind,
          name: units.name,
          active: units.active,
        })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.id, id)))
        .limit(1);
      return row;
    },

    async plan(tenantId: string, unitId: string, year: number) {
      const [row] = await db
        .select()
        .from(thematicPlans)
        .where(
          and(
            eq(thematicPlans.tenantId, tenantId),
            eq(thematicPlans.unitId, unitId),
            eq(thematicPlans.year, year),
          ),
        )
        .limit(1);
      return row;
    },

    /** The plan's topics by quarter, with the drafter's name. */
    topics(tenantId: string, unitId: string, year: number): Promise<TopicWithDrafter[]> {
      return db
        .select({
          id: thematicTopics.id,
          tenantId: thematicTopics.tenantId,
          unitId: thematicTopics.unitId,
          year: thematicTopics.year,
          quarter: thematicTopics.quarter,
          title: thematicTopics.title,
          drafterMemberId: thematicTopics.drafterMemberId,
          createdAt: thematicTopics.createdAt,
          drafterName: members.fullName,
        })
        .from(thematicTopics)
        .leftJoin(
          members,
          and(
            eq(members.tenantId, thematicTopics.tenantId),
            eq(members.id, thematicTopics.drafterMemberId),
          ),
        )
        .where(
          and(
            eq(thematicTopics.tenantId, tenantId),
            eq(thematicTopics.unitId, unitId),
            eq(thematicTopics.year, year),
          ),
        )
        .orderBy(
          asc(thematicTopics.quarter),
          asc(thematicTopics.createdAt),
          asc(thematicTopics.id),
        );
    },

    /** The cell's meetings that take up any of the topics. */
    async meetingsOfTopics(
      tenantId: string,
      unitId: string,
      topicIds: readonly string[],
    ): Promise<TopicMeetingRow[]> {
      if (topicIds.length === 0) return [];
      const rows = await db
        .select({
          id: meetings.id,
          thematicTopicId: meetings.thematicTopicId,
          date: meetings.date,
          status: meetings.status,
        })
        .from(meetings)
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            eq(meetings.unitId, unitId),
            isNotNull(meetings.thematicTopicId),
            inArray(meetings.thematicTopicId, [...topicIds]),
          ),
        );
      return rows.flatMap((r) =>
        r.thematicTopicId === null ? [] : [{ ...r, thematicTopicId: r.thematicTopicId }],
      );
    },

    /** Which of `ids` are members currently on the cell's register. */
    async activeMembersOf(
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

    /**
     * Creates the plan row or touches it; the row lock it takes serialises concurrent edits of the
     * same plan until the transaction ends.
     */
    async upsertPlan(tenantId: string, unitId: string, year: number, unitPath: string) {
      const [row] = await db
        .insert(thematicPlans)
        .values({ tenantId, unitId, year, unitPath })
        .onConflictDoUpdate({
          target: [thematicPlans.tenantId, thematicPlans.unitId, thematicPlans.year],
          set: { unitPath, updatedAt: sql`now()` },
        })
        .returning();
      if (!row) throw new Error("upsert returned no row");
      return row;
    },

    async insertTopics(rows: (typeof thematicTopics.$inferInsert)[]) {
      if (rows.length === 0) return;
      await db.insert(thematicTopics).values(rows);
    },

    async updateTopic(
      tenantId: string,
      id: string,
      patch: Pick<ThematicTopicRow, "quarter" | "title" | "drafterMemberId">,
    ) {
      await db
        .update(thematicTopics)
        .set(patch)
        .where(and(eq(thematicTopics.tenantId, tenantId), eq(thematicTopics.id, id)));
    },

    async deleteTopics(tenantId: string, ids: readonly string[]) {
      if (ids.length === 0) return;
      await db
        .delete(thematicTopics)
        .where(and(eq(thematicTopics.tenantId, tenantId), inArray(thematicTopics.id, [...ids])));
    },

    async markReported(
      tenantId: string,
      unitId: string,
      year: number,
      at: Date,
      userId: string,
    ): Promise<ThematicPlanRow | undefined> {
      const [row] = await db
        .update(thematicPlans)
        .set({ reportedAt: at, reportedBy: userId, updatedAt: at })
        .where(
          and(
            eq(thematicPlans.tenantId, tenantId),
            eq(thematicPlans.unitId, unitId),
            eq(thematicPlans.year, year),
          ),
        )
        .returning();
      return row;
    },
  };
}

export type ThematicRepository = ReturnType<typeof createThematicRepository>;
