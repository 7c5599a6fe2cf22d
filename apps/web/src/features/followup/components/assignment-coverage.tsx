import type { AssignmentCoverageDto } from "@chibo/domain";
import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AppPagination } from "@/components/ui/app-pagination";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { usePaged } from "@/hooks/use-paged";
import { isApiError } from "@/lib/api-client";
import { formatPercent } from "@/lib/format";
import { useAssignmentCoverage } from "../api/get-assignment-coverage";
import { Figure } from "./figure";

/** The seeds' target: every member has a yearly task assignment. */
const TARGET = 1;
const PAGE_SIZE = 50;

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

interface AssignmentCoverageProps {
  unitId: string | null;
  year: number;
}

/**
 * The share of members with a yearly task assignment against the 100% target (and with a commitment),
 * for the unit and, under a committee, cell by cell. Nothing for users the server does not show it to.
 */
export function AssignmentCoverage({ unitId, year }: AssignmentCoverageProps) {
  const { t } = useTranslation();
  const { data, isPending, error, isPlaceholderData } = useAssignmentCoverage(unitId, year);
  if (unitId === null) return null;
  if (error && isApiError(error) && (error.status === 403 || error.status === 404)) return null;
  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="coverage-title"
    >
      <Title order={2} size="h4" id="coverage-title" mb="sm">
        {t("followup.coverage.title", { year })}
      </Title>
      {isPending && <PageLoader />}
      {error && <ErrorAlert error={error} />}
      {data && (
        <Stack gap="sm" style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
          <CoverageFigures data={data} />
          {data.units.length > 1 && <CoverageByUnit data={data} />}
        </Stack>
      )}
    </Paper>
  );
}

function CoverageFigures({ data }: { data: AssignmentCoverageDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const missing = data.members - data.withAssignment;
  const reached = data.assignmentShare !== null && data.assignmentShare >= TARGET;
  const target = t("followup.coverage.target", { target: formatPercent(TARGET, language) });
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <Figure
        label={t("followup.coverage.assigned")}
        value={t("followup.coverage.value", {
          done: data.withAssignment,
          total: data.members,
          share: formatPercent(data.assignmentShare, language),
        })}
        share={data.assignmentShare}
        note={
          data.members === 0
            ? target
            : reached
              ? `${target} · ${t("followup.coverage.reached")}`
              : `${target} · ${t("followup.coverage.missing", { count: missing })}`
        }
        {...(data.assignmentShare !== null ? { color: reached ? "green.8" : "orange.8" } : {})}
      />
      <Figure
        label={t("followup.coverage.committed")}
        value={t("followup.coverage.value", {
          done: data.withCommitment,
          total: data.members,
          share: formatPercent(data.commitmentShare, language),
        })}
        share={data.commitmentShare}
      />
    </SimpleGrid>
  );
}

function CoverageByUnit({ data }: { data: AssignmentCoverageDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const isDesktop = useMediaQuery("(min-width: 48em)", true, { getInitialValueInEffect: false });
  const { page, setPage, pageItems } = usePaged(data.units, PAGE_SIZE);
  const pct = (part: number, whole: number) => formatPercent(share(part, whole), language);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("followup.coverage.by_unit")}
      </Title>
      {isDesktop ? (
        <Table.ScrollContainer minWidth={520}>
          <Table striped withTableBorder verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("followup.coverage.unit")}</Table.Th>
                <Table.Th ta="right">{t("followup.coverage.members")}</Table.Th>
                <Table.Th ta="right">{t("followup.coverage.with_assignment")}</Table.Th>
                <Table.Th ta="right">{t("followup.coverage.with_commitment")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pageItems.map((u) => {
                const short = u.withAssignment < u.members;
                return (
                  <Table.Tr key={u.unitId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/units/${u.unitId}`} size="sm" fw={500}>
                        {u.unitName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{u.members}</Table.Td>
                    <Table.Td ta="right" c={short ? "orange.8" : undefined} fw={short ? 600 : 400}>
                      {u.withAssignment} ({pct(u.withAssignment, u.members)})
                    </Table.Td>
                    <Table.Td ta="right">
                      {u.withCommitment} ({pct(u.withCommitment, u.members)})
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {pageItems.map((u) => (
            <Paper key={u.unitId} component="li" withBorder p="xs">
              <Anchor component={Link} to={`/units/${u.unitId}`} size="sm" fw={600}>
                {u.unitName}
              </Anchor>
              <Text size="sm" c={u.withAssignment < u.members ? "orange.8" : undefined}>
                {t("followup.coverage.unit_line", {
                  assigned: u.withAssignment,
                  members: u.members,
                  committed: u.withCommitment,
                })}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      <AppPagination
        total={data.units.length}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={setPage}
        compact={!isDesktop}
      />
    </Stack>
  );
}
