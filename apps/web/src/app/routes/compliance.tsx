import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ScopeFilters } from "@/components/units/scope-filters";
import { ComplianceBoard } from "@/features/meetings/components/compliance-board";
import { useScope } from "@/hooks/use-scope";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("meetings.compliance.title")} · chibo`);
  const scope = useScope("meeting.read");
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("meetings.compliance.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("meetings.compliance.intro")}
      </Text>
      <ScopeFilters scope={scope} />
      <ComplianceBoard key={scope.unitId} unitId={scope.unitId} year={scope.year} />
    </Stack>
  );
}
