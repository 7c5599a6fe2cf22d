import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type {
  Gender,
  LeaveKind,
  MemberEventKind,
  MemberStatus,
  PositionTitle,
} from "@chibo/domain";
import { cText } from "./types.js";

export const members = pgTable(
  "members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    /** Current cell (or the last one, for members who left). */
    unitId: uuid("unit_id").notNull(),
    /** Copy of the unit's path, rewritten on move/transfer, so subtree lists need no join. */
    unitPath: cText("unit_path").notNull(),
    fullName: text("full_name").notNull(),
    /** Vietnamese order key (packages/domain nameSortKey), compared with COLLATE "C". */
    sortKey: cText("sort_key").notNull(),
    /** Accent-folded lower-case name and card number for accent-insensitive search. */
    searchText: cText("search_text").notNull(),
    birthName: text("birth_name"),
    gender: text("gender").$type<Gender>().notNull(),
    birthDate: date("birth_date", { mode: "string" }),
    ethnicity: text("ethnicity"),
    religion: text("religion"),
    hometown: text("hometown"),
    education: text("education"),
    politicalTheory: text("political_theory"),
    qualification: text("qualification"),
    occupation: text("occupation"),
    phone: text("phone"),
    email: text("email"),
    joinDate: date("join_date", { mode: "string" }),
    officialDate: date("official_date", { mode: "string" }),
    cardNumber: text("card_number"),
    notes: text("notes"),
    status: text("status").$type<MemberStatus>().notNull(),
    leftOn: date("left_on", { mode: "string" }),
    leaveKind: text("leave_kind").$type<LeaveKind>(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Party card numbers are unique within a tenant.
    uniqueIndex("members_tenant_card_uq")
      .on(t.tenantId, t.cardNumber)
      .where(sql`${t.cardNumber} is not null`),
    index("members_tenant_path_sort_idx").on(t.tenantId, t.unitPath, t.sortKey),
    // Word-prefix search (LIKE '% term%') through trigrams: pg_trgm, created by migration 0000.
    index("members_search_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    // Name order across a whole tenant (the common unfiltered list) without a sort.
    index("members_tenant_sort_idx").on(t.tenantId, t.sortKey, t.id),
    index("members_tenant_unit_idx").on(t.tenantId, t.unitId),
  ],
);

/** Which cell a member belonged to, and when: the basis of every roster on a past date. */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    memberId: uuid("member_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }),
  },
  (t) => [
    index("memberships_tenant_member_idx").on(t.tenantId, t.memberId),
    index("memberships_tenant_unit_idx").on(t.tenantId, t.unitId),
  ],
);

/** Miễn công tác và sinh hoạt đảng: decided by the cell, with period and reason. */
export const exemptions = pgTable(
  "exemptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    memberId: uuid("member_id").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("exemptions_tenant_member_idx").on(t.tenantId, t.memberId)],
);

export const positions = pgTable(
  "positions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    memberId: uuid("member_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    title: text("title").$type<PositionTitle>().notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("positions_tenant_member_idx").on(t.tenantId, t.memberId),
    index("positions_tenant_unit_idx").on(t.tenantId, t.unitId),
  ],
);

/** The member's history: admission, official, exemptions, transfers, leaving, positions. */
export const memberEvents = pgTable(
  "member_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    tenantId: uuid("tenant_id").notNull(),
    memberId: uuid("member_id").notNull(),
    kind: text("kind").$type<MemberEventKind>().notNull(),
    date: date("date", { mode: "string" }).notNull(),
    fromUnitId: uuid("from_unit_id"),
    toUnitId: uuid("to_unit_id"),
    note: text("note"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    actorUserId: uuid("actor_user_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("member_events_tenant_member_idx").on(t.tenantId, t.memberId, t.seq)],
);
