import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { AssignedCells } from "@/features/supervision/components/assigned-cells";
import { MyCompliance } from "@/features/supervision/components/my-compliance";
import { MyVisits } from "@/features/supervision/components/my-visits";

/**
 * "Dự sinh hoạt": the visitor's page — visits to make or report on, the cells they follow (to plan a
 * visit, unannounced), and their compliance this quarter.
 */
export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("supervision.visits_title")} · chibo`);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t("supervision.visits_title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("supervision.visits_intro")}
        </Text>
      </div>
      <MyVisits />
      <AssignedCells />
      <MyCompliance />
    </Stack>
  );
}
