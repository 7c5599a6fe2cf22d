import { ActionIcon, Indicator, Tooltip } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useNotifications } from "../api/list-notifications";

/** The header's bell, with the number of unread notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useNotifications();
  const unread = data?.unread ?? 0;
  const label =
    unread > 0 ? t("notifications.bell_unread", { count: unread }) : t("notifications.title");
  return (
    <Tooltip label={label}>
      <Indicator
        label={unread > 9 ? "9+" : unread}
        size={16}
        disabled={unread === 0}
        color="red"
        offset={6}
      >
        <ActionIcon
          component={Link}
          to="/notifications"
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
        >
          <IconBell size={20} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
