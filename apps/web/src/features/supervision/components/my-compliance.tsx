import { quarterOf } from "@chibo/domain";
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { todayIso } from "@/lib/format";
import { useAssignedCells } from "../api/get-assigned-cells";
import { useMyVisits } from "../api/get-my-visits";
import { myCompliance } from "../lib/my-compliance";

/** "Thực hiện nhiệm vụ quý này": per assigned cell, visits required, attended, reported on time. */
export function MyCompliance() {
  const { t } = useTranslation();
  const headingId = useId();
  const cells = useAssignedCells();
  const visits = useMyVisits();
  const { year, quarter } = quarterOf(todayIso());
  const error = cells.error ?? visits.error;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t("supervision.my_compliance.title", { quarter, year })}
      </Title>
      {error ? (
        <ErrorAlert error={error} />
      ) : cells.data && visits.data ? (
        <Content rows={myCompliance(cells.data, visits.data, year, quarter)} />
      ) : (
        <PageLoader />
      )}
    </Stack>
  );
}

function Content({ rows }: { rows: ReturnType<typeof myCompliance> }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t("supervision.my_compliance.empty")}</Text>;
  const met = rows.filter((r) => r.met).length;
  const attended = rows.reduce((a, r) => a + r.attended, 0);
  const onTime = rows.reduce((a, r) => a + r.reportedOnTime, 0);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={3} spacing="xs" maw={480}>
        <Figure label={t("supervision.my_compliance.cells_met")} value={`${met}/${rows.length}`} />
        <Figure label={t("supervision.my_compliance.attended")} value={String(attended)} />
        <Figure label={t("supervision.my_compliance.on_time")} value={String(onTime)} />
      </SimpleGrid>
      <Stack gap={4} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {rows.map((r) => (
          <Paper key={r.unitId} component="li" withBorder px="sm" py={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={500} style={{ minWidth: 0, wordBreak: "break-word" }}>
                {r.unitName}
              </Text>
              <Badge color={r.met ? "green" : "red"} variant="light" style={{ flexShrink: 0 }}>
                {r.met ? t("supervision.compliance.met") : t("supervision.compliance.not_met")}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t("supervision.compliance.row", {
                attended: r.attended,
                required: r.required,
                reported: r.reported,
                onTime: r.reportedOnTime,
              })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg">
        {value}
      </Text>
    </Paper>
  );
}
