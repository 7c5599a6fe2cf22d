import type { NotificationDto } from "@chibo/domain";
import { Anchor, Box, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconBell, IconChecks } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDateTime } from "@/lib/format";
import { useNotifications } from "../api/list-notifications";
import { useMarkAllNotificationsRead, useMarkNotificationRead } from "../api/mark-read";

interface NotificationListProps {
  /** The home page shows only unread ones, a few at most, with a link to all. */
  compact?: boolean;
}

/** Meeting reminders and postponements sent to the user. */
export function NotificationList({ compact = false }: NotificationListProps) {
  const { t } = useTranslation();
  const { data, isPending, error } = useNotifications();
  const readAll = useMarkAllNotificationsRead();
  const items = compact
    ? (data?.items ?? []).filter((n) => n.readAt === null).slice(0, 5)
    : (data?.items ?? []);
  if (compact && (isPending || error || items.length === 0)) return null;

  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="notifications-title"
    >
      <Group justify="space-between" gap="xs" mb="sm">
        <Group gap={6}>
          <IconBell size={20} aria-hidden />
          <Title order={2} size="h4" id="notifications-title">
            {compact
              ? t("notifications.unread_title", { count: data?.unread ?? 0 })
              : t("notifications.all_title")}
          </Title>
        </Group>
        {data && data.unread > 0 && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconChecks size={16} />}
            loading={readAll.isPending}
            onClick={() => {
              readAll.mutate();
            }}
          >
            {t("notifications.mark_all")}
          </Button>
        )}
      </Group>
      {isPending && <PageLoader />}
      {error && <ErrorAlert error={error} />}
      {data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("notifications.empty")}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {items.map((n) => (
            <NotificationItem key={n.id} notification={n} />
          ))}
        </Stack>
      )}
      {compact && data && data.items.length > items.length && (
        <Anchor component={Link} to="/notifications" size="sm" mt="sm" display="inline-block">
          {t("notifications.see_all")}
        </Anchor>
      )}
    </Paper>
  );
}

function NotificationItem({ notification: n }: { notification: NotificationDto }) {
  const { t } = useTranslation();
  const markRead = useMarkNotificationRead();
  const unread = n.readAt === null;
  return (
    <Box
      component="li"
      p="xs"
      style={{
        borderRadius: 6,
        borderLeft: `4px solid var(--mantine-color-${unread ? "blue" : "gray"}-${unread ? 6 : 3})`,
        background: unread ? "var(--mantine-color-blue-0)" : undefined,
      }}
    >
      <Text size="sm" fw={unread ? 700 : 500}>
        {n.title}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {n.body}
      </Text>
      <Group gap="sm" mt={4}>
        <Text size="xs" c="dimmed">
          {formatDateTime(n.createdAt)}
        </Text>
        {n.taskId && (
          <Anchor
            component={Link}
            to={`/tasks?task=${n.taskId}`}
            size="xs"
            onClick={() => {
              if (unread) markRead.mutate(n.id);
            }}
          >
            {t("notifications.open_task")}
          </Anchor>
        )}
        {n.meetingId && !n.taskId && (
          <Anchor
            component={Link}
            to={`/meetings/${n.meetingId}`}
            size="xs"
            onClick={() => {
              if (unread) markRead.mutate(n.id);
            }}
          >
            {t("notifications.open_meeting")}
          </Anchor>
        )}
        {n.kind === "visit_report_overdue" && (
          <Anchor
            component={Link}
            to="/visits"
            size="xs"
            onClick={() => {
              if (unread) markRead.mutate(n.id);
            }}
          >
            {t("notifications.open_visits")}
          </Anchor>
        )}
        {unread && (
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={() => {
              markRead.mutate(n.id);
            }}
          >
            {t("notifications.mark_read")}
          </Anchor>
        )}
      </Group>
    </Box>
  );
}
