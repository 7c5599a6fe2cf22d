import { boolean, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A tenant is one top organisation (a province or bloc) with its own tree, users and settings. */
export const tenants = pgTable("tenants", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Every table carries tenant_id; for this one it is its own id, kept for the uniform distribution key.
  tenantId: uuid("tenant_id").notNull(),
  name: text("name").notNull(),
  code: text("code").notNull().unique(),
  isDemo: boolean("is_demo").notNull().default(false),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
