import type { AttendanceEntryDto, AttendanceStatus } from "@chibo/domain";
import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { IconCheck, IconDotsVertical } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "@/lib/format";
import { attendanceColor, nextAttendanceStatus, statusChoices } from "../lib/display";
import { AttendanceBadge } from "./meeting-labels";

interface AttendanceRowProps {
  entry: AttendanceEntryDto;
  /** Whether this screen may change marks. */
  editable: boolean;
  /** An absence with reason waiting for its reason. */
  needsReason: boolean;
  onMark: (status: AttendanceStatus, reason?: string) => void;
}

/** One member: a big row that moves to the next status with one tap, a menu to pick one directly. */
export function AttendanceRow({ entry, editable, needsReason, onMark }: AttendanceRowProps) {
  const { t } = useTranslation();
  const statusText = t(`meetings.attendance_status.${entry.status ?? "unmarked"}`);
  const details = [
    entry.memberStatus === "probationary" ? t("meetings.attendance.probationary") : null,
    entry.exempt ? t("meetings.attendance.exempt_member") : null,
    entry.checkedInAt && entry.method && entry.method !== "lead"
      ? t("meetings.attendance.self_checked", {
          time: formatTime(entry.checkedInAt),
          method: t(`meetings.checkin_method.${entry.method}`),
        })
      : null,
    entry.status === "absent_excused" && entry.reason && !needsReason ? entry.reason : null,
  ].filter((s) => s !== null);

  // The name gets the whole width (Vietnamese names are long); the status sits under it.
  const body = (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text fw={600} size="md" style={{ wordBreak: "break-word" }}>
        {entry.fullName}
      </Text>
      <Group gap={6}>
        <AttendanceBadge status={entry.status} />
        {details.length > 0 && (
          <Text size="xs" c="dimmed">
            {details.join(" · ")}
          </Text>
        )}
      </Group>
    </Stack>
  );

  return (
    <Paper
      withBorder
      radius="md"
      component="li"
      style={{ borderLeft: `6px solid var(--mantine-color-${attendanceColor(entry.status)}-6)` }}
    >
      {editable ? (
        <Group gap={0} wrap="nowrap">
          <UnstyledButton
            onClick={() => {
              onMark(nextAttendanceStatus(entry.status, entry.exempt));
            }}
            aria-label={t("meetings.attendance.row_label", {
              name: entry.fullName,
              status: statusText,
            })}
            p="sm"
            mih={60}
            style={{ flex: 1, minWidth: 0 }}
          >
            {body}
          </UnstyledButton>
          <StatusMenu entry={entry} onMark={onMark} />
        </Group>
      ) : (
        <Stack p="sm" mih={52} justify="center">
          {body}
        </Stack>
      )}
      {editable && needsReason && (
        <ReasonInput
          name={entry.fullName}
          initial={entry.reason ?? ""}
          onSave={(reason) => {
            onMark("absent_excused", reason);
          }}
        />
      )}
    </Paper>
  );
}

function StatusMenu({ entry, onMark }: Pick<AttendanceRowProps, "entry" | "onMark">) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size={52}
          aria-label={t("meetings.attendance.pick_status", { name: entry.fullName })}
        >
          <IconDotsVertical size={20} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {statusChoices(entry.exempt).map((status) => (
          <Menu.Item
            key={status}
            onClick={() => {
              onMark(status, status === "absent_excused" ? (entry.reason ?? "") : "");
            }}
            rightSection={entry.status === status ? <IconCheck size={14} aria-hidden /> : null}
          >
            {t(`meetings.attendance_status.${status}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function ReasonInput({
  name,
  initial,
  onSave,
}: {
  name: string;
  initial: string;
  onSave: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const save = () => {
    if (text.trim() !== "") onSave(text.trim());
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Group gap="xs" px="sm" pb="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label={t("meetings.attendance.reason_label", { name })}
          placeholder={t("meetings.attendance.reason_placeholder")}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
          }}
          // The row was just tapped to this status: the reason is the next thing to type.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button type="submit" disabled={text.trim() === ""}>
          {t("meetings.attendance.reason_save")}
        </Button>
      </Group>
    </form>
  );
}
