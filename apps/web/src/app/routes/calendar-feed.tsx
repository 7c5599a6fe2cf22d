import { Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { CalendarFeedSettings } from "@/features/meetings/components/calendar-feed-settings";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("meetings.feed.title")} · chibo`);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("meetings.feed.title")}
      </Title>
      <CalendarFeedSettings />
    </Stack>
  );
}
