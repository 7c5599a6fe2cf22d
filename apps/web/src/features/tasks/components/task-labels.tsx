import type { TaskState } from "@chibo/domain";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Mantine colour of a task state: done green, not done orange, still open blue or grey. */
export function taskStateColor(state: TaskState): string {
  switch (state) {
    case "open":
      return "gray";
    case "in_progress":
      return "blue";
    case "done":
      return "green";
    case "not_done":
      return "orange";
    case "cancelled":
      return "dark";
  }
}

export function TaskStateBadge({ state }: { state: TaskState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={taskStateColor(state)} size="sm" style={{ flexShrink: 0 }}>
      {t(`tasks.state.${state}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="red" size="sm" style={{ flexShrink: 0 }}>
      {t("tasks.overdue")}
    </Badge>
  );
}

/** "Nguyễn Văn A, Trần Thị B, Chi ủy": the members holding the task and the body, if any. */
export function assigneeNames(task: {
  assignees: readonly { fullName: string }[];
  assigneeBody: string | null;
}): string {
  return [
    ...task.assignees.map((a) => a.fullName),
    ...(task.assigneeBody ? [task.assigneeBody] : []),
  ]
    .filter((name) => name !== "")
    .join(", ");
}
