import type { VisitMeetingDto, VisitState } from "@chibo/domain";
import { Badge } from "@mantine/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";

const STATE_COLOR: Record<VisitState, string> = {
  planned: "blue",
  attended: "orange",
  reported: "green",
  cancelled: "gray",
};

export function VisitStateBadge({ state }: { state: VisitState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATE_COLOR[state]} size="sm" style={{ flexShrink: 0 }}>
      {t(`supervision.state.${state}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" size="sm" style={{ flexShrink: 0 }}>
      {t("supervision.overdue")}
    </Badge>
  );
}

/** "Ngày 3 hằng tháng · 14:00 · Hội trường": the cell's registered day, time and place. */
export function useRegisteredText() {
  const { t } = useTranslation();
  return useCallback(
    (cell: {
      meetingDay: number | null;
      meetingTime: string | null;
      meetingPlace: string | null;
    }) => {
      if (cell.meetingDay === null) return t("supervision.no_registered_day");
      return [
        t("supervision.registered_day", { day: cell.meetingDay }),
        cell.meetingTime,
        cell.meetingPlace,
      ]
        .filter((p) => p !== null && p !== "")
        .join(" · ");
    },
    [t],
  );
}

/** "Thường kỳ · 03/12/2026 14:00 · Hội trường · Đã lên lịch": one meeting in a line. */
export function useMeetingText() {
  const { t } = useTranslation();
  return useCallback(
    (meeting: VisitMeetingDto, withStatus = false) =>
      [
        t(`meetings.kind_short.${meeting.kind}`),
        [formatDate(meeting.date), meeting.startTime].filter(Boolean).join(" "),
        meeting.place,
        withStatus ? t(`meetings.status.${meeting.status}`) : null,
      ]
        .filter((p) => p !== null && p !== "")
        .join(" · "),
    [t],
  );
}
