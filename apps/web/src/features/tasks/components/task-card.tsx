import type { TaskDto } from "@chibo/domain";
import { Group, Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconCalendarDue, IconUsers } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";
import { OverdueBadge, TaskStateBadge, assigneeNames } from "./task-labels";

interface TaskCardProps {
  task: TaskDto;
  onOpen: (id: string) => void;
}

/**
 * One task as a card to tap: its title names the button, the rest describes it (resolution, meeting,
 * due date — red when overdue —, who holds it, state).
 */
export function TaskCard({ task, onOpen }: TaskCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const titleId = `${id}-title`;
  const stateId = `${id}-state`;
  const infoId = `${id}-info`;
  const names = assigneeNames(task);
  return (
    <Paper
      component="li"
      withBorder
      style={
        task.overdue ? { borderColor: "var(--mantine-color-red-6)", borderLeftWidth: 4 } : undefined
      }
    >
      <UnstyledButton
        w="100%"
        p="sm"
        aria-labelledby={titleId}
        aria-describedby={`${stateId} ${infoId}`}
        onClick={() => {
          onOpen(task.id);
        }}
        style={{ display: "block", minHeight: 48 }}
      >
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Text id={titleId} fw={600} style={{ wordBreak: "break-word", minWidth: 0 }}>
            {task.title}
          </Text>
          <span id={stateId} style={{ flexShrink: 0 }}>
            <TaskStateBadge state={task.state} />
          </span>
        </Group>
        <Stack id={infoId} gap={2} mt={4}>
          <Text size="xs" c="dimmed" style={{ wordBreak: "break-word" }}>
            {t("tasks.from_meeting", {
              resolution: task.resolutionTitle,
              date: formatDate(task.meetingDate),
            })}
          </Text>
          <Group gap={6} wrap="nowrap" align="center">
            <IconCalendarDue
              size={16}
              aria-hidden
              color={task.overdue ? "var(--mantine-color-red-7)" : undefined}
              style={{ flexShrink: 0 }}
            />
            <Text size="sm" fw={task.overdue ? 700 : 500} c={task.overdue ? "red.7" : undefined}>
              {t("tasks.due", { date: formatDate(task.dueDate) })}
            </Text>
            {task.overdue && <OverdueBadge />}
          </Group>
          {names !== "" && (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconUsers size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm" style={{ wordBreak: "break-word" }}>
                {t("tasks.assignees", { names })}
              </Text>
            </Group>
          )}
        </Stack>
      </UnstyledButton>
    </Paper>
  );
}
