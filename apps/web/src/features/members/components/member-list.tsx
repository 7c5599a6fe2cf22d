import type { MemberSummaryDto } from "@chibo/domain";
import {
  Anchor,
  Button,
  Group,
  Paper,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedCallback, useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconDownload, IconFileImport, IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { AppPagination } from "@/components/ui/app-pagination";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { UnitSelect } from "@/components/units/unit-select";
import { useCan } from "@/hooks/use-me";
import { exportMembersUrl } from "../api/export-members";
import { useMembers, type MemberListParams } from "../api/list-members";
import { ImportDialog } from "./import-dialog";
import { ExemptBadge, MemberStatusBadge, PositionBadges } from "./member-labels";

const PAGE_SIZE = 25;
const STATUS_FILTERS = ["active", "probationary", "official", "left", "all"] as const;
const EXEMPT_FILTERS = ["any", "yes", "no"] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((v) => v === value) ?? fallback;
}

interface MemberListProps {
  /** Shows only this unit's subtree and hides the unit filter (the unit page). */
  unitId?: string;
}

/** The member register: accent-insensitive search, filters, and pages in Vietnamese name order. */
export function MemberList({ unitId: fixedUnitId }: MemberListProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const status = oneOf(STATUS_FILTERS, params.get("status"), "active");
  const exempt = oneOf(EXEMPT_FILTERS, params.get("exempt"), "any");
  const unitId = fixedUnitId ?? params.get("unitId");
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const isDesktop = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });
  const canWrite = useCan("member.write");
  const canImport = useCan("member.import");
  const canExport = useCan("member.export");
  const [importOpen, importDialog] = useDisclosure(false);

  const update = (changes: Record<string, string | null>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === "") next.delete(key);
          else next.set(key, value);
        }
        if (!("page" in changes)) next.delete("page");
        return next;
      },
      { replace: true },
    );
  };
  const searchLater = useDebouncedCallback((value: string) => {
    update({ q: value.trim() });
  }, 300);

  const listParams: MemberListParams = {
    page,
    pageSize: PAGE_SIZE,
    ...(params.get("q") ? { q: params.get("q") ?? "" } : {}),
    ...(unitId ? { unitId } : {}),
    ...(status !== "active" ? { status } : {}),
    ...(exempt !== "any" ? { exempt } : {}),
  };
  const { data, isPending, error, isPlaceholderData } = useMembers(listParams);

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        {data ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("members.count", { count: data.total })}
          </Text>
        ) : (
          <span />
        )}
        <Group gap="xs">
          {canWrite && (
            <Button
              component={Link}
              to={unitId ? `/members/new?unitId=${unitId}` : "/members/new"}
              leftSection={<IconUserPlus size={16} />}
            >
              {t("members.add")}
            </Button>
          )}
          {canImport && (
            <Button
              variant="light"
              leftSection={<IconFileImport size={16} />}
              onClick={importDialog.open}
            >
              {t("members.import.button")}
            </Button>
          )}
          {canExport && (
            <Button
              variant="light"
              component="a"
              href={exportMembersUrl(unitId)}
              download
              leftSection={<IconDownload size={16} />}
            >
              {t("members.export")}
            </Button>
          )}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: fixedUnitId ? 3 : 4 }} spacing="sm">
        <TextInput
          label={t("members.search_label")}
          placeholder={t("members.search_placeholder")}
          name="q"
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            searchLater(event.currentTarget.value);
          }}
        />
        <NativeSelect
          label={t("members.filter_status")}
          name="status"
          data={STATUS_FILTERS.map((s) => ({ value: s, label: t(`members.status_filter.${s}`) }))}
          value={status}
          onChange={(event) => {
            const value = event.currentTarget.value;
            update({ status: value === "active" ? null : value });
          }}
        />
        <NativeSelect
          label={t("members.filter_exempt")}
          name="exempt"
          data={EXEMPT_FILTERS.map((e) => ({ value: e, label: t(`members.exempt_filter.${e}`) }))}
          value={exempt}
          onChange={(event) => {
            const value = event.currentTarget.value;
            update({ exempt: value === "any" ? null : value });
          }}
        />
        {!fixedUnitId && (
          <UnitSelect
            label={t("members.filter_unit")}
            value={unitId}
            clearable
            onChange={(value) => {
              update({ unitId: value });
            }}
          />
        )}
      </SimpleGrid>

      {error && <ErrorAlert error={error} />}
      {isPending && <PageLoader />}
      {data?.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t("members.empty")}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <div style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
          {isDesktop ? <MemberTable members={data.items} /> : <MemberCards members={data.items} />}
        </div>
      )}
      {data && (
        <AppPagination
          total={data.total}
          pageSize={data.pageSize}
          page={page}
          compact={!isDesktop}
          onChange={(p) => {
            update({ page: String(p) });
          }}
        />
      )}
      {importOpen && <ImportDialog opened onClose={importDialog.close} defaultUnitId={unitId} />}
    </Stack>
  );
}

function MemberTable({ members }: { members: MemberSummaryDto[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("members.columns.name")}</Table.Th>
            <Table.Th>{t("members.columns.cell")}</Table.Th>
            <Table.Th>{t("members.columns.status")}</Table.Th>
            <Table.Th>{t("members.columns.positions")}</Table.Th>
            <Table.Th>{t("members.columns.birth_year")}</Table.Th>
            <Table.Th>{t("members.columns.card_number")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor component={Link} to={`/members/${m.id}`} fw={500}>
                  {m.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/units/${m.unitId}`} size="sm" c="dimmed">
                  {m.unitName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <MemberStatusBadge status={m.status} active={m.active} leaveKind={m.leaveKind} />
                  {m.exempt && <ExemptBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <PositionBadges positions={m.positions} />
              </Table.Td>
              <Table.Td>{m.birthYear ?? ""}</Table.Td>
              <Table.Td>{m.cardNumber ?? ""}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MemberCards({ members }: { members: MemberSummaryDto[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {members.map((m) => (
        <Paper key={m.id} component="li" withBorder p="sm">
          <Stack gap={4}>
            <Anchor component={Link} to={`/members/${m.id}`} fw={600}>
              {m.fullName}
            </Anchor>
            <Text size="sm" c="dimmed">
              {m.unitName}
            </Text>
            <Group gap={4}>
              <MemberStatusBadge status={m.status} active={m.active} leaveKind={m.leaveKind} />
              {m.exempt && <ExemptBadge />}
              <PositionBadges positions={m.positions} />
            </Group>
            {(m.birthYear !== null || m.cardNumber !== null) && (
              <Text size="xs" c="dimmed">
                {[
                  m.birthYear !== null
                    ? `${t("members.columns.birth_year")}: ${m.birthYear}`
                    : null,
                  m.cardNumber !== null
                    ? `${t("members.columns.card_number")}: ${m.cardNumber}`
                    : null,
                ]
                  .filter((s) => s !== null)
                  .join(" · ")}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
