import type { Action } from "@chibo/domain";
import {
  ActionIcon,
  Alert,
  Anchor,
  AppShell,
  Badge,
  Burger,
  Group,
  NavLink as MantineNavLink,
  ScrollArea,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconAdjustments,
  IconAlertTriangle,
  IconBell,
  IconCalendarEvent,
  IconCalendarPause,
  IconCalendarShare,
  IconChartDots,
  IconChecklist,
  IconClipboardList,
  IconEye,
  IconHistory,
  IconHome,
  IconKey,
  IconLogout,
  IconMessages,
  IconQrcode,
  IconSitemap,
  IconStarHalf,
  IconTemplate,
  IconUserCheck,
  IconUserCog,
  IconUsers,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { LanguageMenu } from "@/components/ui/language-menu";
import { PageLoader } from "@/components/ui/page-loader";
import { useLogout } from "@/features/auth/api/logout";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { useOverdueTaskCount } from "@/features/tasks/api/get-my-tasks";
import { useMe } from "@/hooks/use-me";
import { unitsAllowing } from "@/lib/access";
import { notifySuccess } from "@/lib/notify";

interface NavItem {
  to: string;
  label: string;
  icon: React.ReactNode;
  action?: Action;
  /** Shown only when true (e.g. the user has a cell to open). */
  when?: boolean;
  /** Whether the item is the current page; by default, paths under `to`. */
  isActive?: (pathname: string) => boolean;
  /** A count that needs attention (overdue tasks), shown as a red badge. */
  badge?: { count: number; label: string };
}

/** The signed-in shell: header, navigation, and the page. Without a session, the login page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure(false);
  const overdueTasks = useOverdueTaskCount(me.data?.user.memberId != null);

  if (me.isPending) return <PageLoader />;
  if (me.error) return <ErrorAlert error={me.error} />;
  if (me.data === null) {
    const next = `${location.pathname}${location.search}`;
    const search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace />;
  }

  const { user, actions, tenant, grants } = me.data;
  const myCell = unitsAllowing(grants, "meeting.read", "cell")[0];
  const cellPath = myCell ? `/units/${myCell.unitId}` : null;
  const overseesCells = unitsAllowing(grants, "meeting.read", "committee").length > 0;
  // Visitors: supervisors and committee members (others may be assigned too; the page is always there).
  const visits = grants.some((g) => g.role === "supervisor" || g.role === "committee");
  const items: NavItem[] = [
    {
      to: "/",
      label: t("common.nav.home"),
      icon: <IconHome size={18} />,
      isActive: (p) => p === "/",
    },
    {
      to: "/tasks",
      label: t("tasks.title"),
      icon: <IconChecklist size={18} />,
      ...(overdueTasks > 0
        ? {
            badge: {
              count: overdueTasks,
              label: t("tasks.overdue_count", { count: overdueTasks }),
            },
          }
        : {}),
    },
    {
      to: cellPath ?? "/units",
      label: t("common.nav.my_cell"),
      icon: <IconCalendarEvent size={18} />,
      when: cellPath !== null,
      isActive: (p) => cellPath !== null && p.startsWith(cellPath),
    },
    {
      to: "/checkin",
      label: t("common.nav.checkin"),
      icon: <IconQrcode size={18} />,
      when: user.memberId !== null,
    },
    {
      to: "/compliance",
      label: t("common.nav.compliance"),
      icon: <IconChartDots size={18} />,
      action: "meeting.read",
      when: overseesCells,
    },
    {
      to: "/postponements",
      label: t("common.nav.postponements"),
      icon: <IconCalendarPause size={18} />,
      action: "meeting.read",
      when: overseesCells,
    },
    {
      to: "/visits",
      label: t("supervision.nav.visits"),
      icon: <IconUserCheck size={18} />,
      when: visits,
    },
    {
      to: "/supervision",
      label: t("supervision.nav.board"),
      icon: <IconEye size={18} />,
      action: "meeting.alerts",
      when: unitsAllowing(grants, "meeting.alerts", "committee").length > 0,
    },
    {
      to: "/absence-alerts",
      label: t("common.nav.absence_alerts"),
      icon: <IconAlertTriangle size={18} />,
      action: "meeting.alerts",
    },
    {
      to: "/participation",
      label: t("followup.participation.title"),
      icon: <IconMessages size={18} />,
      action: "meeting.alerts",
    },
    {
      to: "/scores",
      label: t("quality.nav.scores"),
      icon: <IconStarHalf size={18} />,
      action: "meeting.alerts",
    },
    {
      to: "/units",
      label: t("common.nav.units"),
      icon: <IconSitemap size={18} />,
      isActive: (p) => p.startsWith("/units") && (cellPath === null || !p.startsWith(cellPath)),
    },
    { to: "/members", label: t("common.nav.members"), icon: <IconUsers size={18} /> },
    { to: "/notifications", label: t("common.nav.notifications"), icon: <IconBell size={18} /> },
    {
      to: "/admin/users",
      label: t("common.nav.users"),
      icon: <IconUserCog size={18} />,
      action: "user.manage",
    },
    {
      to: "/admin/settings",
      label: t("common.nav.settings"),
      icon: <IconAdjustments size={18} />,
      action: "tenant.configure",
    },
    {
      to: "/admin/agenda-templates",
      label: t("settings.agenda.title"),
      icon: <IconTemplate size={18} />,
      action: "tenant.configure",
    },
    {
      to: "/admin/rubrics",
      label: t("quality.nav.rubrics"),
      icon: <IconClipboardList size={18} />,
      action: "tenant.configure",
    },
    {
      to: "/audit",
      label: t("common.nav.audit"),
      icon: <IconHistory size={18} />,
      action: "audit.read",
    },
    {
      to: "/account/calendar",
      label: t("common.nav.calendar_feed"),
      icon: <IconCalendarShare size={18} />,
    },
    { to: "/account/password", label: t("common.nav.password"), icon: <IconKey size={18} /> },
  ];

  const onLogout = () => {
    logout.mutate(undefined, {
      onSettled: () => {
        notifySuccess(t("auth.logged_out"));
        void navigate("/login", { replace: true });
      },
    });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "md" }}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t("common.nav.close_menu") : t("common.nav.open_menu")}
            />
            <UnstyledButton component={Link} to="/" fw={700} fz="lg" c="red.8">
              {t("common.app_name")}
            </UnstyledButton>
            <Text size="sm" c="dimmed" visibleFrom="md" truncate="end">
              {tenant.name}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate="end" maw={{ base: 84, xs: 200, sm: 280 }}>
              {user.displayName}
            </Text>
            <NotificationBell />
            <LanguageMenu />
            <Tooltip label={t("common.nav.logout")}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                onClick={onLogout}
                loading={logout.isPending}
                aria-label={t("common.nav.logout")}
              >
                <IconLogout size={20} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t("common.nav.main")}>
        <AppShell.Section grow component={ScrollArea}>
          {items
            .filter((item) => item.when !== false)
            .filter((item) => !item.action || actions.includes(item.action))
            .map((item) => (
              <MantineNavLink
                key={item.label}
                component={NavLink}
                to={item.to}
                // Which item is current is decided here (isActive), not by the router's prefix match.
                end
                label={item.label}
                leftSection={item.icon}
                rightSection={
                  item.badge ? (
                    <Badge color="red" size="sm" circle={item.badge.count < 10}>
                      <span aria-hidden>{item.badge.count}</span>
                      <VisuallyHidden>{item.badge.label}</VisuallyHidden>
                    </Badge>
                  ) : undefined
                }
                active={
                  item.isActive
                    ? item.isActive(location.pathname)
                    : location.pathname.startsWith(item.to)
                }
                onClick={close}
              />
            ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        {user.mustChangePassword && location.pathname !== "/account/password" && (
          <Alert color="yellow" mb="md" title={t("auth.must_change_title")} role="alert">
            <Text size="sm">{t("common.nav.must_change_password")}</Text>
            <Anchor component={Link} to="/account/password" size="sm" fw={600}>
              {t("common.nav.change_now")}
            </Anchor>
          </Alert>
        )}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
