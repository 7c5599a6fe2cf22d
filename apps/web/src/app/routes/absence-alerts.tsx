import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ScopeFilters } from "@/components/units/scope-filters";
import { AbsenceAlerts } from "@/features/meetings/components/absence-alerts";
import { useScope } from "@/hooks/use-scope";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("meetings.alerts.title")} · chibo`);
  const scope = useScope("meeting.alerts");
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("meetings.alerts.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("meetings.alerts.intro")}
      </Text>
      <ScopeFilters scope={scope} />
      <AbsenceAlerts unitId={scope.unitId} year={scope.year} />
    </Stack>
  );
}
