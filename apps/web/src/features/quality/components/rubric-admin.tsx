import type { Rubric, RubricListItemDto } from "@chibo/domain";
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDate, todayIso } from "@/lib/format";
import { useRubric } from "../api/get-rubric";
import { useRubrics } from "../api/list-rubrics";
import { useQualityFormat } from "./labels";
import { RubricEditor } from "./rubric-editor";

type Selected = { code: string; version: number; mode: "view" | "edit" } | null;

/** The rubrics in force (chibo's defaults and the province's own), one to view, or a revision. */
export function RubricAdmin() {
  const { t } = useTranslation();
  const list = useRubrics();
  const [selected, setSelected] = useState<Selected>(null);
  if (list.isPending) return <PageLoader />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const { items, canConfigure } = list.data;

  if (selected !== null)
    return (
      <Stack gap="md">
        <Group>
          <Button
            variant="subtle"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
            onClick={() => {
              setSelected(null);
            }}
          >
            {t("quality.rubrics.back")}
          </Button>
        </Group>
        <SelectedRubric
          selected={selected}
          items={items}
          canConfigure={canConfigure}
          onEdit={() => {
            setSelected({ ...selected, mode: "edit" });
          }}
          onSaved={(r) => {
            setSelected({ code: r.code, version: r.version, mode: "view" });
          }}
        />
      </Stack>
    );

  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      data-testid="rubric-list"
    >
      {items.map((item) => (
        <Paper key={`${item.code}@${String(item.version)}`} withBorder p="sm" component="li">
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                {item.name}
              </Text>
              <Badge variant="light" color={item.custom ? "grape" : "gray"}>
                {item.custom ? t("quality.rubrics.custom") : t("quality.rubrics.shipped")}
              </Badge>
              {item.isDefault && (
                <Badge variant="outline" color="gray">
                  {t("quality.rubrics.default")}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {item.code} · {t("quality.rubrics.version", { version: item.version })} ·{" "}
              {validity(item, t)}
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  setSelected({ code: item.code, version: item.version, mode: "view" });
                }}
                aria-label={t("quality.rubrics.view_of", { name: item.name })}
              >
                {t("quality.rubrics.view")}
              </Button>
              {canConfigure && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setSelected({ code: item.code, version: item.version, mode: "edit" });
                  }}
                  aria-label={t("quality.rubrics.new_version_of", { name: item.name })}
                >
                  {t("quality.rubrics.new_version")}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function validity(item: Pick<RubricListItemDto, "validFrom" | "validTo">, t: TFunction) {
  return item.validTo === null
    ? t("quality.rubrics.valid_from", { from: formatDate(item.validFrom) })
    : t("quality.rubrics.valid_range", {
        from: formatDate(item.validFrom),
        to: formatDate(item.validTo),
      });
}

function SelectedRubric({
  selected,
  items,
  canConfigure,
  onEdit,
  onSaved,
}: {
  selected: NonNullable<Selected>;
  items: RubricListItemDto[];
  canConfigure: boolean;
  onEdit: () => void;
  onSaved: (rubric: Rubric) => void;
}) {
  const rubric = useRubric(selected.code, selected.version);
  if (rubric.isPending) return <PageLoader />;
  if (rubric.error) return <ErrorAlert error={rubric.error} />;
  if (selected.mode === "edit")
    return <RubricEditor initial={revisionOf(rubric.data, items)} onSaved={onSaved} />;
  return <RubricView rubric={rubric.data} canConfigure={canConfigure} onEdit={onEdit} />;
}

/**
 * A copy to revise: the province's own rubric gets its next version; a shipped one becomes the
 * province's version 1 under a code of its own (chibo's codes are refused).
 */
function revisionOf(rubric: Rubric, items: RubricListItemDto[]): Rubric {
  const custom = items.some((i) => i.custom && i.code === rubric.code);
  const code = custom ? rubric.code : `${rubric.code}-tinh`.slice(0, 60);
  const latest = Math.max(
    0,
    ...items.filter((i) => i.custom && i.code === code).map((i) => i.version),
  );
  return {
    ...structuredClone(rubric),
    code,
    version: latest + 1,
    isDefault: false,
    validFrom: todayIso(),
    validTo: null,
  };
}

/** One rubric, read-only: groups and criteria, thresholds, caps. */
export function RubricView({
  rubric,
  canConfigure,
  onEdit,
}: {
  rubric: Rubric;
  canConfigure: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const f = useQualityFormat();
  return (
    <Stack gap="md" data-testid="rubric-view">
      <Stack gap={4}>
        <Title order={2} size="h3">
          {rubric.name}
        </Title>
        <Text size="sm" c="dimmed">
          {rubric.code} · {t("quality.rubrics.version", { version: rubric.version })} ·{" "}
          {validity(rubric, t)}
        </Text>
        <Text size="sm">{rubric.source}</Text>
        {canConfigure && (
          <Group>
            <Button onClick={onEdit} data-testid="rubric-new-version">
              {t("quality.rubrics.new_version")}
            </Button>
          </Group>
        )}
      </Stack>
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">
          {t("quality.rubrics.levels")}
        </Title>
        <Group gap="md">
          <Text size="sm">
            {t("quality.rubrics.level_from", {
              level: f.level("tot"),
              points: f.points(rubric.levels.tot),
            })}
          </Text>
          <Text size="sm">
            {t("quality.rubrics.level_from", {
              level: f.level("kha"),
              points: f.points(rubric.levels.kha),
            })}
          </Text>
          <Text size="sm">
            {t("quality.rubrics.level_from", {
              level: f.level("trung_binh"),
              points: f.points(rubric.levels.trungBinh),
            })}
          </Text>
        </Group>
        {rubric.criteria.some((c) => c.onlyWhen) && (
          <Text size="sm" mt="xs" data-testid="rubric-view-thematic">
            {t("quality.editor.thematic_month")}:{" "}
            {t(`quality.editor.thematic_modes.${rubric.thematicMonth.mode}`)}
            {rubric.thematicMonth.mode === "move_to_regular"
              ? ` (${targetLabel(rubric, rubric.thematicMonth.to)})`
              : ""}
          </Text>
        )}
        {rubric.caps.length > 0 && (
          <Stack gap={2} mt="xs">
            {rubric.caps.map((cap) => (
              <Text key={cap.when} size="sm">
                {t("quality.summary.cap", { label: cap.label, level: f.level(cap.maxLevel) })}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
      {rubric.groups.map((g) => (
        <Paper key={g.key} withBorder p="sm" component="section">
          <Group justify="space-between" wrap="nowrap" mb="xs">
            <Title order={3} size="h5">
              {g.label}
            </Title>
            <Text size="sm" c="dimmed">
              {f.points(g.max)}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={320}>
            <Table striped>
              <Table.Tbody>
                {rubric.criteria
                  .filter((c) => c.group === g.key)
                  .map((c) => (
                    <Table.Tr key={c.key}>
                      <Table.Td>
                        <Text size="sm">{c.label}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`quality.editor.kinds.${c.scoring.kind}`)}
                          {c.evidence ? ` · ${f.evidenceLabel(c.evidence)}` : ""}
                          {c.mustFull ? ` · ${t("quality.editor.must_full")}` : ""}
                          {c.onlyWhen ? ` · ${t("quality.editor.only_when")}` : ""}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                        {f.points(c.max)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
      {rubric.criteria.length === 0 && <Alert color="gray">{t("common.empty")}</Alert>}
    </Stack>
  );
}

function targetLabel(rubric: Rubric, key: string): string {
  return rubric.criteria.find((c) => c.key === key)?.label ?? key;
}
