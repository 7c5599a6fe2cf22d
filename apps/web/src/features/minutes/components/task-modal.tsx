import { taskInput, taskPatchInput, type TaskDto } from "@chibo/domain";
import { Checkbox, ScrollArea, Stack, Text, TextInput, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { AppDateInput } from "@/components/ui/date-input";
import { FormModal } from "@/components/ui/form-modal";
import { useCreateTask } from "../api/create-task";
import { useRoster } from "../api/get-roster";
import { useUpdateTask } from "../api/update-task";

interface Values extends Record<string, unknown> {
  title: string;
  details: string;
  dueDate: string | null;
  assigneeMemberIds: string[];
  assigneeBody: string;
}

const toInput = (v: Values) => ({
  title: v.title,
  details: v.details,
  dueDate: v.dueDate ?? undefined,
  assigneeMemberIds: v.assigneeMemberIds,
  assigneeBody: v.assigneeBody,
});

function Fields({ meetingId, form }: { meetingId: string; form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const roster = useRoster(meetingId);
  const members = roster.data?.entries ?? [];
  // The server may name one assignee ("assigneeMemberIds.2"): shown at the list.
  const assigneeError =
    form.errors.assigneeMemberIds ??
    Object.entries(form.errors).find(([path]) => path.startsWith("assigneeMemberIds."))?.[1];
  return (
    <>
      <TextInput
        label={t("minutes.task.field_title")}
        name="title"
        required
        data-autofocus
        {...form.getInputProps("title")}
      />
      <Textarea
        label={t("minutes.task.details")}
        name="details"
        autosize
        minRows={2}
        {...form.getInputProps("details")}
      />
      <AppDateInput
        label={t("minutes.task.due_date")}
        name="dueDate"
        required
        {...form.getInputProps("dueDate")}
      />
      <Checkbox.Group
        label={t("minutes.task.assignees")}
        description={t("minutes.task.assignees_hint")}
        {...form.getInputProps("assigneeMemberIds")}
        error={assigneeError}
      >
        <ScrollArea.Autosize mah={260} type="auto" mt={6}>
          <Stack gap={10} py={4}>
            {members.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("common.loading")}
              </Text>
            )}
            {members.map((m) => (
              <Checkbox key={m.memberId} value={m.memberId} label={m.fullName} size="md" />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Checkbox.Group>
      <TextInput
        label={t("minutes.task.assignee_body")}
        description={t("minutes.task.assignee_body_hint")}
        name="assigneeBody"
        {...form.getInputProps("assigneeBody")}
      />
    </>
  );
}

export function CreateTaskModal({
  meetingId,
  resolutionId,
  onClose,
}: {
  meetingId: string;
  resolutionId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useCreateTask(meetingId, resolutionId);
  const initial: Values = {
    title: "",
    details: "",
    dueDate: null,
    assigneeMemberIds: [],
    assigneeBody: "",
  };
  return (
    <FormModal
      title={t("minutes.task.add_title")}
      onClose={onClose}
      schema={taskInput}
      initialValues={initial}
      toInput={toInput}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("minutes.task.created")}
      submitLabel={t("minutes.task.submit")}
      size="lg"
    >
      {(form) => <Fields meetingId={meetingId} form={form} />}
    </FormModal>
  );
}

export function EditTaskModal({
  meetingId,
  task,
  onClose,
}: {
  meetingId: string;
  task: TaskDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useUpdateTask(meetingId, task.id);
  const initial: Values = {
    title: task.title,
    details: task.details ?? "",
    dueDate: task.dueDate,
    assigneeMemberIds: task.assignees.map((a) => a.memberId),
    assigneeBody: task.assigneeBody ?? "",
  };
  return (
    <FormModal
      title={t("minutes.task.edit_title")}
      onClose={onClose}
      schema={taskPatchInput}
      initialValues={initial}
      toInput={toInput}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("minutes.task.updated")}
      size="lg"
    >
      {(form) => <Fields meetingId={meetingId} form={form} />}
    </FormModal>
  );
}
