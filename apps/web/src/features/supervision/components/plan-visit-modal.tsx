import { visitPlanInput } from "@chibo/domain";
import { Radio, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppDateInput } from "@/components/ui/date-input";
import { FormModal } from "@/components/ui/form-modal";
import { todayIso } from "@/lib/format";
import type { AssignedCell } from "../api/get-assigned-cells";
import { usePlanVisit } from "../api/visit-commands";
import { useMeetingText } from "./visit-labels";

const OTHER = "other";

interface PlanValues extends Record<string, unknown> {
  /** A meeting's id, or OTHER for a day without a meeting on the calendar yet. */
  meetingId: string;
  plannedOn: string | null;
}

/**
 * "Lên kế hoạch dự": pick one of the cell's next meetings, or a day. The plan is seen only by the
 * visitor and their committee; the cell is never told.
 */
export function PlanVisitModal({ cell, onClose }: { cell: AssignedCell; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = usePlanVisit();
  const meetingText = useMeetingText();
  const first = cell.nextMeetings[0];
  const initial: PlanValues = { meetingId: first?.id ?? OTHER, plannedOn: todayIso() };
  const toInput = (v: PlanValues) => {
    const meeting = cell.nextMeetings.find((m) => m.id === v.meetingId);
    return {
      unitId: cell.unitId,
      plannedOn: meeting ? meeting.date : (v.plannedOn ?? ""),
      meetingId: meeting ? meeting.id : null,
    };
  };
  return (
    <FormModal
      title={t("supervision.plan.title", { cell: cell.unitName })}
      onClose={onClose}
      schema={visitPlanInput}
      initialValues={initial}
      toInput={toInput}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("supervision.plan.done")}
      submitLabel={t("supervision.plan.submit")}
    >
      {(form) => (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("supervision.plan.secret_hint")}
          </Text>
          <Radio.Group
            label={t("supervision.plan.meeting")}
            name="meetingId"
            {...form.getInputProps("meetingId")}
          >
            <Stack gap="xs" mt={6}>
              {cell.nextMeetings.map((m) => (
                <Radio key={m.id} value={m.id} label={meetingText(m, true)} />
              ))}
              <Radio value={OTHER} label={t("supervision.plan.other_day")} />
            </Stack>
          </Radio.Group>
          {form.values.meetingId === OTHER && (
            <AppDateInput
              label={t("supervision.plan.planned_on")}
              name="plannedOn"
              required
              minDate={todayIso()}
              {...form.getInputProps("plannedOn")}
            />
          )}
        </Stack>
      )}
    </FormModal>
  );
}
