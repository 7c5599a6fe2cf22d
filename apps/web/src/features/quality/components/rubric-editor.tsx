import {
  CAP_CONDITIONS,
  CAP_LEVELS,
  MEETING_KINDS,
  UNIT_TYPES,
  rubricSchema,
  type EvidenceValues,
  type Rubric,
} from "@chibo/domain";
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppDateInput } from "@/components/ui/date-input";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { zodFieldErrors } from "@/lib/validation";
import { useCreateRubric } from "../api/create-rubric";
import { usePreviewRubric } from "../api/preview-rubric";
import { useQualityFormat } from "./labels";
import { CriterionFields } from "./rubric-editor/criterion-fields";
import {
  fromRubricForm,
  newCriterion,
  renameGroup,
  toRubricForm,
  unshownErrors,
  type RubricForm,
} from "./rubric-editor/form-state";
import { num } from "./rubric-editor/inputs";
import { ThematicMonthFields } from "./rubric-editor/thematic-month-fields";
import { ScoreSummary } from "./score-summary";
import { RemoveRowButton } from "@/components/ui/remove-row-button";

/**
 * A rubric's new version: name, validity, groups, criteria (maximum, how scored, bands and their
 * limit, evidence, when it counts, must-full), thresholds, caps and the rule for months without a
 * thematic meeting, checked live against the domain's rubricSchema, with a preview that scores a
 * sample meeting on the server.
 */
export function RubricEditor({
  initial,
  onSaved,
}: {
  initial: Rubric;
  onSaved: (rubric: Rubric) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const f = useQualityFormat();
  const create = useCreateRubric();
  const preview = usePreviewRubric();
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const [start] = useState(() => toRubricForm(initial));
  const form = useForm<RubricForm>({ mode: "controlled", initialValues: start });
  const values = form.values;
  const rubric = useMemo(() => fromRubricForm(values), [values]);

  const live = useMemo(
    () => zodFieldErrors(rubricSchema, rubric, t, language),
    [rubric, t, language],
  );
  const err = (path: string): string | undefined => {
    const server = form.errors[path];
    return typeof server === "string" ? server : live[path];
  };
  const valid = Object.keys(live).length === 0;
  const unshown = unshownErrors({
    ...live,
    ...Object.fromEntries(
      Object.entries(form.errors).filter((e): e is [string, string] => typeof e[1] === "string"),
    ),
  });

  // The preview follows the rubric as it is edited, once it is valid. The server's sample meeting
  // is kept from its first answer, so it can be replayed in a month with a thematic meeting.
  const [thematicSample, setThematicSample] = useState(false);
  const sample = useRef<EvidenceValues | null>(null);
  const [debounced] = useDebouncedValue(JSON.stringify(rubric), 600);
  const { mutate: runPreview } = preview;
  useEffect(() => {
    const parsed = rubricSchema.safeParse(JSON.parse(debounced));
    if (!parsed.success) return;
    runPreview(
      {
        rubric: parsed.data,
        facts:
          sample.current === null
            ? undefined
            : { ...sample.current, thematic_month: thematicSample },
      },
      {
        onSuccess: (data) => {
          sample.current ??= data.facts;
        },
      },
    );
  }, [debounced, runPreview, thematicSample]);

  const onSubmit = () => {
    setMessage(null);
    const parsed = rubricSchema.safeParse(rubric);
    if (!parsed.success) {
      setMessage(t("quality.editor.fix_fields"));
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (saved) => {
        notifySuccess(t("quality.editor.saved"));
        onSaved(saved);
      },
      onError: (e) => {
        const read = readError(e);
        form.setErrors(read.fields);
        setMessage(read.message);
      },
    });
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      data-testid="rubric-editor"
    >
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("quality.editor.title")}
        </Title>
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <TextInput
              label={t("quality.editor.name")}
              required
              {...form.getInputProps("name")}
              error={err("name")}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t("quality.editor.code")}
                required
                {...form.getInputProps("code")}
                error={err("code")}
              />
              <NumberInput
                label={t("quality.editor.version")}
                required
                min={1}
                allowDecimal={false}
                {...form.getInputProps("version")}
                onChange={(v: string | number) => {
                  form.setFieldValue("version", num(v));
                }}
                error={err("version")}
              />
              <AppDateInput
                label={t("quality.editor.valid_from")}
                required
                value={values.validFrom}
                onChange={(v) => {
                  form.setFieldValue("validFrom", v ?? "");
                }}
                error={err("validFrom")}
              />
              <AppDateInput
                label={t("quality.editor.valid_to")}
                value={values.validTo}
                onChange={(v) => {
                  form.setFieldValue("validTo", v);
                }}
                error={err("validTo")}
              />
            </SimpleGrid>
            <Checkbox.Group
              label={t("quality.editor.meeting_kinds")}
              value={values.meetingKinds}
              onChange={(v) => {
                form.setFieldValue(
                  "meetingKinds",
                  MEETING_KINDS.filter((k) => v.includes(k)),
                );
              }}
              error={err("meetingKinds")}
            >
              <Group gap="sm" mt={4}>
                {MEETING_KINDS.map((k) => (
                  <Checkbox key={k} value={k} label={t(`meetings.kind.${k}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Checkbox.Group
              label={t("quality.editor.unit_types")}
              description={t("quality.editor.unit_types_hint")}
              value={values.unitTypes ?? []}
              onChange={(v) => {
                const picked = UNIT_TYPES.filter((k) => v.includes(k));
                form.setFieldValue("unitTypes", picked.length > 0 ? picked : null);
              }}
              error={err("unitTypes")}
            >
              <Group gap="sm" mt={4}>
                {UNIT_TYPES.map((k) => (
                  <Checkbox key={k} value={k} label={t(`units.type.${k}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Textarea
              label={t("quality.editor.source")}
              required
              autosize
              minRows={1}
              {...form.getInputProps("source")}
              error={err("source")}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="sm" component="section">
          <Title order={3} size="h5" mb="xs">
            {t("quality.rubrics.levels")}
          </Title>
          <SimpleGrid cols={{ base: 2, xs: 4 }}>
            <NumberInput
              label={t("quality.editor.max")}
              min={0}
              step={0.5}
              {...form.getInputProps("max")}
              onChange={(v: string | number) => {
                form.setFieldValue("max", num(v));
              }}
              error={err("max")}
            />
            {(["tot", "kha", "trungBinh"] as const).map((k) => (
              <NumberInput
                key={k}
                label={t("quality.editor.threshold", {
                  level: f.level(k === "trungBinh" ? "trung_binh" : k),
                })}
                min={0}
                step={0.5}
                {...form.getInputProps(`levels.${k}`)}
                onChange={(v: string | number) => {
                  form.setFieldValue(`levels.${k}`, num(v));
                }}
                error={err(`levels.${k}`)}
              />
            ))}
          </SimpleGrid>
          <NumberInput
            mt="sm"
            w={{ base: "100%", xs: 260 }}
            label={t("quality.editor.quality_rate")}
            description={t("quality.editor.quality_rate_hint")}
            min={0}
            max={1}
            step={0.01}
            decimalScale={2}
            {...form.getInputProps("qualityRate")}
            onChange={(v: string | number) => {
              form.setFieldValue("qualityRate", num(v));
            }}
            error={err("qualityRate")}
          />
          <Switch
            mt="sm"
            label={t("quality.editor.must_full_for_tot")}
            checked={values.mustFullForTot}
            onChange={(e) => {
              form.setFieldValue("mustFullForTot", e.currentTarget.checked);
            }}
          />
        </Paper>

        <Paper withBorder p="sm" component="section">
          <Title order={3} size="h5" mb="xs">
            {t("quality.editor.groups")}
          </Title>
          <Stack gap="xs">
            {values.groups.map((g, i) => {
              const at = `groups.${String(i)}`;
              return (
                <Group key={i} align="flex-start" gap="xs" wrap="wrap">
                  <TextInput
                    label={t("quality.editor.key")}
                    w={{ base: "40%", xs: 140 }}
                    value={g.key}
                    onChange={(e) => {
                      form.setValues(renameGroup(form.values, i, e.currentTarget.value));
                    }}
                    error={err(`${at}.key`)}
                  />
                  <TextInput
                    label={t("quality.editor.group_label")}
                    style={{ flex: 1, minWidth: 160 }}
                    {...form.getInputProps(`${at}.label`)}
                    error={err(`${at}.label`)}
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
                    label={t("quality.editor.remove_group", { n: i + 1 })}
                    onRemove={() => {
                      form.removeListItem("groups", i);
                    }}
                  />
                </Group>
              );
            })}
            {err("groups") && (
              <Text size="xs" c="red">
                {err("groups")}
              </Text>
            )}
            <Group>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => {
                  form.insertListItem("groups", {
                    key: `nhom_${String(values.groups.length + 1)}`,
                    label: "",
                    max: 0,
                  });
                }}
              >
                {t("quality.editor.add_group")}
              </Button>
            </Group>
          </Stack>
        </Paper>

        <Paper withBorder p="sm" component="section">
          <Title order={3} size="h5" mb="xs">
            {t("quality.editor.criteria")}
          </Title>
          <Stack gap="sm">
            {values.criteria.map((_, i) => (
              <CriterionFields key={i} form={form} index={i} err={err} />
            ))}
            {err("criteria") && (
              <Text size="xs" c="red">
                {err("criteria")}
              </Text>
            )}
            <Group>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => {
                  form.insertListItem("criteria", newCriterion(values));
                }}
              >
                {t("quality.editor.add_criterion")}
              </Button>
            </Group>
          </Stack>
        </Paper>

        <ThematicMonthFields form={form} err={err} />

        <Paper withBorder p="sm" component="section">
          <Title order={3} size="h5" mb="xs">
            {t("quality.editor.caps")}
          </Title>
          <Stack gap="xs">
            {values.caps.map((cap, i) => {
              const at = `caps.${String(i)}`;
              return (
                <Group key={i} align="flex-start" gap="xs" wrap="wrap">
                  <NativeSelect
                    label={t("quality.editor.cap_when")}
                    style={{ flex: 1, minWidth: 180 }}
                    data={CAP_CONDITIONS.map((c) => ({
                      value: c,
                      label: t(`quality.editor.conditions.${c}`),
                    }))}
                    value={cap.when}
                    onChange={(e) => {
                      const v = CAP_CONDITIONS.find((c) => c === e.currentTarget.value);
                      if (v) form.setFieldValue(`${at}.when`, v);
                    }}
                    error={err(`${at}.when`)}
                  />
                  <NativeSelect
                    label={t("quality.editor.cap_level")}
                    w={130}
                    data={CAP_LEVELS.map((l) => ({ value: l, label: f.level(l) }))}
                    value={cap.maxLevel}
                    onChange={(e) => {
                      const v = CAP_LEVELS.find((l) => l === e.currentTarget.value);
                      if (v) form.setFieldValue(`${at}.maxLevel`, v);
                    }}
                    error={err(`${at}.maxLevel`)}
                  />
                  <TextInput
                    label={t("quality.editor.cap_label")}
                    style={{ flex: 2, minWidth: 200 }}
                    {...form.getInputProps(`${at}.label`)}
                    error={err(`${at}.label`)}
                  />
                  <RemoveRowButton
                    label={t("quality.editor.remove_cap", { n: i + 1 })}
                    onRemove={() => {
                      form.removeListItem("caps", i);
                    }}
                  />
                </Group>
              );
            })}
            <Group>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => {
                  const free = CAP_CONDITIONS.find((c) => !values.caps.some((x) => x.when === c));
                  if (free)
                    form.insertListItem("caps", {
                      when: free,
                      maxLevel: "kha",
                      label: t(`quality.editor.conditions.${free}`),
                    });
                }}
                disabled={values.caps.length >= CAP_CONDITIONS.length}
              >
                {t("quality.editor.add_cap")}
              </Button>
            </Group>
          </Stack>
        </Paper>

        <Paper withBorder p="sm" component="section" data-testid="rubric-preview">
          <Title order={3} size="h5" mb="xs">
            {t("quality.editor.preview")}
          </Title>
          <Switch
            mb="xs"
            label={t("quality.editor.preview_thematic")}
            checked={thematicSample}
            disabled={preview.data === undefined}
            onChange={(e) => {
              setThematicSample(e.currentTarget.checked);
            }}
            data-testid="rubric-preview-thematic"
          />
          {!valid ? (
            <Text size="sm" c="dimmed">
              {t("quality.editor.preview_invalid")}
            </Text>
          ) : preview.data ? (
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {t("quality.editor.preview_intro")}
              </Text>
              <ScoreSummary sheet={preview.data.score} rubricMax={values.max} />
            </Stack>
          ) : preview.error ? (
            <ErrorAlert error={preview.error} />
          ) : (
            <Text size="sm" c="dimmed">
              {t("common.loading")}
            </Text>
          )}
        </Paper>

        {unshown.length > 0 && (
          <Alert color="red" variant="light" title={t("quality.editor.other_errors")}>
            <List size="sm">
              {unshown.map(([path, text]) => (
                <List.Item key={path}>
                  {path}: {text}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <ErrorAlert error={null} message={message} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="rubric-save">
            {t("quality.editor.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
