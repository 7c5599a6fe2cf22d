import type { AuditEntryDto } from "@chibo/domain";
import {
  ActionIcon,
  Button,
  Code,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppPagination } from "@/components/ui/app-pagination";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDateTime } from "@/lib/format";
import { useAudit } from "../api/list-audit";

const PAGE_SIZE = 50;

function json(value: unknown): string {
  if (value === undefined || value === null) return "—";
  return JSON.stringify(value, null, 2);
}

/** Every change, newest first; before and after shown on demand. */
export function AuditLog() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState("");
  const [entityId, setEntityId] = useState("");
  const [entityFilter] = useDebouncedValue(entity.trim(), 300);
  const [entityIdFilter] = useDebouncedValue(entityId.trim(), 300);
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<string | null>(null);
  const isDesktop = useMediaQuery("(min-width: 48em)", true, { getInitialValueInEffect: false });
  const { data, isPending, error } = useAudit({
    page,
    pageSize: PAGE_SIZE,
    ...(entityFilter ? { entity: entityFilter } : {}),
    ...(entityIdFilter ? { entityId: entityIdFilter } : {}),
  });
  const toggle = (id: string) => {
    setExpanded((current) => (current === id ? null : id));
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("audit.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={640}>
        <TextInput
          label={t("audit.filter_entity")}
          name="entity"
          value={entity}
          onChange={(event) => {
            setEntity(event.currentTarget.value);
            setPage(1);
          }}
        />
        <TextInput
          label={t("audit.filter_entity_id")}
          name="entityId"
          value={entityId}
          onChange={(event) => {
            setEntityId(event.currentTarget.value);
            setPage(1);
          }}
        />
      </SimpleGrid>
      {error && <ErrorAlert error={error} />}
      {isPending && <PageLoader />}
      {data?.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t("audit.empty")}
        </Text>
      )}
      {data && data.items.length > 0 && isDesktop && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <VisuallyHidden>{t("audit.show_details")}</VisuallyHidden>
                </Table.Th>
                <Table.Th>{t("audit.time")}</Table.Th>
                <Table.Th>{t("audit.actor")}</Table.Th>
                <Table.Th>{t("audit.action")}</Table.Th>
                <Table.Th>{t("audit.entity")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((entry) => (
                <AuditRow
                  key={entry.id}
                  entry={entry}
                  open={expanded === entry.id}
                  onToggle={() => {
                    toggle(entry.id);
                  }}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && data.items.length > 0 && !isDesktop && (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {data.items.map((entry) => (
            <AuditCard
              key={entry.id}
              entry={entry}
              open={expanded === entry.id}
              onToggle={() => {
                toggle(entry.id);
              }}
            />
          ))}
        </Stack>
      )}
      {data && (
        <AppPagination
          total={data.total}
          pageSize={data.pageSize}
          page={page}
          compact={!isDesktop}
          onChange={setPage}
        />
      )}
    </Stack>
  );
}

interface EntryProps {
  entry: AuditEntryDto;
  open: boolean;
  onToggle: () => void;
}

function BeforeAfter({ entry }: { entry: AuditEntryDto }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <div>
        <Text size="xs" fw={600} mb={4}>
          {t("audit.before")}
        </Text>
        <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
          {json(entry.before)}
        </Code>
      </div>
      <div>
        <Text size="xs" fw={600} mb={4}>
          {t("audit.after")}
        </Text>
        <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
          {json(entry.after)}
        </Code>
      </div>
    </SimpleGrid>
  );
}

function AuditRow({ entry, open, onToggle }: EntryProps) {
  const { t } = useTranslation();
  const detailsId = `audit-${entry.id}`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={open ? t("audit.hide_details") : t("audit.show_details")}
            onClick={onToggle}
          >
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.at)}</Table.Td>
        <Table.Td>{entry.actorName ?? t("audit.system")}</Table.Td>
        <Table.Td ff="monospace">{entry.action}</Table.Td>
        <Table.Td>
          <Text size="sm">{entry.entity}</Text>
          {entry.entityId && (
            <Text size="xs" c="dimmed" ff="monospace">
              {entry.entityId}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={5}>
            <BeforeAfter entry={entry} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function AuditCard({ entry, open, onToggle }: EntryProps) {
  const { t } = useTranslation();
  const detailsId = `audit-${entry.id}`;
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} ff="monospace" style={{ wordBreak: "break-all" }}>
            {entry.action}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            {formatDateTime(entry.at)}
          </Text>
        </Group>
        <Text size="sm">{entry.actorName ?? t("audit.system")}</Text>
        <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
          {entry.entity}
          {entry.entityId ? ` · ${entry.entityId}` : ""}
        </Text>
        <Group>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-expanded={open}
            aria-controls={detailsId}
            leftSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            onClick={onToggle}
          >
            {open ? t("audit.hide_details") : t("audit.show_details")}
          </Button>
        </Group>
        <Collapse expanded={open} keepMounted={false} id={detailsId}>
          {open && <BeforeAfter entry={entry} />}
        </Collapse>
      </Stack>
    </Paper>
  );
}
