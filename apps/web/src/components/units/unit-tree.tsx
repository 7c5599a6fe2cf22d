import type { UnitDto } from "@chibo/domain";
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Group,
  Loader,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconPoint } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useUnitChildren } from "@/hooks/use-units";

export type UnitTreeProps =
  | { mode: "browse" }
  | {
      mode: "pick";
      onPick: (unit: UnitDto) => void;
      /** Units that may not be chosen are shown, but cannot be picked. */
      isPickable?: (unit: UnitDto) => boolean;
      selectedId?: string | null;
    };

const listStyle = { listStyle: "none", margin: 0, padding: 0 } as const;

/**
 * The organisation tree, loaded one level at a time: the caller's top units first, then the children
 * of each unit when it is opened.
 */
export function UnitTree(props: UnitTreeProps) {
  const { t } = useTranslation();
  const { data, isPending, error } = useUnitChildren(null);
  if (isPending) return <Loader size="sm" aria-label={t("common.loading")} />;
  if (error) return <ErrorAlert error={error} />;
  if (data.length === 0) return <Text c="dimmed">{t("common.unit_tree.no_units")}</Text>;
  return (
    <Box component="ul" style={listStyle} aria-label={t("common.unit_tree.label")}>
      {data.map((unit) => (
        <UnitTreeNode key={unit.id} unit={unit} tree={props} />
      ))}
    </Box>
  );
}

interface NodeProps {
  unit: UnitDto;
  tree: UnitTreeProps;
}

function UnitTreeNode({ unit, tree }: NodeProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const hasChildren = unit.childCount > 0;
  const children = useUnitChildren(unit.id, open && hasChildren);
  const toggleLabel = open
    ? t("common.unit_tree.collapse", { name: unit.name })
    : t("common.unit_tree.expand", { name: unit.name });

  return (
    <li>
      <Group gap={4} wrap="nowrap" align="flex-start" py={4}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="md"
            aria-label={toggleLabel}
            aria-expanded={open}
            onClick={() => {
              setOpen((o) => !o);
            }}
          >
            {open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
          </ActionIcon>
        ) : (
          <Box
            w={28}
            h={28}
            display="flex"
            style={{ alignItems: "center", justifyContent: "center" }}
          >
            <IconPoint size={14} aria-hidden />
          </Box>
        )}
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <NodeName unit={unit} tree={tree} />
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {t(`common.unit_level.${unit.level}`)}
            </Text>
            <Badge size="sm" variant="light" color="blue">
              {t("common.unit_tree.member_count", { count: unit.memberCount })}
            </Badge>
            {!unit.active && (
              <Badge size="sm" variant="light" color="gray">
                {t("common.unit_tree.inactive")}
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
      {open && hasChildren && (
        <Box pl={{ base: 14, sm: 22 }}>
          {children.isPending && <Loader size="xs" aria-label={t("common.loading")} ml="md" />}
          {children.error && <ErrorAlert error={children.error} />}
          {children.data?.length === 0 && (
            <Text size="sm" c="dimmed" ml="md">
              {t("common.unit_tree.no_children")}
            </Text>
          )}
          {children.data && children.data.length > 0 && (
            <Box component="ul" style={listStyle}>
              {children.data.map((child) => (
                <UnitTreeNode key={child.id} unit={child} tree={tree} />
              ))}
            </Box>
          )}
        </Box>
      )}
    </li>
  );
}

function NodeName({ unit, tree }: { unit: UnitDto; tree: UnitTreeProps }) {
  const { t } = useTranslation();
  if (tree.mode === "browse") {
    return (
      <Anchor
        component={Link}
        to={`/units/${unit.id}`}
        fw={500}
        style={{ wordBreak: "break-word" }}
      >
        {unit.name}
      </Anchor>
    );
  }
  const pickable = tree.isPickable ? tree.isPickable(unit) : true;
  const selected = tree.selectedId === unit.id;
  return (
    <UnstyledButton
      onClick={() => {
        tree.onPick(unit);
      }}
      disabled={!pickable}
      aria-label={t("common.unit_picker.select_unit", { name: unit.name })}
      aria-pressed={selected}
      style={{
        fontWeight: selected ? 700 : 500,
        opacity: pickable ? 1 : 0.5,
        cursor: pickable ? "pointer" : "not-allowed",
        textDecoration: pickable ? "underline" : "none",
        wordBreak: "break-word",
      }}
      c={pickable ? "blue.8" : "dimmed"}
    >
      {unit.name}
    </UnstyledButton>
  );
}
