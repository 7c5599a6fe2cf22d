import { quarterOf } from "@chibo/domain";
import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ScopeFilters } from "@/components/units/scope-filters";
import {
  QuarterSelect,
  SupervisionBoard,
} from "@/features/supervision/components/supervision-board";
import { useScope } from "@/hooks/use-scope";
import { todayIso } from "@/lib/format";

/** "Giám sát dự sinh hoạt": a committee's followers of its cells, their visits, reports and notice. */
export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("supervision.board.title")} · chibo`);
  const scope = useScope("meeting.alerts");
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("quarter"));
  const quarter = [1, 2, 3, 4].includes(asked) ? asked : quarterOf(todayIso()).quarter;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("supervision.board.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("supervision.board.intro")}
      </Text>
      <ScopeFilters scope={scope} />
      <QuarterSelect
        value={quarter}
        onChange={(q) => {
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.set("quarter", String(q));
              return next;
            },
            { replace: true },
          );
        }}
      />
      {scope.unitId && (
        <SupervisionBoard
          key={scope.unitId}
          unitId={scope.unitId}
          year={scope.year}
          quarter={quarter}
        />
      )}
    </Stack>
  );
}
