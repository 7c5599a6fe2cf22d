import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { AgendaTemplatesEditor } from "@/features/settings/components/agenda-templates-editor";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("settings.agenda.title")} · chibo`);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("settings.agenda.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("settings.agenda.intro")}
      </Text>
      <AgendaTemplatesEditor />
    </Stack>
  );
}
