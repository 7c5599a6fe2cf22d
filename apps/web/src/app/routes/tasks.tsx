import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { MyTasks } from "@/features/tasks/components/my-tasks";
import { useMe } from "@/hooks/use-me";

/** "Việc của tôi": the tasks resolutions gave the signed-in member, and their progress reports. */
export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("tasks.title")} · chibo`);
  const { data: me } = useMe();
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t("tasks.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("tasks.intro")}
        </Text>
      </div>
      <MyTasks hasMember={me?.user.memberId != null} />
    </Stack>
  );
}
