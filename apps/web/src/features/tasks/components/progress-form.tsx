import { taskProgressInput, type TaskDetailDto } from "@chibo/domain";
import { Button, Group, Radio, Stack, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { splitFieldErrors } from "@/lib/problem";
import { useReportProgress } from "../api/report-progress";

const REPORT_STATES = ["in_progress", "done", "not_done"] as const;

interface ProgressValues extends Record<string, unknown> {
  state: string;
  note: string;
}

const EMPTY: ProgressValues = { state: "", note: "" };

const toInput = (v: ProgressValues) => ({ state: v.state, note: v.note });

/**
 * An assignee's progress report: in progress, done, or not done with its cause. The contract checks
 * the form first; the server's field errors (body.note) come back to the same field.
 */
export function ProgressForm({ task }: { task: TaskDetailDto }) {
  const { t } = useTranslation();
  const headingId = useId();
  const mutation = useReportProgress(task.id);
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const validate = useSchemaValidator(taskProgressInput, toInput);
  const form = useForm<ProgressValues>({ mode: "controlled", initialValues: EMPTY, validate });
  const needsCause = form.values.state === "not_done";

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        const parsed = taskProgressInput.safeParse(toInput(values));
        if (!parsed.success) return;
        mutation.mutate(parsed.data, {
          onSuccess: () => {
            notifySuccess(t("tasks.progress.done"));
            form.reset();
          },
          onError: (error) => {
            const read = readError(error);
            const { atFields, elsewhere } = splitFieldErrors(read.fields, EMPTY);
            form.setErrors(atFields);
            const shownAtFields = Object.keys(atFields).length > 0 && elsewhere.length === 0;
            setMessage(shownAtFields ? null : [read.message, ...elsewhere].join(" "));
          },
        });
      })}
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId}>
          {t("tasks.progress.title")}
        </Title>
        <Radio.Group label={t("tasks.progress.state")} required {...form.getInputProps("state")}>
          <Stack gap="xs" mt={6}>
            {REPORT_STATES.map((state) => (
              <Radio key={state} value={state} label={t(`tasks.progress.states.${state}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t("tasks.progress.note")}
          description={t("tasks.progress.note_hint")}
          name="note"
          required={needsCause}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps("note")}
        />
        <ErrorAlert error={null} message={message} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t("tasks.progress.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
