import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  EvidenceValues,
  MeetingLevel,
  Rubric,
  VisitReportBody,
  VisitState,
} from "@chibo/domain";
import { cText } from "./types.js";

/**
 * A province's own rubrics (the shipped ones live in packages/domain). Versioned: a revision is a new
 * row with the next version; rows are never edited, so a meeting keeps the sheet it was scored with.
 */
export const rubrics = pgTable(
  "rubrics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    data: jsonb("data").$type<Rubric>().notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
    /** Withdrawn rubrics are no longer picked for new scores; old scores keep their copy. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("rubrics_tenant_code_version_uq").on(t.tenantId, t.code, t.version)],
);

/** Points and the reason given, by criterion key. */
export type ScoreItems = Record<string, { points: number; reason: string | null }>;

/**
 * A meeting's score (HD12: the cell proposes, the committee above decides). The rubric used is copied
 * in, so a later revision never changes a scored meeting.
 */
export const meetingScores = pgTable(
  "meeting_scores",
  {
    tenantId: uuid("tenant_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitPath: cText("unit_path").notNull(),
    meetingDate: date("meeting_date", { mode: "string" }).notNull(),
    rubricCode: text("rubric_code").notNull(),
    rubricVersion: integer("rubric_version").notNull(),
    rubric: jsonb("rubric").$type<Rubric>().notNull(),
    /** What chibo measured from the record when the cell scored itself (and again at the decision). */
    evidence: jsonb("evidence").$type<EvidenceValues>().notNull(),
    selfItems: jsonb("self_items").$type<ScoreItems>(),
    selfTotal: real("self_total"),
    selfLevel: text("self_level").$type<MeetingLevel>(),
    selfBy: uuid("self_by"),
    selfAt: timestamp("self_at", { withTimezone: true }),
    /** The self-score claims more than the evidence supports on some item: flagged to the committee. */
    flagged: boolean("flagged").notNull().default(false),
    decidedItems: jsonb("decided_items").$type<ScoreItems>(),
    decidedTotal: real("decided_total"),
    decidedLevel: text("decided_level").$type<MeetingLevel>(),
    decidedBy: uuid("decided_by"),
    /** "visitor" (the upper-level attendee) or "committee" (nobody attended). */
    decidedAs: text("decided_as").$type<"visitor" | "committee">(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId] }),
    index("meeting_scores_tenant_path_date_idx").on(t.tenantId, t.unitPath, t.meetingDate),
  ],
);

/**
 * An upper-level member's visit to a cell's meeting, planned without telling the cell (seed 000). A
 * planned visit is visible to the visitor and their committee only (packages/domain visitVisibleTo).
 */
export const visits = pgTable(
  "visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    visitorUserId: uuid("visitor_user_id").notNull(),
    /** The visitor's own committee: who else may see the plan. */
    visitorUnitPath: cText("visitor_unit_path").notNull(),
    unitId: uuid("unit_id").notNull(),
    /** The visited cell's path. */
    unitPath: cText("unit_path").notNull(),
    meetingId: uuid("meeting_id"),
    plannedOn: date("planned_on", { mode: "string" }).notNull(),
    state: text("state").$type<VisitState>().notNull().default("planned"),
    attendedAt: timestamp("attended_at", { withTimezone: true }),
    cancelledReason: text("cancelled_reason"),
    report: jsonb("report").$type<VisitReportBody>(),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    reportedOn: date("reported_on", { mode: "string" }),
    /** When the visitor was told the report is overdue (once per visit). */
    reportOverdueNotifiedAt: timestamp("report_overdue_notified_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("visits_tenant_visitor_idx").on(t.tenantId, t.visitorUserId, t.plannedOn),
    index("visits_tenant_path_idx").on(t.tenantId, t.unitPath, t.plannedOn),
    index("visits_tenant_meeting_idx").on(t.tenantId, t.meetingId),
  ],
);
