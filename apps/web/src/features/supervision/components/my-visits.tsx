import type { VisitDto } from "@chibo/domain";
import { SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useMyVisits } from "../api/get-my-visits";
import { visitDay } from "../lib/my-compliance";
import { VisitCard, type VisitCommand } from "./visit-card";
import { useVisitDialogs } from "./visit-dialogs";

const FILTERS = ["open", "reported", "all"] as const;
type Filter = (typeof FILTERS)[number];

const MINE: readonly VisitCommand[] = ["attend", "cancel", "report", "view"];

function matches(visit: VisitDto, filter: Filter): boolean {
  switch (filter) {
    case "open":
      return visit.state === "planned" || visit.state === "attended";
    case "reported":
      return visit.state === "reported";
    case "all":
      return true;
  }
}

/** To do first, soonest first (overdue reports on top); the rest, latest first. */
function order(a: VisitDto, b: VisitDto): number {
  const openA = a.state === "planned" || a.state === "attended";
  const openB = b.state === "planned" || b.state === "attended";
  if (openA !== openB) return openA ? -1 : 1;
  if (openA) {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    return visitDay(a).localeCompare(visitDay(b));
  }
  return visitDay(b).localeCompare(visitDay(a));
}

/** "Lượt dự của tôi": planned, attended (report to write) and reported visits as cards. */
export function MyVisits() {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, isPending, error } = useMyVisits();
  const [filter, setFilter] = useState<Filter>("open");
  const { onCommand, dialog } = useVisitDialogs();
  const visits = (data ?? []).filter((v) => matches(v, filter)).sort(order);
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t("supervision.mine.title")}
      </Title>
      <SegmentedControl
        aria-label={t("supervision.mine.filter")}
        value={filter}
        onChange={(value) => {
          const next = FILTERS.find((f) => f === value);
          if (next) setFilter(next);
        }}
        data={FILTERS.map((f) => ({ value: f, label: t(`supervision.mine.filters.${f}`) }))}
        fullWidth
        maw={480}
      />
      {isPending ? (
        <PageLoader />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : visits.length === 0 ? (
        <Text c="dimmed" ta="center" py="md">
          {t(`supervision.mine.empty.${filter}`)}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t("supervision.mine.list")}
          style={{ listStyle: "none", margin: 0, padding: 0 }}
        >
          {visits.map((v) => (
            <VisitCard key={v.id} visit={v} commands={MINE} onCommand={onCommand} />
          ))}
        </Stack>
      )}
      {dialog}
    </Stack>
  );
}
