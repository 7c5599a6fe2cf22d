import { isOpenTask, type TaskDto } from "@chibo/domain";
import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useMyTasks } from "../api/get-my-tasks";
import { TaskDetailModal } from "./task-detail-modal";
import { TaskFilterControl, type TaskFilter } from "./task-filter";
import { TaskList } from "./task-list";
import { useTaskParam } from "./use-task-param";

function matches(task: TaskDto, filter: TaskFilter): boolean {
  switch (filter) {
    case "open":
      return isOpenTask(task.state);
    case "overdue":
      return task.overdue;
    case "all":
      return true;
  }
}

function Counter({ label, value, alert }: { label: string; value: number; alert?: boolean }) {
  return (
    <Paper withBorder p="sm" style={alert ? { borderColor: "var(--mantine-color-red-6)" } : {}}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={28} lh={1.2} c={alert ? "red.7" : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

/** "Việc của tôi": the member's tasks as cards, counters on top, a tap opens the task and its report. */
export function MyTasks({ hasMember }: { hasMember: boolean }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useMyTasks(hasMember);
  const [filter, setFilter] = useState<TaskFilter>("open");
  const [openId, setOpenId] = useTaskParam();

  if (!hasMember) {
    return <Text c="dimmed">{t("tasks.no_member_record")}</Text>;
  }
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  const tasks = data.items.filter((task) => matches(task, filter));
  return (
    <Stack gap="md">
      <SimpleGrid
        cols={2}
        spacing="sm"
        maw={480}
        role="group"
        aria-label={t("tasks.counters.label")}
      >
        <Counter label={t("tasks.counters.open")} value={data.open} />
        <Counter
          label={t("tasks.counters.overdue")}
          value={data.overdue}
          alert={data.overdue > 0}
        />
      </SimpleGrid>
      <TaskFilterControl value={filter} onChange={setFilter} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("tasks.count", { count: tasks.length })}
      </Text>
      {tasks.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t(`tasks.empty.${filter}`)}
        </Text>
      ) : (
        <TaskList tasks={tasks} onOpen={setOpenId} />
      )}
      <TaskDetailModal
        taskId={openId}
        onClose={() => {
          setOpenId(null);
        }}
      />
    </Stack>
  );
}
