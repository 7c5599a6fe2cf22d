import type { MeetingDto } from "@chibo/domain";
import {
  ActionIcon,
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconChevronLeft, IconChevronRight, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatMonth, todayIso } from "@/lib/format";
import { useMeetings } from "../api/list-meetings";
import {
  complianceTone,
  isMonth,
  meetingStatusColor,
  meetingsByDate,
  monthRange,
  monthWeeks,
  shiftMonth,
  toneColor,
} from "../lib/display";
import { CreateMeetingModal } from "./create-meeting-modal";
import {
  ComplianceDot,
  MeetingKindBadge,
  MeetingStatusBadge,
  WEEKDAYS,
  useLongDate,
  useMeetingTitle,
} from "./meeting-labels";

interface MeetingCalendarProps {
  unitId: string;
  canWrite: boolean;
}

/** A cell's meetings month by month: a grid on desks, a list on phones. */
export function MeetingCalendar({ unitId, canWrite }: MeetingCalendarProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const asked = params.get("month");
  const month = isMonth(asked) ? asked : today.slice(0, 7);
  const range = monthRange(month);
  const { data, isPending, error, isPlaceholderData } = useMeetings({ unitId, ...range });
  const isDesktop = useMediaQuery("(min-width: 48em)", true, { getInitialValueInEffect: false });
  const [createOpen, create] = useDisclosure(false);

  const go = (next: string) => {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set("month", next);
        return p;
      },
      { replace: true },
    );
  };

  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="calendar-title"
    >
      <Group justify="space-between" gap="xs" mb="sm">
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t("meetings.calendar.previous")}
            onClick={() => {
              go(shiftMonth(month, -1));
            }}
          >
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Title order={2} size="h4" id="calendar-title" miw={130} ta="center" aria-live="polite">
            {t("meetings.calendar.month_label", { month: formatMonth(month) })}
          </Title>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t("meetings.calendar.next")}
            onClick={() => {
              go(shiftMonth(month, 1));
            }}
          >
            <IconChevronRight size={18} />
          </ActionIcon>
          {month !== today.slice(0, 7) && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                go(today.slice(0, 7));
              }}
            >
              {t("meetings.calendar.this_month")}
            </Button>
          )}
        </Group>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
            {t("meetings.create.button")}
          </Button>
        )}
      </Group>
      {error && <ErrorAlert error={error} />}
      {isPending && <PageLoader />}
      {data && (
        <Box style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
          {isDesktop ? (
            <MonthGrid month={month} meetings={data} today={today} />
          ) : (
            <MonthList meetings={data} />
          )}
        </Box>
      )}
      {createOpen && (
        <CreateMeetingModal
          unitId={unitId}
          defaultDate={month === today.slice(0, 7) ? today : range.from}
          onClose={create.close}
        />
      )}
    </Paper>
  );
}

/** The colour a meeting carries: its compliance tone when it is a regular one, else its status. */
function meetingColor(m: MeetingDto): string {
  const regular = m.compliance;
  if (regular && m.status !== "cancelled") return toneColor(complianceTone(regular.state));
  return meetingStatusColor(m.status);
}

function MonthGrid({
  month,
  meetings,
  today,
}: {
  month: string;
  meetings: MeetingDto[];
  today: string;
}) {
  const { t } = useTranslation();
  const byDate = meetingsByDate(meetings);
  return (
    <Table layout="fixed" withTableBorder withColumnBorders aria-labelledby="calendar-title">
      <Table.Thead>
        <Table.Tr>
          {WEEKDAYS.map((d) => (
            <Table.Th key={d} ta="center" fz="xs" c="dimmed">
              {t(`meetings.weekday_short.${d}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {monthWeeks(month).map((week, i) => (
          <Table.Tr key={week.find((d) => d !== null) ?? i}>
            {week.map((day, j) => (
              <Table.Td
                key={day ?? `empty-${j}`}
                h={92}
                p={4}
                style={{
                  verticalAlign: "top",
                  background: day === today ? "var(--mantine-color-blue-0)" : undefined,
                }}
              >
                {day && <DayCell day={day} meetings={byDate.get(day) ?? []} today={today} />}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DayCell({ day, meetings, today }: { day: string; meetings: MeetingDto[]; today: string }) {
  const { t } = useTranslation();
  const title = useMeetingTitle();
  const longDate = useLongDate();
  return (
    <>
      <Text size="xs" fw={day === today ? 700 : 400} c={day === today ? "blue.8" : "dimmed"}>
        {Number(day.slice(8))}
      </Text>
      <Stack gap={2}>
        {meetings.map((m) => {
          const color = meetingColor(m);
          return (
            <UnstyledButton
              key={m.id}
              component={Link}
              to={`/meetings/${m.id}`}
              aria-label={`${title(m)}, ${longDate(m.date)}, ${t(`meetings.status.${m.status}`)}`}
              px={4}
              py={2}
              style={{
                borderRadius: 4,
                borderLeft: `4px solid var(--mantine-color-${color}-6)`,
                background: `var(--mantine-color-${color}-0)`,
                textDecoration: m.status === "cancelled" ? "line-through" : undefined,
              }}
            >
              <Text size="xs" fw={600} lineClamp={1}>
                {t(`meetings.kind_short.${m.kind}`)}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {[m.startTime, t(`meetings.status.${m.status}`)].filter(Boolean).join(" · ")}
              </Text>
            </UnstyledButton>
          );
        })}
      </Stack>
    </>
  );
}

function MonthList({ meetings }: { meetings: MeetingDto[] }) {
  const { t } = useTranslation();
  const title = useMeetingTitle();
  const longDate = useLongDate();
  if (meetings.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="md">
        {t("meetings.calendar.empty")}
      </Text>
    );
  }
  const sorted = [...meetingsByDate(meetings).values()].flat();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {sorted.map((m) => {
        const regular = m.compliance;
        return (
          <li key={m.id}>
            <UnstyledButton
              component={Link}
              to={`/meetings/${m.id}`}
              w="100%"
              p="sm"
              style={{
                border: "1px solid var(--mantine-color-gray-3)",
                borderLeft: `6px solid var(--mantine-color-${meetingColor(m)}-6)`,
                borderRadius: 8,
                display: "block",
              }}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm">
                    {title(m)}
                  </Text>
                  <Text size="sm">
                    {longDate(m.date)}
                    {m.startTime ? ` · ${m.startTime}` : ""}
                  </Text>
                  {m.topic && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {m.topic}
                    </Text>
                  )}
                  <Group gap={4}>
                    <MeetingKindBadge kind={m.kind} />
                    <MeetingStatusBadge status={m.status} />
                  </Group>
                </Stack>
                {regular && m.status !== "cancelled" && (
                  <ComplianceDot state={regular.state} short={regular.short} size={18} />
                )}
              </Group>
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}
