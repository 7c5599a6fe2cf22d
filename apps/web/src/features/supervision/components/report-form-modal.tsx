import {
  VISIT_REPORT_LABELS,
  VISIT_REPORT_PARTS,
  type VisitDto,
  type VisitReportPart,
} from "@chibo/domain";
import { Alert, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSubmitError } from "@/hooks/use-form-helpers";
import { formatDate } from "@/lib/format";
import { notifySuccess } from "@/lib/notify";
import { splitFieldErrors } from "@/lib/problem";
import { useReportVisit } from "../api/visit-commands";
import {
  clearReportDraft,
  emptyReport,
  loadReportDraft,
  saveReportDraft,
  type ReportValues,
} from "../lib/report-draft";

/** Vietnamese users read the seed's own wording of each part; others a translation of it. */
export function useReportPartLabel(): (part: VisitReportPart) => string {
  const { t, i18n } = useTranslation();
  const vietnamese = (i18n.resolvedLanguage ?? "vi").startsWith("vi");
  return (part) => (vietnamese ? VISIT_REPORT_LABELS[part] : t(`supervision.report.parts.${part}`));
}

/** A new report starts with what the record already knows: the meeting's time and the cell's name. */
function initialValues(visit: VisitDto): ReportValues {
  const draft = loadReportDraft(visit.id);
  if (draft) return draft;
  const values = emptyReport();
  const meeting = visit.meeting;
  if (meeting) {
    values.time = [meeting.startTime, formatDate(meeting.date)].filter(Boolean).join(", ");
  }
  values.cell = visit.unitName;
  return values;
}

/**
 * The report after a visit, on a phone: the nine parts of seed 000, each a multi-line field, all
 * required. What is typed is kept on this device (localStorage) until the server has the report; the
 * server's errors (body.<part>) come back to their fields.
 */
export function ReportFormModal({ visit, onClose }: { visit: VisitDto; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useReportPartLabel();
  const mutation = useReportVisit(visit.id);
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const [initial] = useState(() => initialValues(visit));
  const form = useForm<ReportValues>({
    mode: "controlled",
    initialValues: initial,
    onValuesChange: (values) => {
      saveReportDraft(visit.id, values);
    },
    validate: Object.fromEntries(
      VISIT_REPORT_PARTS.map((part) => [
        part,
        (value: string) => (value.trim() === "" ? t("supervision.report.required") : null),
      ]),
    ),
  });

  return (
    <AppModal
      opened
      onClose={onClose}
      title={t("supervision.report.title", { cell: visit.unitName })}
    >
      <form
        noValidate
        aria-label={t("supervision.report.form_label")}
        onSubmit={form.onSubmit(
          (values) => {
            setMessage(null);
            mutation.mutate(values, {
              onSuccess: () => {
                clearReportDraft(visit.id);
                notifySuccess(t("supervision.report.done"));
                onClose();
              },
              onError: (error) => {
                const read = readError(error);
                const { atFields, elsewhere } = splitFieldErrors(read.fields, values);
                form.setErrors(atFields);
                const shownAtFields = Object.keys(atFields).length > 0 && elsewhere.length === 0;
                setMessage(shownAtFields ? null : [read.message, ...elsewhere].join(" "));
              },
            });
          },
          () => {
            setMessage(t("supervision.report.incomplete"));
          },
        )}
      >
        <Stack gap="sm">
          <Text size="sm" c={visit.overdue ? "red.7" : "dimmed"} fw={visit.overdue ? 700 : 400}>
            {t(visit.overdue ? "supervision.report.due_overdue" : "supervision.report.due", {
              date: formatDate(visit.reportDueOn),
            })}
          </Text>
          <Alert color="gray" variant="light" p="xs">
            <Text size="xs">{t("supervision.report.draft_hint")}</Text>
          </Alert>
          {VISIT_REPORT_PARTS.map((part) => (
            <Textarea
              key={part}
              label={label(part)}
              name={part}
              required
              autosize
              minRows={part === "time" || part === "cell" ? 1 : 3}
              maxRows={14}
              {...form.getInputProps(part)}
            />
          ))}
          <ErrorAlert error={null} message={message} />
        </Stack>
        <Group justify="flex-end" gap="sm" mt="md">
          <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
            {t("supervision.report.later")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("supervision.report.submit")}
          </Button>
        </Group>
      </form>
    </AppModal>
  );
}
