import { Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ScopeFilters } from "@/components/units/scope-filters";
import { PostponementList } from "@/features/meetings/components/postponement-list";
import { useScope } from "@/hooks/use-scope";

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
      <PostponementList
        unitId={scope.unitId}
        params={{ from: `${scope.year}-01-01`, to: `${scope.year}-12-31` }}
      />
    </Stack>
  );
}
