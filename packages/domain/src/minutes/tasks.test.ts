import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  TASK_STATES,
  canMoveTask,
  isFinal,
  isOverdue,
  reviewCoverage,
  unreviewed,
  type TaskState,
} from "./tasks.js";

describe("task states", () => {
  it("moves forward only; done, not done and cancelled are final", () => {
    expect(canMoveTask("open", "in_progress")).toBe(true);
    expect(canMoveTask("in_progress", "done")).toBe(true);
    expect(canMoveTask("in_progress", "open")).toBe(false);
    expect(canMoveTask("done", "in_progress")).toBe(false);
    expect(TASK_STATES.filter(isFinal)).toEqual(["done", "not_done", "cancelled"]);
  });

  it("never leaves a final state and never stays in place (property)", () => {
    const state = fc.constantFrom(...TASK_STATES);
    fc.assert(
      fc.property(state, state, (from: TaskState, to: TaskState) => {
        if (isFinal(from) || from === to) expect(canMoveTask(from, to)).toBe(false);
      }),
    );
  });

  it("flags a task past its due date while it is still open", () => {
    expect(isOverdue({ state: "open", due: "2026-03-09" }, "2026-03-10")).toBe(true);
    expect(isOverdue({ state: "in_progress", due: "2026-03-10" }, "2026-03-10")).toBe(false);
    expect(isOverdue({ state: "done", due: "2026-03-01" }, "2026-03-10")).toBe(false);
  });
});

describe("review of last month's tasks", () => {
  const tasks = [
    { id: "a", state: "open" as const },
    { id: "b", state: "in_progress" as const },
    { id: "c", state: "done" as const },
  ];

  it("lists the open tasks not yet reviewed, and the share covered", () => {
    expect(unreviewed(tasks, new Set(["a"]))).toEqual(["b"]);
    expect(reviewCoverage(tasks, new Set(["a"]))).toBe(0.5);
    expect(reviewCoverage(tasks, new Set(["a", "b"]))).toBe(1);
    expect(reviewCoverage([{ id: "c", state: "done" }], new Set())).toBe(1);
  });

  it("is complete exactly when nothing is left unreviewed (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.uuid(), state: fc.constantFrom(...TASK_STATES) })),
        fc.array(fc.uuid()),
        (list, ids) => {
          const reviewed = new Set([
            ...ids,
            ...list.filter((_, i) => i % 2 === 0).map((t) => t.id),
          ]);
          const coverage = reviewCoverage(list, reviewed);
          expect(coverage >= 0 && coverage <= 1).toBe(true);
          expect(coverage === 1).toBe(unreviewed(list, reviewed).length === 0);
        },
      ),
    );
  });
});
