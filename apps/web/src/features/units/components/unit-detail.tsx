import { allowedChildLevels, type UnitDetailDto } from "@chibo/domain";
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure, useDocumentTitle } from "@mantine/hooks";
import { IconArrowsMove, IconBan, IconPencil, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { NotFound } from "@/components/ui/not-found";
import { useUnit, useUnitChildren } from "@/hooks/use-units";
import { isApiError } from "@/lib/api-client";
import { UnitDeactivateModal } from "./unit-deactivate-modal";
import { UnitCreateModal, UnitEditModal } from "./unit-form-modal";
import { UnitMoveModal } from "./unit-move-modal";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children}
      </Text>
    </div>
  );
}

/** A unit: where it sits, what it is, the units below it, and the actions the user may take. */
export function UnitDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: unit, isPending, error } = useUnit(id);
  useDocumentTitle(`${unit?.name ?? t("units.title")} · chibo`);
  if (isPending) return <PageLoader />;
  if (error) {
    if (isApiError(error) && error.status === 404) return <NotFound />;
    return <ErrorAlert error={error} />;
  }
  return (
    <Stack gap="md">
      <Breadcrumbs
        separatorMargin={4}
        aria-label={t("units.breadcrumbs")}
        style={{ flexWrap: "wrap" }}
      >
        <Anchor component={Link} to="/units" size="sm">
          {t("units.title")}
        </Anchor>
        {unit.ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={`/units/${a.id}`} size="sm">
            {a.name}
          </Anchor>
        ))}
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {unit.name}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{t(`common.unit_level.${unit.level}`)}</Badge>
            {!unit.active && (
              <Badge variant="light" color="gray">
                {t("units.inactive")}
              </Badge>
            )}
          </Group>
        </Stack>
        <UnitActions unit={unit} />
      </Group>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("units.details")}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Field label={t("units.level")}>{t(`common.unit_level.${unit.level}`)}</Field>
          <Field label={t("units.unit_type")}>
            {unit.unitType ? t(`units.type.${unit.unitType}`) : t("units.no_unit_type")}
          </Field>
          <Field label={t("units.code")}>{unit.code ?? t("common.none")}</Field>
          <Field label={t("units.member_count")}>{unit.memberCount}</Field>
          {unit.kind === "cell" && (
            <Field label={t("units.meeting_day")}>
              {unit.meetingDay
                ? t("units.meeting_day_value", { day: unit.meetingDay })
                : t("units.meeting_day_none")}
            </Field>
          )}
        </SimpleGrid>
      </Paper>
      <UnitChildren unit={unit} />
    </Stack>
  );
}

function UnitActions({ unit }: { unit: UnitDetailDto }) {
  const { t } = useTranslation();
  // Decided per unit by the server's policy; the web only shows or hides.
  const canUpdate = unit.can.update;
  const canCreate = unit.can.createChild;
  const canMove = unit.can.move;
  const canDeactivate = unit.can.deactivate;
  const [editOpen, edit] = useDisclosure(false);
  const [createOpen, create] = useDisclosure(false);
  const [moveOpen, move] = useDisclosure(false);
  const [deactivateOpen, deactivate] = useDisclosure(false);
  const childLevels = allowedChildLevels(unit.level);
  const isRoot = unit.parentId === null;

  return (
    <Group gap="xs">
      {canUpdate && unit.active && (
        <Button variant="light" leftSection={<IconPencil size={16} />} onClick={edit.open}>
          {t("units.edit")}
        </Button>
      )}
      {canCreate && unit.active && childLevels.length > 0 && (
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={create.open}>
          {t("units.add_child")}
        </Button>
      )}
      {canMove && unit.active && !isRoot && (
        <Button variant="light" leftSection={<IconArrowsMove size={16} />} onClick={move.open}>
          {t("units.move")}
        </Button>
      )}
      {canDeactivate && unit.active && !isRoot && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconBan size={16} />}
          onClick={deactivate.open}
        >
          {t("units.deactivate")}
        </Button>
      )}
      {editOpen && <UnitEditModal unit={unit} opened onClose={edit.close} />}
      {createOpen && <UnitCreateModal parent={unit} opened onClose={create.close} />}
      {moveOpen && <UnitMoveModal unit={unit} opened onClose={move.close} />}
      {deactivateOpen && <UnitDeactivateModal unit={unit} opened onClose={deactivate.close} />}
    </Group>
  );
}

function UnitChildren({ unit }: { unit: UnitDetailDto }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useUnitChildren(unit.id, unit.childCount > 0);
  // A cell rarely has party groups; its page leads with its meetings instead of an empty list.
  if (unit.kind === "cell" && unit.childCount === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("units.children_title")}
      </Title>
      {unit.childCount === 0 ? (
        <Text size="sm" c="dimmed">
          {t("units.no_children")}
        </Text>
      ) : isPending ? (
        <PageLoader />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {data.map((child) => (
            <li key={child.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/units/${child.id}`} fw={500}>
                  {child.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`common.unit_level.${child.level}`)}
                </Text>
                <Badge size="sm" variant="light">
                  {t("common.unit_tree.member_count", { count: child.memberCount })}
                </Badge>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
