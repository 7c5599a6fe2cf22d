import type { UserDto } from "@chibo/domain";
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { IconKey, IconPencil, IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppPagination } from "@/components/ui/app-pagination";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDate } from "@/lib/format";
import { useUsers } from "../api/list-users";
import { GrantBadges } from "./role-labels";
import { UserCreateModal } from "./user-create-modal";
import { UserEditModal } from "./user-edit-modal";
import { UserGrantsModal } from "./user-grants-modal";

const PAGE_SIZE = 25;

type Open = { kind: "create" } | { kind: "edit"; id: string } | { kind: "grants"; id: string };

/** Accounts of the tenant: create, lock, reset passwords, grant and revoke roles. */
export function UserAdmin() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Open | null>(null);
  const isDesktop = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });
  const { data, isPending, error } = useUsers({
    page,
    pageSize: PAGE_SIZE,
    ...(q ? { q } : {}),
  });
  const selected =
    open && open.kind !== "create" ? data?.items.find((u) => u.id === open.id) : null;
  const close = () => {
    setOpen(null);
  };
  const actions = (user: UserDto) => (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconKey size={14} />}
        onClick={() => {
          setOpen({ kind: "grants", id: user.id });
        }}
        aria-label={`${t("users.manage_grants")}: ${user.username}`}
      >
        {t("users.manage_grants")}
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconPencil size={14} />}
        onClick={() => {
          setOpen({ kind: "edit", id: user.id });
        }}
        aria-label={`${t("users.edit")}: ${user.username}`}
      >
        {t("users.edit")}
      </Button>
    </Group>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("users.title")}
        </Title>
        <Button
          leftSection={<IconUserPlus size={16} />}
          onClick={() => {
            setOpen({ kind: "create" });
          }}
        >
          {t("users.add")}
        </Button>
      </Group>
      <TextInput
        label={t("users.search_label")}
        placeholder={t("users.search_placeholder")}
        type="search"
        name="q"
        maw={420}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
      />
      {error && <ErrorAlert error={error} />}
      {isPending && <PageLoader />}
      {data?.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t("users.empty")}
        </Text>
      )}
      {data && data.items.length > 0 && isDesktop && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("users.username")}</Table.Th>
                <Table.Th>{t("users.display_name")}</Table.Th>
                <Table.Th>{t("users.status")}</Table.Th>
                <Table.Th>{t("users.grants")}</Table.Th>
                <Table.Th>{t("users.created_at")}</Table.Th>
                <Table.Th>{t("users.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td ff="monospace">{user.username}</Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={user.active} />
                  </Table.Td>
                  <Table.Td>
                    <GrantBadges grants={user.grants} />
                  </Table.Td>
                  <Table.Td>{formatDate(user.createdAt)}</Table.Td>
                  <Table.Td>{actions(user)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && data.items.length > 0 && !isDesktop && (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {data.items.map((user) => (
            <Paper key={user.id} component="li" withBorder p="sm">
              <Stack gap={6}>
                <Group justify="space-between" gap="xs">
                  <div>
                    <Text fw={600}>{user.displayName}</Text>
                    <Text size="sm" c="dimmed" ff="monospace">
                      {user.username}
                    </Text>
                  </div>
                  <ActiveBadge active={user.active} />
                </Group>
                <GrantBadges grants={user.grants} />
                {actions(user)}
              </Stack>
            </Paper>
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
      {open?.kind === "create" && <UserCreateModal onClose={close} />}
      {open?.kind === "edit" && selected && <UserEditModal user={selected} onClose={close} />}
      {open?.kind === "grants" && selected && <UserGrantsModal user={selected} onClose={close} />}
    </Stack>
  );
}

function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? "teal" : "gray"} variant="light">
      {active ? t("users.active") : t("users.inactive")}
    </Badge>
  );
}
