import type { AgendaState, TaskDto, TaskState, VoteOutcome } from "@chibo/domain";
import { Badge, Group, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";

const AGENDA_COLOR: Record<AgendaState, string> = { draft: "gray", agreed: "blue", sent: "green" };

export function AgendaStateBadge({ state }: { state: AgendaState }) {
  const { t } = useTranslation();
  return (
    <Badge color={AGENDA_COLOR[state]} variant="light">
      {t(`minutes.agenda.state.${state}`)}
    </Badge>
  );
}

const TASK_COLOR: Record<TaskState, string> = {
  open: "gray",
  in_progress: "blue",
  done: "green",
  not_done: "red",
  cancelled: "gray",
};

export function TaskStateBadge({ state }: { state: TaskState }) {
  const { t } = useTranslation();
  return (
    <Badge color={TASK_COLOR[state]} variant="light" size="sm">
      {t(`minutes.task_state.${state}`)}
    </Badge>
  );
}

const OUTCOME_COLOR: Record<VoteOutcome, string> = {
  adopted: "green",
  rejected: "red",
  no_quorum: "orange",
};

export function OutcomeBadge({ outcome }: { outcome: VoteOutcome }) {
  const { t } = useTranslation();
  return (
    <Badge color={OUTCOME_COLOR[outcome]} variant="filled" data-testid="vote-outcome">
      {t(`minutes.vote.outcome.${outcome}`)}
    </Badge>
  );
}

/** Who holds a task: its members, and the body (e.g. "Chi ủy") when there is one. */
export function taskHolders(task: Pick<TaskDto, "assignees" | "assigneeBody">): string {
  return [...task.assignees.map((a) => a.fullName), task.assigneeBody]
    .filter((n): n is string => n !== null && n !== "")
    .join(", ");
}

/** One task in a list: title, state, who, due date, overdue flag. */
export function TaskLine({ task }: { task: TaskDto }) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 0 }}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600} style={{ wordBreak: "break-word" }}>
          {task.title}
        </Text>
        <TaskStateBadge state={task.state} />
        {task.overdue && (
          <Badge
            color="red"
            variant="filled"
            size="sm"
            leftSection={<IconAlertTriangle size={12} aria-hidden />}
          >
            {t("minutes.task.overdue")}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {[
          t("minutes.task.who", { names: taskHolders(task) }),
          t("minutes.task.due", { date: formatDate(task.dueDate) }),
        ].join(" · ")}
      </Text>
      {task.details && (
        <Text size="xs" style={{ whiteSpace: "pre-wrap" }}>
          {task.details}
        </Text>
      )}
      {task.lastNote && (
        <Text size="xs" c="dimmed" fs="italic" style={{ whiteSpace: "pre-wrap" }}>
          {task.lastNote}
        </Text>
      )}
    </div>
  );
}
