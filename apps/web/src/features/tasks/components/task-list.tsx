import type { TaskDto } from "@chibo/domain";
import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TaskCard } from "./task-card";

/** Task cards, one column on a phone. */
export function TaskList({
  tasks,
  onOpen,
}: {
  tasks: readonly TaskDto[];
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="xs"
      component="ul"
      aria-label={t("tasks.list_label")}
      style={{ listStyle: "none", margin: 0, padding: 0 }}
    >
      {tasks.map((task) => (
        <TaskCard key={task.id} task={task} onOpen={onOpen} />
      ))}
    </Stack>
  );
}
