import type { TaskDto } from "@chibo/domain";
import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TaskLine } from "./labels";

/** The report step of a regular meeting: last meeting's tasks with their state, overdue flagged. */
export function TasksToReview({ tasks }: { tasks: readonly TaskDto[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid="agenda-tasks-to-review">
      <Title order={4} size="h6" mb={6}>
        {t("minutes.agenda.review.title")}
      </Title>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("minutes.agenda.review.empty")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {tasks.map((task) => (
            <li key={task.id}>
              <TaskLine task={task} />
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
