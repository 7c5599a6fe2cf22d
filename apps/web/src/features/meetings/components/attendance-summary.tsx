import { Box, Group, Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatPercent } from "@/lib/format";
import type { AttendanceSummary } from "../lib/display";

interface AttendanceSummaryBarProps {
  summary: AttendanceSummary;
  target: number;
  qualityThreshold: number;
  /** "Đang lưu…" / "Đã lưu" while marks are taken. */
  saveState?: string;
}

/** "18/20 · 90% · đủ số lượng", and a bar against the programme's target. */
export function AttendanceSummaryBar({
  summary,
  target,
  qualityThreshold,
  saveState,
}: AttendanceSummaryBarProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const rate = summary.rate ?? 0;
  const color = summary.meetsTarget ? "green" : rate > qualityThreshold ? "yellow" : "red";
  const quorum = summary.hasQuorum
    ? t("meetings.attendance.quorum_ok")
    : t("meetings.attendance.quorum_missing", { needed: summary.quorumNeeded });
  return (
    <Box>
      <Text fw={700} fz={{ base: "md", sm: "xl" }} aria-live="polite" role="status">
        {t("meetings.attendance.summary", {
          present: summary.present,
          counted: summary.counted,
          rate: formatPercent(summary.rate, language),
          quorum,
        })}
      </Text>
      <Box pos="relative" mt={6} mb={4}>
        <Progress
          value={Math.round(rate * 100)}
          color={color}
          size="lg"
          radius="xl"
          aria-label={t("meetings.attendance.rate_label")}
        />
        <Box
          aria-hidden
          pos="absolute"
          top={-3}
          h={24}
          w={2}
          bg="dark.6"
          style={{ left: `calc(${Math.round(target * 100)}% - 1px)` }}
        />
      </Box>
      <Group gap="xs" justify="space-between">
        <Text size="xs" c={summary.meetsTarget ? "green.8" : "dimmed"}>
          {t(
            summary.meetsTarget
              ? "meetings.attendance.meets_target"
              : "meetings.attendance.below_target",
            {
              target: formatPercent(target, language),
            },
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            summary.unmarked > 0
              ? t("meetings.attendance.count_unmarked", { count: summary.unmarked })
              : null,
            summary.excused > 0
              ? t("meetings.attendance.count_excused", { count: summary.excused })
              : null,
            summary.unexcused > 0
              ? t("meetings.attendance.count_unexcused", { count: summary.unexcused })
              : null,
            saveState ?? null,
          ]
            .filter((s) => s !== null)
            .join(" · ")}
        </Text>
      </Group>
    </Box>
  );
}
