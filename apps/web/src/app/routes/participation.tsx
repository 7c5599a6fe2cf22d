import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ScopeFilters } from "@/components/units/scope-filters";
import { AssignmentCoverage } from "@/features/followup/components/assignment-coverage";
import { Participation } from "@/features/followup/components/participation";
import { useScope } from "@/hooks/use-scope";
import { todayIso } from "@/lib/format";

/**
 * Members' participation over twelve months (to today, or to the end of a past year chosen) and the
 * year's task assignment coverage, for a cell or a committee's cells.
 */
export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("followup.participation.title")} · chibo`);
  const scope = useScope("meeting.alerts");
  const thisYear = Number(todayIso().slice(0, 4));
  const to = scope.year < thisYear ? `${scope.year}-12-31` : null;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("followup.participation.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("followup.participation.intro")}
      </Text>
      <ScopeFilters scope={scope} />
      <Participation key={scope.unitId} unitId={scope.unitId} to={to} />
      <AssignmentCoverage unitId={scope.unitId} year={scope.year} />
    </Stack>
  );
}
