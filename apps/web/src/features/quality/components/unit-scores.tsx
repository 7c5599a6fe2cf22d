import { MEETING_LEVELS, type UnitScoresDto } from "@chibo/domain";
import {
  Alert,
  Anchor,
  Badge,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatPercent, todayIso } from "@/lib/format";
import { useUnitScores } from "../api/get-unit-scores";
import { LEVEL_COLORS } from "../lib/display";

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));

/**
 * The levels of a unit's regular meetings month by month (decided, else the cell's own, marked),
 * the count by level, the share of cells rated Tốt, and each cell's year against the target.
 */
export function UnitScores({ unitId }: { unitId: string }) {
  const { t, i18n } = useTranslation();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const scores = useUnitScores(unitId, year);
  const years = Array.from({ length: 5 }, (_, i) => String(thisYear - i));
  return (
    <Stack gap="md" data-testid="unit-scores">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h4">
          {t("quality.unit.title")}
        </Title>
        <NativeSelect
          label={t("quality.unit.year")}
          data={years}
          value={String(year)}
          onChange={(e) => {
            setYear(Number(e.currentTarget.value));
          }}
          w={110}
        />
      </Group>
      {scores.isPending ? (
        <PageLoader />
      ) : scores.error ? (
        <ErrorAlert error={scores.error} />
      ) : (
        <>
          <Summary data={scores.data} language={i18n.resolvedLanguage ?? "vi"} />
          {scores.data.cells.length === 0 ? (
            <Alert color="gray" variant="light">
              {t("quality.unit.empty")}
            </Alert>
          ) : (
            scores.data.cells.map((cell) => (
              <CellMonths key={cell.unitId} cell={cell} year={scores.data.year} />
            ))
          )}
        </>
      )}
    </Stack>
  );
}

function Summary({ data, language }: { data: UnitScoresDto; language: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          {MEETING_LEVELS.map((level) => (
            <Badge key={level} color={LEVEL_COLORS[level]} variant="light" size="lg">
              {t(`quality.levels.${level}`)}: {data.counts[level]}
            </Badge>
          ))}
        </Group>
        <Text size="sm" data-testid="tot-share">
          {data.totShare === null
            ? t("quality.unit.tot_share_none")
            : t("quality.unit.tot_share", { share: formatPercent(data.totShare, language) })}
        </Text>
        <Yearly data={data} language={language} />
      </Stack>
    </Paper>
  );
}

const YEAR_COLORS: Record<UnitScoresDto["cells"][number]["yearStatus"], string> = {
  tot: "green",
  on_track: "blue",
  missed: "red",
};

/** The year against the programme's target (seed 000): cells Tốt, on track, missed. */
function Yearly({ data, language }: { data: UnitScoresDto; language: string }) {
  const { t } = useTranslation();
  const y = data.yearly;
  return (
    <Stack gap={4} data-testid="yearly">
      <Text size="sm">
        {t("quality.unit.yearly", {
          year: data.year,
          tot: y.tot,
          onTrack: y.onTrack,
          missed: y.missed,
        })}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {y.share === null
            ? t("quality.unit.yearly_share_none")
            : t("quality.unit.yearly_share", { share: formatPercent(y.share, language) })}
        </Text>
        {y.target !== null && (
          <Badge color={y.targetMet ? "green" : "orange"} variant="light">
            {t(y.targetMet ? "quality.unit.target_met" : "quality.unit.target_not_met", {
              target: formatPercent(y.target, language),
            })}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t("quality.unit.yearly_rule", { count: y.totMeetingsNeeded })}
      </Text>
    </Stack>
  );
}

function CellMonths({ cell, year }: { cell: UnitScoresDto["cells"][number]; year: number }) {
  const { t } = useTranslation();
  const byMonth = new Map(cell.months.map((m) => [m.period.slice(5, 7), m]));
  return (
    <Paper withBorder p="sm" component="section" aria-label={cell.name}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Text fw={600} size="sm">
          {cell.name}
        </Text>
        <Badge color={YEAR_COLORS[cell.yearStatus]} variant="light" size="sm">
          {t(`quality.unit.year_status.${cell.yearStatus}`, { count: cell.yearTot })}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 4, xs: 6, md: 12 }} spacing={6} verticalSpacing={6}>
        {MONTHS.map((mm) => {
          const m = byMonth.get(mm);
          const label = t("quality.unit.month", { month: Number(mm) });
          return (
            <Stack key={mm} gap={2} align="center" data-testid={`month-${String(year)}-${mm}`}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              {m?.level ? (
                <Anchor
                  component={Link}
                  to={`/meetings/${m.meetingId}?tab=score`}
                  aria-label={`${label}: ${t(`quality.levels.${m.level}`)}${m.selfOnly ? ` (${t("quality.unit.self_only")})` : ""}`}
                >
                  <Badge
                    color={LEVEL_COLORS[m.level]}
                    variant={m.selfOnly ? "outline" : "filled"}
                    size="sm"
                    style={{ cursor: "pointer" }}
                  >
                    {t(`quality.levels_short.${m.level}`)}
                    {m.selfOnly ? "*" : ""}
                  </Badge>
                </Anchor>
              ) : m ? (
                <Anchor component={Link} to={`/meetings/${m.meetingId}?tab=score`} size="xs">
                  {t("quality.unit.not_scored")}
                </Anchor>
              ) : (
                <Text size="xs" c="dimmed">
                  —
                </Text>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {t("quality.unit.legend")}
      </Text>
    </Paper>
  );
}
