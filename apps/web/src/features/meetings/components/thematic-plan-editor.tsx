import { thematicPlanInput, type ThematicPlanDto, type ThematicTopicDto } from "@chibo/domain";
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconPlus, IconSend, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { formatDate, formatDateTime, todayIso } from "@/lib/format";
import { notifySuccess } from "@/lib/notify";
import { useCellMembers } from "../api/list-cell-members";
import { useReportThematicPlan, useSaveThematicPlan, useThematicPlan } from "../api/thematic-plan";
import { MeetingStatusBadge } from "./meeting-labels";

const QUARTERS = [1, 2, 3, 4] as const;

interface ThematicPlanEditorProps {
  unitId: string;
  canWrite: boolean;
}

/** HD12: each cell makes a yearly thematic plan, one topic a quarter at least, and reports it upward. */
export function ThematicPlanEditor({ unitId, canWrite }: ThematicPlanEditorProps) {
  const { t } = useTranslation();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const plan = useThematicPlan(unitId, year);

  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="thematic-title"
    >
      <Group justify="space-between" gap="xs" mb="sm" align="flex-end">
        <Title order={2} size="h4" id="thematic-title">
          {t("meetings.thematic.title", { year })}
        </Title>
        <NativeSelect
          label={t("meetings.thematic.year")}
          data={[thisYear - 1, thisYear, thisYear + 1].map((y) => String(y))}
          value={String(year)}
          onChange={(event) => {
            setYear(Number(event.currentTarget.value));
          }}
          w={110}
        />
      </Group>
      {plan.isPending && <PageLoader />}
      {plan.error && <ErrorAlert error={plan.error} />}
      {plan.data &&
        (canWrite ? (
          <PlanForm key={`${year}-${plan.dataUpdatedAt}`} unitId={unitId} plan={plan.data} />
        ) : (
          <PlanView plan={plan.data} />
        ))}
    </Paper>
  );
}

function PlanStatus({ plan }: { plan: ThematicPlanDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {plan.reportedAt ? (
        <Badge color="green" variant="light">
          {t("meetings.thematic.reported_at", { date: formatDateTime(plan.reportedAt) })}
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          {t("meetings.thematic.not_reported")}
        </Badge>
      )}
      {plan.missingQuarters.length > 0 && (
        <Alert color="orange" variant="light" p="xs">
          <Text size="sm">
            {t("meetings.thematic.missing_quarters", { quarters: plan.missingQuarters.join(", ") })}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

function PlanView({ plan }: { plan: ThematicPlanDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PlanStatus plan={plan} />
      {QUARTERS.map((q) => {
        const topics = plan.topics.filter((topic) => topic.quarter === q);
        return (
          <Stack key={q} gap={4}>
            <Text fw={600} size="sm">
              {t("meetings.thematic.quarter", { quarter: q })}
            </Text>
            {topics.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("meetings.thematic.no_topic")}
              </Text>
            ) : (
              topics.map((topic) => (
                <Stack key={topic.id} gap={2} pl="sm">
                  <Text size="sm">{topic.title}</Text>
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      {t("meetings.thematic.drafter")}:{" "}
                      {topic.drafterName ?? t("meetings.thematic.drafter_none")}
                    </Text>
                    <TopicMeeting topic={topic} />
                  </Group>
                </Stack>
              ))
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** The meeting held (or planned) on a topic, if any. */
function TopicMeeting({ topic }: { topic: ThematicTopicDto | undefined }) {
  const { t } = useTranslation();
  if (!topic?.meetingId || !topic.meetingDate) return null;
  return (
    <Group gap="xs">
      <Anchor component={Link} to={`/meetings/${topic.meetingId}`} size="xs">
        {t("meetings.thematic.meeting_on", { date: formatDate(topic.meetingDate) })}
      </Anchor>
      {topic.meetingStatus && <MeetingStatusBadge status={topic.meetingStatus} />}
    </Group>
  );
}

interface TopicRow {
  key: string;
  id: string | null;
  quarter: number;
  title: string;
  drafterMemberId: string;
}

interface PlanValues extends Record<string, unknown> {
  topics: TopicRow[];
}

function valuesOf(plan: ThematicPlanDto): PlanValues {
  return {
    topics: [...plan.topics]
      .sort((a, b) => a.quarter - b.quarter)
      .map((topic) => ({
        key: topic.id,
        id: topic.id,
        quarter: topic.quarter,
        title: topic.title,
        drafterMemberId: topic.drafterMemberId ?? "",
      })),
  };
}

function PlanForm({ unitId, plan }: { unitId: string; plan: ThematicPlanDto }) {
  const { t } = useTranslation();
  const save = useSaveThematicPlan(unitId);
  const report = useReportThematicPlan(unitId);
  const members = useCellMembers(unitId);
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const toInput = (v: PlanValues) => ({
    year: plan.year,
    topics: v.topics.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      quarter: row.quarter,
      title: row.title,
      drafterMemberId: row.drafterMemberId === "" ? null : row.drafterMemberId,
    })),
  });
  const validate = useSchemaValidator(thematicPlanInput, toInput);
  const form = useForm<PlanValues>({ mode: "controlled", initialValues: valuesOf(plan), validate });
  const drafters = [
    { value: "", label: t("meetings.thematic.drafter_none") },
    ...(members.data ?? [])
      .filter((m) => m.active)
      .map((m) => ({ value: m.id, label: m.fullName })),
  ];

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        const input = thematicPlanInput.parse(toInput(values));
        save.mutate(input, {
          onSuccess: () => {
            notifySuccess(t("meetings.thematic.saved"));
          },
          onError: (error) => {
            const read = readError(error);
            form.setErrors(read.fields);
            setMessage(read.message);
          },
        });
      })}
    >
      <Stack gap="md">
        <PlanStatus plan={plan} />
        {QUARTERS.map((q) => (
          <Stack key={q} gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} size="sm">
              {t("meetings.thematic.quarter", { quarter: q })}
            </Text>
            {form.values.topics.map((row, index) =>
              row.quarter !== q ? null : (
                <Paper key={row.key} withBorder p="xs" bg="gray.0">
                  <Stack gap="xs">
                    <Textarea
                      label={t("meetings.thematic.topic_label", { quarter: q })}
                      required
                      autosize
                      minRows={1}
                      {...form.getInputProps(`topics.${index}.title`)}
                    />
                    <TopicMeeting topic={plan.topics.find((topic) => topic.id === row.id)} />
                    <Group gap="xs" align="flex-end" wrap="nowrap">
                      <NativeSelect
                        label={t("meetings.thematic.drafter")}
                        data={drafters}
                        style={{ flex: 1, minWidth: 0 }}
                        {...form.getInputProps(`topics.${index}.drafterMemberId`)}
                      />
                      <ActionIcon
                        variant="light"
                        color="red"
                        size="lg"
                        mb={2}
                        aria-label={t("meetings.thematic.remove", { quarter: q })}
                        onClick={() => {
                          form.removeListItem("topics", index);
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Stack>
                </Paper>
              ),
            )}
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              style={{ alignSelf: "flex-start" }}
              onClick={() => {
                form.insertListItem("topics", {
                  key: randomId(),
                  id: null,
                  quarter: q,
                  title: "",
                  drafterMemberId: "",
                });
              }}
            >
              {t("meetings.thematic.add", { quarter: q })}
            </Button>
          </Stack>
        ))}
        <ErrorAlert error={null} message={message} />
        {report.error && <ErrorAlert error={report.error} />}
        <Group justify="flex-end" gap="xs">
          <Button
            variant="light"
            leftSection={<IconSend size={16} />}
            loading={report.isPending}
            disabled={form.isDirty() || save.isPending}
            title={form.isDirty() ? t("meetings.thematic.save_first") : undefined}
            onClick={() => {
              report.mutate(plan.year, {
                onSuccess: () => {
                  notifySuccess(t("meetings.thematic.reported"));
                },
              });
            }}
          >
            {t("meetings.thematic.report")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("meetings.thematic.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
