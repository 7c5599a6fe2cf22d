import { Anchor, Group, Paper, Text, Title } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMyTasks } from "../api/get-my-tasks";

/** The home page's reminder: how many tasks wait, how many are overdue, and the way to them. */
export function MyTasksCard() {
  const { t } = useTranslation();
  const { data } = useMyTasks();
  if (!data) return null;
  const overdue = data.overdue > 0;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="home-tasks-title"
      style={overdue ? { borderColor: "var(--mantine-color-red-6)", borderWidth: 2 } : undefined}
    >
      <Group gap="xs" mb={4} wrap="nowrap">
        <IconChecklist size={20} aria-hidden />
        <Title order={2} size="h4" id="home-tasks-title">
          {t("tasks.home.title")}
        </Title>
      </Group>
      <Text size="sm" fw={overdue ? 700 : 400} c={overdue ? "red.7" : undefined}>
        {data.open === 0 && data.overdue === 0
          ? t("tasks.home.none")
          : t("tasks.home.summary", { open: data.open, overdue: data.overdue })}
      </Text>
      <Anchor component={Link} to="/tasks" size="sm">
        {t("tasks.home.open_link")}
      </Anchor>
    </Paper>
  );
}
