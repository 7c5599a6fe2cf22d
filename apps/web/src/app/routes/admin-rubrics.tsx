import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { RubricAdmin } from "@/features/quality/components/rubric-admin";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("quality.rubrics.title")} · chibo`);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("quality.rubrics.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("quality.rubrics.intro")}
      </Text>
      <RubricAdmin />
    </Stack>
  );
}
