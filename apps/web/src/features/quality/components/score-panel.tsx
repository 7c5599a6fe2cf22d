import type { ScoreDto, ScorePartDto } from "@chibo/domain";
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDateTime } from "@/lib/format";
import { useRubric } from "../api/get-rubric";
import { useScore } from "../api/get-score";
import { LevelBadge, useQualityFormat } from "./labels";
import { ScoreForm, type ScoreFormMode } from "./score-form";

/**
 * A meeting's score tab: the decided score once decided; otherwise the decider's form, the cell's
 * self-score form (or its saved self-score, read-only until revised), or what there is to see.
 */
export function ScorePanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const score = useScore(meetingId);
  const rubric = useRubric(score.data?.rubric.code ?? null, score.data?.rubric.version ?? null);
  const [editing, setEditing] = useState<ScoreFormMode | null>(null);

  if (score.isPending) return <PageLoader />;
  if (score.error) return <ErrorAlert error={score.error} />;
  const data = score.data;

  const header = (
    <Stack gap={2}>
      <Title order={2} size="h4">
        {t("quality.tab.title")}
      </Title>
      <Text size="xs" c="dimmed">
        {t("quality.tab.rubric", { name: data.rubric.name, version: data.rubric.version })}
      </Text>
    </Stack>
  );

  if (data.decision) {
    return (
      <Stack gap="md" data-testid="score-panel">
        {header}
        <DecidedView score={data} decision={data.decision} />
      </Stack>
    );
  }

  const formMode: ScoreFormMode | null = data.can.decide
    ? "decision"
    : data.can.selfScore && (data.self === null || editing === "self")
      ? "self"
      : null;

  if (formMode !== null) {
    if (rubric.isPending) return <PageLoader />;
    if (rubric.error) return <ErrorAlert error={rubric.error} />;
  }

  return (
    <Stack gap="md" data-testid="score-panel">
      {header}
      {data.self && formMode !== "self" && (
        <SelfView
          score={data}
          self={data.self}
          {...(data.can.selfScore
            ? {
                onEdit: () => {
                  setEditing("self");
                },
              }
            : {})}
        />
      )}
      {formMode !== null && rubric.data ? (
        <Paper withBorder p={{ base: "sm", sm: "md" }}>
          {formMode === "decision" && (
            <Title order={3} size="h5" mb="xs">
              {t("quality.decide.form_title")}
            </Title>
          )}
          <ScoreForm
            key={`${formMode}-${String(data.version)}`}
            score={data}
            rubric={rubric.data}
            mode={formMode}
            {...(formMode === "self" && data.self !== null
              ? {
                  onCancel: () => {
                    setEditing(null);
                  },
                }
              : {})}
            onDone={() => {
              setEditing(null);
            }}
          />
        </Paper>
      ) : (
        !data.self && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
            {t("quality.tab.not_scored")}
          </Alert>
        )
      )}
    </Stack>
  );
}

function PartHeader({
  part,
  title,
  extra,
  testId,
}: {
  part: ScorePartDto;
  title: string;
  extra?: React.ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const f = useQualityFormat();
  return (
    <Stack gap={4}>
      <Group gap="sm" wrap="wrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        <LevelBadge level={part.level} size="lg" data-testid={`${testId}-level`} />
      </Group>
      <Text fw={600} data-testid={`${testId}-total`}>
        {t("quality.view.total", { total: f.points(part.total) })}
      </Text>
      <Text size="xs" c="dimmed">
        {part.by
          ? t("quality.view.by", { name: part.by.name, at: formatDateTime(part.at) })
          : formatDateTime(part.at)}
      </Text>
      {extra}
    </Stack>
  );
}

/** The items of a self-score or a decision, grouped, with reasons; over-claims marked. */
function ItemsView({
  score,
  part,
  compareTo,
  overClaims,
}: {
  score: ScoreDto;
  part: ScorePartDto;
  compareTo?: ScorePartDto | null;
  overClaims?: ScoreDto["overClaims"];
}) {
  const { t } = useTranslation();
  const f = useQualityFormat();
  const suggestions = new Map(score.suggestions.map((s) => [s.key, s]));
  const over = new Map((overClaims ?? []).map((o) => [o.key, o]));
  return (
    <Stack gap="sm">
      {score.groups.map((g) => {
        const criteria = score.criteria.filter((c) => c.group === g.key);
        if (criteria.length === 0) return null;
        const sum = criteria.reduce((s, c) => s + (part.items[c.key]?.points ?? 0), 0);
        const max = criteria.reduce((s, c) => s + c.max, 0);
        return (
          <Stack key={g.key} gap={6} component="section">
            <Group justify="space-between" wrap="nowrap" align="baseline">
              <Text fw={600} size="sm">
                {g.label}
              </Text>
              <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                {f.points(sum)}/{f.points(max)}
              </Text>
            </Group>
            {criteria.map((c) => {
              const item = part.items[c.key];
              const before = compareTo?.items[c.key];
              const claim = over.get(c.key);
              const suggestion = suggestions.get(c.key);
              return (
                <Paper
                  key={c.key}
                  withBorder
                  p="xs"
                  data-testid={`score-view-${c.key}`}
                  style={claim ? { borderColor: "var(--mantine-color-orange-6)" } : undefined}
                >
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Text size="sm">{c.label}</Text>
                    <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                      {item ? f.points(item.points) : "—"}/{f.points(c.max)}
                    </Text>
                  </Group>
                  {c.evidenceKey !== null && (
                    <Text size="xs" c="dimmed">
                      {f.evidenceLabel(c.evidenceKey)}:{" "}
                      {f.itemEvidence(c.evidenceKey, suggestion?.evidence ?? null, score.evidence)}
                      {suggestion?.points != null &&
                        ` · ${t("quality.item.suggested", { points: f.points(suggestion.points) })}`}
                    </Text>
                  )}
                  {before && item && before.points !== item.points && (
                    <Text size="xs" c="blue.8">
                      {t("quality.view.adjusted_from", { points: f.points(before.points) })}
                    </Text>
                  )}
                  {item?.reason && (
                    <Text size="xs">
                      {t("quality.view.reason")}: {item.reason}
                    </Text>
                  )}
                  {claim && (
                    <Badge
                      color="orange"
                      variant="light"
                      mt={4}
                      leftSection={<IconAlertTriangle size={12} aria-hidden />}
                      data-testid={`over-claim-${c.key}`}
                    >
                      {t("quality.view.over_claim", {
                        claimed: f.points(claim.claimed),
                        supported: f.points(claim.supported),
                      })}
                    </Badge>
                  )}
                </Paper>
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}

function SelfView({
  score,
  self,
  onEdit,
}: {
  score: ScoreDto;
  self: ScorePartDto;
  onEdit?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} data-testid="self-score-view">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <PartHeader part={self} title={t("quality.view.self_title")} testId="self-score" />
          {onEdit && (
            <Button variant="light" size="xs" onClick={onEdit} data-testid="score-edit-self">
              {t("quality.view.edit_self")}
            </Button>
          )}
        </Group>
        {score.overClaims.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t("quality.view.flagged", { count: score.overClaims.length })}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t("quality.view.awaiting_decision")}
        </Text>
        <ItemsView score={score} part={self} overClaims={score.overClaims} />
      </Stack>
    </Paper>
  );
}

function DecidedView({
  score,
  decision,
}: {
  score: ScoreDto;
  decision: NonNullable<ScoreDto["decision"]>;
}) {
  const { t } = useTranslation();
  const f = useQualityFormat();
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} data-testid="decided-score">
      <Stack gap="sm">
        <PartHeader
          part={decision}
          title={t("quality.view.decided_title")}
          testId="decided-score"
          extra={
            <Text size="xs" c="dimmed">
              {t(`quality.view.decided_as.${decision.as}`)}
            </Text>
          }
        />
        {score.self && (
          <Group gap="xs">
            <Text size="sm">
              {t("quality.view.self_was", { total: f.points(score.self.total) })}
            </Text>
            <LevelBadge level={score.self.level} variant="light" />
          </Group>
        )}
        <ItemsView score={score} part={decision} compareTo={score.self} />
      </Stack>
    </Paper>
  );
}
