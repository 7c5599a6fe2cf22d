import { GRANTABLE_ROLES, type Role, type UserDto } from "@chibo/domain";
import { ActionIcon, Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { UnitSelect } from "@/components/units/unit-select";
import { notifySuccess } from "@/lib/notify";
import { useCreateGrant } from "../api/create-grant";
import { useRevokeGrant } from "../api/revoke-grant";

function isRole(value: string): value is Role {
  return (GRANTABLE_ROLES as readonly string[]).includes(value);
}

/** A user's grants: each a role on one unit, reaching the unit's whole subtree. */
export function UserGrantsModal({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const { t } = useTranslation();
  const grant = useCreateGrant(user.id);
  const revoke = useRevokeGrant(user.id);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [role, setRole] = useState<Role>("member");
  const [unitError, setUnitError] = useState<string | null>(null);

  return (
    <AppModal
      opened
      onClose={onClose}
      title={t("users.grants_title", { name: user.displayName })}
      size="lg"
    >
      <Stack gap="md">
        {user.grants.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("users.no_grants")}
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {user.grants.map((g) => {
              const label = t("users.revoke", {
                role: t(`users.role.${g.role}`),
                unit: g.unitName,
              });
              return (
                <Group key={g.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                  <div>
                    <Text size="sm" fw={500}>
                      {t(`users.role.${g.role}`)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {g.unitName} · {t(`common.unit_level.${g.unitLevel}`)}
                    </Text>
                  </div>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={label}
                    title={label}
                    loading={revoke.isPending && revoke.variables === g.id}
                    onClick={() => {
                      revoke.mutate(g.id, {
                        onSuccess: () => {
                          notifySuccess(t("users.revoked"));
                        },
                      });
                    }}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Group>
              );
            })}
          </Stack>
        )}
        <ErrorAlert error={revoke.error} />

        <Stack gap="sm">
          <Title order={3} size="h5">
            {t("users.grant_add")}
          </Title>
          <UnitSelect
            label={t("users.grant_unit")}
            name="unitId"
            required
            value={unitId}
            error={unitError}
            isPickable={(unit) => unit.active}
            onChange={(value) => {
              setUnitId(value);
              setUnitError(null);
            }}
          />
          <NativeSelect
            label={t("users.grant_role")}
            name="role"
            required
            data={GRANTABLE_ROLES.map((r) => ({ value: r, label: t(`users.role.${r}`) }))}
            value={role}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isRole(value)) setRole(value);
            }}
          />
          <ErrorAlert error={grant.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.actions.close")}
            </Button>
            <Button
              loading={grant.isPending}
              onClick={() => {
                if (!unitId) {
                  setUnitError(t("common.validation.required"));
                  return;
                }
                grant.mutate(
                  { unitId, role },
                  {
                    onSuccess: () => {
                      notifySuccess(t("users.granted"));
                      setUnitId(null);
                    },
                  },
                );
              }}
            >
              {t("users.grant_add")}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </AppModal>
  );
}
