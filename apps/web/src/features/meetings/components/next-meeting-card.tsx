import type { MeetingDetailDto } from "@chibo/domain";
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck, IconExternalLink, IconMapPin, IconClock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatTime } from "@/lib/format";
import { useMyMeetings } from "../api/get-my-meetings";
import { MeetingStatusBadge, useLongDate, useMeetingTitle } from "./meeting-labels";

/** The member's home: a meeting in progress to check in to, and the next meeting of their cell. */
export function MyMeetingsCards() {
  const { t } = useTranslation();
  const { data, isPending, error } = useMyMeetings();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  return (
    <Stack gap="md">
      {data.current && (
        <MeetingCard meeting={data.current} heading={t("meetings.home.current_title")} current />
      )}
      {data.next && data.next.id !== data.current?.id ? (
        <MeetingCard meeting={data.next} heading={t("meetings.home.next_title")} />
      ) : (
        !data.current && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb={4}>
              {t("meetings.home.next_title")}
            </Title>
            <Text c="dimmed" size="sm">
              {t("meetings.home.no_next")}
            </Text>
          </Paper>
        )
      )}
    </Stack>
  );
}

function MeetingCard({
  meeting,
  heading,
  current = false,
}: {
  meeting: MeetingDetailDto;
  heading: string;
  current?: boolean;
}) {
  const { t } = useTranslation();
  const title = useMeetingTitle();
  const longDate = useLongDate();
  const checkedInAt = meeting.myAttendance?.checkedInAt ?? null;
  const headingId = `home-${current ? "current" : "next"}-title`;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      style={current ? { borderColor: "var(--mantine-color-green-6)", borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {heading}
          </Title>
          <MeetingStatusBadge status={meeting.status} />
        </Group>
        <Text fw={700} fz="lg">
          {title(meeting)}
        </Text>
        <Text c="dimmed" size="sm">
          {meeting.unitName}
        </Text>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconClock size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text fw={600}>
            {longDate(meeting.date)}
            {meeting.startTime ? ` · ${meeting.startTime}` : ""}
          </Text>
        </Group>
        {meeting.place && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconMapPin size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Text>{meeting.place}</Text>
          </Group>
        )}
        <Group gap={6}>
          <Badge variant="light" color="gray">
            {t(`meetings.mode.${meeting.mode}`)}
          </Badge>
          {meeting.postponement && (
            <Badge variant="light" color="yellow">
              {t("meetings.home.postponed_from", { date: longDate(meeting.postponement.fromDate) })}
            </Badge>
          )}
        </Group>
        {meeting.onlineUrl && (
          <Button
            component="a"
            href={meeting.onlineUrl}
            target="_blank"
            rel="noreferrer"
            variant="light"
            leftSection={<IconExternalLink size={16} />}
          >
            {t("meetings.home.join_online")}
          </Button>
        )}
        {meeting.topic && (
          <div>
            <Text size="xs" c="dimmed">
              {t("meetings.fields.topic")}
            </Text>
            <Text size="sm">{meeting.topic}</Text>
          </div>
        )}
        {current && checkedInAt && (
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} p="xs">
            {t("meetings.checkin.already", { time: formatTime(checkedInAt) })}
          </Alert>
        )}
        {current && !checkedInAt && meeting.can.checkIn && (
          <Button
            component={Link}
            to="/checkin"
            size="lg"
            color="green"
            leftSection={<IconCircleCheck />}
          >
            {t("meetings.actions.checkin")}
          </Button>
        )}
        <Anchor component={Link} to={`/meetings/${meeting.id}`} size="sm">
          {t("meetings.home.open_meeting")}
        </Anchor>
      </Stack>
    </Paper>
  );
}
