import { isFinal, type TaskDetailDto, type TaskUpdateDto } from "@chibo/domain";
import {
  Alert,
  Anchor,
  Divider,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import { IconClipboardCheck, IconGavel } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDate, formatDateTime } from "@/lib/format";
import { useTask } from "../api/get-task";
import { ProgressForm } from "./progress-form";
import { OverdueBadge, TaskStateBadge, assigneeNames } from "./task-labels";

interface TaskDetailModalProps {
  /** The task shown; null keeps the modal closed. */
  taskId: string | null;
  onClose: () => void;
}

/** A task in full: what, from which resolution, who, by when, its history, and the progress report. */
export function TaskDetailModal({ taskId, onClose }: TaskDetailModalProps) {
  const { t } = useTranslation();
  const task = useTask(taskId);
  return (
    <AppModal
      opened={taskId !== null}
      onClose={onClose}
      title={task.data?.title ?? t("tasks.title")}
      styles={{ title: { fontWeight: 700, wordBreak: "break-word" } }}
    >
      {task.isPending && <PageLoader />}
      {task.error && <ErrorAlert error={task.error} />}
      {task.data && <TaskDetail task={task.data} />}
    </AppModal>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div" style={{ wordBreak: "break-word" }}>
        {children}
      </Text>
    </div>
  );
}

function TaskDetail({ task }: { task: TaskDetailDto }) {
  const { t } = useTranslation();
  const names = assigneeNames(task);
  return (
    <Stack gap="md">
      <Group gap={6}>
        <TaskStateBadge state={task.state} />
        {task.overdue && <OverdueBadge />}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Field label={t("tasks.detail.due")}>
          <Text span fw={700} c={task.overdue ? "red.7" : undefined}>
            {formatDate(task.dueDate)}
          </Text>
        </Field>
        <Field label={t("tasks.detail.assignees")}>{names || t("common.none")}</Field>
        <Field label={t("tasks.detail.resolution")}>{task.resolutionTitle}</Field>
        <Field label={t("tasks.detail.meeting")}>
          <Anchor component={Link} to={`/meetings/${task.meetingId}`} size="sm">
            {t("tasks.detail.meeting_value", {
              kind: t(`meetings.kind.${task.meetingKind}`),
              date: formatDate(task.meetingDate),
            })}
          </Anchor>
        </Field>
        <Field label={t("tasks.detail.unit")}>{task.unitName}</Field>
      </SimpleGrid>
      {task.details && (
        <Field label={t("tasks.detail.details")}>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {task.details}
          </Text>
        </Field>
      )}
      {task.can.report ? (
        <>
          <Divider />
          <ProgressForm key={task.id} task={task} />
        </>
      ) : (
        isFinal(task.state) && (
          <Alert color="gray" variant="light" p="xs">
            <Text size="sm">{t("tasks.progress.finished")}</Text>
          </Alert>
        )
      )}
      <Divider />
      <History updates={task.updates} />
    </Stack>
  );
}

function History({ updates }: { updates: readonly TaskUpdateDto[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="task-history-title">
      <Title order={3} size="h5" id="task-history-title">
        {t("tasks.detail.history")}
      </Title>
      {updates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("tasks.detail.no_history")}
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={updates.length - 1}>
          {updates.map((u) => (
            <Timeline.Item
              key={u.id}
              bullet={
                u.source === "review" ? (
                  <IconGavel size={12} aria-hidden />
                ) : (
                  <IconClipboardCheck size={12} aria-hidden />
                )
              }
              title={
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {t(`tasks.detail.source.${u.source}`)}
                  </Text>
                  <TaskStateBadge state={u.state} />
                </Group>
              }
            >
              {u.note && (
                <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                  {u.note}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {u.byName
                  ? t("tasks.detail.by_at", { name: u.byName, at: formatDateTime(u.createdAt) })
                  : formatDateTime(u.createdAt)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
