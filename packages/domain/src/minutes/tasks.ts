// Tasks a resolution assigns, their states, and the next regular meeting's review of them (HD12:
// the report compares last month's resolution with its results).

export const TASK_STATES = ["open", "in_progress", "done", "not_done", "cancelled"] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** Moves a task may make; done, not done (with its cause) and cancelled are final. */
const NEXT: Record<TaskState, readonly TaskState[]> = {
  open: ["in_progress", "done", "not_done", "cancelled"],
  in_progress: ["done", "not_done", "cancelled"],
  done: [],
  not_done: [],
  cancelled: [],
};

export function canMoveTask(from: TaskState, to: TaskState): boolean {
  return NEXT[from].includes(to);
}

export function isFinal(state: TaskState): boolean {
  return NEXT[state].length === 0;
}

/** Still to be carried out: the tasks a review must cover. */
export function isOpenTask(state: TaskState): boolean {
  return state === "open" || state === "in_progress";
}

/** Past its due date and not finished: flagged to the assignees and the cell lead. */
export function isOverdue(task: { state: TaskState; due: string }, today: string): boolean {
  return isOpenTask(task.state) && task.due < today;
}

export const REVIEW_VERDICTS = ["done", "in_progress", "not_done"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export interface TaskRef {
  id: string;
  state: TaskState;
}

/**
 * HD12: the next regular meeting reviews every task still open from earlier resolutions. Returns the
 * ids not yet reviewed, in the order given: empty means the review is complete.
 */
export function unreviewed(tasks: readonly TaskRef[], reviewed: ReadonlySet<string>): string[] {
  return tasks.filter((t) => isOpenTask(t.state) && !reviewed.has(t.id)).map((t) => t.id);
}

/** Share of open tasks the review covered (1 when there was nothing to review). */
export function reviewCoverage(tasks: readonly TaskRef[], reviewed: ReadonlySet<string>): number {
  const open = tasks.filter((t) => isOpenTask(t.state));
  if (open.length === 0) return 1;
  return open.filter((t) => reviewed.has(t.id)).length / open.length;
}
