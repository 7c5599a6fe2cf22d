import { Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ScopeFilters } from "@/components/units/scope-filters";
import { PostponementList } from "@/features/meetings/components/postponement-list";
import { useScope } from "@/hooks/use-scope";
import { todayIso } from "@/lib/format";

/**
 * A past year's postponements; for the current year, also those already reported into the first
 * quarter of the next (a meeting postponed in December to January must not drop out of sight).
 */
function postponementRange(year: number) {
  const current = Number(todayIso().slice(0, 4)) === year;
  return { from: `${year}-01-01`, to: current ? `${year + 1}-03-31` : `${year}-12-31` };
}

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("meetings.postponements.title")} · chibo`);
  const scope = useScope("meeting.read");
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("meetings.postponements.title")}
      </Title>
      <ScopeFilters scope={scope} />
      <PostponementList unitId={scope.unitId} params={postponementRange(scope.year)} />
    </Stack>
  );
}
