import { existsSync } from "node:fs";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { LIMITS } from "@chibo/domain";
import type { Database } from "./db/client.js";
import { registerAuth } from "./http/auth.js";
import { registerErrorHandler, sendProblem } from "./http/error-handler.js";
import { systemClock, type Clock } from "./lib/clock.js";
import { createMailer, DEFAULT_MAIL_FROM, type Mailer, type MailSettings } from "./lib/mailer.js";
import { agendaRoutes } from "./modules/agenda/agenda.routes.js";
import { createAgendaService } from "./modules/agenda/agenda.service.js";
import { authRoutes } from "./modules/auth/auth.routes.js";
import { createAuthService } from "./modules/auth/auth.service.js";
import { calendarFeedRoutes } from "./modules/calendar-feed/calendar-feed.routes.js";
import { createCalendarFeedService } from "./modules/calendar-feed/calendar-feed.service.js";
import { complianceRoutes } from "./modules/compliance/compliance.routes.js";
import { createComplianceService } from "./modules/compliance/compliance.service.js";
import { meetingsRoutes } from "./modules/meetings/meetings.routes.js";
import { createMeetingsService } from "./modules/meetings/meetings.service.js";
import { minutesRoutes } from "./modules/minutes/minutes.routes.js";
import { createMinutesService } from "./modules/minutes/minutes.service.js";
import { membersRoutes } from "./modules/members/members.routes.js";
import { createMembersService } from "./modules/members/members.service.js";
import { notificationsRoutes } from "./modules/notifications/notifications.routes.js";
import { createNotificationsService } from "./modules/notifications/notifications.service.js";
import { createNotifier } from "./modules/notifications/notifier.js";
import { participationRoutes } from "./modules/participation/participation.routes.js";
import { createParticipationService } from "./modules/participation/participation.service.js";
import { thematicRoutes } from "./modules/thematic/thematic.routes.js";
import { createThematicService } from "./modules/thematic/thematic.service.js";
import { settingsRoutes } from "./modules/settings/settings.routes.js";
import { createReportRemindersService } from "./modules/supervision/report-reminders.service.js";
import { supervisionRoutes } from "./modules/supervision/supervision.routes.js";
import { createSupervisionService } from "./modules/supervision/supervision.service.js";
import { createSettingsService } from "./modules/settings/settings.service.js";
import { tasksRoutes } from "./modules/tasks/tasks.routes.js";
import { createTasksService } from "./modules/tasks/tasks.service.js";
import { unitsRoutes } from "./modules/units/units.routes.js";
import { createUnitsService } from "./modules/units/units.service.js";
import { usersRoutes } from "./modules/users/users.routes.js";
import { createUsersService } from "./modules/users/users.service.js";
import { yearlyRoutes } from "./modules/yearly/yearly.routes.js";
import { rubricsRoutes } from "./modules/rubrics/rubrics.routes.js";
import { createRubricsService } from "./modules/rubrics/rubrics.service.js";
import { scoresRoutes } from "./modules/scores/scores.routes.js";
import { createScoresService } from "./modules/scores/scores.service.js";
import { createYearlyService } from "./modules/yearly/yearly.service.js";

// Vietnamese validation messages by default (the API's language; the web translates codes).
z.config(z.locales.vi());

export interface AppOptions {
  database: Database;
  clock?: Clock;
  logLevel?: string;
  webDist?: string | null;
  cookieSecure?: boolean;
  trustProxy?: boolean;
  session?: { idleMinutes: number; absoluteHours: number };
  login?: { maxFailures: number; windowMinutes: number };
  /** Outgoing mail (SMTP_URL, MAIL_FROM); without it messages go to the log. */
  mail?: MailSettings;
  /** Replaces the mailer built from `mail` (tests). */
  mailer?: Mailer;
}

/** Builds the whole HTTP application; tests import this, main.ts only listens. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const clock = opts.clock ?? systemClock;
  const { db } = opts.database;
  const session = opts.session ?? { idleMinutes: 120, absoluteHours: 12 };
  const login = opts.login ?? { maxFailures: 5, windowMinutes: 15 };

  const app = Fastify({
    logger: { level: opts.logLevel ?? "info" },
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // Server-side duration of every response (W3C Server-Timing), for browsers' devtools and bench/.
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("server-timing", `app;dur=${reply.elapsedTime.toFixed(1)}`);
    return payload;
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: LIMITS.importFileBytes, files: 1 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      message: `Quá nhiều yêu cầu, thử lại sau ${ctx.after}`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "chibo API",
        description: "Tổ chức, đảng viên và sinh hoạt chi bộ. Lỗi trả về application/problem+json.",
        version: "1",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "chibo_session" } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());

  const auth = createAuthService({
    db,
    clock,
    settings: {
      idleMinutes: session.idleMinutes,
      absoluteHours: session.absoluteHours,
      maxFailures: login.maxFailures,
      failureWindowMinutes: login.windowMinutes,
    },
  });
  registerAuth(app, auth);

  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        security: [],
        response: { 200: z.object({ status: z.literal("ok"), database: z.string() }) },
      },
    },
    async (request, reply) => {
      try {
        await db.execute("select 1");
        return { status: "ok" as const, database: opts.database.engine };
      } catch (err) {
        request.log.error({ err }, "health check failed");
        return sendProblem(reply, request, 503, "internal_error", "Cơ sở dữ liệu không phản hồi");
      }
    },
  );

  // Meeting notices: the meetings module writes postponement notices through it, server.ts runs its
  // reminders on a timer, tests call app.notifier.runReminders().
  const mailer =
    opts.mailer ??
    createMailer({
      smtpUrl: opts.mail?.smtpUrl ?? "",
      from: opts.mail?.from ?? DEFAULT_MAIL_FROM,
      log: app.log,
    });
  const notifier = createNotifier({ db, clock, mailer, log: app.log });
  app.decorate("notifier", notifier);
  const meetings = createMeetingsService({
    db,
    clock,
    notifier,
    idleMinutes: session.idleMinutes,
    prepared: opts.database.prepared,
  });
  app.decorate("meetings", meetings);
  // Overdue task notices run with the reminders (reminder-scheduler.ts); tests call them directly.
  const tasks = createTasksService({ db, clock, notifier, log: app.log });
  app.decorate("tasks", tasks);
  app.decorate("visitReports", createReportRemindersService({ db, clock, notifier, log: app.log }));
  app.addHook("onClose", async () => {
    await notifier.drain();
    mailer.close();
  });

  await app.register(
    async (api) => {
      await api.register(
        authRoutes({
          auth,
          cookieSecure: opts.cookieSecure ?? false,
          absoluteHours: session.absoluteHours,
        }),
      );
      await api.register(unitsRoutes({ units: createUnitsService({ db }) }));
      await api.register(membersRoutes({ members: createMembersService({ db, clock }) }));
      await api.register(usersRoutes({ users: createUsersService({ db }) }));
      await api.register(
        notificationsRoutes({ notifications: createNotificationsService({ db, clock }) }),
      );
      await api.register(
        calendarFeedRoutes({ calendarFeed: createCalendarFeedService({ db, clock }) }),
      );
      await api.register(complianceRoutes({ compliance: createComplianceService({ db, clock }) }));
      await api.register(thematicRoutes({ thematic: createThematicService({ db, clock }) }));
      await api.register(meetingsRoutes({ meetings, auth }));
      await api.register(minutesRoutes({ minutes: createMinutesService({ db, clock }) }));
      await api.register(settingsRoutes({ settings: createSettingsService({ db }) }));
      await api.register(tasksRoutes({ tasks }));
      await api.register(yearlyRoutes({ yearly: createYearlyService({ db, clock }) }));
      await api.register(
        participationRoutes({ participation: createParticipationService({ db, clock }) }),
      );
      await api.register(agendaRoutes({ agenda: createAgendaService({ db, clock, notifier }) }));
      await api.register(
        supervisionRoutes({ supervision: createSupervisionService({ db, clock }) }),
      );
      await api.register(rubricsRoutes({ rubrics: createRubricsService({ db }) }));
      await api.register(scoresRoutes({ scores: createScoresService({ db, clock }) }));
    },
    { prefix: "/api/v1" },
  );

  // The single-page app answers every other GET with index.html; API paths get problem+json.
  const webDist = opts.webDist;
  const serveWeb = Boolean(webDist && existsSync(path.join(webDist, "index.html")));
  if (serveWeb && webDist) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (!serveWeb || request.url.startsWith("/api/") || request.method !== "GET") {
      return sendProblem(reply, request, 404, "not_found", "Không tìm thấy địa chỉ này");
    }
    return reply.type("text/html").sendFile("index.html");
  });

  return app;
}
