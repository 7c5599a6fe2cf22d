import { NativeSelect, Paper, Radio, Stack, Text, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useQualityFormat } from "../labels";
import {
  THEMATIC_MODES,
  defaultMoveTarget,
  isThematicMode,
  moveTargets,
  type RubricForm,
} from "./form-state";
import type { FieldError } from "./inputs";

/**
 * domain.md's per-tenant choice for a month without a thematic meeting: score out of the rest and
 * scale, or move the thematic items' points to a regular criterion.
 */
export function ThematicMonthFields({
  form,
  err,
}: {
  form: UseFormReturnType<RubricForm>;
  err: FieldError;
}) {
  const { t } = useTranslation();
  const f = useQualityFormat();
  const { criteria, thematicMonth } = form.values;
  const thematic = criteria.filter((c) => c.onlyWhen);
  const skipped = thematic.reduce((s, c) => s + (Number.isFinite(c.max) ? c.max : 0), 0);
  const targets = moveTargets(form.values).filter(
    (c, i, all) => all.findIndex((o) => o.key === c.key) === i,
  );
  const current = thematicMonth.to;
  const known = current === "" || targets.some((c) => c.key === current);

  return (
    <Paper withBorder p="sm" component="section" data-testid="rubric-thematic-month">
      <Title order={3} size="h5" mb="xs">
        {t("quality.editor.thematic_month")}
      </Title>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {thematic.length > 0
            ? t("quality.editor.thematic_items", {
                count: thematic.length,
                points: f.points(skipped),
              })
            : t("quality.editor.thematic_none")}
        </Text>
        <Radio.Group
          aria-label={t("quality.editor.thematic_month")}
          value={thematicMonth.mode}
          onChange={(v) => {
            if (!isThematicMode(v)) return;
            form.setFieldValue("thematicMonth", {
              mode: v,
              to:
                v === "move_to_regular" && current === ""
                  ? defaultMoveTarget(form.values)
                  : current,
            });
          }}
          error={err("thematicMonth.mode") ?? err("thematicMonth")}
        >
          <Stack gap="xs" mt={4}>
            {THEMATIC_MODES.map((mode) => (
              <Radio
                key={mode}
                value={mode}
                label={t(`quality.editor.thematic_modes.${mode}`)}
                description={t(`quality.editor.thematic_modes_hint.${mode}`)}
                data-testid={`rubric-thematic-${mode}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        {thematicMonth.mode === "move_to_regular" && (
          <NativeSelect
            label={t("quality.editor.thematic_to")}
            description={t("quality.editor.thematic_to_hint")}
            data={[
              ...(current === ""
                ? [{ value: "", label: t("quality.editor.thematic_to_pick") }]
                : []),
              // A target no longer allowed stays listed, so its error can be read and fixed.
              ...(known ? [] : [{ value: current, label: current }]),
              ...targets.map((c) => ({
                value: c.key,
                label: c.label === "" ? c.key : `${c.label} (${c.key})`,
              })),
            ]}
            value={current}
            onChange={(e) => {
              form.setFieldValue("thematicMonth.to", e.currentTarget.value);
            }}
            error={err("thematicMonth.to")}
            data-testid="rubric-thematic-to"
          />
        )}
      </Stack>
    </Paper>
  );
}
