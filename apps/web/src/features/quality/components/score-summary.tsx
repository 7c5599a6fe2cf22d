import type { SheetScoreDto } from "@chibo/domain";
import { Alert, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { LevelBadge, useQualityFormat } from "./labels";

interface ScoreSummaryProps {
  sheet: Pick<
    SheetScoreDto,
    "total" | "max" | "scaledTotal" | "level" | "pointsLevel" | "capsApplied" | "mustFullMissing"
  >;
  /** The rubric's maximum (the scale the level is read on). */
  rubricMax: number;
  /** Labels of the criteria, for the must-full note. */
  labelOf?: (key: string) => string;
  testId?: string;
}

/** Total, level, and the caps that hold it down: what the cell sees before saving. */
export function ScoreSummary({ sheet, rubricMax, labelOf, testId }: ScoreSummaryProps) {
  const { t } = useTranslation();
  const f = useQualityFormat();
  const scaled = sheet.max !== rubricMax;
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group gap="sm" wrap="wrap" aria-live="polite">
        <Text fw={600}>
          {t("quality.summary.total", {
            total: f.points(sheet.total),
            max: f.points(sheet.max),
          })}
        </Text>
        {scaled && (
          <Text size="sm" c="dimmed">
            {t("quality.summary.scaled", {
              total: f.points(sheet.scaledTotal),
              max: f.points(rubricMax),
            })}
          </Text>
        )}
        <LevelBadge
          level={sheet.level}
          size="lg"
          data-testid={testId ? `${testId}-level` : undefined}
        />
      </Group>
      {sheet.level !== sheet.pointsLevel && (
        <Text size="sm" c="dimmed">
          {t("quality.summary.points_level", { level: f.level(sheet.pointsLevel) })}
        </Text>
      )}
      {sheet.capsApplied.map((cap) => (
        <Alert
          key={cap.when}
          color="orange"
          variant="light"
          p="xs"
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          <Text size="sm">
            {t("quality.summary.cap", { label: cap.label, level: f.level(cap.maxLevel) })}
          </Text>
        </Alert>
      ))}
      {sheet.mustFullMissing.length > 0 && sheet.pointsLevel === "tot" && sheet.level !== "tot" && (
        <Alert
          color="orange"
          variant="light"
          p="xs"
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          <Text size="sm">
            {t("quality.summary.must_full", {
              items: sheet.mustFullMissing.map((k) => labelOf?.(k) ?? k).join("; "),
            })}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
