// Meeting notices: postponements (inside the meetings module's transaction) and reminders (a timed
// run), each as an in-app notification per recipient plus an e-mail when the member has an address.
import type { Db, DbOrTx } from "../../db/client.js";
import { recordAudit } from "../../lib/audit.js";
import { vnDate, type Clock } from "../../lib/clock.js";
import { MAIL_SIGNATURE, type MailLog, type MailMessage, type Mailer } from "../../lib/mailer.js";
import { loadMeetingRules } from "../../lib/meeting-rules.js";
import {
  lowerFirst,
  meetingLabel,
  sentence,
  viDate,
  viWhen,
  vnInstant,
} from "../../lib/meeting-text.js";
import {
  createNotificationsRepository,
  type MeetingNotice,
  type NotificationInsert,
} from "./notifications.repository.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Built in buildApp; server.ts runs its reminders on a timer, tests call it directly. */
    notifier: Notifier;
  }
}

export interface ReminderRun {
  /** Meetings reminded by this run. */
  meetings: number;
  notifications: number;
  mails: number;
}

export interface Notifier {
  /**
   * Writes the postponement notice of a meeting for everyone it concerns, in the caller's transaction,
   * right after the postponement row is written. Returns the e-mails for `sendAfterCommit`.
   */
  notifyPostponement(
    tx: DbOrTx,
    ref: { tenantId: string; meetingId: string },
  ): Promise<MailMessage[]>;
  /**
   * HD12 §2.3: the agenda of a meeting is sent — every member of the cell with an account (for a
   * cell-committee meeting, its position holders) and every upper-level follower of the cell on that
   * day is told of the time, place and agenda, in the caller's transaction. Returns the e-mails for
   * `sendAfterCommit`.
   */
  notifyAgendaSent(
    tx: DbOrTx,
    ref: { tenantId: string; meetingId: string },
    agenda: AgendaNotice,
  ): Promise<MailMessage[]>;
  /** Sends e-mails once the caller's transaction has committed; failures are logged, never thrown. */
  sendAfterCommit(mails: MailMessage[]): void;
  /**
   * Reminds every meeting (planned or postponed) that starts within the tenant's `reminderHoursBefore`
   * and has not been reminded, once: one transaction per meeting, then its e-mails. Safe to run
   * concurrently on several servers. `tenantId` limits the run to one tenant.
   */
  runReminders(opts?: { tenantId?: string }): Promise<ReminderRun>;
  /** Waits for the e-mails still being sent (shutdown, tests). */
  drain(): Promise<void>;
}

/** What an agenda notice lists: the steps in order, and the documents sent with it. */
export interface AgendaNotice {
  titles: readonly string[];
  documents: readonly string[];
}

function placeLines(m: MeetingNotice): string[] {
  const lines: string[] = [];
  if (m.place) lines.push(`Địa điểm: ${sentence(m.place)}`);
  if (m.onlineUrl) lines.push(`Họp trực tuyến: ${m.onlineUrl}`);
  return lines;
}

/** The in-app title and body of a postponement notice. */
export function postponementText(
  m: MeetingNotice,
  p: { fromDate: string; newDate: string; reason: string },
): { title: string; body: string } {
  const label = meetingLabel(m);
  const lines = [
    `${m.unitName} thông báo hoãn ${lowerFirst(label)} dự kiến ngày ${viDate(p.fromDate)}, ` +
      `chuyển sang ${viWhen(p.newDate, m.startTime)}.`,
    `Lý do: ${sentence(p.reason)}`,
    ...placeLines(m),
  ];
  return { title: `Hoãn ${lowerFirst(label)} — ${m.unitName}`, body: lines.join("\n") };
}

/** The in-app title and body of a reminder. */
export function reminderText(m: MeetingNotice): { title: string; body: string } {
  const label = meetingLabel(m);
  const lines = [`${m.unitName}: ${lowerFirst(label)} vào ${viWhen(m.date, m.startTime)}.`];
  if (m.topic) lines.push(`Nội dung: ${sentence(m.topic)}`);
  if (m.status === "postponed") lines.push("Lịch đã được dời sang ngày này.");
  lines.push(...placeLines(m));
  return { title: `Nhắc lịch: ${label} — ${m.unitName}`, body: lines.join("\n") };
}

/** The in-app title and body of a sent agenda: time, place, the steps and the documents. */
export function agendaSentText(
  m: MeetingNotice,
  agenda: AgendaNotice,
): { title: string; body: string } {
  const label = meetingLabel(m);
  const lines = [
    `${m.unitName} gửi chương trình ${lowerFirst(label)} vào ${viWhen(m.date, m.startTime)}.`,
  ];
  if (m.topic) lines.push(`Nội dung: ${sentence(m.topic)}`);
  lines.push(...placeLines(m));
  if (agenda.titles.length > 0) {
    lines.push("Chương trình:", ...agenda.titles.map((t, i) => `${String(i + 1)}. ${t}`));
  }
  if (agenda.documents.length > 0) {
    lines.push(`Tài liệu gửi kèm (đọc trên chibo trước buổi họp): ${agenda.documents.join(", ")}.`);
  }
  return { title: `Chương trình ${lowerFirst(label)} — ${m.unitName}`, body: lines.join("\n") };
}

export function createNotifier(deps: {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  log: MailLog;
}): Notifier {
  const { db, clock, mailer, log } = deps;
  const pending = new Set<Promise<void>>();

  /** One notification per recipient, and the e-mails of those with an address. */
  async function notify(
    tx: DbOrTx,
    m: MeetingNotice,
    kind: NotificationInsert["kind"],
    text: { title: string; body: string },
  ): Promise<{ notifications: number; mails: MailMessage[] }> {
    const repo = createNotificationsRepository(tx);
    const audience = await repo.audience(m.tenantId, m.unitId, {
      positionHoldersOnly: m.kind === "committee",
      today: clock.today(),
    });
    const now = clock.now();
    await repo.insertMany(
      audience.map((a) => ({
        tenantId: m.tenantId,
        userId: a.userId,
        kind,
        meetingId: m.id,
        title: text.title,
        body: text.body,
        createdAt: now,
      })),
    );
    const addresses = new Set(
      audience.map((a) => a.email?.trim() ?? "").filter((e) => e.includes("@")),
    );
    const mails = [...addresses].map((to) => ({
      to,
      subject: text.title,
      text: text.body + MAIL_SIGNATURE,
    }));
    return { notifications: audience.length, mails };
  }

  /** Sends one by one; a refused message is logged and the others still go. */
  async function deliver(mails: readonly MailMessage[]): Promise<number> {
    let sent = 0;
    for (const mail of mails) {
      try {
        await mailer.send(mail);
        sent += 1;
      } catch (err) {
        log.error({ err, to: mail.to, subject: mail.subject }, "mail not sent");
      }
    }
    return sent;
  }

  function track(p: Promise<unknown>): Promise<void> {
    const done = p.then(
      () => undefined,
      () => undefined,
    );
    pending.add(done);
    void done.finally(() => pending.delete(done));
    return done;
  }

  /** Reminds one meeting if no other run has: its own transaction, then its e-mails. */
  async function remindOne(tenantId: string, meetingId: string, run: ReminderRun) {
    const result = await db.transaction(async (tx) => {
      const repo = createNotificationsRepository(tx);
      if (!(await repo.claimReminder(tenantId, meetingId, clock.now()))) return null;
      const m = await repo.meetingForNotice(tenantId, meetingId);
      if (!m) return null;
      const sent = await notify(tx, m, "meeting_reminder", reminderText(m));
      await recordAudit(tx, null, tenantId, {
        action: "meeting.remind",
        entity: "meeting",
        entityId: m.id,
        unitPath: m.unitPath,
        after: { notifications: sent.notifications, mails: sent.mails.length },
      });
      return sent;
    });
    if (!result) return;
    run.meetings += 1;
    run.notifications += result.notifications;
    const delivery = deliver(result.mails);
    void track(delivery);
    run.mails += await delivery;
  }

  return {
    async notifyPostponement(tx, ref) {
      const repo = createNotificationsRepository(tx);
      const m = await repo.meetingForNotice(ref.tenantId, ref.meetingId);
      const p = await repo.latestPostponement(ref.tenantId, ref.meetingId);
      if (!m || !p) {
        throw new Error(
          `notifyPostponement: no postponement recorded for meeting ${ref.meetingId}`,
        );
      }
      const { mails } = await notify(tx, m, "meeting_postponed", postponementText(m, p));
      return mails;
    },

    async notifyAgendaSent(tx, ref, agenda) {
      const repo = createNotificationsRepository(tx);
      const m = await repo.meetingForNotice(ref.tenantId, ref.meetingId);
      if (!m) throw new Error(`notifyAgendaSent: no meeting ${ref.meetingId}`);
      const today = clock.today();
      const members = await repo.audience(m.tenantId, m.unitId, {
        positionHoldersOnly: m.kind === "committee",
        today,
      });
      const followers = await repo.followers(m.tenantId, m.unitId, today);
      const recipients = new Map<string, string | null>();
      for (const r of [...members, ...followers]) {
        if (!recipients.has(r.userId) || r.email) recipients.set(r.userId, r.email);
      }
      const text = agendaSentText(m, agenda);
      const now = clock.now();
      await repo.insertMany(
        [...recipients.keys()].map((userId) => ({
          tenantId: m.tenantId,
          userId,
          kind: "agenda_sent" as const,
          meetingId: m.id,
          title: text.title,
          body: text.body,
          createdAt: now,
        })),
      );
      const addresses = new Set(
        [...recipients.values()].map((e) => e?.trim() ?? "").filter((e) => e.includes("@")),
      );
      return [...addresses].map((to) => ({
        to,
        subject: text.title,
        text: text.body + MAIL_SIGNATURE,
      }));
    },

    sendAfterCommit(mails) {
      if (mails.length === 0) return;
      void track(deliver(mails));
    },

    async runReminders(opts = {}) {
      const run: ReminderRun = { meetings: 0, notifications: 0, mails: 0 };
      const repo = createNotificationsRepository(db);
      const tenantIds = opts.tenantId ? [opts.tenantId] : await repo.tenantIds();
      // One tenant or meeting failing leaves the others to be reminded; the next run retries it.
      for (const tenantId of tenantIds) {
        try {
          const rules = await loadMeetingRules(db, tenantId);
          const now = clock.now();
          const until = new Date(now.getTime() + rules.reminderHoursBefore * 3_600_000);
          const candidates = await repo.reminderCandidates(tenantId, vnDate(now), vnDate(until));
          for (const c of candidates) {
            const start = vnInstant(c.date, c.startTime).getTime();
            if (start <= now.getTime() || start > until.getTime()) continue;
            try {
              await remindOne(tenantId, c.id, run);
            } catch (err) {
              log.error({ err, tenantId, meetingId: c.id }, "meeting reminder failed");
            }
          }
        } catch (err) {
          log.error({ err, tenantId }, "meeting reminders failed for a tenant");
        }
      }
      if (run.meetings > 0) log.info({ reminders: run }, "meeting reminders sent");
      return run;
    },

    async drain() {
      await Promise.all([...pending]);
    },
  };
}
