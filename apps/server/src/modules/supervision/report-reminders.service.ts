// Seed 001: "sau khi dự sinh hoạt phải có báo cáo". When a visit's report passes its due day
// (SupervisionRules.reportDays after the meeting), the visitor is told once — a notification and, when
// their member record has an address, an e-mail. Only the visitor: the visit was attended, so it is
// no secret any more, but the report is theirs to file. Runs with the meeting reminders.
import { isReportOverdue, reportDueOn } from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { MAIL_SIGNATURE, type MailLog, type MailMessage } from "../../lib/mailer.js";
import { loadSupervisionRules } from "../../lib/meeting-rules.js";
import { viDate } from "../../lib/meeting-text.js";
import {
  createReportRemindersRepository,
  type OverdueVisitRow,
} from "./report-reminders.repository.js";

export interface ReportReminderRun {
  /** Visits whose overdue notice this run wrote. */
  visits: number;
  notifications: number;
  mails: number;
}

export function overdueReportText(
  row: Pick<OverdueVisitRow, "unitName" | "meetingDay">,
  reportDays: number,
): { title: string; body: string } {
  return {
    title: `Báo cáo dự sinh hoạt quá hạn: ${row.unitName}`,
    body: [
      `Đồng chí dự sinh hoạt ${row.unitName} ngày ${viDate(row.meetingDay)}; báo cáo sau khi dự hạn đến ngày ${viDate(reportDueOn(row.meetingDay, reportDays))} nhưng chưa được gửi.`,
      "Đề nghị hoàn thành báo cáo trong mục “Dự sinh hoạt”.",
    ].join("\n"),
  };
}

export function createReportRemindersService(deps: {
  db: Db;
  clock: Clock;
  notifier?: { sendAfterCommit(mails: MailMessage[]): void } | undefined;
  log?: Pick<MailLog, "info" | "error"> | undefined;
}) {
  const { db, clock, notifier, log } = deps;
  const repo = createReportRemindersRepository(db);

  /** One visit's notice in its own transaction with its audit; the e-mail goes after the commit. */
  async function one(tenantId: string, id: string, reportDays: number, run: ReportReminderRun) {
    const mails = await db.transaction(async (tx) => {
      const r = createReportRemindersRepository(tx);
      const now = clock.now();
      const row = await r.claim(tenantId, id, now);
      if (!row) return null;
      const text = overdueReportText(row, reportDays);
      const told = row.visitorActive;
      if (told) await r.notify({ tenantId, userId: row.visitorUserId, ...text, createdAt: now });
      const to = row.email?.trim() ?? "";
      const out: MailMessage[] =
        told && to.includes("@")
          ? [{ to, subject: text.title, text: text.body + MAIL_SIGNATURE }]
          : [];
      await recordAudit(tx, null, tenantId, {
        action: "visit.report_overdue_notice",
        entity: "visit",
        entityId: row.id,
        unitPath: row.unitPath,
        after: { meetingDay: row.meetingDay, notified: told, mails: out.length },
      });
      run.visits += 1;
      if (told) run.notifications += 1;
      return out;
    });
    if (!mails || mails.length === 0) return;
    run.mails += mails.length;
    notifier?.sendAfterCommit(mails);
  }

  return {
    /**
     * Tells each visitor whose report became overdue, once per visit. Safe to run concurrently on
     * several servers (the claim is a guarded update); `tenantId` limits the run to one tenant.
     */
    async runOverdueReports(opts: { tenantId?: string } = {}): Promise<ReportReminderRun> {
      const run: ReportReminderRun = { visits: 0, notifications: 0, mails: 0 };
      const tenantIds = opts.tenantId ? [opts.tenantId] : await repo.tenantIds();
      // One tenant or visit failing leaves the others to be told; the next run retries it.
      for (const tenantId of tenantIds) {
        try {
          const today = clock.today();
          const { reportDays } = await loadSupervisionRules(db, tenantId);
          const due = (await repo.unreported(tenantId)).filter((v) =>
            isReportOverdue({ state: "attended", meetingDate: v.meetingDay }, today, reportDays),
          );
          for (const { id } of due) {
            try {
              await one(tenantId, id, reportDays, run);
            } catch (err) {
              log?.error({ err, tenantId, visitId: id }, "overdue report notice failed");
            }
          }
        } catch (err) {
          log?.error({ err, tenantId }, "overdue report notices failed for a tenant");
        }
      }
      if (run.visits > 0) log?.info({ overdue: run }, "overdue report notices sent");
      return run;
    },
  };
}

export type ReportRemindersService = ReturnType<typeof createReportRemindersService>;

declare module "fastify" {
  interface FastifyInstance {
    /** Built in buildApp; the reminder timer runs its notices, tests call it directly. */
    visitReports: ReportRemindersService;
  }
}
