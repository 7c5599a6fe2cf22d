import {
  CAP_CONDITIONS,
  CAP_LEVELS,
  EVIDENCE_KEYS,
  MEETING_KINDS,
  UNIT_TYPES,
  rubricSchema,
  type Rubric,
  type RubricCriterion,
} from "@chibo/domain";
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
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
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppDateInput } from "@/components/ui/date-input";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { zodFieldErrors } from "@/lib/validation";
import { useCreateRubric } from "../api/create-rubric";
import { usePreviewRubric } from "../api/preview-rubric";
import { useQualityFormat } from "./labels";
import { ScoreSummary } from "./score-summary";

type Values = Rubric & Record<string, unknown>;
type Kind = RubricCriterion["scoring"]["kind"];
const KINDS: readonly Kind[] = ["yes_no", "bands", "points"];

function isKind(v: string): v is Kind {
  return (KINDS as readonly string[]).includes(v);
}

/** Numbers typed into a NumberInput: "" while empty, kept as is so the schema reports it. */
function num(v: string | number): number {
  return typeof v === "number" ? v : v === "" ? Number.NaN : Number(v);
}

/**
 * A rubric's new version: name, validity, groups, criteria (maximum, how scored, evidence,
 * must-full), thresholds and caps, checked live against the domain's rubricSchema, with a preview
 * that scores a sample meeting on the server.
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
  const form = useForm<Values>({ mode: "controlled", initialValues: initial });
  const values = form.values;

  const live = useMemo(
    () => zodFieldErrors(rubricSchema, values, t, language),
    [values, t, language],
  );
  const err = (path: string): string | undefined => {
    const server = form.errors[path];
    return typeof server === "string" ? server : live[path];
  };
  const valid = Object.keys(live).length === 0;

  // The preview follows the rubric as it is edited, once it is valid.
  const [debounced] = useDebouncedValue(JSON.stringify(values), 600);
  const { mutate: runPreview } = preview;
  useEffect(() => {
    const parsed = rubricSchema.safeParse(JSON.parse(debounced));
    if (parsed.success) runPreview({ rubric: parsed.data });
  }, [debounced, runPreview]);

  const groupKeys = values.groups.map((g) => g.key);

  const onSubmit = () => {
    setMessage(null);
    const parsed = rubricSchema.safeParse(values);
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

  const setKind = (i: number, kind: Kind) => {
    const c = values.criteria[i];
    if (!c) return;
    form.setFieldValue(
      `criteria.${String(i)}.scoring`,
      kind === "bands" ? { kind, bands: [{ from: 0, points: c.max }] } : { kind },
    );
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
                    {...form.getInputProps(`${at}.key`)}
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
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={26}
                    aria-label={t("quality.editor.remove_group", { n: i + 1 })}
                    onClick={() => {
                      form.removeListItem("groups", i);
                    }}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
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
            {values.criteria.map((c, i) => {
              const at = `criteria.${String(i)}`;
              return (
                <Paper key={i} withBorder p="xs" data-testid={`rubric-criterion-${String(i)}`}>
                  <Stack gap="xs">
                    <Group align="flex-start" gap="xs" wrap="wrap">
                      <TextInput
                        label={t("quality.editor.key")}
                        w={{ base: "45%", xs: 160 }}
                        {...form.getInputProps(`${at}.key`)}
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
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={26}
                        aria-label={t("quality.editor.remove_criterion", { n: i + 1 })}
                        onClick={() => {
                          form.removeListItem("criteria", i);
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
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
                        data={KINDS.map((k) => ({
                          value: k,
                          label: t(`quality.editor.kinds.${k}`),
                        }))}
                        value={c.scoring.kind}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          if (isKind(v)) setKind(i, v);
                        }}
                        error={err(`${at}.scoring`)}
                      />
                      <NativeSelect
                        label={t("quality.editor.evidence")}
                        data={[
                          { value: "", label: t("quality.editor.no_evidence") },
                          ...EVIDENCE_KEYS.map((k) => ({ value: k, label: f.evidenceLabel(k) })),
                        ]}
                        value={c.evidence ?? ""}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          const key = EVIDENCE_KEYS.find((k) => k === v);
                          form.setFieldValue(`${at}.evidence`, key);
                        }}
                        error={err(`${at}.evidence`)}
                      />
                    </SimpleGrid>
                    {c.scoring.kind === "bands" && (
                      <Stack gap={4}>
                        <Text size="xs" c="dimmed">
                          {t("quality.editor.bands")}
                        </Text>
                        {c.scoring.bands.map((_, j) => {
                          const bt = `${at}.scoring.bands.${String(j)}`;
                          return (
                            <Group key={j} gap="xs" align="flex-start">
                              <NumberInput
                                label={t("quality.editor.band_from")}
                                w={120}
                                step={0.05}
                                {...form.getInputProps(`${bt}.from`)}
                                onChange={(v: string | number) => {
                                  form.setFieldValue(`${bt}.from`, num(v));
                                }}
                                error={err(`${bt}.from`)}
                              />
                              <NumberInput
                                label={t("quality.editor.band_points")}
                                w={100}
                                min={0}
                                step={0.5}
                                {...form.getInputProps(`${bt}.points`)}
                                onChange={(v: string | number) => {
                                  form.setFieldValue(`${bt}.points`, num(v));
                                }}
                                error={err(`${bt}.points`)}
                              />
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                mt={26}
                                aria-label={t("quality.editor.remove_band", { n: j + 1 })}
                                onClick={() => {
                                  form.removeListItem(`${at}.scoring.bands`, j);
                                }}
                              >
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Group>
                          );
                        })}
                        <Group>
                          <Button
                            size="xs"
                            variant="subtle"
                            leftSection={<IconPlus size={14} aria-hidden />}
                            onClick={() => {
                              form.insertListItem(`${at}.scoring.bands`, { from: 0, points: 0 });
                            }}
                          >
                            {t("quality.editor.add_band")}
                          </Button>
                        </Group>
                      </Stack>
                    )}
                    <Group gap="md">
                      <Switch
                        label={t("quality.editor.must_full")}
                        checked={c.mustFull === true}
                        onChange={(e) => {
                          form.setFieldValue(
                            `${at}.mustFull`,
                            e.currentTarget.checked || undefined,
                          );
                        }}
                      />
                      <Switch
                        label={t("quality.editor.needs_reason")}
                        checked={c.needsReason === true}
                        onChange={(e) => {
                          form.setFieldValue(
                            `${at}.needsReason`,
                            e.currentTarget.checked || undefined,
                          );
                        }}
                      />
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
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
                  form.insertListItem("criteria", {
                    key: `tieu_chi_${String(values.criteria.length + 1)}`,
                    group: groupKeys[0] ?? "",
                    label: "",
                    max: 1,
                    scoring: { kind: "points" },
                  });
                }}
              >
                {t("quality.editor.add_criterion")}
              </Button>
            </Group>
          </Stack>
        </Paper>

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
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={26}
                    aria-label={t("quality.editor.remove_cap", { n: i + 1 })}
                    onClick={() => {
                      form.removeListItem("caps", i);
                    }}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
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
