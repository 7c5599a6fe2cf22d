import type {
  AttendanceStatus,
  MeetingDto,
  MeetingKind,
  MeetingStatus,
  RegularState,
} from "@chibo/domain";
import { Badge, Box, Tooltip } from "@mantine/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatMonth, weekdayOf } from "@/lib/format";
import { attendanceColor, complianceTone, meetingStatusColor, toneColor } from "../lib/display";

export function MeetingKindBadge({ kind }: { kind: MeetingKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={kind === "regular" ? "red" : "indigo"} size="sm">
      {t(`meetings.kind_short.${kind}`)}
    </Badge>
  );
}

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={meetingStatusColor(status)} size="sm">
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}

export function AttendanceBadge({ status }: { status: AttendanceStatus | null }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={attendanceColor(status)} size="md" style={{ flexShrink: 0 }}>
      {t(`meetings.attendance_status.${status ?? "unmarked"}`)}
    </Badge>
  );
}

interface ComplianceDotProps {
  state: RegularState | null;
  short?: boolean;
  size?: number;
  /** Shown on hover and read by screen readers; defaults to the state's name. */
  label?: string;
}

/** A month's compliance colour; a short meeting gets a dark ring. */
export function ComplianceDot({ state, short = false, size = 14, label }: ComplianceDotProps) {
  const { t } = useTranslation();
  const name = state
    ? `${t(`meetings.state.${state}`)}${short ? ` · ${t("meetings.short_meeting")}` : ""}`
    : t("meetings.no_registered_day");
  const color = state
    ? `var(--mantine-color-${toneColor(complianceTone(state))}-6)`
    : "transparent";
  return (
    <Tooltip label={label ?? name} withinPortal>
      <Box
        component="span"
        role="img"
        aria-label={label ?? name}
        display="inline-block"
        w={size}
        h={size}
        style={{
          borderRadius: "50%",
          background: color,
          border: state
            ? short
              ? "3px solid var(--mantine-color-dark-6)"
              : "none"
            : "1px dashed var(--mantine-color-gray-5)",
          flexShrink: 0,
        }}
      />
    </Tooltip>
  );
}

/** "Sinh hoạt thường kỳ tháng 11/2026", or the kind of any other meeting. */
export function useMeetingTitle(): (m: Pick<MeetingDto, "kind" | "period" | "date">) => string {
  const { t } = useTranslation();
  return useCallback(
    (m) =>
      m.kind === "regular"
        ? t("meetings.regular_title", { month: formatMonth(m.period ?? m.date.slice(0, 7)) })
        : t(`meetings.kind.${m.kind}`),
    [t],
  );
}

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** "Thứ Ba, 03/11/2026". */
export function useLongDate(): (iso: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (iso) =>
      t("meetings.date_with_weekday", {
        weekday: t(`meetings.weekday.${WEEKDAYS[weekdayOf(iso)] ?? "mon"}`),
        date: formatDate(iso),
      }),
    [t],
  );
}
