import type { MinutesAttendanceDto } from "@chibo/domain";
import { Badge, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatPercent } from "@/lib/format";

/** The attendance summary of the minutes, from the attendance record (read-only here). */
export function AttendanceBlock({ attendance }: { attendance: MinutesAttendanceDto }) {
  const { t, i18n } = useTranslation();
  const { counts } = attendance;
  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="minutes-attendance-title"
      data-testid="minutes-attendance"
    >
      <Title order={3} size="h5" mb="xs" id="minutes-attendance-title">
        {t("minutes.attendance.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Stack gap={2}>
          <Text size="sm">
            {t("minutes.attendance.total", {
              total: counts.total,
              official: counts.official,
              probationary: counts.probationary,
            })}
          </Text>
          <Text size="sm">{t("minutes.attendance.exempt", { count: counts.exempt })}</Text>
          <Text size="sm" fw={600}>
            {t("minutes.attendance.present", {
              present: counts.present,
              official: attendance.presentOfficial,
              probationary: attendance.presentProbationary,
            })}
          </Text>
          <Text size="sm">
            {t("minutes.attendance.rate", {
              rate: formatPercent(attendance.rate, i18n.resolvedLanguage ?? "vi"),
            })}
          </Text>
          <div>
            <Badge color={attendance.hasQuorum ? "green" : "red"} variant="light">
              {attendance.hasQuorum
                ? t("minutes.attendance.quorum_ok", { needed: attendance.quorumNeeded })
                : t("minutes.attendance.quorum_missing", { needed: attendance.quorumNeeded })}
            </Badge>
          </div>
        </Stack>
        <Stack gap={2}>
          <Text size="sm">
            {t("minutes.attendance.absent_excused", { count: attendance.absentExcused.length })}
          </Text>
          {attendance.absentExcused.length > 0 && (
            <Text size="xs" c="dimmed">
              {attendance.absentExcused
                .map((a) =>
                  a.reason
                    ? t("minutes.attendance.absent_line", { name: a.fullName, reason: a.reason })
                    : a.fullName,
                )
                .join("; ")}
            </Text>
          )}
          <Text size="sm">
            {t("minutes.attendance.absent_unexcused", { count: attendance.absentUnexcused.length })}
          </Text>
          {attendance.absentUnexcused.length > 0 && (
            <Text size="xs" c="dimmed">
              {attendance.absentUnexcused.map((a) => a.fullName).join("; ")}
            </Text>
          )}
          <Text size="sm">{t("minutes.attendance.guests")}:</Text>
          <Text size="xs" c="dimmed">
            {attendance.guests.length === 0
              ? t("minutes.attendance.no_guests")
              : attendance.guests
                  .map((g) => (g.title ? `${g.name} (${g.title})` : g.name))
                  .join("; ")}
          </Text>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
