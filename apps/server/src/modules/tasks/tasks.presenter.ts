import type { TaskDetailDto, TaskUpdateDto } from "@chibo/domain";
import type { Actor } from "../../policy/policy.js";
import { viDate } from "../../lib/meeting-text.js";
import { presentTask, type TaskReadRow } from "./tasks.reader.js";
import type { TaskHistoryRow } from "./tasks.repository.js";

export function presentTaskUpdate(h: TaskHistoryRow): TaskUpdateDto {
  return {
    id: h.id,
    state: h.state,
    note: h.note,
    byName: h.byName,
    createdAt: h.createdAt.toISOString(),
    source: h.source,
  };
}

export function presentTaskDetail(
  row: TaskReadRow,
  history: readonly TaskHistoryRow[],
  actor: Actor,
  today: string,
): TaskDetailDto {
  return { ...presentTask(row, actor, today), updates: history.map(presentTaskUpdate) };
}

/** The in-app title and body of an overdue notice (to the assignees and the cell lead). */
export function overdueText(row: TaskReadRow): { title: string; body: string } {
  const who = [
    ...row.assignees.map((a) => a.fullName),
    ...(row.assigneeBody ? [row.assigneeBody] : []),
  ];
  const lines = [
    `${row.unitName}: nhiệm vụ “${row.title}” đã quá hạn hoàn thành (hạn ngày ${viDate(row.dueDate)}).`,
    `Theo: ${row.resolutionTitle} (cuộc họp ngày ${viDate(row.meetingDate)}).`,
  ];
  if (who.length > 0) lines.push(`Người phụ trách: ${who.join(", ")}.`);
  lines.push("Đề nghị báo cáo tiến độ trong mục “Việc của tôi”.");
  return { title: `Nhiệm vụ quá hạn: ${row.title}`, body: lines.join("\n") };
}
