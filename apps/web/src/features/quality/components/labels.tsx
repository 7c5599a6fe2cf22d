import type { EvidenceKey, MeetingLevel } from "@chibo/domain";
import { Badge, type BadgeProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatPercent } from "@/lib/format";
import { evidenceShape, formatPointsIn, LEVEL_COLORS } from "../lib/display";

/** A level as a coloured badge (Tốt green, Khá blue, Trung bình yellow, Kém red). */
export function LevelBadge({
  level,
  ...props
}: { level: MeetingLevel } & Omit<BadgeProps, "color" | "children">) {
  const { t } = useTranslation();
  return (
    <Badge color={LEVEL_COLORS[level]} variant="filled" data-level={level} {...props}>
      {t(`quality.levels.${level}`)}
    </Badge>
  );
}

/** Formats evidence values, points and levels in the current language. */
export function useQualityFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const format = (key: EvidenceKey, value: number | boolean | null): string => {
    if (value === null) return t("quality.evidence.unknown");
    switch (evidenceShape(key)) {
      case "percent":
        return typeof value === "number" ? formatPercent(value, language) : String(value);
      case "minutes":
        return typeof value === "number"
          ? t("quality.evidence.minutes", { count: value })
          : String(value);
      case "count":
        return String(value);
      case "yes_no":
        return value === true ? t("quality.evidence.yes") : t("quality.evidence.no");
    }
  };
  return {
    points: (n: number) => formatPointsIn(n, language),
    evidence: format,
    evidenceLabel: (key: EvidenceKey) => t(`quality.evidence_labels.${key}`),
    /** The figure next to an item; the duration with the minutes it had to last. */
    itemEvidence: (
      key: EvidenceKey,
      value: number | boolean | null,
      evidence: readonly { key: string; value: number | boolean | null }[],
    ): string => {
      const shown = format(key, value);
      if (key !== "duration_minutes") return shown;
      const required = evidence.find((e) => e.key === "duration_required")?.value;
      return typeof required === "number"
        ? `${shown} (${t("quality.evidence.required", { value: format("duration_required", required) })})`
        : shown;
    },
    level: (level: MeetingLevel) => t(`quality.levels.${level}`),
  };
}
