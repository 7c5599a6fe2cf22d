import {
  boolean,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { MeetingMode, UnitKind, UnitLevel, UnitType } from "@chibo/domain";
import { cText } from "./types.js";

export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    parentId: uuid("parent_id"),
    /** Materialised path "/root/…/id/": a subtree is `path LIKE prefix || '%'`. */
    path: cText("path").notNull(),
    name: text("name").notNull(),
    code: text("code"),
    kind: text("kind").$type<UnitKind>().notNull(),
    level: text("level").$type<UnitLevel>().notNull(),
    isGrassroots: boolean("is_grassroots").notNull().default(false),
    unitType: text("unit_type").$type<UnitType>(),
    meetingDay: smallint("meeting_day"),
    /** The registered schedule's time "HH:MM", place and usual mode (seed 000). */
    meetingTime: text("meeting_time"),
    meetingPlace: text("meeting_place"),
    meetingMode: text("meeting_mode").$type<MeetingMode>().notNull().default("in_person"),
    meetingUrl: text("meeting_url"),
    active: boolean("active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("units_tenant_path_idx").on(t.tenantId, t.path),
    index("units_tenant_parent_idx").on(t.tenantId, t.parentId),
    uniqueIndex("units_tenant_code_uq")
      .on(t.tenantId, t.code)
      .where(sql`${t.code} is not null`),
  ],
);
