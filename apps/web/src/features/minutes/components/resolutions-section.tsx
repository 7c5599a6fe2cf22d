import type { MinutesDto, ResolutionDto, TaskDto } from "@chibo/domain";
import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconDownload, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { notifySuccess } from "@/lib/notify";
import { useDeleteResolution } from "../api/delete-resolution";
import { useDeleteTask } from "../api/delete-task";
import { resolutionDocxUrl } from "../api/exports";
import { ConfirmModal } from "./confirm-modal";
import { OutcomeBadge, TaskLine } from "./labels";
import { CreateResolutionModal, EditResolutionModal } from "./resolution-modal";
import { CreateTaskModal, EditTaskModal } from "./task-modal";
import { VoteForm } from "./vote-form";

/** Resolutions and conclusions of the meeting, each with its vote and its tasks. */
export function ResolutionsSection({
  minutes,
  editable,
}: {
  minutes: MinutesDto;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  if (!editable && minutes.resolutions.length === 0) return null;
  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="resolutions-title"
    >
      <Group justify="space-between" gap="xs" mb="sm">
        <Title order={3} size="h4" id="resolutions-title">
          {t("minutes.resolution.title")}
        </Title>
        {editable && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => {
              setAdding(true);
            }}
          >
            {t("minutes.resolution.add")}
          </Button>
        )}
      </Group>
      {minutes.resolutions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("minutes.resolution.empty")}
        </Text>
      ) : (
        <Stack gap="md">
          {minutes.resolutions.map((r) => (
            <ResolutionCard key={r.id} minutes={minutes} resolution={r} editable={editable} />
          ))}
        </Stack>
      )}
      {adding && (
        <CreateResolutionModal
          meetingId={minutes.meetingId}
          onClose={() => {
            setAdding(false);
          }}
        />
      )}
    </Paper>
  );
}

type Open =
  | { kind: "edit" }
  | { kind: "remove" }
  | { kind: "add_task" }
  | { kind: "edit_task"; task: TaskDto }
  | { kind: "remove_task"; task: TaskDto };

function ResolutionCard({
  minutes,
  resolution,
  editable,
}: {
  minutes: MinutesDto;
  resolution: ResolutionDto;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const meetingId = minutes.meetingId;
  const [open, setOpen] = useState<Open | null>(null);
  const remove = useDeleteResolution(meetingId);
  const removeTask = useDeleteTask(meetingId);
  const close = () => {
    setOpen(null);
  };
  const headingId = `resolution-${resolution.id}`;
  const kind = t(`minutes.resolution.kind.${resolution.kind}`);
  const signed = minutes.state === "signed";

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "xs", sm: "sm" }}
      component="section"
      aria-labelledby={headingId}
      data-testid="resolution-card"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Group gap={6} mb={2}>
              <Badge variant="light" color="red">
                {kind}
              </Badge>
              {resolution.number && (
                <Text size="xs" c="dimmed">
                  {resolution.number}
                </Text>
              )}
              {resolution.outcome && <OutcomeBadge outcome={resolution.outcome} />}
            </Group>
            <Title order={4} size="h5" id={headingId} style={{ wordBreak: "break-word" }}>
              {resolution.title}
            </Title>
          </div>
          {editable && (
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                size="lg"
                aria-label={t("minutes.resolution.edit_label", { title: resolution.title })}
                onClick={() => {
                  setOpen({ kind: "edit" });
                }}
              >
                <IconPencil size={18} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t("minutes.resolution.remove_label", { title: resolution.title })}
                onClick={() => {
                  remove.reset();
                  setOpen({ kind: "remove" });
                }}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          )}
        </Group>
        {resolution.content && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
            {resolution.content}
          </Text>
        )}

        {editable ? (
          <VoteForm
            // A new vote from the server resets the form to it.
            key={JSON.stringify(resolution.vote)}
            meetingId={meetingId}
            resolution={resolution}
            officialPresent={minutes.attendance.officialPresent}
          />
        ) : (
          <Text size="sm">
            <Text span fw={600}>
              {t("minutes.vote.title")}:{" "}
            </Text>
            {resolution.vote ? t("minutes.vote.result", resolution.vote) : t("minutes.vote.none")}
          </Text>
        )}

        <div>
          <Group justify="space-between" gap="xs" mb={6}>
            <Text size="sm" fw={600}>
              {t("minutes.task.title")}
            </Text>
            {editable && (
              <Button
                size="compact-md"
                variant="light"
                leftSection={<IconPlus size={16} />}
                aria-label={t("minutes.task.add_label", { title: resolution.title })}
                onClick={() => {
                  setOpen({ kind: "add_task" });
                }}
              >
                {t("minutes.task.add")}
              </Button>
            )}
          </Group>
          {resolution.tasks.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("minutes.task.empty")}
            </Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {resolution.tasks.map((task) => (
                <Group
                  key={task.id}
                  component="li"
                  justify="space-between"
                  wrap="nowrap"
                  gap="xs"
                  align="flex-start"
                  data-testid="task-line"
                >
                  <TaskLine task={task} />
                  {editable && task.can.edit && (
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        aria-label={t("minutes.task.edit_label", { title: task.title })}
                        onClick={() => {
                          setOpen({ kind: "edit_task", task });
                        }}
                      >
                        <IconPencil size={18} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={t("minutes.task.remove_label", { title: task.title })}
                        onClick={() => {
                          removeTask.reset();
                          setOpen({ kind: "remove_task", task });
                        }}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Group>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </div>

        {signed && (
          <Anchor href={resolutionDocxUrl(resolution.id)} size="sm" download>
            <IconDownload
              size={14}
              aria-hidden
              style={{ verticalAlign: "middle", marginRight: 4 }}
            />
            {t("minutes.resolution.export", { kind: kind.toLowerCase() })}
          </Anchor>
        )}
      </Stack>

      {open?.kind === "edit" && (
        <EditResolutionModal meetingId={meetingId} resolution={resolution} onClose={close} />
      )}
      {open?.kind === "remove" && (
        <ConfirmModal
          message={t("minutes.resolution.remove_confirm", { title: resolution.title })}
          loading={remove.isPending}
          error={remove.error}
          onClose={close}
          onConfirm={() => {
            remove.mutate(resolution.id, {
              onSuccess: () => {
                notifySuccess(t("minutes.resolution.removed"));
                close();
              },
            });
          }}
        />
      )}
      {open?.kind === "add_task" && (
        <CreateTaskModal meetingId={meetingId} resolutionId={resolution.id} onClose={close} />
      )}
      {open?.kind === "edit_task" && (
        <EditTaskModal meetingId={meetingId} task={open.task} onClose={close} />
      )}
      {open?.kind === "remove_task" && (
        <ConfirmModal
          message={t("minutes.task.remove_confirm", { title: open.task.title })}
          loading={removeTask.isPending}
          error={removeTask.error}
          onClose={close}
          onConfirm={() => {
            removeTask.mutate(open.task.id, {
              onSuccess: () => {
                notifySuccess(t("minutes.task.removed"));
                close();
              },
            });
          }}
        />
      )}
      {open === null && <ErrorAlert error={remove.error ?? removeTask.error} />}
    </Paper>
  );
}
