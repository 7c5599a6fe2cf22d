import type { VisitDto } from "@chibo/domain";
import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconCalendarDue, IconClock } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";
import { OverdueBadge, VisitStateBadge, useMeetingText, useRegisteredText } from "./visit-labels";

export type VisitCommand = "attend" | "cancel" | "report" | "view";

interface VisitCardProps {
  visit: VisitDto;
  /** The commands to offer (the visitor's own on their page; "view" on the committee's). */
  commands: readonly VisitCommand[];
  onCommand: (command: VisitCommand, visit: VisitDto) => void;
  /** Show who visits (the committee's list). */
  withVisitor?: boolean;
}

/** One visit as a card: cell, state, planned day or meeting, report due date (red when overdue). */
export function VisitCard({ visit, commands, onCommand, withVisitor = false }: VisitCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const meetingText = useMeetingText();
  const registered = useRegisteredText();
  const offered = commands.filter((c) => {
    switch (c) {
      case "attend":
      case "cancel":
        return visit.state === "planned";
      case "report":
        return visit.state === "attended";
      case "view":
        return visit.state === "reported";
    }
  });
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      aria-labelledby={id}
      style={
        visit.overdue
          ? { borderColor: "var(--mantine-color-red-6)", borderLeftWidth: 4 }
          : undefined
      }
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text id={id} fw={600} style={{ wordBreak: "break-word", minWidth: 0 }}>
          {visit.unitName}
        </Text>
        <VisitStateBadge state={visit.state} />
      </Group>
      <Stack gap={2} mt={4}>
        {withVisitor && (
          <Text size="sm">{t("supervision.visit.visitor", { name: visit.visitorName })}</Text>
        )}
        {visit.meeting ? (
          <Text size="sm">
            {t("supervision.visit.meeting", { meeting: meetingText(visit.meeting) })}
          </Text>
        ) : (
          <Text size="sm">
            {t("supervision.visit.planned_on", { date: formatDate(visit.plannedOn) })}
          </Text>
        )}
        {visit.state === "planned" && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconClock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="xs" c="dimmed">
              {registered(visit)}
            </Text>
          </Group>
        )}
        {visit.state === "attended" && (
          <Group gap={6} wrap="nowrap" align="center">
            <IconCalendarDue
              size={16}
              aria-hidden
              color={visit.overdue ? "var(--mantine-color-red-7)" : undefined}
              style={{ flexShrink: 0 }}
            />
            <Text size="sm" fw={visit.overdue ? 700 : 500} c={visit.overdue ? "red.7" : undefined}>
              {t("supervision.visit.report_due", { date: formatDate(visit.reportDueOn) })}
            </Text>
            {visit.overdue && <OverdueBadge />}
          </Group>
        )}
        {visit.state === "reported" && (
          <Text size="sm" c="dimmed">
            {t("supervision.visit.reported_on", { date: formatDate(visit.reportedOn) })}
          </Text>
        )}
        {visit.state === "cancelled" && visit.cancelledReason && (
          <Text size="sm" c="dimmed" style={{ wordBreak: "break-word" }}>
            {t("supervision.visit.cancelled_reason", { reason: visit.cancelledReason })}
          </Text>
        )}
      </Stack>
      {offered.length > 0 && (
        <Group justify="flex-end" gap="xs" mt="sm">
          {offered.map((c) => (
            <Button
              key={c}
              size="sm"
              variant={c === "cancel" ? "default" : c === "view" ? "light" : "filled"}
              color={visit.overdue && c === "report" ? "red" : undefined}
              aria-describedby={id}
              onClick={() => {
                onCommand(c, visit);
              }}
            >
              {t(`supervision.visit.commands.${c}`)}
            </Button>
          ))}
        </Group>
      )}
    </Paper>
  );
}
