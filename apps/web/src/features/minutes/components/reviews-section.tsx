import {
  REVIEW_VERDICTS,
  taskReviewInput,
  type MinutesDto,
  type ReviewVerdict,
  type TaskReviewDto,
} from "@chibo/domain";
import {
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSubmitError } from "@/hooks/use-form-helpers";
import { formatDate, formatPercent } from "@/lib/format";
import { notifySuccess } from "@/lib/notify";
import { zodFieldErrors } from "@/lib/validation";
import { useReviewTask } from "../api/review-task";
import { TaskLine } from "./labels";

const VERDICT_COLOR: Record<ReviewVerdict, string> = {
  done: "green",
  in_progress: "blue",
  not_done: "red",
};

function isVerdict(value: string): value is ReviewVerdict {
  return (REVIEW_VERDICTS as readonly string[]).includes(value);
}

/** HD12: the regular meeting reviews every open task of earlier resolutions; the review is in the minutes. */
export function ReviewsSection({ minutes, editable }: { minutes: MinutesDto; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { reviews } = minutes;
  const reviewed = reviews.filter((r) => r.verdict !== null).length;
  if (!editable && reviews.length === 0) return null;
  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="reviews-title"
    >
      <Title order={3} size="h4" id="reviews-title" mb="xs">
        {t("minutes.review.title")}
      </Title>
      {reviews.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("minutes.review.empty")}
        </Text>
      ) : (
        <Stack gap="sm">
          <div data-testid="review-coverage">
            <Text size="sm" mb={4}>
              {t("minutes.review.coverage", {
                done: reviewed,
                total: reviews.length,
                rate: formatPercent(minutes.reviewCoverage, i18n.resolvedLanguage ?? "vi"),
              })}
            </Text>
            <Progress
              value={Math.round(minutes.reviewCoverage * 100)}
              color={minutes.reviewCoverage >= 1 ? "green" : "orange"}
              aria-label={t("minutes.review.title")}
            />
          </div>
          {reviews.map((r) => (
            <ReviewRow
              key={r.task.id}
              meetingId={minutes.meetingId}
              review={r}
              editable={editable}
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function ReviewRow({
  meetingId,
  review,
  editable,
}: {
  meetingId: string;
  review: TaskReviewDto;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const save = useReviewTask(meetingId);
  const readError = useSubmitError();
  const [verdict, setVerdict] = useState<ReviewVerdict | null>(review.verdict);
  const [cause, setCause] = useState(review.cause ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const { task } = review;
  const headingId = `review-${task.id}`;

  const submit = (v: ReviewVerdict, c: string) => {
    const input = { verdict: v, cause: v === "not_done" ? c : undefined };
    const local = zodFieldErrors(taskReviewInput, input, t, language);
    setErrors(local);
    setMessage(null);
    if (Object.keys(local).length > 0) return;
    save.mutate(
      { taskId: task.id, input: taskReviewInput.parse(input) },
      {
        onSuccess: () => {
          notifySuccess(t("minutes.review.saved"));
        },
        onError: (error) => {
          const read = readError(error);
          setErrors(read.fields);
          if (Object.keys(read.fields).length === 0) setMessage(read.message);
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      component="section"
      aria-labelledby={headingId}
      data-testid="review-row"
    >
      <Stack gap="xs">
        <div id={headingId}>
          <TaskLine task={task} />
          <Text size="xs" c="dimmed">
            {t("minutes.review.from", {
              title: task.resolutionTitle,
              date: formatDate(task.meetingDate),
            })}
          </Text>
        </div>
        {editable ? (
          <>
            <Radio.Group
              label={t("minutes.review.verdict_label", { title: task.title })}
              value={verdict ?? ""}
              onChange={(value) => {
                if (!isVerdict(value)) return;
                setVerdict(value);
                if (value !== "not_done") submit(value, "");
              }}
            >
              <Group gap="md" mt={6}>
                {REVIEW_VERDICTS.map((v) => (
                  <Radio key={v} value={v} label={t(`minutes.review.verdict.${v}`)} size="md" />
                ))}
              </Group>
            </Radio.Group>
            {verdict === "not_done" && (
              <>
                <Textarea
                  label={t("minutes.review.cause")}
                  aria-label={t("minutes.review.cause_label", { title: task.title })}
                  required
                  autosize
                  minRows={2}
                  value={cause}
                  error={errors.cause}
                  onChange={(e) => {
                    setCause(e.currentTarget.value);
                  }}
                />
                <Group justify="flex-end">
                  <Button
                    loading={save.isPending}
                    onClick={() => {
                      submit("not_done", cause);
                    }}
                  >
                    {t("minutes.review.save")}
                  </Button>
                </Group>
              </>
            )}
            {review.verdict !== null && review.verdict === verdict && !save.isPending && (
              <Text size="xs" c="green.8">
                <IconCheck size={12} aria-hidden /> {t("minutes.review.saved")}
              </Text>
            )}
            <ErrorAlert error={null} message={message ?? errors.verdict ?? null} />
          </>
        ) : (
          review.verdict && (
            <Group gap="xs">
              <Badge color={VERDICT_COLOR[review.verdict]} variant="light">
                {t(`minutes.review.verdict.${review.verdict}`)}
              </Badge>
              {review.cause && <Text size="sm">{review.cause}</Text>}
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}
