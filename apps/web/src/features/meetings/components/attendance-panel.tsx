import type { AttendanceDto, MeetingDetailDto } from "@chibo/domain";
import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconChecks } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useErrorMessage } from "@/hooks/use-error-message";
import { isApiError } from "@/lib/api-client";
import { notifySuccess } from "@/lib/notify";
import { useAttendance } from "../api/get-attendance";
import { useMarkAllPresent } from "../api/mark-attendance";
import { summariseAttendance, withDraft } from "../lib/display";
import { AttendanceRow } from "./attendance-row";
import { AttendanceSummaryBar } from "./attendance-summary";
import { useAttendanceDraft } from "./use-attendance-draft";

/** Attendance of a meeting that has opened: taken by the lead, or read by others who may see it. */
export function AttendancePanel({ meeting }: { meeting: MeetingDetailDto }) {
  const inProgress = meeting.status === "in_progress";
  // Members check themselves in while the meeting runs: keep the list fresh.
  const attendance = useAttendance(meeting.id, inProgress ? { refreshMs: 10_000 } : {});
  if (attendance.isPending) return <PageLoader />;
  if (attendance.error) {
    // Someone who may read the meeting but not its roster sees the rate in the details instead.
    if (!meeting.can.run && isApiError(attendance.error) && attendance.error.status < 500)
      return null;
    return <ErrorAlert error={attendance.error} />;
  }
  return (
    <AttendanceSheet
      meeting={meeting}
      attendance={attendance.data}
      editable={meeting.can.run && (inProgress || meeting.status === "held")}
    />
  );
}

function AttendanceSheet({
  meeting,
  attendance,
  editable,
}: {
  meeting: MeetingDetailDto;
  attendance: AttendanceDto;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const toMessage = useErrorMessage();
  const { draft, setMark, saving, error, retry } = useAttendanceDraft(meeting.id);
  const allPresent = useMarkAllPresent(meeting.id);
  const entries = withDraft(attendance.entries, draft);
  const summary = summariseAttendance(entries, attendance.quorumNeeded, attendance.target);
  // Once the meeting is held the roll is settled: the list folds away so that the minutes below are
  // one short scroll away on a phone; the summary stays in view.
  const [listOpen, setListOpen] = useState(meeting.status !== "held");

  return (
    <Paper withBorder component="section" aria-labelledby="attendance-title">
      <Stack
        gap="xs"
        p={{ base: "sm", sm: "md" }}
        pos="sticky"
        top="var(--app-shell-header-height, 56px)"
        bg="var(--mantine-color-body)"
        style={{
          zIndex: 5,
          borderBottom: "1px solid var(--mantine-color-gray-3)",
          borderRadius: "var(--mantine-radius-md) var(--mantine-radius-md) 0 0",
        }}
      >
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={2} size="h4" id="attendance-title">
            {t("meetings.attendance.title")}
          </Title>
          {editable && summary.unmarked > 0 && (
            <Button
              leftSection={<IconChecks size={18} />}
              loading={allPresent.isPending}
              onClick={() => {
                allPresent.mutate(undefined, {
                  onSuccess: () => {
                    notifySuccess(t("meetings.attendance.all_present_done"));
                  },
                });
              }}
            >
              {t("meetings.attendance.all_present")}
            </Button>
          )}
        </Group>
        <AttendanceSummaryBar
          summary={summary}
          target={attendance.target}
          qualityThreshold={attendance.qualityThreshold}
          {...(editable
            ? {
                saveState: error
                  ? t("meetings.attendance.save_failed")
                  : saving
                    ? t("meetings.attendance.saving")
                    : t("meetings.attendance.saved"),
              }
            : {})}
        />
        {error && (
          <Text size="sm" c="red" role="alert">
            {toMessage(error)}{" "}
            <Anchor component="button" type="button" size="sm" onClick={retry}>
              {t("common.actions.retry")}
            </Anchor>
          </Text>
        )}
        {allPresent.error && <ErrorAlert error={allPresent.error} />}
      </Stack>
      {!listOpen && (
        <Group p={{ base: "xs", sm: "md" }}>
          <Button
            variant="light"
            size="xs"
            onClick={() => {
              setListOpen(true);
            }}
          >
            {t("meetings.attendance.show_list", { count: entries.length })}
          </Button>
        </Group>
      )}
      <Stack gap="xs" p={{ base: "xs", sm: "md" }} hidden={!listOpen}>
        {editable && (
          <Text size="xs" c="dimmed">
            {t("meetings.attendance.hint")}
          </Text>
        )}
        {entries.length === 0 ? (
          <Text c="dimmed" ta="center" py="md">
            {t("meetings.attendance.empty")}
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {entries.map((entry) => {
              const mark = draft.get(entry.memberId);
              return (
                <AttendanceRow
                  key={entry.memberId}
                  entry={entry}
                  editable={editable}
                  needsReason={mark?.status === "absent_excused" && mark.reason.trim() === ""}
                  onMark={(status, reason) => {
                    setMark(entry.memberId, status, reason);
                  }}
                />
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
