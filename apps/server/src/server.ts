import { and, asc, eq, sql } from "drizzle-orm";
import type { Env } from "./config/env.js";
import { migrateDatabase, openDatabase, type Database } from "./db/client.js";
import { grants, tenants, units, users } from "./db/schema/index.js";
import { buildApp } from "./app.js";
import { seedDemoTenant } from "./demo/index.js";
import {
  scheduledRun,
  startReminderScheduler,
} from "./modules/notifications/reminder-scheduler.js";

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

const ROLE_VI: Record<string, string> = {
  admin: "quản trị",
  org_board: "Ban Tổ chức",
  inspector: "Ủy ban kiểm tra",
  committee: "cấp ủy cơ sở",
  supervisor: "cán bộ dự sinh hoạt",
  cell_lead: "lãnh đạo chi bộ",
  member: "đảng viên",
};

/** Demo users with their grants, for the start banner. */
async function demoLogins(database: Database) {
  return database.db
    .select({ username: users.username, role: grants.role, unitName: units.name })
    .from(users)
    .innerJoin(tenants, and(eq(tenants.id, users.tenantId), eq(tenants.isDemo, true)))
    .innerJoin(grants, and(eq(grants.tenantId, users.tenantId), eq(grants.userId, users.id)))
    .innerJoin(units, and(eq(units.tenantId, grants.tenantId), eq(units.id, grants.unitId)))
    .orderBy(asc(users.createdAt), asc(users.username));
}

/** The demo organisation is made only on the embedded database: a production start never does. */
export function demoWanted(env: Env): boolean {
  return env.DATABASE_URL === "" && env.DEMO;
}

/** Opens the database, migrates, creates the demo tenant when asked, and listens. */
export async function startServer(env: Env): Promise<RunningServer> {
  const embedded = env.DATABASE_URL === "";
  const database = await openDatabase(
    embedded
      ? { kind: "pglite", dataDir: env.DATA_DIR }
      : { kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
  );
  await migrateDatabase(database);

  if (demoWanted(env)) {
    const existing = await database.db.select({ id: tenants.id }).from(tenants).limit(1);
    if (existing.length === 0) {
      await seedDemoTenant(database.db, { password: env.DEMO_PASSWORD });
    }
  }

  const app = await buildApp({
    database,
    logLevel: env.LOG_LEVEL,
    webDist: env.WEB_DIST === "" ? null : env.WEB_DIST,
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS },
    login: { maxFailures: env.LOGIN_MAX_FAILURES, windowMinutes: env.LOGIN_WINDOW_MINUTES },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
  });
  await app.listen({ host: env.HOST, port: env.PORT });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`;

  // Highest role first, as the README lists them.
  const order = [
    "admin",
    "org_board",
    "inspector",
    "committee",
    "supervisor",
    "cell_lead",
    "member",
  ];
  const logins = (await demoLogins(database)).sort(
    (a, b) => order.indexOf(a.role) - order.indexOf(b.role),
  );
  const lines = [
    "",
    `  chibo đang chạy tại ${url}`,
    `  Cơ sở dữ liệu: ${embedded ? `PGlite (${env.DATA_DIR})` : "PostgreSQL"}`,
    `  API: ${url}/api/docs`,
  ];
  if (logins.length > 0) {
    lines.push(`  Tài khoản mẫu (mật khẩu chung: DEMO_PASSWORD, mặc định "chibo-demo"):`);
    for (const l of logins) {
      lines.push(
        `    ${l.username.padEnd(12)} ${(ROLE_VI[l.role] ?? l.role).padEnd(20)} ${l.unitName}`,
      );
    }
  }
  console.log(lines.join("\n") + "\n");

  // PGlite runs no autovacuum: refresh statistics and the visibility map now and then ourselves.
  const maintenance = embedded
    ? setInterval(() => {
        database.db.execute(sql`vacuum analyze`).catch((err: unknown) => {
          app.log.warn({ err }, "vacuum failed");
        });
      }, 6 * 3_600_000)
    : null;
  maintenance?.unref();

  // Shortly after start, then every 5 minutes: the coming months are planned for every cell (once a
  // day), then reminders go out (each meeting is reminded once), then overdue tasks and visit
  // reports are flagged (each once).
  const reminders = startReminderScheduler(
    scheduledRun(
      {
        planAll: () => app.meetings.planAll(),
        runReminders: () => app.notifier.runReminders(),
        runOverdueTasks: () => app.tasks.runOverdueTasks(),
        runOverdueReports: () => app.visitReports.runOverdueReports(),
      },
      app.log,
    ),
    app.log,
  );

  return {
    url,
    database,
    async close() {
      if (maintenance) clearInterval(maintenance);
      await reminders.stop();
      await app.close();
      await database.close();
    },
  };
}
