// The Vietnamese phrases minutes and resolutions share: how a comrade is named, a task, a vote and its
// outcome, a review's verdict. Kept apart from the layout so both documents word them the same way.
import type { ResolutionDto, TaskDto, TaskReviewDto } from "@chibo/domain";
import { viDate } from "./party-document.js";

/**
 * "Đồng chí Nguyễn Thị C" — the minutes' way of naming a speaker (documents.md). A name the minute-taker
 * already wrote with the title ("Đồng chí …", "đ/c …") is kept as written, never doubled.
 */
export function comrade(name: string, options: { lower?: boolean } = {}): string {
  const trimmed = name.trim();
  if (/^(đồng chí|đ\/c)(\s|$)/iu.test(trimmed)) return trimmed;
  return `${options.lower ? "đồng chí" : "Đồng chí"} ${trimmed}`;
}

/** Who holds a task: its members, then the body ("Chi ủy"), as one list. */
export function taskHolders(task: Pick<TaskDto, "assignees" | "assigneeBody">): string {
  const names = task.assignees.map((a) => a.fullName);
  if (task.assigneeBody) names.push(task.assigneeBody);
  return names.length > 0 ? names.join(", ") : "…";
}

/** A task as the issue asks for it: what, who, by when (dd/mm/yyyy). */
export function taskLine(
  task: Pick<TaskDto, "title" | "assignees" | "assigneeBody" | "dueDate">,
): string {
  const what = task.title.trim().replace(/[.;]$/, "");
  return `${what}; phụ trách: ${taskHolders(task)}; thời hạn: ${viDate(task.dueDate)}.`;
}

/** "Nghị quyết số 05-NQ/CB", "Kết luận" (a number printed without its "Số"). */
export function resolutionName(resolution: Pick<ResolutionDto, "kind" | "number">): string {
  const kind = resolution.kind === "conclusion" ? "Kết luận" : "Nghị quyết";
  const bare = resolution.number?.replace(/^\s*số\s*:?\s*/iu, "").trim();
  return bare ? `${kind} số ${bare}` : kind;
}

/**
 * Charter: for, against, other opinions; only official members vote, so the base is the voting body
 * (official members less those excused by 24-QĐ/TW §9.3.2).
 */
export function voteLine(vote: ResolutionDto["vote"], votingBody: number): string {
  if (!vote) return "Biểu quyết: chưa biểu quyết.";
  const { approve, against, other } = vote;
  return `Biểu quyết: tán thành ${approve}/${votingBody} đồng chí, không tán thành ${against}, ý kiến khác ${other}.`;
}

/** The outcome in words (Charter: adopted when more than half of the voting body approves). */
export function outcomeLine(resolution: Pick<ResolutionDto, "kind" | "outcome">): string | null {
  const what = resolution.kind === "conclusion" ? "Kết luận" : "Nghị quyết";
  switch (resolution.outcome) {
    case null:
      return null;
    case "adopted":
      return `Kết quả: ${what.toLowerCase()} được thông qua.`;
    case "rejected":
      return `Kết quả: ${what.toLowerCase()} không được thông qua (chưa quá một nửa số đảng viên chính thức tán thành).`;
    case "no_quorum":
      return `Kết quả: không đủ số đảng viên dự họp theo quy định, ${what.toLowerCase()} không được thông qua.`;
  }
}

/** HD12: the next meeting reviews each open task: done, in progress, or not done with its cause. */
export function verdictText(verdict: TaskReviewDto["verdict"]): string {
  switch (verdict) {
    case "done":
      return "đã hoàn thành";
    case "in_progress":
      return "đang thực hiện";
    case "not_done":
      return "chưa hoàn thành";
    case null:
      return "chưa kiểm điểm";
  }
}

/** A Vietnamese decimal (87,5) for scores. */
export function viNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace(".", ",");
}
