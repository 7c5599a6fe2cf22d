import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type {
  AttendanceStatus,
  CheckinMethod,
  GuestKind,
  MeetingKind,
  MeetingMode,
  MeetingStatus,
  MemberStatus,
  NotificationKind,
} from "@chibo/domain";
import { cText } from "./types.js";

/**
 * Every meeting of a cell: the regular meeting of each month (planned from the registered day, one per
 * month), thematic meetings, forums, extraordinary meetings, cell-committee meetings and model meetings.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    /** Copy of the unit's path (rewritten on move), so subtree calendars need no join. */
    unitPath: cText("unit_path").notNull(),
    kind: text("kind").$type<MeetingKind>().notNull(),
    status: text("status").$type<MeetingStatus>().notNull().default("planned"),
    mode: text("mode").$type<MeetingMode>().notNull().default("in_person"),
    /** "YYYY-MM" a regular meeting answers for; null for the other kinds. */
    period: text("period"),
    /** The registered date of that month, fixed when the month is planned. */
    registeredDate: date("registered_date", { mode: "string" }),
    /** The planned local date (the new date after a postponement). */
    date: date("date", { mode: "string" }).notNull(),
    /** Local time of day "HH:MM" (Asia/Ho_Chi_Minh). */
    startTime: text("start_time"),
    place: text("place"),
    onlineUrl: text("online_url"),
    topic: text("topic"),
    preparesMeetingId: uuid("prepares_meeting_id"),
    thematicTopicId: uuid("thematic_topic_id"),
    combinedWithThematic: boolean("combined_with_thematic").notNull().default(false),
    /** Edited by hand: a change of the registered schedule leaves this occurrence alone. */
    custom: boolean("custom").notNull().default(false),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** Local date the meeting was actually held. */
    heldOn: date("held_on", { mode: "string" }),
    durationMinutes: integer("duration_minutes"),
    /** Six digits members type while check-in is open; cleared when the meeting closes. */
    checkinCode: text("checkin_code"),
    /** The secret behind the QR code and the online check-in link. */
    checkinToken: text("checkin_token"),
    checkinUntil: timestamp("checkin_until", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Charter: a cell holds one regular meeting a month.
    uniqueIndex("meetings_regular_period_uq")
      .on(t.tenantId, t.unitId, t.period)
      .where(sql`${t.kind} = 'regular'`),
    index("meetings_tenant_path_date_idx").on(t.tenantId, t.unitPath, t.date),
    index("meetings_tenant_unit_date_idx").on(t.tenantId, t.unitId, t.date),
    uniqueIndex("meetings_checkin_code_uq")
      .on(t.tenantId, t.checkinCode)
      .where(sql`${t.checkinCode} is not null`),
    uniqueIndex("meetings_checkin_token_uq")
      .on(t.checkinToken)
      .where(sql`${t.checkinToken} is not null`),
  ],
);

/** Seed 000: "only postponements are reported" — with reason and new date, kept as history. */
export const postponements = pgTable(
  "postponements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitPath: cText("unit_path").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    newDate: date("new_date", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull().defaultNow(),
    /** Local date of the report: notice is a report before the registered date. */
    reportedOn: date("reported_on", { mode: "string" }).notNull(),
    reportedBy: uuid("reported_by"),
  },
  (t) => [
    index("postponements_tenant_path_idx").on(t.tenantId, t.unitPath, t.reportedAt),
    index("postponements_tenant_meeting_idx").on(t.tenantId, t.meetingId),
  ],
);

/**
 * The roster of a meeting, written when it opens from the members active in the cell that day, and each
 * member's mark. The row is the check-in's trace: time and method.
 */
export const attendance = pgTable(
  "attendance",
  {
    tenantId: uuid("tenant_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    memberId: uuid("member_id").notNull(),
    /** Snapshot on the meeting's date: official or probationary. */
    memberStatus: text("member_status").$type<MemberStatus>().notNull(),
    /** Exempted (miễn sinh hoạt) on the meeting's date: listed, not counted. */
    exempt: boolean("exempt").notNull().default(false),
    status: text("status").$type<AttendanceStatus>(),
    reason: text("reason"),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    method: text("method").$type<CheckinMethod>(),
    markedBy: uuid("marked_by"),
    markedAt: timestamp("marked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.memberId] }),
    index("attendance_tenant_member_idx").on(t.tenantId, t.memberId),
  ],
);

export const meetingGuests = pgTable(
  "meeting_guests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    name: text("name").notNull(),
    title: text("title"),
    kind: text("kind").$type<GuestKind>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meeting_guests_tenant_meeting_idx").on(t.tenantId, t.meetingId)],
);

/** HD12: each cell makes a yearly thematic plan and reports it to the committee above. */
export const thematicPlans = pgTable(
  "thematic_plans",
  {
    tenantId: uuid("tenant_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    year: smallint("year").notNull(),
    unitPath: cText("unit_path").notNull(),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    reportedBy: uuid("reported_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.unitId, t.year] })],
);

export const thematicTopics = pgTable(
  "thematic_topics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    year: smallint("year").notNull(),
    quarter: smallint("quarter").notNull(),
    title: text("title").notNull(),
    /** HD12: the member assigned to draft the topic paper. */
    drafterMemberId: uuid("drafter_member_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("thematic_topics_tenant_unit_year_idx").on(t.tenantId, t.unitId, t.year)],
);

/** A user's private calendar feed; the URL holds a random token whose SHA-256 is the id. */
export const calendarTokens = pgTable(
  "calendar_tokens",
  {
    id: text("id").primaryKey(),
    tenantId: uuid("tenant_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_tokens_active_user_uq")
      .on(t.tenantId, t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/** In-app messages: reminders, postponements, agendas sent, tasks assigned and overdue. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").$type<NotificationKind>().notNull(),
    meetingId: uuid("meeting_id"),
    taskId: uuid("task_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_tenant_user_idx").on(t.tenantId, t.userId, t.createdAt)],
);
