import path from "node:path";
import { z } from "zod";
import { REPO_ROOT } from "../lib/paths.js";

const flag = z
  .enum(["0", "1", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

/** Every setting chibo reads, with its default. README lists the same. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Embedded PGlite database directory, used when DATABASE_URL is empty. */
  DATA_DIR: z.string().default(path.join(REPO_ROOT, "data")),
  /** PostgreSQL connection string; when set, chibo uses that server instead of PGlite. */
  DATABASE_URL: z.string().default(""),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Create the demo tenant on first start of an empty embedded database (never on PostgreSQL). */
  DEMO: flag.default(true),
  DEMO_PASSWORD: z.string().min(1).default("chibo-demo"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Send the session cookie only over HTTPS; turn on behind TLS. */
  COOKIE_SECURE: flag.default(false),
  /** Trust X-Forwarded-* from a reverse proxy. */
  TRUST_PROXY: flag.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Built web app served at "/"; empty to serve the API only. */
  WEB_DIST: z.string().default(path.join(REPO_ROOT, "apps/web/dist")),
  /**
   * Outgoing mail (meeting reminders, postponement notices) through this SMTP server
   * (smtp://user:pass@host:587, smtps://… for TLS); empty: each message is written to the log instead.
   */
  SMTP_URL: z.string().default(""),
  /** Sender of outgoing mail. */
  MAIL_FROM: z.string().min(1).default("chibo <no-reply@localhost>"),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once; a bad value stops the start with a readable list. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
