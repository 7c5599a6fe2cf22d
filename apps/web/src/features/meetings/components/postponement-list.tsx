import type { PostponementDto } from "@chibo/domain";
import { Anchor, Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AppPagination } from "@/components/ui/app-pagination";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { usePaged } from "@/hooks/use-paged";
import { formatDate, formatDateTime } from "@/lib/format";
import { usePostponements, type PostponementParams } from "../api/list-postponements";
import { newestFirst } from "../lib/display";

const PAGE_SIZE = 50;

function NoticeBadge({ withNotice }: { withNotice: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={withNotice ? "green" : "orange"} size="sm">
      {withNotice ? t("meetings.postpone.with_notice") : t("meetings.postpone.without_notice")}
    </Badge>
  );
}

/** Seed 000: "only postponements are reported" — every report in the subtree, newest first. */
export function PostponementList({
  unitId,
  params,
}: {
  unitId: string | null;
  params: PostponementParams;
}) {
  const { t } = useTranslation();
  const { data, isPending, error, isPlaceholderData } = usePostponements(unitId, params);
  const isDesktop = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });
  const items = newestFirst(data ?? []);
  const { page, setPage, pageItems } = usePaged(items, PAGE_SIZE);
  if (unitId === null) return null;
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  return (
    <Stack gap="sm" style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("meetings.postponements.count", { count: items.length })}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t("meetings.postponements.empty")}
        </Text>
      ) : isDesktop ? (
        <PostponementTable items={pageItems} />
      ) : (
        <PostponementCards items={pageItems} />
      )}
      <AppPagination
        total={items.length}
        pageSize={PAGE_SIZE}
        page={page}
        compact={!isDesktop}
        onChange={setPage}
      />
    </Stack>
  );
}

function PostponementTable({ items }: { items: PostponementDto[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("meetings.postponements.reported_at")}</Table.Th>
            <Table.Th>{t("meetings.postponements.cell")}</Table.Th>
            <Table.Th>{t("meetings.postponements.from_date")}</Table.Th>
            <Table.Th>{t("meetings.postponements.new_date")}</Table.Th>
            <Table.Th>{t("meetings.postponements.reason")}</Table.Th>
            <Table.Th>{t("meetings.postponements.notice")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{formatDateTime(p.reportedAt)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/units/${p.unitId}`} size="sm">
                  {p.unitName}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatDate(p.fromDate)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/meetings/${p.meetingId}`} size="sm">
                  {formatDate(p.newDate)}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.reason}</Table.Td>
              <Table.Td>
                <NoticeBadge withNotice={p.withNotice} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PostponementCards({ items }: { items: PostponementDto[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {items.map((p) => (
        <Paper key={p.id} component="li" withBorder p="sm">
          <Anchor component={Link} to={`/units/${p.unitId}`} fw={600} size="sm">
            {p.unitName}
          </Anchor>
          <Anchor
            component={Link}
            to={`/meetings/${p.meetingId}`}
            size="sm"
            fw={500}
            display="block"
          >
            {t("meetings.postpone.line", {
              from: formatDate(p.fromDate),
              to: formatDate(p.newDate),
            })}
          </Anchor>
          <Text size="sm">{p.reason}</Text>
          <Group gap="xs" mt={4}>
            <NoticeBadge withNotice={p.withNotice} />
            <Text size="xs" c="dimmed">
              {t("meetings.postpone.reported", { at: formatDateTime(p.reportedAt) })}
            </Text>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
