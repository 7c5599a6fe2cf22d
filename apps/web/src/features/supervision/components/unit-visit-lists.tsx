import type { VisitDto } from "@chibo/domain";
import { Paper, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useOverdueReports, useUnitVisits } from "../api/unit-supervision";
import { visitDay } from "../lib/my-compliance";
import { VisitCard, type VisitCommand } from "./visit-card";
import { useVisitDialogs } from "./visit-dialogs";

const VIEW: readonly VisitCommand[] = ["view"];

function VisitList({
  visits,
  label,
  empty,
}: {
  visits: readonly VisitDto[];
  label: string;
  empty: string;
}) {
  const { onCommand, dialog } = useVisitDialogs();
  if (visits.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <>
      <Stack
        gap="xs"
        component="ul"
        aria-label={label}
        style={{ listStyle: "none", margin: 0, padding: 0 }}
      >
        {visits.map((v) => (
          <VisitCard key={v.id} visit={v} commands={VIEW} onCommand={onCommand} withVisitor />
        ))}
      </Stack>
      {dialog}
    </>
  );
}

/** "Báo cáo quá hạn": attended visits whose report is past due, oldest first. */
export function OverdueReports({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, isPending, error } = useOverdueReports(unitId);
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs" c={data?.length ? "red.8" : undefined}>
        {t("supervision.overdue_reports.title", { count: data?.length ?? 0 })}
      </Title>
      {isPending ? (
        <PageLoader />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <VisitList
          visits={[...data].sort((a, b) => a.reportDueOn.localeCompare(b.reportDueOn))}
          label={t("supervision.overdue_reports.list")}
          empty={t("supervision.overdue_reports.empty")}
        />
      )}
    </Paper>
  );
}

/** "Các lượt dự trong quý": every visit to the unit's cells the caller may see, latest first. */
export function UnitVisits({
  unitId,
  year,
  quarter,
}: {
  unitId: string;
  year: number;
  quarter: number;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, isPending, error, isPlaceholderData } = useUnitVisits(unitId, year, quarter);
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t("supervision.unit_visits.title", { quarter, year })}
      </Title>
      {isPending ? (
        <PageLoader />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <div style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
          <VisitList
            visits={[...data].sort((a, b) => visitDay(b).localeCompare(visitDay(a)))}
            label={t("supervision.unit_visits.list")}
            empty={t("supervision.unit_visits.empty")}
          />
        </div>
      )}
    </Paper>
  );
}
