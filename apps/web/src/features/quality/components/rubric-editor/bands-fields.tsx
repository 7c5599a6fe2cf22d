import { CAP_CONDITIONS } from "@chibo/domain";
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { measureOfCriterion, newBand, type RubricForm } from "./form-state";
import { num, type FieldError } from "./inputs";
import { RemoveRowButton } from "@/components/ui/remove-row-button";

/**
 * A banded criterion: its bands (threshold, points, strictly above, share of the required
 * duration) and the condition that limits its points.
 */
export function BandsFields({
  form,
  index,
  err,
}: {
  form: UseFormReturnType<RubricForm>;
  index: number;
  err: FieldError;
}) {
  const { t } = useTranslation();
  const c = form.values.criteria[index];
  if (!c) return null;
  const at = `criteria.${String(index)}.scoring`;
  const measure = measureOfCriterion(c);
  const { limit } = c.scoring;
  const unitHint =
    measure === "share"
      ? t("quality.editor.bands_share")
      : measure === "minutes"
        ? t("quality.editor.bands_minutes")
        : t("quality.editor.bands_other");

  return (
    <Stack gap={6} data-testid={`rubric-bands-${String(index)}`}>
      <Text size="sm" fw={500}>
        {t("quality.editor.kinds.bands")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("quality.editor.bands_hint")} {unitHint}
      </Text>
      {c.scoring.bands.map((b, j) => {
        const bt = `${at}.bands.${String(j)}`;
        // The row is narrow on a phone: its messages go under it, full width.
        const errors = (["from", "points", "above", "ofRequired"] as const).flatMap((field) => {
          const e = err(`${bt}.${field}`);
          return e === undefined ? [] : [{ field, text: e }];
        });
        const errorId = `${bt}-errors`;
        const invalid = (field: string) =>
          errors.some((e) => e.field === field)
            ? { error: true, "aria-describedby": errorId }
            : { error: false };
        return (
          <Paper
            key={j}
            withBorder
            p={6}
            radius="sm"
            role="group"
            aria-label={t("quality.editor.band_n", { n: j + 1 })}
          >
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <NumberInput
                label={t("quality.editor.band_from")}
                style={{ flex: 1, minWidth: 0, maxWidth: 180 }}
                step={measure === "minutes" && !b.ofRequired ? 5 : 0.05}
                {...form.getInputProps(`${bt}.from`)}
                onChange={(v: string | number) => {
                  form.setFieldValue(`${bt}.from`, num(v));
                }}
                {...invalid("from")}
              />
              <NumberInput
                label={t("quality.editor.band_points")}
                w={90}
                min={0}
                step={0.5}
                {...form.getInputProps(`${bt}.points`)}
                onChange={(v: string | number) => {
                  form.setFieldValue(`${bt}.points`, num(v));
                }}
                {...invalid("points")}
              />
              <RemoveRowButton
                label={t("quality.editor.remove_band", { n: j + 1 })}
                onRemove={() => {
                  form.removeListItem(`${at}.bands`, j);
                }}
              />
            </Group>
            <Group gap="md" mt={6} wrap="wrap">
              <Checkbox
                size="xs"
                label={t("quality.editor.band_above")}
                checked={b.above}
                onChange={(e) => {
                  form.setFieldValue(`${bt}.above`, e.currentTarget.checked);
                }}
                {...invalid("above")}
                data-testid={`rubric-band-above-${String(index)}-${String(j)}`}
              />
              {/* Only the duration is read as a share of what was required. */}
              {(measure === "minutes" || b.ofRequired) && (
                <Checkbox
                  size="xs"
                  label={t("quality.editor.band_of_required")}
                  checked={b.ofRequired}
                  onChange={(e) => {
                    form.setFieldValue(`${bt}.ofRequired`, e.currentTarget.checked);
                  }}
                  {...invalid("ofRequired")}
                />
              )}
            </Group>
            {errors.length > 0 && (
              <Stack gap={0} mt={4} id={errorId}>
                {errors.map((e) => (
                  <Text key={e.field} size="xs" c="red">
                    {e.text}
                  </Text>
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
      {err(`${at}.bands`) && (
        <Text size="xs" c="red">
          {err(`${at}.bands`)}
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => {
            form.insertListItem(`${at}.bands`, newBand());
          }}
        >
          {t("quality.editor.add_band")}
        </Button>
      </Group>
      <Switch
        label={t("quality.editor.limit")}
        description={t("quality.editor.limit_hint")}
        checked={limit !== null}
        onChange={(e) => {
          form.setFieldValue(
            `${at}.limit`,
            e.currentTarget.checked ? { when: "unexcused_absence", points: 0 } : null,
          );
        }}
        data-testid={`rubric-limit-${String(index)}`}
      />
      {limit !== null && (
        <Group gap="xs" align="flex-start" wrap="wrap">
          <NativeSelect
            label={t("quality.editor.limit_when")}
            style={{ flex: 1, minWidth: 170 }}
            data={CAP_CONDITIONS.map((k) => ({
              value: k,
              label: t(`quality.editor.conditions.${k}`),
            }))}
            value={limit.when}
            onChange={(e) => {
              const v = CAP_CONDITIONS.find((k) => k === e.currentTarget.value);
              if (v) form.setFieldValue(`${at}.limit.when`, v);
            }}
            error={err(`${at}.limit.when`)}
          />
          <NumberInput
            label={t("quality.editor.limit_points")}
            style={{ flex: "1 1 110px" }}
            min={0}
            step={0.5}
            value={limit.points}
            onChange={(v: string | number) => {
              form.setFieldValue(`${at}.limit.points`, num(v));
            }}
            error={err(`${at}.limit.points`)}
          />
        </Group>
      )}
    </Stack>
  );
}
