import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ScoreLists } from "@/features/quality/components/score-lists";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("quality.lists.title")} · chibo`);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("quality.lists.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("quality.lists.intro")}
      </Text>
      <ScoreLists />
    </Stack>
  );
}
