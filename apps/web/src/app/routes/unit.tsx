import type { UnitDetailDto } from "@chibo/domain";
import { Anchor, Group, Paper, Stack, Tabs, Title } from "@mantine/core";
import { IconChartDots, IconMessages } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { NotFound } from "@/components/ui/not-found";
import { AssignmentCoverage } from "@/features/followup/components/assignment-coverage";
import { CellMeetings } from "@/features/meetings/components/cell-meetings";
import { ThematicPlanEditor } from "@/features/meetings/components/thematic-plan-editor";
import { MemberList } from "@/features/members/components/member-list";
import { UnitScores } from "@/features/quality/components/unit-scores";
import { UnitTasks } from "@/features/tasks/components/unit-tasks";
import { UnitDetail } from "@/features/units/components/unit-detail";
import { useCan, useCanAtUnit } from "@/hooks/use-me";
import { useUnit } from "@/hooks/use-units";
import { todayIso } from "@/lib/format";

const CELL_TABS = ["meetings", "thematic", "tasks", "scores", "members"] as const;
type CellTab = (typeof CELL_TABS)[number];

function isCellTab(value: string | null): value is CellTab {
  return CELL_TABS.some((tab) => tab === value);
}

/** A unit's page: the unit itself (units feature), a cell's meetings (meetings feature), its members. */
export function Component() {
  const { id } = useParams();
  const unit = useUnit(id);
  if (!id) return <NotFound />;
  return (
    <Stack gap="lg">
      <UnitDetail id={id} />
      {unit.data &&
        (unit.data.kind === "cell" ? (
          <CellSections unit={unit.data} />
        ) : (
          <UnitSections unit={unit.data} />
        ))}
    </Stack>
  );
}

function MembersSection({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section">
      <Title order={2} size="h4" mb="sm">
        {t("units.members_title")}
      </Title>
      <MemberList key={unitId} unitId={unitId} />
    </Paper>
  );
}

/**
 * The follow-up of a unit's resolutions: its open and overdue tasks, the year's task assignment
 * coverage, and (for those who see absence alerts) the way to the participation figures.
 */
function TasksSection({ unit }: { unit: UnitDetailDto }) {
  const { t } = useTranslation();
  const canAlerts = useCan("meeting.alerts");
  return (
    <Stack gap="md">
      <UnitTasks unitId={unit.id} />
      <AssignmentCoverage unitId={unit.id} year={Number(todayIso().slice(0, 4))} />
      {canAlerts && (
        <Anchor component={Link} to={`/participation?unitId=${unit.id}`} fw={500}>
          <IconMessages size={16} aria-hidden style={{ verticalAlign: "middle", marginRight: 4 }} />
          {t("followup.participation.title")}
        </Anchor>
      )}
    </Stack>
  );
}

function UnitSections({ unit }: { unit: UnitDetailDto }) {
  const { t } = useTranslation();
  const canRead = useCan("meeting.read");
  return (
    <>
      {canRead && unit.kind === "committee" && (
        <Group gap="md">
          <Anchor component={Link} to={`/compliance?unitId=${unit.id}`} fw={500}>
            <IconChartDots
              size={16}
              aria-hidden
              style={{ verticalAlign: "middle", marginRight: 4 }}
            />
            {t("common.nav.compliance")}
          </Anchor>
          <Anchor component={Link} to={`/postponements?unitId=${unit.id}`} fw={500}>
            {t("common.nav.postponements")}
          </Anchor>
        </Group>
      )}
      {canRead && unit.kind === "committee" && <TasksSection unit={unit} />}
      {canRead && unit.kind === "committee" && (
        <Paper withBorder p={{ base: "sm", sm: "md" }} component="section">
          <UnitScores unitId={unit.id} />
        </Paper>
      )}
      <MembersSection unitId={unit.id} />
    </>
  );
}

/** A cell: its meeting calendar first (what a secretary opens it for), its thematic plan, members. */
function CellSections({ unit }: { unit: UnitDetailDto }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get("tab");
  const tab: CellTab = isCellTab(asked) ? asked : "meetings";
  const canWrite = useCanAtUnit("meeting.write", unit.path) && unit.active;
  return (
    <Tabs
      value={tab}
      onChange={(value) => {
        setParams(
          (prev) => {
            const next = new URLSearchParams(prev);
            next.set("tab", isCellTab(value) ? value : "meetings");
            return next;
          },
          { replace: true },
        );
      }}
      keepMounted={false}
    >
      {/* Five tabs on a 360 px phone: one row that scrolls rather than wraps. */}
      <Tabs.List grow style={{ flexWrap: "nowrap", overflowX: "auto", overflowY: "hidden" }}>
        <Tabs.Tab
          value="meetings"
          px={6}
          fw={600}
          fz={{ base: "13px", xs: "sm" }}
          style={{ whiteSpace: "nowrap" }}
        >
          {t("meetings.title")}
        </Tabs.Tab>
        <Tabs.Tab
          value="thematic"
          px={6}
          fw={600}
          fz={{ base: "13px", xs: "sm" }}
          style={{ whiteSpace: "nowrap" }}
        >
          {t("meetings.thematic.tab")}
        </Tabs.Tab>
        <Tabs.Tab
          value="tasks"
          px={6}
          fw={600}
          fz={{ base: "13px", xs: "sm" }}
          style={{ whiteSpace: "nowrap" }}
        >
          {t("tasks.unit.tab")}
        </Tabs.Tab>
        <Tabs.Tab
          value="scores"
          px={6}
          fw={600}
          fz={{ base: "13px", xs: "sm" }}
          style={{ whiteSpace: "nowrap" }}
        >
          {t("quality.unit.tab")}
        </Tabs.Tab>
        <Tabs.Tab
          value="members"
          px={6}
          fw={600}
          fz={{ base: "13px", xs: "sm" }}
          style={{ whiteSpace: "nowrap" }}
        >
          {t("units.members_title")}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="meetings" pt="md">
        <CellMeetings unitId={unit.id} canWrite={canWrite} />
      </Tabs.Panel>
      <Tabs.Panel value="thematic" pt="md">
        <ThematicPlanEditor unitId={unit.id} canWrite={canWrite} />
      </Tabs.Panel>
      <Tabs.Panel value="tasks" pt="md">
        <TasksSection unit={unit} />
      </Tabs.Panel>
      <Tabs.Panel value="scores" pt="md">
        <UnitScores unitId={unit.id} />
      </Tabs.Panel>
      <Tabs.Panel value="members" pt="md">
        <MembersSection unitId={unit.id} />
      </Tabs.Panel>
    </Tabs>
  );
}
