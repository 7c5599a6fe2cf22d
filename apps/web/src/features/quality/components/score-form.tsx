import { isHalfStep, scoreSheet, type Rubric, type ScoreDto } from "@chibo/domain";
import {
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { useDecideScore } from "../api/decide-score";
import { useSaveSelfScore } from "../api/save-self-score";
import { factsOf } from "../lib/display";
import { DecideConfirm } from "./decide-confirm";
import { useQualityFormat } from "./labels";
import { ScoreSummary } from "./score-summary";

export type ScoreFormMode = "self" | "decision";

interface ItemValue {
  points: number | "";
  reason: string;
}

interface FormValues extends Record<string, unknown> {
  items: Record<string, ItemValue>;
}

type Criterion = ScoreDto["criteria"][number];

interface ScoreFormProps {
  score: ScoreDto;
  rubric: Rubric;
  mode: ScoreFormMode;
  onCancel?: () => void;
  onDone?: () => void;
}

/** The points each item starts from, and the points a change is measured against. */
function startingPoints(score: ScoreDto, mode: ScoreFormMode) {
  const suggestion = new Map(score.suggestions.map((s) => [s.key, s.points]));
  const self = score.self?.items ?? null;
  const start: Record<string, ItemValue> = {};
  const reference: Record<string, number | null> = {};
  for (const c of score.criteria) {
    const suggested = suggestion.get(c.key) ?? null;
    const saved = self?.[c.key];
    // The decider reviews the cell's score; the cell revises its own or starts from the evidence.
    reference[c.key] = mode === "decision" && self !== null ? (saved?.points ?? null) : suggested;
    // A judgement met/not-met item starts as met (the cell unticks what was missing, with a reason);
    // an item whose figure is unknown starts at nothing met.
    const source = score.suggestions.find((x) => x.key === c.key)?.source;
    const fallback = c.kind === "yes_no" ? (source === "judgement" ? c.max : 0) : "";
    const points = saved?.points ?? suggested ?? fallback;
    start[c.key] = {
      points,
      reason: mode === "self" ? (saved?.reason ?? "") : "",
    };
  }
  return { start, reference };
}

/**
 * The self-score (the cell) or the decision (the upper level): each item with its evidence and the
 * points the record supports, a reason required wherever the points differ from the reference, and
 * the live total and level computed with the domain's own scoring.
 */
export function ScoreForm({ score, rubric, mode, onCancel, onDone }: ScoreFormProps) {
  const { t } = useTranslation();
  const f = useQualityFormat();
  const readError = useSubmitError();
  const saveSelf = useSaveSelfScore(score.meetingId);
  const decide = useDecideScore(score.meetingId);
  const mutation = mode === "self" ? saveSelf : decide;
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [{ start, reference }] = useState(() => startingPoints(score, mode));
  const form = useForm<FormValues>({ mode: "controlled", initialValues: { items: start } });
  const facts = useMemo(() => factsOf(score.evidence), [score.evidence]);
  const suggestions = useMemo(
    () => new Map(score.suggestions.map((s) => [s.key, s])),
    [score.suggestions],
  );
  const hasSelf = score.self !== null;

  const answers: Record<string, number> = {};
  for (const [key, item] of Object.entries(form.values.items))
    if (typeof item.points === "number") answers[key] = item.points;
  const sheet = scoreSheet(rubric, answers, facts);
  const labelOf = (key: string) => score.criteria.find((c) => c.key === key)?.label ?? key;

  const needsReason = (c: Criterion, points: number | ""): boolean => {
    if (points === "") return false;
    const ref = reference[c.key] ?? null;
    if (ref !== null && points !== ref) return true;
    // Without a self-score, the server applies the rubric's "reason below maximum" rule too.
    const reviewingSelf = mode === "decision" && hasSelf;
    return !reviewingSelf && ref === null && c.needsReason && points < c.max;
  };

  const validate = (values: FormValues): Record<string, string> => {
    const errors: Record<string, string> = {};
    for (const c of score.criteria) {
      const item = values.items[c.key];
      const path = `items.${c.key}`;
      if (item === undefined || item.points === "") {
        errors[`${path}.points`] = t("quality.form.points_required");
        continue;
      }
      if (item.points < 0 || item.points > c.max)
        errors[`${path}.points`] = t("quality.form.points_range", { max: f.points(c.max) });
      else if (!isHalfStep(item.points)) errors[`${path}.points`] = t("quality.form.points_step");
      if (needsReason(c, item.points) && item.reason.trim() === "")
        errors[`${path}.reason`] =
          mode === "decision" && hasSelf
            ? t("quality.form.reason_required_decision")
            : reference[c.key] == null
              ? t("quality.form.reason_required_below_max")
              : t("quality.form.reason_required");
    }
    return errors;
  };

  const toInput = (values: FormValues) => ({
    items: Object.fromEntries(
      score.criteria.map((c) => {
        const item = values.items[c.key];
        const reason = item?.reason.trim() ?? "";
        return [
          c.key,
          { points: typeof item?.points === "number" ? item.points : 0, reason: reason || null },
        ];
      }),
    ),
    ...(score.version !== null ? { version: score.version } : {}),
  });

  const send = () => {
    setMessage(null);
    mutation.mutate(toInput(form.values), {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess(mode === "self" ? t("quality.form.saved") : t("quality.form.decided"));
        onDone?.();
      },
      onError: (err) => {
        setConfirming(false);
        const read = readError(err);
        const atFields: Record<string, string> = {};
        const elsewhere: string[] = [];
        for (const [path, text] of Object.entries(read.fields)) {
          if (path.startsWith("items.")) atFields[path] = text;
          else elsewhere.push(text);
        }
        form.setErrors(atFields);
        setMessage(
          Object.keys(atFields).length > 0 && elsewhere.length === 0
            ? t("quality.form.fix_fields")
            : read.message,
        );
      },
    });
  };

  const onSubmit = () => {
    const errors = validate(form.values);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) {
      setMessage(t("quality.form.fix_fields"));
      return;
    }
    if (mode === "decision") setConfirming(true);
    else send();
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      data-testid={mode === "self" ? "self-score-form" : "decision-form"}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {mode === "self"
            ? t("quality.form.self_intro")
            : hasSelf
              ? t("quality.form.decision_intro")
              : t("quality.form.decision_intro_no_self")}
        </Text>
        {score.groups.map((g) => {
          const criteria = score.criteria.filter((c) => c.group === g.key);
          if (criteria.length === 0) return null;
          const group = sheet.groups.find((x) => x.key === g.key);
          return (
            <Stack key={g.key} gap="xs" component="section">
              <Group justify="space-between" wrap="nowrap" align="baseline">
                <Title order={3} size="h5">
                  {g.label}
                </Title>
                {group && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {f.points(group.points)}/{f.points(group.max)}
                  </Text>
                )}
              </Group>
              {criteria.map((c) => {
                const value = form.values.items[c.key] ?? { points: "", reason: "" };
                const suggestion = suggestions.get(c.key);
                const selfItem = score.self?.items[c.key];
                const reasonNeeded = needsReason(c, value.points);
                const overClaim =
                  mode === "self" &&
                  suggestion?.points != null &&
                  typeof value.points === "number" &&
                  value.points > suggestion.points;
                return (
                  <Paper key={c.key} withBorder p="sm" data-testid={`score-item-${c.key}`}>
                    <Stack gap={6}>
                      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                        <Text size="sm" fw={500}>
                          {c.label}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                          {t("quality.item.max", { points: f.points(c.max) })}
                        </Text>
                      </Group>
                      {c.evidenceKey !== null && (
                        <Text size="xs">
                          <Text span c="dimmed" inherit>
                            {f.evidenceLabel(c.evidenceKey)}:{" "}
                          </Text>
                          <Text span fw={600} inherit data-testid={`score-evidence-${c.key}`}>
                            {f.itemEvidence(
                              c.evidenceKey,
                              suggestion?.evidence ?? null,
                              score.evidence,
                            )}
                          </Text>
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {suggestion?.source === "evidence" && suggestion.points !== null
                          ? t("quality.item.suggested", { points: f.points(suggestion.points) })
                          : suggestion?.source === "no_data"
                            ? t("quality.item.no_data")
                            : t("quality.item.judgement")}
                      </Text>
                      {mode === "decision" && selfItem && (
                        <Text size="xs">
                          {t("quality.item.self_points", { points: f.points(selfItem.points) })}
                          {selfItem.reason ? ` — ${selfItem.reason}` : ""}
                        </Text>
                      )}
                      {c.kind === "yes_no" ? (
                        <Switch
                          label={
                            value.points === c.max
                              ? t("quality.item.achieved")
                              : t("quality.item.not_achieved")
                          }
                          aria-label={t("quality.item.points_of", { label: c.label })}
                          checked={value.points === c.max}
                          onChange={(e) => {
                            form.setFieldValue(
                              `items.${c.key}.points`,
                              e.currentTarget.checked ? c.max : 0,
                            );
                          }}
                          error={form.errors[`items.${c.key}.points`]}
                          data-testid={`score-points-${c.key}`}
                        />
                      ) : (
                        <NumberInput
                          label={t("quality.item.points")}
                          aria-label={t("quality.item.points_of", { label: c.label })}
                          min={0}
                          max={c.max}
                          step={0.5}
                          decimalScale={1}
                          allowNegative={false}
                          clampBehavior="none"
                          w={{ base: "100%", xs: 160 }}
                          {...form.getInputProps(`items.${c.key}.points`)}
                          onChange={(v) => {
                            form.setFieldValue(
                              `items.${c.key}.points`,
                              typeof v === "number" ? v : v === "" ? "" : Number(v),
                            );
                          }}
                          data-testid={`score-points-${c.key}`}
                        />
                      )}
                      {overClaim && (
                        <Text size="xs" c="orange.8" fw={500}>
                          {t("quality.item.above_evidence")}
                        </Text>
                      )}
                      {(reasonNeeded || value.reason !== "") && (
                        <Textarea
                          label={t("quality.item.reason")}
                          aria-label={t("quality.item.reason_of", { label: c.label })}
                          withAsterisk={reasonNeeded}
                          autosize
                          minRows={1}
                          maxLength={2000}
                          {...form.getInputProps(`items.${c.key}.reason`)}
                          data-testid={`score-reason-${c.key}`}
                        />
                      )}
                    </Stack>
                  </Paper>
                );
              })}
            </Stack>
          );
        })}
        <Paper
          withBorder
          p="sm"
          shadow="sm"
          style={{ position: "sticky", bottom: 0, zIndex: 2 }}
          bg="var(--mantine-color-body)"
        >
          <Stack gap="xs">
            <ScoreSummary
              sheet={sheet}
              rubricMax={score.rubric.max}
              labelOf={labelOf}
              testId="score-live"
            />
            <ErrorAlert error={null} message={message} />
            <Group justify="flex-end" gap="sm">
              {onCancel && (
                <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
                  {t("common.actions.cancel")}
                </Button>
              )}
              <Button
                type="submit"
                loading={mutation.isPending && !confirming}
                color={mode === "decision" ? "red" : undefined}
                data-testid={mode === "self" ? "score-save" : "score-decide"}
              >
                {mode === "self" ? t("quality.form.save_self") : t("quality.form.decide")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
      {confirming && (
        <DecideConfirm
          level={sheet.level}
          total={sheet.total}
          max={sheet.max}
          loading={mutation.isPending}
          onConfirm={send}
          onClose={() => {
            setConfirming(false);
          }}
        />
      )}
    </form>
  );
}
