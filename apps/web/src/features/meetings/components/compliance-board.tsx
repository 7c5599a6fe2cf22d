import { foldAccents, type ComplianceCellDto, type ComplianceDto } from "@chibo/domain";
import {
  Anchor,
  Box,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AppPagination } from "@/components/ui/app-pagination";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDate, formatPercent } from "@/lib/format";
import { useCompliance } from "../api/get-compliance";
import { COMPLIANCE_FILTERS, cellMatches, type ComplianceFilter } from "../lib/display";
import { ComplianceLegend } from "./compliance-legend";
import { ComplianceDot } from "./meeting-labels";

const PAGE_SIZE = 50;

/** Lowest share of compliant months first; cells with nothing settled yet last. */
function byRate(a: ComplianceCellDto, b: ComplianceCellDto): number {
  return (a.rate ?? 2) - (b.rate ?? 2);
}

function isFilter(value: string): value is ComplianceFilter {
  return (COMPLIANCE_FILTERS as readonly string[]).includes(value);
}

interface ComplianceBoardProps {
  unitId: string | null;
  year: number;
}

/**
 * Seed 000: the committee assesses each quarter how its cells kept the meeting regime. Rows are cells,
 * columns the twelve months, each coloured by its state; a click opens the month's meeting.
 */
export function ComplianceBoard({ unitId, year }: ComplianceBoardProps) {
  const { t } = useTranslation();
  const { data, isPending, error, isPlaceholderData } = useCompliance(unitId, year);
  const [filter, setFilter] = useState<ComplianceFilter>("all");
  const [search, setSearch] = useState("");
  const [worstFirst, setWorstFirst] = useState(false);
  const [page, setPage] = useState(1);
  const isDesktop = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });

  if (unitId === null) return null;
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;

  const terms = foldAccents(search).split(" ").filter(Boolean);
  const matching = data.cells.filter(
    (c) => cellMatches(c, filter) && terms.every((term) => foldAccents(c.name).includes(term)),
  );
  const ordered = worstFirst ? [...matching].sort(byRate) : matching;
  // A bloc has hundreds of cells: show them a page at a time.
  const pages = Math.max(1, Math.ceil(ordered.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const cells = ordered.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  return (
    <Stack gap="md" style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
      <Summary data={data} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t("meetings.compliance.search")}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
        />
        <NativeSelect
          label={t("meetings.compliance.filter")}
          data={COMPLIANCE_FILTERS.map((f) => ({
            value: f,
            label: t(`meetings.compliance.filters.${f}`),
          }))}
          value={filter}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isFilter(value)) setFilter(value);
            setPage(1);
          }}
        />
        <NativeSelect
          label={t("meetings.compliance.order")}
          data={[
            { value: "tree", label: t("meetings.compliance.order_tree") },
            { value: "worst", label: t("meetings.compliance.order_worst") },
          ]}
          value={worstFirst ? "worst" : "tree"}
          onChange={(event) => {
            setWorstFirst(event.currentTarget.value === "worst");
            setPage(1);
          }}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("meetings.compliance.cell_count", { count: ordered.length, total: data.cells.length })}
      </Text>
      {ordered.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t("meetings.compliance.empty")}
        </Text>
      ) : isDesktop ? (
        <CellTable cells={cells} year={year} />
      ) : (
        <CellCards cells={cells} year={year} />
      )}
      <AppPagination
        total={ordered.length}
        pageSize={PAGE_SIZE}
        page={current}
        compact={!isDesktop}
        onChange={setPage}
      />
      <ComplianceLegend counts={data.summary.counts} />
    </Stack>
  );
}

function Figure({
  label,
  value,
  note,
  color,
}: {
  label: string;
  value: string;
  note?: string;
  color?: string;
}) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" c={color}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

function Summary({ data }: { data: ComplianceDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const s = data.summary;
  const attendanceOk = s.attendanceRate !== null && s.attendanceRate >= s.target;
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
      <Figure
        label={t("meetings.compliance.cells_on_schedule")}
        value={`${s.cellsOnSchedule}/${s.cells}`}
        note={
          s.cellsPending > 0
            ? t("meetings.compliance.cells_pending", { count: s.cellsPending })
            : undefined
        }
      />
      <Figure
        label={t("meetings.compliance.compliance_rate")}
        value={formatPercent(s.rate, language)}
        note={t("meetings.compliance.months_compliant", {
          compliant: s.compliant,
          settled: s.settled,
        })}
      />
      <Figure
        label={t("meetings.compliance.attendance_rate")}
        value={formatPercent(s.attendanceRate, language)}
        note={t("meetings.compliance.target", { target: formatPercent(s.target, language) })}
        {...(s.attendanceRate !== null ? { color: attendanceOk ? "green.8" : "orange.8" } : {})}
      />
    </SimpleGrid>
  );
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function MonthDot({ cell, month, year }: { cell: ComplianceCellDto; month: number; year: number }) {
  const { t } = useTranslation();
  const key = `${year}-${String(month).padStart(2, "0")}`;
  const m = cell.months.find((x) => x.month === key);
  const state = m?.state ?? null;
  const stateText = state ? t(`meetings.state.${state}`) : t("meetings.no_registered_day");
  const when = m?.heldOn ?? m?.newDate ?? m?.registeredDate ?? null;
  const label = t("meetings.compliance.month_cell_label", {
    cell: cell.name,
    month,
    state: `${stateText}${m?.short ? ` · ${t("meetings.short_meeting")}` : ""}${when ? ` (${formatDate(when)})` : ""}`,
  });
  const dot = <ComplianceDot state={state} short={m?.short ?? false} size={18} label={label} />;
  if (!m?.meetingId) return dot;
  return (
    <UnstyledButton
      component={Link}
      to={`/meetings/${m.meetingId}`}
      aria-label={label}
      display="inline-flex"
      p={4}
      m={-4}
    >
      {dot}
    </UnstyledButton>
  );
}

function CellTable({ cells, year }: { cells: ComplianceCellDto[]; year: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing={6} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("meetings.compliance.cell")}</Table.Th>
            <Table.Th>{t("meetings.compliance.registered_day")}</Table.Th>
            {MONTHS.map((m) => (
              <Table.Th key={m} ta="center" px={2}>
                {t("meetings.compliance.month_short", { month: m })}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t("meetings.compliance.rate")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((cell) => (
            <Table.Tr key={cell.unitId}>
              <Table.Td>
                <Anchor component={Link} to={`/units/${cell.unitId}`} fw={500} size="sm">
                  {cell.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{cell.meetingDay ?? t("meetings.compliance.no_day")}</Text>
              </Table.Td>
              {MONTHS.map((m) => (
                <Table.Td key={m} ta="center" px={2}>
                  <MonthDot cell={cell} month={m} year={year} />
                </Table.Td>
              ))}
              <Table.Td ta="right">
                <Text size="sm">{formatPercent(cell.rate, language)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CellCards({ cells, year }: { cells: ComplianceCellDto[]; year: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {cells.map((cell) => (
        <Paper key={cell.unitId} component="li" withBorder p="sm">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/units/${cell.unitId}`} fw={600} size="sm">
              {cell.name}
            </Anchor>
            <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
              {formatPercent(cell.rate, language)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {cell.meetingDay
              ? t("meetings.compliance.day_value", { day: cell.meetingDay })
              : t("meetings.compliance.no_day")}
            {cell.attendanceRate !== null
              ? ` · ${t("meetings.compliance.attendance_short", { rate: formatPercent(cell.attendanceRate, language) })}`
              : ""}
          </Text>
          <Box mt={6} style={{ display: "grid", gridTemplateColumns: "repeat(12, 1fr)", gap: 2 }}>
            {MONTHS.map((m) => (
              <Stack key={m} gap={0} align="center">
                <MonthDot cell={cell} month={m} year={year} />
                <Text size="10px" c="dimmed" aria-hidden>
                  {m}
                </Text>
              </Stack>
            ))}
          </Box>
        </Paper>
      ))}
    </Stack>
  );
}
