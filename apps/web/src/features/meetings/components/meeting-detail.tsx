import type { MeetingDetailDto } from "@chibo/domain";
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import {
  IconCalendarPause,
  IconChevronDown,
  IconCircleCheck,
  IconPencil,
  IconPlayerPlay,
  IconPlayerStop,
  IconQrcode,
  IconX,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { NotFound } from "@/components/ui/not-found";
import { PageLoader } from "@/components/ui/page-loader";
import { isApiError } from "@/lib/api-client";
import { formatDate, formatDateTime, formatPercent, formatTime } from "@/lib/format";
import { useMeeting } from "../api/get-meeting";
import { AttendancePanel } from "./attendance-panel";
import { CheckinQrView } from "./checkin-qr-view";
import { GuestsPanel } from "./guests-panel";
import {
  ComplianceDot,
  MeetingKindBadge,
  MeetingStatusBadge,
  useLongDate,
  useMeetingTitle,
} from "./meeting-labels";
import {
  CancelMeetingModal,
  CloseMeetingModal,
  EditMeetingModal,
  OpenMeetingModal,
  PostponeModal,
} from "./meeting-modals";

type OpenModal = "edit" | "postpone" | "cancel" | "open" | "close" | "qr";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div" style={{ wordBreak: "break-word" }}>
        {children}
      </Text>
    </div>
  );
}

/** A meeting: what, when, where; the actions the server allows; attendance, guests, postponements. */
export function MeetingDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: meeting, isPending, error } = useMeeting(id);
  const title = useMeetingTitle();
  useDocumentTitle(`${meeting ? title(meeting) : t("meetings.title")} · chibo`);
  const [modal, setModal] = useState<OpenModal | null>(null);
  const close = () => {
    setModal(null);
  };

  if (isPending) return <PageLoader />;
  if (error) {
    if (isApiError(error) && error.status === 404) return <NotFound />;
    return <ErrorAlert error={error} />;
  }
  const opened = meeting.status === "in_progress" || meeting.status === "held";
  const taking = meeting.status === "in_progress" && meeting.can.run;

  return (
    <Stack gap="md">
      <Breadcrumbs separatorMargin={4} style={{ flexWrap: "wrap" }}>
        <Anchor component={Link} to={`/units/${meeting.unitId}`} size="sm">
          {meeting.unitName}
        </Anchor>
        <Anchor
          component={Link}
          to={`/units/${meeting.unitId}?month=${meeting.date.slice(0, 7)}`}
          size="sm"
        >
          {t("meetings.title")}
        </Anchor>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title(meeting)}
        </Title>
        <Group gap={6}>
          <MeetingKindBadge kind={meeting.kind} />
          <MeetingStatusBadge status={meeting.status} />
        </Group>
      </Stack>

      <MyCheckin meeting={meeting} />
      <MeetingActions meeting={meeting} onOpen={setModal} />
      {/* While the lead runs the meeting, the roll call is what the phone is for. */}
      {taking && <AttendancePanel meeting={meeting} />}
      <MeetingFacts meeting={meeting} />
      {opened && !taking && <AttendancePanel meeting={meeting} />}
      <GuestsPanel meeting={meeting} editable={meeting.can.run && meeting.status !== "cancelled"} />
      <Postponements meeting={meeting} />

      {modal === "edit" && <EditMeetingModal meeting={meeting} onClose={close} />}
      {modal === "postpone" && <PostponeModal meeting={meeting} onClose={close} />}
      {modal === "cancel" && <CancelMeetingModal meeting={meeting} onClose={close} />}
      {modal === "open" && <OpenMeetingModal meeting={meeting} onClose={close} />}
      {modal === "close" && <CloseMeetingModal meeting={meeting} onClose={close} />}
      {modal === "qr" && <CheckinQrView meeting={meeting} title={title(meeting)} onClose={close} />}
    </Stack>
  );
}

/** The member's own check-in: a button while the meeting runs, the time once checked in. */
function MyCheckin({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  const mine = meeting.myAttendance;
  if (mine?.checkedInAt) {
    return (
      <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
        {t("meetings.checkin.already", { time: formatTime(mine.checkedInAt) })}
      </Alert>
    );
  }
  // The lead marks themself in the attendance list.
  if (meeting.status !== "in_progress" || !meeting.can.checkIn || meeting.can.run) return null;
  return (
    <Button
      component={Link}
      to="/checkin"
      size="lg"
      color="green"
      leftSection={<IconCircleCheck />}
    >
      {t("meetings.actions.checkin")}
    </Button>
  );
}

interface ActionItem {
  key: OpenModal;
  label: string;
  icon: React.ReactNode;
  color?: string;
  primary?: boolean;
}

function MeetingActions({
  meeting,
  onOpen,
}: {
  meeting: MeetingDetailDto;
  onOpen: (modal: OpenModal) => void;
}) {
  const { t } = useTranslation();
  const { can, status } = meeting;
  const ahead = status === "planned" || status === "postponed";
  const items: ActionItem[] = [];
  if (can.run && ahead)
    items.push({
      key: "open",
      label: t("meetings.actions.open"),
      icon: <IconPlayerPlay size={16} />,
      primary: true,
    });
  if (can.run && status === "in_progress") {
    items.push({
      key: "qr",
      label: t("meetings.actions.show_qr"),
      icon: <IconQrcode size={16} />,
      primary: true,
    });
    items.push({
      key: "close",
      label: t("meetings.actions.close"),
      icon: <IconPlayerStop size={16} />,
    });
  }
  if (can.edit && (ahead || status === "in_progress"))
    items.push({ key: "edit", label: t("meetings.actions.edit"), icon: <IconPencil size={16} /> });
  if (can.postpone && ahead)
    items.push({
      key: "postpone",
      label: t("meetings.actions.postpone"),
      icon: <IconCalendarPause size={16} />,
      color: "yellow",
    });
  if (can.cancel && ahead)
    items.push({
      key: "cancel",
      label: t("meetings.actions.cancel"),
      icon: <IconX size={16} />,
      color: "red",
    });
  if (items.length === 0) return null;

  const primary = items.filter((i) => i.primary);
  const rest = items.filter((i) => !i.primary);
  return (
    <Group gap="xs">
      {primary.map((item) => (
        <Button
          key={item.key}
          size="md"
          leftSection={item.icon}
          onClick={() => {
            onOpen(item.key);
          }}
        >
          {item.label}
        </Button>
      ))}
      {rest.length <= 2 ? (
        rest.map((item) => (
          <Button
            key={item.key}
            variant="light"
            color={item.color}
            leftSection={item.icon}
            onClick={() => {
              onOpen(item.key);
            }}
          >
            {item.label}
          </Button>
        ))
      ) : (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="light" rightSection={<IconChevronDown size={16} />}>
              {t("meetings.actions.more")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {rest.map((item) => (
              <Menu.Item
                key={item.key}
                leftSection={item.icon}
                color={item.color}
                onClick={() => {
                  onOpen(item.key);
                }}
              >
                {item.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}

function MeetingFacts({ meeting }: { meeting: MeetingDetailDto }) {
  const { t, i18n } = useTranslation();
  const longDate = useLongDate();
  const regular = meeting.compliance;
  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="facts-title"
    >
      <Title order={2} size="h4" mb="sm" id="facts-title">
        {t("meetings.details")}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Field label={t("meetings.fields.date")}>{longDate(meeting.date)}</Field>
        <Field label={t("meetings.fields.start_time")}>
          {meeting.startTime ?? t("common.none")}
        </Field>
        <Field label={t("meetings.fields.place")}>{meeting.place ?? t("common.none")}</Field>
        <Field label={t("meetings.fields.mode")}>{t(`meetings.mode.${meeting.mode}`)}</Field>
        {meeting.onlineUrl && (
          <Field label={t("meetings.fields.online_url")}>
            <Anchor
              href={meeting.onlineUrl}
              target="_blank"
              rel="noreferrer"
              style={{ wordBreak: "break-all" }}
            >
              {meeting.onlineUrl}
            </Anchor>
          </Field>
        )}
        {meeting.topic && <Field label={t("meetings.fields.topic")}>{meeting.topic}</Field>}
        {meeting.registeredDate && (
          <Field label={t("meetings.fields.registered_date")}>
            {formatDate(meeting.registeredDate)}
          </Field>
        )}
        {regular && (
          <Field label={t("meetings.fields.compliance")}>
            <Group gap={6} wrap="nowrap">
              <ComplianceDot state={regular.state} short={regular.short} />
              <span>
                {t(`meetings.state.${regular.state}`)}
                {regular.short ? ` · ${t("meetings.short_meeting")}` : ""}
              </span>
            </Group>
          </Field>
        )}
        {meeting.startedAt && (
          <Field label={t("meetings.fields.started_at")}>{formatDateTime(meeting.startedAt)}</Field>
        )}
        {meeting.endedAt && (
          <Field label={t("meetings.fields.ended_at")}>{formatDateTime(meeting.endedAt)}</Field>
        )}
        {meeting.durationMinutes !== null && (
          <Field label={t("meetings.fields.duration")}>
            {t("meetings.fields.duration_value", { count: meeting.durationMinutes })}
          </Field>
        )}
        {meeting.attendanceRate !== null && (
          <Field label={t("meetings.fields.attendance_rate")}>
            {formatPercent(meeting.attendanceRate, i18n.resolvedLanguage ?? "vi")}
          </Field>
        )}
        {meeting.combinedWithThematic && (
          <Field label={t("meetings.fields.combined")}>{t("meetings.yes")}</Field>
        )}
        <Field label={t("meetings.fields.guidance")}>
          {t(`meetings.guidance.${meeting.guidance}`)}
        </Field>
      </SimpleGrid>
    </Paper>
  );
}

function Postponements({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  if (meeting.postponements.length === 0) return null;
  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="postponements-title"
    >
      <Title order={2} size="h4" mb="sm" id="postponements-title">
        {t("meetings.postpone.history")}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {meeting.postponements.map((p) => (
          <li key={p.id}>
            <Text size="sm" fw={600}>
              {t("meetings.postpone.line", {
                from: formatDate(p.fromDate),
                to: formatDate(p.newDate),
              })}
            </Text>
            <Text size="sm">{p.reason}</Text>
            <Text size="xs" c={p.withNotice ? "dimmed" : "orange.8"}>
              {t("meetings.postpone.reported", { at: formatDateTime(p.reportedAt) })} ·{" "}
              {p.withNotice
                ? t("meetings.postpone.with_notice")
                : t("meetings.postpone.without_notice")}
              {p.reportedBy ? ` · ${p.reportedBy}` : ""}
            </Text>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
