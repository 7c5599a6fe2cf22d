import { and, asc, desc, eq, gte, inArray, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  foldAccents,
  type MeetingKind,
  type MeetingLevel,
  type MeetingStatus,
  type Role,
  type UnitKind,
  type VisitReportBody,
  type VisitState,
} from "@chibo/domain";
import type { DbOrTx } from "../../db/client.js";
import {
  grants,
  meetingGuests,
  meetingScores,
  meetings,
  members,
  supervisionAssignments,
  units,
  users,
  visits,
} from "../../db/schema/index.js";
import type { VisitListScope } from "../../policy/policy.js";
import { escapeLike } from "../../policy/sql.js";

/** The cell of the user's own member record while the member has not left (policy: Actor.memberPath). */
const memberPathOfUser = sql<string | null>`(select m.unit_path from ${members} m
  where m.tenant_id = ${sql.raw('"users"."tenant_id"')} and m.id = ${sql.raw('"users"."member_id"')}
    and m.left_on is null)`;

/** `column LIKE prefix%`: the subtree of a materialised path (byte-wise, COLLATE "C", indexed). */
function within(column: AnyPgColumn | SQL, path: string): SQL {
  return sql`${column} like ${`${escapeLike(path)}%`}`;
}

/**
 * Every Vietnamese letter with a diacritic (both cases) and its folded letter, for `translate()`: folds
 * a column in SQL exactly as foldAccents does in JavaScript, on PGlite and PostgreSQL alike (no
 * `unaccent` extension, and `lower()` under the C collation changes ASCII letters only).
 */
const FOLD = (() => {
  const marks = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
  const bases = "a ă â e ê i o ô ơ u ư y đ".split(" ");
  const letters = [...bases, ...bases.map((b) => b.toUpperCase())].flatMap((base) =>
    marks.map((m) => (base + m).normalize("NFC")),
  );
  // Precomposed letters only (one UTF-16 unit each): translate() maps character to character.
  const from = [...new Set(letters)].filter((c) => c.length === 1 && foldAccents(c) !== c);
  return { from: from.join(""), to: from.map((c) => foldAccents(c)).join("") };
})();

/** The folded text of a column: no diacritics, lower case, single spaces. */
function folded(column: AnyPgColumn): SQL {
  const fold = sql`translate(${column}, ${FOLD.from}::text, ${FOLD.to}::text)`;
  return sql`lower(regexp_replace(${fold}, ${"\\s+"}::text, ' ', 'g')) collate "C"`;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Someone who may be assigned, before the service picks the grant that qualifies them. */
export interface CandidateRow {
  id: string;
  displayName: string;
  username: string;
  memberPath: string | null;
}

export interface CandidateGrantRow {
  userId: string;
  role: Role;
  unitId: string;
  unitPath: string;
  unitName: string;
}

export interface UnitRow {
  id: string;
  parentId: string | null;
  path: string;
  name: string;
  kind: UnitKind;
  meetingDay: number | null;
  meetingTime: string | null;
  meetingPlace: string | null;
}

export interface AssignmentRow {
  id: string;
  userId: string;
  userName: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  startsOn: string;
  endsOn: string | null;
  visitsPerQuarter: number;
}

export interface MeetingRow {
  id: string;
  unitId: string;
  kind: MeetingKind;
  status: MeetingStatus;
  date: string;
  heldOn: string | null;
  startTime: string | null;
  place: string | null;
}

export interface VisitRow {
  id: string;
  state: VisitState;
  visitorUserId: string;
  visitorName: string;
  visitorUnitPath: string;
  unitId: string;
  unitPath: string;
  unitName: string;
  meetingDay: number | null;
  meetingTime: string | null;
  meetingPlace: string | null;
  plannedOn: string;
  meetingId: string | null;
  meetingKind: MeetingKind | null;
  meetingStatus: MeetingStatus | null;
  meetingDate: string | null;
  meetingHeldOn: string | null;
  meetingStartTime: string | null;
  meetingPlaceActual: string | null;
  attendedAt: Date | null;
  cancelledReason: string | null;
  report: VisitReportBody | null;
  reportedOn: string | null;
}

function anyOf(conds: SQL[]): SQL {
  return conds.length === 0 ? sql`false` : (or(...conds) ?? sql`false`);
}

/**
 * Which visits a viewer may list, in SQL, from the scope the policy module gives (visitListScope;
 * the service applies mayViewVisit again to each row): their own; attended or reported ones near any
 * of their grants or seen by their committee; planned or cancelled ones only through a committee role
 * on the visitor's committee, and never when the viewer is one of the visited cell.
 */
export function visibleVisits(scope: VisitListScope): SQL {
  const inside = (paths: readonly string[]) =>
    anyOf(paths.map((p) => sql`left(${p}::text, length(${visits.unitPath})) = ${visits.unitPath}`));
  const committee = anyOf(scope.committeePaths.map((p) => within(visits.visitorUnitPath, p)));
  const near = anyOf(scope.paths.map((p) => within(visits.unitPath, p)));
  return anyOf([
    eq(visits.visitorUserId, scope.userId),
    sql`(${visits.state} in ('attended', 'reported') and (${near} or ${inside(scope.paths)} or ${committee}))`,
    sql`(${visits.state} in ('planned', 'cancelled') and ${committee} and not ${inside(scope.insiderPaths)})`,
  ]);
}

export function createSupervisionRepository(db: DbOrTx) {
  const visitSelect = {
    id: visits.id,
    state: visits.state,
    visitorUserId: visits.visitorUserId,
    visitorName: sql<string>`coalesce(${users.displayName}, '')`,
    visitorUnitPath: visits.visitorUnitPath,
    unitId: visits.unitId,
    unitPath: visits.unitPath,
    unitName: units.name,
    meetingDay: units.meetingDay,
    meetingTime: units.meetingTime,
    meetingPlace: units.meetingPlace,
    plannedOn: visits.plannedOn,
    meetingId: visits.meetingId,
    meetingKind: meetings.kind,
    meetingStatus: meetings.status,
    meetingDate: meetings.date,
    meetingHeldOn: meetings.heldOn,
    meetingStartTime: meetings.startTime,
    meetingPlaceActual: meetings.place,
    attendedAt: visits.attendedAt,
    cancelledReason: visits.cancelledReason,
    report: visits.report,
    reportedOn: visits.reportedOn,
  };

  function selectVisits(tenantId: string, where: SQL | undefined) {
    return db
      .select(visitSelect)
      .from(visits)
      .innerJoin(units, and(eq(units.tenantId, visits.tenantId), eq(units.id, visits.unitId)))
      .leftJoin(users, and(eq(users.tenantId, visits.tenantId), eq(users.id, visits.visitorUserId)))
      .leftJoin(
        meetings,
        and(eq(meetings.tenantId, visits.tenantId), eq(meetings.id, visits.meetingId)),
      )
      .where(and(eq(visits.tenantId, tenantId), where))
      .orderBy(desc(visits.plannedOn), asc(visits.id)) as Promise<VisitRow[]>;
  }

  return {
    async findUnit(tenantId: string, id: string): Promise<UnitRow | undefined> {
      const [row] = await db
        .select({
          id: units.id,
          parentId: units.parentId,
          path: units.path,
          name: units.name,
          kind: units.kind,
          meetingDay: units.meetingDay,
          meetingTime: units.meetingTime,
          meetingPlace: units.meetingPlace,
        })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), eq(units.id, id)))
        .limit(1);
      return row;
    },

    async findUser(tenantId: string, id: string) {
      const [row] = await db
        .select({
          id: users.id,
          displayName: users.displayName,
          active: users.active,
          memberPath: memberPathOfUser,
        })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.id, id)))
        .limit(1);
      return row;
    },

    userGrants(tenantId: string, userId: string): Promise<{ role: Role; unitPath: string }[]> {
      return db
        .select({ role: grants.role, unitPath: units.path })
        .from(grants)
        .innerJoin(units, and(eq(units.tenantId, grants.tenantId), eq(units.id, grants.unitId)))
        .where(and(eq(grants.tenantId, tenantId), eq(grants.userId, userId)));
    },

    /**
     * Active users holding a grant of one of `roles` on one of `abovePaths` and, when `insidePath` is
     * set, neither a grant nor their member record inside it (the service's follower rule); each query word starts a word of the
     * folded name or lies in the username. The first `limit` by name.
     */
    candidates(
      tenantId: string,
      where: {
        roles: readonly Role[];
        abovePaths: readonly string[];
        insidePath: string | null;
        terms: readonly string[];
        limit: number;
      },
    ): Promise<CandidateRow[]> {
      if (where.abovePaths.length === 0 || where.roles.length === 0) return Promise.resolve([]);
      const qualified = sql`exists (select 1 from ${grants} g join ${units} u
        on u.tenant_id = g.tenant_id and u.id = g.unit_id
        where g.tenant_id = ${sql.raw('"users"."tenant_id"')} and g.user_id = ${sql.raw('"users"."id"')}
          and g.role in (${list(where.roles)}) and u.path in (${list(where.abovePaths)}))`;
      const insider =
        where.insidePath === null
          ? undefined
          : sql`not exists (select 1 from ${grants} g join ${units} u
        on u.tenant_id = g.tenant_id and u.id = g.unit_id
        where g.tenant_id = ${sql.raw('"users"."tenant_id"')} and g.user_id = ${sql.raw('"users"."id"')}
          and ${within(sql.raw("u.path"), where.insidePath)})
        and coalesce(${memberPathOfUser}, '') not like ${escapeLike(where.insidePath) + "%"}`;
      const name = sql`' ' || ${folded(users.displayName)}`;
      const words = where.terms.map(
        (t) =>
          sql`(${name} like ${`% ${escapeLike(t)}%`} or ${users.username} like ${`%${escapeLike(t)}%`})`,
      );
      return db
        .select({
          id: users.id,
          displayName: users.displayName,
          username: users.username,
          memberPath: memberPathOfUser,
        })
        .from(users)
        .where(
          and(eq(users.tenantId, tenantId), eq(users.active, true), qualified, insider, ...words),
        )
        .orderBy(asc(folded(users.displayName)), asc(users.username))
        .limit(where.limit);
    },

    /** The users' grants of one of `roles` on one of `paths`, with their units' names. */
    candidateGrants(
      tenantId: string,
      userIds: readonly string[],
      roles: readonly Role[],
      paths: readonly string[],
    ): Promise<CandidateGrantRow[]> {
      if (userIds.length === 0 || roles.length === 0 || paths.length === 0) {
        return Promise.resolve([]);
      }
      return db
        .select({
          userId: grants.userId,
          role: grants.role,
          unitId: units.id,
          unitPath: units.path,
          unitName: units.name,
        })
        .from(grants)
        .innerJoin(units, and(eq(units.tenantId, grants.tenantId), eq(units.id, grants.unitId)))
        .where(
          and(
            eq(grants.tenantId, tenantId),
            inArray(grants.userId, [...userIds]),
            inArray(grants.role, [...roles]),
            inArray(units.path, [...paths]),
          ),
        );
    },

    // ——— Assignments ———

    assignments(tenantId: string, where: SQL | undefined): Promise<AssignmentRow[]> {
      return db
        .select({
          id: supervisionAssignments.id,
          userId: supervisionAssignments.userId,
          userName: sql<string>`coalesce(${users.displayName}, '')`,
          unitId: supervisionAssignments.unitId,
          unitName: units.name,
          unitPath: supervisionAssignments.unitPath,
          startsOn: supervisionAssignments.startsOn,
          endsOn: supervisionAssignments.endsOn,
          visitsPerQuarter: supervisionAssignments.visitsPerQuarter,
        })
        .from(supervisionAssignments)
        .innerJoin(
          units,
          and(
            eq(units.tenantId, supervisionAssignments.tenantId),
            eq(units.id, supervisionAssignments.unitId),
          ),
        )
        .leftJoin(
          users,
          and(
            eq(users.tenantId, supervisionAssignments.tenantId),
            eq(users.id, supervisionAssignments.userId),
          ),
        )
        .where(and(eq(supervisionAssignments.tenantId, tenantId), where))
        .orderBy(
          asc(units.name),
          desc(supervisionAssignments.startsOn),
          asc(supervisionAssignments.id),
        );
    },

    assignmentsUnder(tenantId: string, path: string) {
      return this.assignments(tenantId, within(supervisionAssignments.unitPath, path));
    },

    assignmentsOf(tenantId: string, userId: string) {
      return this.assignments(tenantId, eq(supervisionAssignments.userId, userId));
    },

    async findAssignment(tenantId: string, id: string) {
      const [row] = await this.assignments(tenantId, eq(supervisionAssignments.id, id));
      return row;
    },

    async insertAssignment(values: {
      tenantId: string;
      userId: string;
      unitId: string;
      unitPath: string;
      startsOn: string;
      endsOn: string | null;
      visitsPerQuarter: number;
      createdBy: string;
    }): Promise<string> {
      const [row] = await db
        .insert(supervisionAssignments)
        .values(values)
        .returning({ id: supervisionAssignments.id });
      if (!row) throw new Error("insert supervision assignment failed");
      return row.id;
    },

    async endAssignment(tenantId: string, id: string, endsOn: string) {
      await db
        .update(supervisionAssignments)
        .set({ endsOn })
        .where(
          and(eq(supervisionAssignments.tenantId, tenantId), eq(supervisionAssignments.id, id)),
        );
    },

    // ——— Meetings ———

    async findMeeting(tenantId: string, id: string): Promise<MeetingRow | undefined> {
      const [row] = await db
        .select({
          id: meetings.id,
          unitId: meetings.unitId,
          kind: meetings.kind,
          status: meetings.status,
          date: meetings.date,
          heldOn: meetings.heldOn,
          startTime: meetings.startTime,
          place: meetings.place,
        })
        .from(meetings)
        .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)))
        .limit(1);
      return row;
    },

    /** The next regular meetings of the cells, from `today` on, in date order. */
    nextMeetings(tenantId: string, unitIds: string[], today: string): Promise<MeetingRow[]> {
      if (unitIds.length === 0) return Promise.resolve([]);
      return db
        .select({
          id: meetings.id,
          unitId: meetings.unitId,
          kind: meetings.kind,
          status: meetings.status,
          date: meetings.date,
          heldOn: meetings.heldOn,
          startTime: meetings.startTime,
          place: meetings.place,
        })
        .from(meetings)
        .where(
          and(
            eq(meetings.tenantId, tenantId),
            inArray(meetings.unitId, unitIds),
            eq(meetings.kind, "regular"),
            inArray(meetings.status, ["planned", "postponed", "in_progress"]),
            gte(meetings.date, today),
          ),
        )
        .orderBy(asc(meetings.date), asc(meetings.id));
    },

    async insertGuest(values: {
      tenantId: string;
      meetingId: string;
      name: string;
      title: string | null;
    }) {
      await db.insert(meetingGuests).values({ ...values, kind: "upper_level" });
    },

    // ——— Visits ———

    async findVisit(tenantId: string, id: string): Promise<VisitRow | undefined> {
      const [row] = await selectVisits(tenantId, eq(visits.id, id));
      return row;
    },

    visitsOf(tenantId: string, userId: string) {
      return selectVisits(tenantId, eq(visits.visitorUserId, userId));
    },

    /** Visits to cells of the subtree in [from, to] (by the meeting's date, else the planned date). */
    visitsUnder(tenantId: string, path: string, from: string, to: string, scope: VisitListScope) {
      const day = sql`coalesce(${meetings.heldOn}, ${meetings.date}, ${visits.plannedOn})`;
      return selectVisits(
        tenantId,
        and(
          within(visits.unitPath, path),
          sql`${day} >= ${from}`,
          sql`${day} <= ${to}`,
          visibleVisits(scope),
        ),
      );
    },

    /** Attended visits of the subtree not yet reported (public once attended). */
    attendedUnder(tenantId: string, path: string) {
      return selectVisits(
        tenantId,
        and(within(visits.unitPath, path), eq(visits.state, "attended")),
      );
    },

    /** Attended or reported visits of the subtree whose meeting falls in [from, to]. */
    countedVisitsUnder(tenantId: string, path: string, from: string, to: string) {
      const day = sql`coalesce(${meetings.heldOn}, ${meetings.date}, ${visits.plannedOn})`;
      return selectVisits(
        tenantId,
        and(
          within(visits.unitPath, path),
          inArray(visits.state, ["attended", "reported"]),
          sql`${day} >= ${from}`,
          sql`${day} <= ${to}`,
        ),
      );
    },

    async insertVisit(values: {
      tenantId: string;
      visitorUserId: string;
      visitorUnitPath: string;
      unitId: string;
      unitPath: string;
      meetingId: string | null;
      plannedOn: string;
      createdBy: string;
    }): Promise<string> {
      const [row] = await db.insert(visits).values(values).returning({ id: visits.id });
      if (!row) throw new Error("insert visit failed");
      return row.id;
    },

    /** Moves a visit from `from` to the next state; false when someone else moved it first. */
    async moveVisit(
      tenantId: string,
      id: string,
      from: VisitState,
      set: Partial<typeof visits.$inferInsert>,
      now: Date,
    ): Promise<boolean> {
      const rows = await db
        .update(visits)
        .set({ ...set, updatedAt: now })
        .where(and(eq(visits.tenantId, tenantId), eq(visits.id, id), eq(visits.state, from)))
        .returning({ id: visits.id });
      return rows.length > 0;
    },

    // ——— Quarterly notice ———

    /** Decided levels of the subtree's meetings in [from, to]. */
    async levelCounts(tenantId: string, path: string, from: string, to: string) {
      const rows = await db
        .select({
          unitId: meetingScores.unitId,
          meetingDate: meetingScores.meetingDate,
          level: meetingScores.decidedLevel,
          total: meetingScores.decidedTotal,
        })
        .from(meetingScores)
        .where(
          and(
            eq(meetingScores.tenantId, tenantId),
            within(meetingScores.unitPath, path),
            gte(meetingScores.meetingDate, from),
            lte(meetingScores.meetingDate, to),
            ne(sql`coalesce(${meetingScores.decidedLevel}, '')`, ""),
          ),
        );
      return rows as {
        unitId: string;
        meetingDate: string;
        level: MeetingLevel;
        total: number | null;
      }[];
    },
  };
}

export type SupervisionRepository = ReturnType<typeof createSupervisionRepository>;
