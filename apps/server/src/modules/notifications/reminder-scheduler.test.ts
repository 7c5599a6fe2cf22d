import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { scheduledRun, startReminderScheduler } from "./reminder-scheduler.js";

describe("startReminderScheduler", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs shortly after start, then on every tick, logging failures without stopping", async () => {
    const errors: object[] = [];
    let calls = 0;
    const run = () => {
      calls += 1;
      return calls === 2 ? Promise.reject(new Error("database away")) : Promise.resolve();
    };
    const scheduler = startReminderScheduler(
      run,
      { error: (obj) => errors.push(obj) },
      { everyMs: 60_000, firstDelayMs: 1_000 },
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(2);
    expect(errors).toEqual([{ err: new Error("database away") }]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(3);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toBe(3);
  });

  it("never starts a run while one is going, and stop waits for it", async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    let finished = false;
    const run = () => {
      calls += 1;
      return new Promise<void>((resolve) => {
        release = () => {
          finished = true;
          resolve();
        };
      });
    };
    const scheduler = startReminderScheduler(
      run,
      { error: () => undefined },
      { everyMs: 1_000, firstDelayMs: 10 },
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(1);
    const stopped = scheduler.stop();
    release();
    await stopped;
    expect(finished).toBe(true);
  });
});

describe("scheduledRun", () => {
  it("plans, reminds, then flags overdue tasks and reports; a failing step leaves the next ones to run", async () => {
    const calls: string[] = [];
    const errors: { obj: object; msg: string }[] = [];
    const run = scheduledRun(
      {
        planAll: () => {
          calls.push("plan");
          return Promise.resolve();
        },
        runReminders: () => {
          calls.push("remind");
          return Promise.reject(new Error("mail away"));
        },
        runOverdueTasks: () => {
          calls.push("overdue");
          return Promise.reject(new Error("database away"));
        },
        runOverdueReports: () => {
          calls.push("reports");
          return Promise.resolve({ visits: 1 });
        },
      },
      { error: (obj, msg) => errors.push({ obj, msg }) },
    );
    await run();
    expect(calls).toEqual(["plan", "remind", "overdue", "reports"]);
    expect(errors).toEqual([
      { obj: { err: new Error("mail away") }, msg: "meeting reminders failed" },
      { obj: { err: new Error("database away") }, msg: "overdue task notices failed" },
    ]);
  });
});
