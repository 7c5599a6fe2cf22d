import { EVIDENCE_KEYS } from "@chibo/domain";
import {
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useQualityFormat } from "../labels";
import { BandsFields } from "./bands-fields";
import {
  SCORING_KINDS,
  evidenceKeyOf,
  isScoringKind,
  renameCriterion,
  withKind,
  type RubricForm,
} from "./form-state";
import { num, type FieldError } from "./inputs";
import { RemoveRowButton } from "@/components/ui/remove-row-button";

/**
 * One criterion: key, group, maximum, wording, how it is scored (with its bands), the evidence it
 * is scored from, and when it counts.
 */
export function CriterionFields({
  form,
  index,
  err,
}: {
  form: UseFormReturnType<RubricForm>;
  index: number;
  err: FieldError;
}) {
  const { t } = useTranslation();
  const f = useQualityFormat();
  const c = form.values.criteria[index];
  if (!c) return null;
  const at = `criteria.${String(index)}`;
  const groupKeys = form.values.groups.map((g) => g.key);
  const mustFullOn = form.values.mustFullForTot;

  return (
    <Paper withBorder p="xs" data-testid={`rubric-criterion-${String(index)}`}>
      <Stack gap="xs">
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            label={t("quality.editor.key")}
            w={{ base: "45%", xs: 160 }}
            value={c.key}
            onChange={(e) => {
              form.setValues(renameCriterion(form.values, index, e.currentTarget.value));
            }}
            error={err(`${at}.key`)}
          />
          <NativeSelect
            label={t("quality.editor.group")}
            w={{ base: "45%", xs: 160 }}
            data={groupKeys.includes(c.group) ? groupKeys : [c.group, ...groupKeys]}
            {...form.getInputProps(`${at}.group`)}
            error={err(`${at}.group`)}
          />
          <NumberInput
            label={t("quality.editor.max")}
            w={90}
            min={0}
            step={0.5}
            {...form.getInputProps(`${at}.max`)}
            onChange={(v: string | number) => {
              form.setFieldValue(`${at}.max`, num(v));
            }}
            error={err(`${at}.max`)}
          />
          <RemoveRowButton
            label={t("quality.editor.remove_criterion", { n: index + 1 })}
            onRemove={() => {
              form.removeListItem("criteria", index);
            }}
          />
        </Group>
        <Textarea
          label={t("quality.editor.criterion_label")}
          autosize
          minRows={1}
          {...form.getInputProps(`${at}.label`)}
          error={err(`${at}.label`)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NativeSelect
            label={t("quality.editor.kind")}
            data={SCORING_KINDS.map((k) => ({
              value: k,
              label: t(`quality.editor.kinds.${k}`),
            }))}
            value={c.scoring.kind}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isScoringKind(v))
                form.setFieldValue(`${at}.scoring`, withKind(c.scoring, v, c.max));
            }}
            error={err(`${at}.scoring`)}
            data-testid={`rubric-kind-${String(index)}`}
          />
          <NativeSelect
            label={t("quality.editor.evidence")}
            data={[
              { value: "", label: t("quality.editor.no_evidence") },
              ...EVIDENCE_KEYS.map((k) => ({ value: k, label: f.evidenceLabel(k) })),
            ]}
            value={c.evidence}
            onChange={(e) => {
              form.setFieldValue(`${at}.evidence`, evidenceKeyOf(e.currentTarget.value));
            }}
            error={err(`${at}.evidence`)}
          />
        </SimpleGrid>
        {c.scoring.kind === "bands" && <BandsFields form={form} index={index} err={err} />}
        <Stack gap="xs">
          <Switch
            label={t("quality.editor.only_when")}
            description={t("quality.editor.only_when_hint")}
            checked={c.onlyWhen}
            onChange={(e) => {
              form.setFieldValue(`${at}.onlyWhen`, e.currentTarget.checked);
            }}
            error={err(`${at}.onlyWhen`)}
            data-testid={`rubric-only-when-${String(index)}`}
          />
          <Switch
            label={t("quality.editor.must_full")}
            description={c.mustFull && !mustFullOn ? t("quality.editor.must_full_hint") : undefined}
            checked={c.mustFull}
            onChange={(e) => {
              form.setFieldValue(`${at}.mustFull`, e.currentTarget.checked);
            }}
          />
          <Switch
            label={t("quality.editor.needs_reason")}
            checked={c.needsReason}
            onChange={(e) => {
              form.setFieldValue(`${at}.needsReason`, e.currentTarget.checked);
            }}
          />
        </Stack>
      </Stack>
    </Paper>
  );
}
