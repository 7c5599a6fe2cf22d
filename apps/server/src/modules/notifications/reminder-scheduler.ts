import type { MailLog } from "../../lib/mailer.js";

/** The timed jobs of one run, in order; each is an independent step. */
export interface ScheduledJobs {
  /** Plans the coming months of every cell (meetings module). */
  planAll(): Promise<unknown>;
  /** Reminds the meetings that start soon (notifier). */
  runReminders(): Promise<unknown>;
  /** Tells assignees and cell leads of the tasks that became overdue (tasks module). */
  runOverdueTasks(): Promise<unknown>;
  /** Tells visitors whose visit report became overdue (supervision module). */
  runOverdueReports(): Promise<unknown>;
}

/**
 * One scheduled run: the coming months are planned, then reminders go out, then overdue tasks and
 * visit reports are flagged. A failing step is logged and the next one still runs; the timer retries everything later.
 */
export function scheduledRun(
  jobs: ScheduledJobs,
  log: Pick<MailLog, "error">,
): () => Promise<void> {
  const steps: [string, () => Promise<unknown>][] = [
    ["meeting planning failed", () => jobs.planAll()],
    ["meeting reminders failed", () => jobs.runReminders()],
    ["overdue task notices failed", () => jobs.runOverdueTasks()],
    ["overdue report notices failed", () => jobs.runOverdueReports()],
  ];
  return async () => {
    for (const [message, step] of steps) {
      try {
        await step();
      } catch (err) {
        log.error({ err }, message);
      }
    }
  };
}

export interface ReminderScheduler {
  /** No further runs; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `run` shortly after start and then every `everyMs`, never two at once, without keeping the
 * process alive; a failed run is logged and the next one tries again.
 */
export function startReminderScheduler(
  run: () => Promise<unknown>,
  log: Pick<MailLog, "error">,
  opts: { everyMs?: number; firstDelayMs?: number } = {},
): ReminderScheduler {
  const everyMs = opts.everyMs ?? 5 * 60_000;
  let current: Promise<void> | null = null;
  let stopped = false;

  const tick = () => {
    if (stopped || current) return;
    current = run()
      .then(
        () => undefined,
        (err: unknown) => {
          log.error({ err }, "meeting reminders failed");
        },
      )
      .finally(() => {
        current = null;
      });
  };

  const first = setTimeout(tick, opts.firstDelayMs ?? 15_000);
  first.unref();
  const every = setInterval(tick, everyMs);
  every.unref();

  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await current;
    },
  };
}
