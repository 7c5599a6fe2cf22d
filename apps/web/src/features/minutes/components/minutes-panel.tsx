import type { MinutesDto } from "@chibo/domain";
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconDownload, IconInfoCircle, IconLock, IconPrinter } from "@tabler/icons-react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useCan } from "@/hooks/use-me";
import { isApiError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { minutesDocxUrl } from "../api/exports";
import { useMinutes } from "../api/get-minutes";
import { AddendaSection } from "./addenda-section";
import { MinutesView } from "./minutes-view";
import { MinutesWorkspace, StrandedDraft } from "./minutes-workspace";
import { ResolutionsSection } from "./resolutions-section";
import { ReviewsSection } from "./reviews-section";
import { SigningSection } from "./signing-section";

/** The path of the print view of a meeting's minutes. */
export function minutesPrintPath(meetingId: string): string {
  return `/meetings/${encodeURIComponent(meetingId)}/minutes/print`;
}

/**
 * The "Biên bản" tab: the minute-taker writes (autosaved, recoverable), the lead records resolutions,
 * votes, tasks and the review of last month's tasks, chair and minute-taker sign; then it is locked,
 * corrected by addenda, exported and printed. Members read it once signed.
 */
export function MinutesPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { data: minutes, isPending, error } = useMinutes(meetingId);
  // Resolutions, votes, tasks and reviews are the cell lead's; a member who takes the minutes writes
  // the text only (the server decides on the meeting's unit; this only hides what would be refused).
  const lead = useCan("meeting.write");
  const [saved, setSaved] = useState(true);
  const onCleanChange = useCallback((clean: boolean) => {
    setSaved(clean);
  }, []);

  if (isPending) return <PageLoader />;
  if (error) {
    if (isApiError(error) && error.status === 403) {
      return (
        <Alert
          color="gray"
          variant="light"
          icon={<IconLock aria-hidden />}
          title={t("minutes.view.unsigned_title")}
          data-testid="minutes-unsigned"
        >
          {t("minutes.view.unsigned_text")}
        </Alert>
      );
    }
    return <ErrorAlert error={error} />;
  }

  const signed = minutes.state === "signed";
  const notStarted =
    !signed &&
    (minutes.meetingStatus === "planned" ||
      minutes.meetingStatus === "postponed" ||
      minutes.meetingStatus === "cancelled");
  if (notStarted) {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {t("minutes.view.not_started")}
      </Alert>
    );
  }
  const editable = minutes.can.edit && !signed;

  return (
    <Stack gap="md">
      <MinutesTitle minutes={minutes} />
      {editable ? (
        <MinutesWorkspace minutes={minutes} lead={lead} onCleanChange={onCleanChange} />
      ) : (
        <>
          <StrandedDraft minutes={minutes} />
          <MinutesView minutes={minutes} />
        </>
      )}
      <ResolutionsSection minutes={minutes} editable={editable && lead} />
      {minutes.meetingKind === "regular" && (
        <ReviewsSection minutes={minutes} editable={editable && lead} />
      )}
      {!signed && <SigningSection minutes={minutes} saved={!editable || saved} />}
      {signed && <AddendaSection minutes={minutes} />}
      <Exports minutes={minutes} />
    </Stack>
  );
}

function MinutesTitle({ minutes }: { minutes: MinutesDto }) {
  const { t } = useTranslation();
  const signed = minutes.state === "signed";
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h4">
          {t("minutes.tabs.minutes")}
        </Title>
        {signed && (
          <Badge
            color="red"
            variant="filled"
            leftSection={<IconLock size={12} aria-hidden />}
            data-testid="minutes-locked"
          >
            {t("minutes.locked.badge")}
          </Badge>
        )}
      </Group>
      {signed && minutes.lockedAt && (
        <Text size="sm" c="dimmed">
          {t("minutes.locked.text", { at: formatDateTime(minutes.lockedAt) })}
        </Text>
      )}
      {!signed && !minutes.can.edit && (
        <Text size="sm" c="dimmed">
          {t("minutes.view.read_only")}
        </Text>
      )}
    </Stack>
  );
}

function Exports({ minutes }: { minutes: MinutesDto }) {
  const { t } = useTranslation();
  const signed = minutes.state === "signed";
  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="exports-title"
    >
      <Title order={3} size="h4" id="exports-title" mb="xs">
        {t("minutes.export.title")}
      </Title>
      <Group gap="xs">
        {signed && (
          <Button
            component="a"
            href={minutesDocxUrl(minutes.meetingId)}
            download
            variant="light"
            leftSection={<IconDownload size={16} />}
          >
            {t("minutes.export.minutes_docx")}
          </Button>
        )}
        <Button
          component={Link}
          to={minutesPrintPath(minutes.meetingId)}
          variant="light"
          leftSection={<IconPrinter size={16} />}
        >
          {t("minutes.export.print")}
        </Button>
      </Group>
    </Paper>
  );
}
