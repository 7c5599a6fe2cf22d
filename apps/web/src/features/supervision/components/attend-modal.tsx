import { addDays, visitAttendInput, type VisitDto } from "@chibo/domain";
import { Radio, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormModal } from "@/components/ui/form-modal";
import { PageLoader } from "@/components/ui/page-loader";
import { todayIso } from "@/lib/format";
import { useCellMeetings } from "../api/list-cell-meetings";
import { useAttendVisit } from "../api/visit-commands";
import { useMeetingText } from "./visit-labels";

/** Meetings may be attended once they have started: in progress, or held. */
const ATTENDABLE = new Set(["in_progress", "held"]);

/**
 * "Đã dự": the visitor names the meeting they attended (in progress or held, from a few weeks before
 * the planned day to today or the planned day, whichever is later) and becomes its upper-level guest.
 */
export function AttendModal({ visit, onClose }: { visit: VisitDto; onClose: () => void }) {
  const { t } = useTranslation();
  const today = todayIso();
  const start = visit.plannedOn < today ? visit.plannedOn : today;
  const from = addDays(start, -45);
  // Up to the planned day too: a meeting held ahead of its date still carries that date.
  const to = [today, visit.plannedOn, visit.meeting?.date ?? today].sort().at(-1) ?? today;
  const meetings = useCellMeetings(visit.unitId, from, to);
  const mutation = useAttendVisit(visit.id);
  const meetingText = useMeetingText();
  if (meetings.isPending || meetings.error) {
    return (
      <AppModal
        opened
        onClose={onClose}
        title={t("supervision.attend.title", { cell: visit.unitName })}
      >
        {meetings.error ? <ErrorAlert error={meetings.error} /> : <PageLoader />}
      </AppModal>
    );
  }
  const options = meetings.data
    .filter((m) => ATTENDABLE.has(m.status))
    .sort((a, b) => b.date.localeCompare(a.date));
  const preferred =
    options.find((m) => m.id === visit.meeting?.id) ??
    options.find((m) => m.date >= visit.plannedOn) ??
    options[0];
  return (
    <FormModal
      title={t("supervision.attend.title", { cell: visit.unitName })}
      onClose={onClose}
      schema={visitAttendInput}
      initialValues={{ meetingId: preferred?.id ?? "" }}
      toInput={(v) => v}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("supervision.attend.done")}
      submitLabel={t("supervision.attend.submit")}
    >
      {(form) =>
        options.length === 0 ? (
          <Text c="dimmed">{t("supervision.attend.none")}</Text>
        ) : (
          <Radio.Group
            label={t("supervision.attend.meeting")}
            description={t("supervision.attend.meeting_hint")}
            name="meetingId"
            required
            {...form.getInputProps("meetingId")}
          >
            <Stack gap="xs" mt={6}>
              {options.map((m) => (
                <Radio key={m.id} value={m.id} label={meetingText(m, true)} />
              ))}
            </Stack>
          </Radio.Group>
        )
      }
    </FormModal>
  );
}
