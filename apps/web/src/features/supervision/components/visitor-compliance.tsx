import type { VisitorComplianceDto } from "@chibo/domain";
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useVisitorCompliance } from "../api/unit-supervision";

const DESKTOP = "(min-width: 62em)";

type Row = VisitorComplianceDto["rows"][number];

function MetBadge({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={met ? "green" : "red"} variant="light" style={{ flexShrink: 0 }}>
      {met ? t("supervision.compliance.met") : t("supervision.compliance.not_met")}
    </Badge>
  );
}

/** Visitors' compliance in the quarter: required, attended, reported (on time), per visitor and cell. */
export function VisitorCompliance({
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
  const isDesktop = useMediaQuery(DESKTOP, true, { getInitialValueInEffect: false });
  const { data, isPending, error, isPlaceholderData } = useVisitorCompliance(unitId, year, quarter);
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t("supervision.compliance.title", { quarter, year })}
      </Title>
      {isPending ? (
        <PageLoader />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <Stack gap="sm" style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Figure
              label={t("supervision.compliance.visitors_met")}
              value={`${data.totals.visitorsMet}/${data.totals.visitors}`}
            />
            <Figure
              label={t("supervision.compliance.pairs_met")}
              value={`${data.totals.met}/${data.totals.pairs}`}
            />
            <Figure
              label={t("supervision.compliance.attended_required")}
              value={`${data.totals.attended}/${data.totals.required}`}
            />
            <Figure
              label={t("supervision.compliance.on_time_reported")}
              value={`${data.totals.reportedOnTime}/${data.totals.reported}`}
            />
          </SimpleGrid>
          {data.rows.length === 0 ? (
            <Text c="dimmed">{t("supervision.compliance.empty")}</Text>
          ) : isDesktop ? (
            <ComplianceTable rows={data.rows} />
          ) : (
            <ComplianceCards rows={data.rows} />
          )}
        </Stack>
      )}
    </Paper>
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

function ComplianceTable({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("supervision.compliance.columns.visitor")}</Table.Th>
            <Table.Th>{t("supervision.compliance.columns.cell")}</Table.Th>
            <Table.Th ta="right">{t("supervision.compliance.columns.required")}</Table.Th>
            <Table.Th ta="right">{t("supervision.compliance.columns.attended")}</Table.Th>
            <Table.Th ta="right">{t("supervision.compliance.columns.reported")}</Table.Th>
            <Table.Th ta="right">{t("supervision.compliance.columns.on_time")}</Table.Th>
            <Table.Th>{t("supervision.compliance.columns.result")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.userId}-${r.unitId}`}>
              <Table.Td>{r.userName}</Table.Td>
              <Table.Td>{r.unitName}</Table.Td>
              <Table.Td ta="right">{r.required}</Table.Td>
              <Table.Td ta="right" c={r.met ? undefined : "red.7"} fw={r.met ? 400 : 700}>
                {r.attended}
              </Table.Td>
              <Table.Td ta="right">{r.reported}</Table.Td>
              <Table.Td ta="right">{r.reportedOnTime}</Table.Td>
              <Table.Td>
                <MetBadge met={r.met} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ComplianceCards({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {rows.map((r) => (
        <Paper key={`${r.userId}-${r.unitId}`} component="li" withBorder px="sm" py={6}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} style={{ wordBreak: "break-word" }}>
                {r.userName}
              </Text>
              <Text size="sm" style={{ wordBreak: "break-word" }}>
                {r.unitName}
              </Text>
            </div>
            <MetBadge met={r.met} />
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
  );
}
