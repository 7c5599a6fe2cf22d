import type { MemberParticipationDto, ParticipationDto } from "@chibo/domain";
import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AppPagination } from "@/components/ui/app-pagination";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { usePaged } from "@/hooks/use-paged";
import { formatDate, formatPercent } from "@/lib/format";
import { useParticipation } from "../api/get-participation";
import { Figure } from "./figure";

const PAGE_SIZE = 50;
const DESKTOP = "(min-width: 62em)";
const SILENT_BG = "var(--mantine-color-red-0)";

interface ParticipationProps {
  unitId: string | null;
  /** The last day of the twelve months; today when null. */
  to: string | null;
}

/**
 * Who takes part over twelve months. For a cell, its members (meetings, attended, opinions, tasks),
 * those who never spoke highlighted; for a committee, one line per cell. Above, the share of meetings
 * where most members spoke.
 */
export function Participation({ unitId, to }: ParticipationProps) {
  const { t } = useTranslation();
  const { data, isPending, error, isPlaceholderData } = useParticipation(unitId, to);
  if (unitId === null) return null;
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  const committee = data.cells.length > 0;
  return (
    <Stack gap="md" style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
      <Text size="sm" c="dimmed">
        {t("followup.participation.period", {
          from: formatDate(data.from),
          to: formatDate(data.to),
        })}
      </Text>
      <Summary data={data} />
      {committee ? <CellParticipation data={data} /> : <MemberParticipation data={data} />}
    </Stack>
  );
}

function Summary({ data }: { data: ParticipationDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
      <Figure label={t("followup.participation.meetings")} value={String(data.meetings)} />
      <Figure
        label={t("followup.participation.most_spoke")}
        value={t("followup.participation.most_spoke_value", {
          spoke: data.meetingsMostSpoke,
          total: data.meetingsRecorded,
          share: formatPercent(data.shareMostSpoke, language),
        })}
        share={data.shareMostSpoke}
      />
      <Figure
        label={t("followup.participation.never_spoke")}
        value={String(data.neverSpoke)}
        {...(data.neverSpoke > 0 ? { color: "red.7" } : {})}
      />
    </SimpleGrid>
  );
}

function SilentBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="light" size="sm" style={{ flexShrink: 0 }}>
      {t("followup.participation.never_spoke_badge")}
    </Badge>
  );
}

function MemberParticipation({ data }: { data: ParticipationDto }) {
  const { t } = useTranslation();
  const [onlySilent, setOnlySilent] = useState(false);
  const isDesktop = useMediaQuery(DESKTOP, true, { getInitialValueInEffect: false });
  const members = onlySilent ? data.members.filter((m) => m.neverSpoke) : data.members;
  const { page, setPage, pageItems } = usePaged(members, PAGE_SIZE);
  return (
    <Stack gap="sm">
      <Checkbox
        label={t("followup.participation.only_silent")}
        checked={onlySilent}
        onChange={(event) => {
          setOnlySilent(event.currentTarget.checked);
          setPage(1);
        }}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("followup.participation.count", { count: members.length })}
      </Text>
      {members.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {onlySilent
            ? t("followup.participation.none_silent")
            : t("followup.participation.empty_members")}
        </Text>
      ) : isDesktop ? (
        <MemberTable members={pageItems} />
      ) : (
        <MemberCards members={pageItems} />
      )}
      <AppPagination
        total={members.length}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={setPage}
        compact={!isDesktop}
      />
    </Stack>
  );
}

function MemberTable({ members }: { members: readonly MemberParticipationDto[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder highlightOnHover verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("followup.participation.columns.member")}</Table.Th>
            <Table.Th>{t("followup.participation.columns.status")}</Table.Th>
            <Table.Th ta="right">{t("followup.participation.columns.meetings")}</Table.Th>
            <Table.Th ta="right">{t("followup.participation.columns.attended")}</Table.Th>
            <Table.Th ta="right">{t("followup.participation.columns.opinions")}</Table.Th>
            <Table.Th ta="right">{t("followup.participation.columns.tasks_held")}</Table.Th>
            <Table.Th ta="right">{t("followup.participation.columns.tasks_done")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.memberId} bg={m.neverSpoke ? SILENT_BG : undefined}>
              <Table.Td>
                <Group gap={6}>
                  <Anchor component={Link} to={`/members/${m.memberId}`} size="sm" fw={500}>
                    {m.fullName}
                  </Anchor>
                  {m.neverSpoke && <SilentBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`members.status.${m.status}`)}</Text>
              </Table.Td>
              <Table.Td ta="right">{m.meetings}</Table.Td>
              <Table.Td ta="right">{m.attended}</Table.Td>
              <Table.Td
                ta="right"
                fw={m.neverSpoke ? 700 : 400}
                c={m.neverSpoke ? "red.8" : undefined}
              >
                {m.opinions}
              </Table.Td>
              <Table.Td ta="right">{m.tasksHeld}</Table.Td>
              <Table.Td ta="right">{m.tasksDone}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MemberCards({ members }: { members: readonly MemberParticipationDto[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {members.map((m) => (
        <Paper
          key={m.memberId}
          component="li"
          withBorder
          p="sm"
          bg={m.neverSpoke ? SILENT_BG : undefined}
          style={m.neverSpoke ? { borderColor: "var(--mantine-color-red-4)" } : undefined}
        >
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/members/${m.memberId}`} fw={600} size="sm">
              {m.fullName}
            </Anchor>
            {m.neverSpoke && <SilentBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {t(`members.status.${m.status}`)}
          </Text>
          <Text size="sm">
            {t("followup.participation.card_attended", {
              attended: m.attended,
              meetings: m.meetings,
            })}
            {" · "}
            <Text span fw={m.neverSpoke ? 700 : 400} c={m.neverSpoke ? "red.8" : undefined}>
              {t("followup.participation.card_opinions", { count: m.opinions })}
            </Text>
          </Text>
          <Text size="sm">
            {t("followup.participation.card_tasks", { done: m.tasksDone, held: m.tasksHeld })}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

type CellRow = ParticipationDto["cells"][number];

function CellParticipation({ data }: { data: ParticipationDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const isDesktop = useMediaQuery(DESKTOP, true, { getInitialValueInEffect: false });
  const { page, setPage, pageItems } = usePaged(data.cells, PAGE_SIZE);
  const share = (c: CellRow) => formatPercent(c.shareMostSpoke, language);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("followup.participation.cell_count", { count: data.cells.length })}
      </Text>
      {isDesktop ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder highlightOnHover verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("followup.participation.columns.cell")}</Table.Th>
                <Table.Th ta="right">{t("followup.participation.columns.members")}</Table.Th>
                <Table.Th ta="right">{t("followup.participation.columns.meetings")}</Table.Th>
                <Table.Th ta="right">{t("followup.participation.columns.most_spoke")}</Table.Th>
                <Table.Th ta="right">{t("followup.participation.columns.never_spoke")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pageItems.map((c) => (
                <Table.Tr key={c.unitId}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/participation?unitId=${c.unitId}`}
                      size="sm"
                      fw={500}
                    >
                      {c.unitName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{c.members}</Table.Td>
                  <Table.Td ta="right">{c.meetings}</Table.Td>
                  <Table.Td ta="right">
                    {c.meetingsMostSpoke}/{c.meetingsRecorded} ({share(c)})
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    fw={c.neverSpoke > 0 ? 700 : 400}
                    c={c.neverSpoke > 0 ? "red.8" : undefined}
                  >
                    {c.neverSpoke}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {pageItems.map((c) => (
            <Paper key={c.unitId} component="li" withBorder p="sm">
              <Anchor component={Link} to={`/participation?unitId=${c.unitId}`} fw={600} size="sm">
                {c.unitName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t("followup.participation.card_cell", {
                  members: c.members,
                  meetings: c.meetings,
                })}
              </Text>
              <Text size="sm">
                {t("followup.participation.card_cell_spoke", {
                  spoke: c.meetingsMostSpoke,
                  total: c.meetingsRecorded,
                  share: share(c),
                })}
              </Text>
              {c.neverSpoke > 0 && (
                <Text size="sm" fw={700} c="red.8">
                  {t("followup.participation.card_cell_silent", { count: c.neverSpoke })}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <AppPagination
        total={data.cells.length}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={setPage}
        compact={!isDesktop}
      />
    </Stack>
  );
}
