import type { ComplianceDto } from "@chibo/domain";
import { REGULAR_STATES } from "@chibo/domain";
import { Group, Paper, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ComplianceDot } from "./meeting-labels";

/** What each colour means, with how many cell-months are in each state. */
export function ComplianceLegend({ counts }: { counts?: ComplianceDto["summary"]["counts"] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-label={t("meetings.compliance.legend_title")}>
      <Text size="sm" fw={600} mb={6}>
        {t("meetings.compliance.legend_title")}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} verticalSpacing={4}>
        {REGULAR_STATES.map((state) => (
          <Group key={state} gap={6} wrap="nowrap">
            <ComplianceDot state={state} label={t(`meetings.state.${state}`)} />
            <Text size="xs">
              {t(`meetings.state.${state}`)}
              {counts ? ` (${counts[state]})` : ""}
            </Text>
          </Group>
        ))}
        <Group gap={6} wrap="nowrap">
          <ComplianceDot state="held_on_day" short label={t("meetings.short_meeting")} />
          <Text size="xs">{t("meetings.compliance.legend_short")}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <ComplianceDot state={null} />
          <Text size="xs">{t("meetings.no_registered_day")}</Text>
        </Group>
      </SimpleGrid>
    </Paper>
  );
}
