import type { CalendarFeedDto } from "@chibo/domain";
import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCalendarShare,
  IconCheck,
  IconCopy,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDateTime } from "@/lib/format";
import { notifySuccess } from "@/lib/notify";
import {
  useCalendarFeed,
  useCreateCalendarFeed,
  useRevokeCalendarFeed,
} from "../api/calendar-feed";
import { absoluteUrl } from "../lib/display";

/** A private address to add the user's meetings to a phone's calendar; its secret is shown once. */
export function CalendarFeedSettings() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [created, setCreated] = useState<CalendarFeedDto | null>(null);
  const [confirmRevoke, setConfirmRevoke] = useState(false);

  if (feed.isPending) return <PageLoader />;
  if (feed.error) return <ErrorAlert error={feed.error} />;
  const exists = feed.data.createdAt !== null || feed.data.url !== null;

  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} maw={640}>
      <Stack gap="md">
        <Text size="sm">{t("meetings.feed.intro")}</Text>
        {created?.url && <NewFeedUrl url={absoluteUrl(created.url, window.location.origin)} />}
        {!created && (
          <Text size="sm" fw={500}>
            {exists
              ? t("meetings.feed.created_on", { date: formatDateTime(feed.data.createdAt) })
              : t("meetings.feed.none")}
          </Text>
        )}
        <ErrorAlert error={create.error ?? revoke.error} />
        <Group gap="xs">
          <Button
            leftSection={<IconCalendarShare size={16} />}
            loading={create.isPending}
            onClick={() => {
              create.mutate(undefined, {
                onSuccess: (result) => {
                  setCreated(result);
                },
              });
            }}
          >
            {exists ? t("meetings.feed.recreate") : t("meetings.feed.create")}
          </Button>
          {exists && !confirmRevoke && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => {
                setConfirmRevoke(true);
              }}
            >
              {t("meetings.feed.revoke")}
            </Button>
          )}
        </Group>
        {exists && (
          <Text size="xs" c="dimmed">
            {t("meetings.feed.recreate_hint")}
          </Text>
        )}
        {confirmRevoke && (
          <Alert color="red" variant="light" title={t("meetings.feed.revoke_title")}>
            <Text size="sm" mb="sm">
              {t("meetings.feed.revoke_text")}
            </Text>
            <Group gap="xs">
              <Button
                color="red"
                loading={revoke.isPending}
                onClick={() => {
                  revoke.mutate(undefined, {
                    onSuccess: () => {
                      setCreated(null);
                      setConfirmRevoke(false);
                      notifySuccess(t("meetings.feed.revoked"));
                    },
                  });
                }}
              >
                {t("meetings.feed.revoke_confirm")}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setConfirmRevoke(false);
                }}
              >
                {t("common.actions.cancel")}
              </Button>
            </Group>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function NewFeedUrl({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert
        color="yellow"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t("meetings.feed.once_title")}
      >
        {t("meetings.feed.once_warning")}
      </Alert>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={t("meetings.feed.url_label")}
          value={url}
          readOnly
          style={{ flex: 1, minWidth: 0 }}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              color={copied ? "green" : "blue"}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? t("meetings.feed.copied") : t("meetings.feed.copy")}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t("meetings.feed.private_warning")}
      </Text>
    </Stack>
  );
}
