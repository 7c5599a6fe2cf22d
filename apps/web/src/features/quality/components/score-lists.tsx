import type { ScoreListItemDto } from "@chibo/domain";
import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDate } from "@/lib/format";
import { useFlaggedScores } from "../api/list-flagged-scores";
import { usePendingScores } from "../api/list-pending-scores";
import { LevelBadge, useQualityFormat } from "./labels";

/** The committee's two lists: scores waiting for its decision, and self-scores above the evidence. */
export function ScoreLists() {
  const { t } = useTranslation();
  const pending = usePendingScores();
  const flagged = useFlaggedScores();
  return (
    <Stack gap="lg">
      <ScoreList
        title={t("quality.lists.pending")}
        empty={t("quality.lists.pending_empty")}
        query={pending}
        testId="scores-pending"
      />
      <ScoreList
        title={t("quality.lists.flagged")}
        empty={t("quality.lists.flagged_empty")}
        query={flagged}
        testId="scores-flagged"
      />
    </Stack>
  );
}

function ScoreList({
  title,
  empty,
  query,
  testId,
}: {
  title: string;
  empty: string;
  query: UseQueryResult<{ items: ScoreListItemDto[] }>;
  testId: string;
}) {
  const { t } = useTranslation();
  const f = useQualityFormat();
  return (
    <Stack gap="xs" component="section" data-testid={testId}>
      <Title order={2} size="h4">
        {title}
        {query.data ? ` (${String(query.data.items.length)})` : ""}
      </Title>
      {query.isPending ? (
        <PageLoader />
      ) : query.error ? (
        <ErrorAlert error={query.error} />
      ) : query.data.items.length === 0 ? (
        <Alert color="gray" variant="light">
          {empty}
        </Alert>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {query.data.items.map((item) => (
            <Paper key={item.meetingId} withBorder p="sm" component="li">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Anchor
                    component={Link}
                    to={`/meetings/${item.meetingId}?tab=score`}
                    fw={600}
                    size="sm"
                  >
                    {item.unitName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDate(item.meetingDate)} · {t(`meetings.kind.${item.meetingKind}`)}
                    {" · "}
                    {t(`quality.lists.as.${item.as}`)}
                  </Text>
                </Stack>
                <Group gap="xs">
                  {item.selfTotal !== null && item.selfLevel !== null ? (
                    <>
                      <Text size="sm">
                        {t("quality.lists.self", { total: f.points(item.selfTotal) })}
                      </Text>
                      <LevelBadge level={item.selfLevel} variant="light" />
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("quality.lists.no_self")}
                    </Text>
                  )}
                  {item.flagged && (
                    <Badge color="orange" variant="light">
                      {t("quality.lists.flag")}
                    </Badge>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
