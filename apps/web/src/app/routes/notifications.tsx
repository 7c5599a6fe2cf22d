import { Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { NotificationList } from "@/features/notifications/components/notification-list";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("notifications.title")} · chibo`);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("notifications.title")}
      </Title>
      <NotificationList />
    </Stack>
  );
}
