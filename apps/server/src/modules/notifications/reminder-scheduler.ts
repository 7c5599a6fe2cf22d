import type { MailLog } from "../../lib/mailer.js";

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
