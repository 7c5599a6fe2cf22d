import { Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconCalendarPause,
  IconChartDots,
  IconSitemap,
  IconUsers,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { MyMeetingsCards } from "@/features/meetings/components/next-meeting-card";
import { NotificationList } from "@/features/notifications/components/notification-list";
import { MyTasksCard } from "@/features/tasks/components/my-tasks-card";
import { useMe } from "@/hooks/use-me";
import { unitsAllowing } from "@/lib/access";

interface QuickLink {
  to: string;
  label: string;
  icon: React.ReactNode;
}

/** Home: a member's next meeting and unread notices; for everyone, the places they work in. */
export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("home.title")} · chibo`);
  const { data: me } = useMe();
  if (!me) return null;
  const hasMember = me.user.memberId !== null;
  const cells = unitsAllowing(me.grants, "meeting.read", "cell");
  const committees = unitsAllowing(me.grants, "meeting.read", "committee");
  const links: QuickLink[] = [
    ...cells.map((g) => ({
      to: `/units/${g.unitId}`,
      label: t("home.cell_calendar", { name: g.unitName }),
      icon: <IconCalendarEvent size={22} />,
    })),
    ...(committees.length > 0
      ? [
          {
            to: "/compliance",
            label: t("common.nav.compliance"),
            icon: <IconChartDots size={22} />,
          },
          {
            to: "/postponements",
            label: t("common.nav.postponements"),
            icon: <IconCalendarPause size={22} />,
          },
        ]
      : []),
    ...(me.actions.includes("meeting.alerts")
      ? [
          {
            to: "/absence-alerts",
            label: t("common.nav.absence_alerts"),
            icon: <IconAlertTriangle size={22} />,
          },
        ]
      : []),
    { to: "/units", label: t("common.nav.units"), icon: <IconSitemap size={22} /> },
    { to: "/members", label: t("common.nav.members"), icon: <IconUsers size={22} /> },
  ];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("home.greeting", { name: me.user.displayName })}
      </Title>
      {hasMember && <MyMeetingsCards />}
      {hasMember && <MyTasksCard />}
      <NotificationList compact />
      <Paper
        withBorder
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="quick-title"
      >
        <Title order={2} size="h4" mb="sm" id="quick-title">
          {t("home.quick_links")}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
          {links.map((link) => (
            <UnstyledButton
              key={link.to}
              component={Link}
              to={link.to}
              p="sm"
              style={{
                border: "1px solid var(--mantine-color-gray-3)",
                borderRadius: 8,
                display: "flex",
                alignItems: "center",
                gap: 10,
                minHeight: 52,
              }}
            >
              {link.icon}
              <Text fw={500} size="sm">
                {link.label}
              </Text>
            </UnstyledButton>
          ))}
        </SimpleGrid>
        {!hasMember && (
          <Text size="xs" c="dimmed" mt="sm">
            {t("home.no_member_record")}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
