import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  AgendaItemKey,
  AgendaSection,
  AgendaState,
  MinutesAttendanceDto,
  MinutesContentDto,
  ResolutionKind,
  ReviewVerdict,
  TaskState,
  VoteOutcome,
  YearlyKind,
} from "@chibo/domain";
import { cText } from "./types.js";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return "bytea";
  },
});

/** The agenda of a meeting and its preparation (HD12 §2): draft → agreed → sent. One per meeting. */
export const meetingAgendas = pgTable(
  "meeting_agendas",
  {
    tenantId: uuid("tenant_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    unitPath: cText("unit_path").notNull(),
    state: text("state").$type<AgendaState>().notNull().default("draft"),
    templateName: text("template_name"),
    preparedBy: uuid("prepared_by"),
    agreedAt: timestamp("agreed_at", { withTimezone: true }),
    agreedBy: uuid("agreed_by"),
    /** HD12 §2.2: the cell-committee meeting that agreed the content. */
    committeeMeetingId: uuid("committee_meeting_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    sentBy: uuid("sent_by"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.meetingId] })],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    position: smallint("position").notNull(),
    section: text("section").$type<AgendaSection>().notNull(),
    key: text("key").$type<AgendaItemKey>().notNull(),
    title: text("title").notNull(),
    presenter: text("presenter"),
    notes: text("notes"),
  },
  (t) => [index("agenda_items_tenant_meeting_idx").on(t.tenantId, t.meetingId, t.position)],
);

/** Documents members read before the meeting; the bytes live in the database (one backup holds all). */
export const meetingDocuments = pgTable(
  "meeting_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    unitPath: cText("unit_path").notNull(),
    fileName: text("file_name").notNull(),
    /** Decided from the content, not from the name or the browser's claim. */
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: uuid("uploaded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meeting_documents_tenant_meeting_idx").on(t.tenantId, t.meetingId)],
);

/**
 * The minutes (biên bản) of a meeting. The text — items, opinions, conclusions — is one document the
 * minute-taker's phone autosaves as they type (`rev` guards against a stale copy overwriting a newer
 * one). Signed by chair and minute-taker it is locked: never edited again, corrected only by addenda.
 */
export const minutes = pgTable(
  "minutes",
  {
    tenantId: uuid("tenant_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    unitPath: cText("unit_path").notNull(),
    rev: integer("rev").notNull().default(0),
    content: jsonb("content").$type<MinutesContentDto>().notNull(),
    chairMemberId: uuid("chair_member_id"),
    minuteTakerMemberId: uuid("minute_taker_member_id"),
    chairSignedAt: timestamp("chair_signed_at", { withTimezone: true }),
    chairSignedBy: uuid("chair_signed_by"),
    chairOnBehalf: boolean("chair_on_behalf").notNull().default(false),
    takerSignedAt: timestamp("taker_signed_at", { withTimezone: true }),
    takerSignedBy: uuid("taker_signed_by"),
    takerOnBehalf: boolean("taker_on_behalf").notNull().default(false),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    /** The attendance summary as it stood when the minutes were locked. */
    attendanceSnapshot: jsonb("attendance_snapshot").$type<MinutesAttendanceDto>(),
    updatedBy: uuid("updated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.meetingId] })],
);

/** Dated corrections to locked minutes; the original stays as it was signed. */
export const minutesAddenda = pgTable(
  "minutes_addenda",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    text: text("text").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("minutes_addenda_tenant_meeting_idx").on(t.tenantId, t.meetingId)],
);

/** A resolution (nghị quyết) or conclusion (kết luận) of a meeting, with its vote (Charter). */
export const resolutions = pgTable(
  "resolutions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitPath: cText("unit_path").notNull(),
    kind: text("kind").$type<ResolutionKind>().notNull(),
    /** Numbered at signing through the committee's term (documents.md); null before. */
    number: integer("number"),
    title: text("title").notNull(),
    content: text("content").notNull().default(""),
    position: smallint("position").notNull().default(0),
    voteApprove: integer("vote_approve"),
    voteAgainst: integer("vote_against"),
    voteOther: integer("vote_other"),
    outcome: text("outcome").$type<VoteOutcome>(),
    votedAt: timestamp("voted_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("resolutions_tenant_meeting_idx").on(t.tenantId, t.meetingId)],
);

/** A task a resolution assigns: what, who, by when; reported on by its assignees. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitPath: cText("unit_path").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    /** The meeting's date, copied so the next meeting finds earlier tasks without a join. */
    meetingDate: date("meeting_date", { mode: "string" }).notNull(),
    resolutionId: uuid("resolution_id").notNull(),
    title: text("title").notNull(),
    details: text("details"),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    assigneeBody: text("assignee_body"),
    state: text("state").$type<TaskState>().notNull().default("open"),
    lastNote: text("last_note"),
    lastReportedAt: timestamp("last_reported_at", { withTimezone: true }),
    /** When assignees and the cell lead were told it is overdue (once). */
    overdueNotifiedAt: timestamp("overdue_notified_at", { withTimezone: true }),
    position: smallint("position").notNull().default(0),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("tasks_tenant_unit_state_idx").on(t.tenantId, t.unitId, t.state, t.meetingDate),
    index("tasks_tenant_resolution_idx").on(t.tenantId, t.resolutionId),
    index("tasks_tenant_path_idx").on(t.tenantId, t.unitPath),
  ],
);

export const taskAssignees = pgTable(
  "task_assignees",
  {
    tenantId: uuid("tenant_id").notNull(),
    taskId: uuid("task_id").notNull(),
    memberId: uuid("member_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.taskId, t.memberId] }),
    index("task_assignees_tenant_member_idx").on(t.tenantId, t.memberId),
  ],
);

/** Progress reports by assignees, kept as history. */
export const taskUpdates = pgTable(
  "task_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    taskId: uuid("task_id").notNull(),
    state: text("state").$type<TaskState>().notNull(),
    note: text("note"),
    byUser: uuid("by_user"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("task_updates_tenant_task_idx").on(t.tenantId, t.taskId, t.createdAt)],
);

/** HD12: the next regular meeting reviews each open task; the review is part of its minutes. */
export const taskReviews = pgTable(
  "task_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    taskId: uuid("task_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    verdict: text("verdict").$type<ReviewVerdict>().notNull(),
    cause: text("cause"),
    reviewedBy: uuid("reviewed_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("task_reviews_task_meeting_uq").on(t.tenantId, t.taskId, t.meetingId),
    index("task_reviews_tenant_meeting_idx").on(t.tenantId, t.meetingId),
  ],
);

/**
 * Yearly member task assignment (phân công nhiệm vụ đảng viên) and personal commitment (cam kết tu
 * dưỡng, rèn luyện): one of each per member and year.
 */
export const memberYearly = pgTable(
  "member_yearly",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    memberId: uuid("member_id").notNull(),
    unitPath: cText("unit_path").notNull(),
    year: smallint("year").notNull(),
    kind: text("kind").$type<YearlyKind>().notNull(),
    content: text("content").notNull(),
    datedOn: date("dated_on", { mode: "string" }),
    recordedBy: uuid("recorded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("member_yearly_uq").on(t.tenantId, t.memberId, t.year, t.kind),
    index("member_yearly_tenant_path_year_idx").on(t.tenantId, t.unitPath, t.year),
  ],
);

/**
 * Upper-level committee members and staff assigned to follow a cell (seed 000, 002). HD12 §2.3: they
 * are told of the meeting's time, place and content. Supervision visits build on this.
 */
export const supervisionAssignments = pgTable(
  "supervision_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitPath: cText("unit_path").notNull(),
    userId: uuid("user_id").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    /** Seed 002: at least once a quarter per cell. */
    visitsPerQuarter: smallint("visits_per_quarter").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("supervision_assignments_tenant_unit_idx").on(t.tenantId, t.unitId),
    index("supervision_assignments_tenant_user_idx").on(t.tenantId, t.userId),
  ],
);
