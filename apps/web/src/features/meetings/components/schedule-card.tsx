import { meetingScheduleInput, type MeetingScheduleDto } from "@chibo/domain";
import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCalendarPlus, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormModal } from "@/components/ui/form-modal";
import { AppTimeInput, timeOf } from "@/components/ui/time-input";
import { PageLoader } from "@/components/ui/page-loader";
import { useErrorMessage } from "@/hooks/use-error-message";
import { notifySuccess } from "@/lib/notify";
import { useSchedule } from "../api/get-schedule";
import { usePlanMeetings } from "../api/plan-meetings";
import { useUpdateSchedule } from "../api/update-schedule";
import { ModeFields, urlOrNull } from "./mode-fields";

interface ScheduleCardProps {
  unitId: string;
  canWrite: boolean;
}

/** The cell's registered meeting day (seed 000: each cell registers its day), and planning ahead. */
export function ScheduleCard({ unitId, canWrite }: ScheduleCardProps) {
  const { t } = useTranslation();
  const { data, isPending, error } = useSchedule(unitId);
  const [editOpen, edit] = useDisclosure(false);

  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="schedule-title"
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <Title order={2} size="h4" id="schedule-title">
          {t("meetings.schedule.title")}
        </Title>
        {canWrite && data && (
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={edit.open}>
            {data.day === null ? t("meetings.schedule.register") : t("meetings.schedule.edit")}
          </Button>
        )}
      </Group>
      {isPending && <PageLoader />}
      {error && <ErrorAlert error={error} />}
      {data && <ScheduleSummary schedule={data} />}
      {canWrite && data?.day != null && <PlanAhead unitId={unitId} />}
      {editOpen && data && <ScheduleModal schedule={data} onClose={edit.close} />}
    </Paper>
  );
}

function ScheduleSummary({ schedule }: { schedule: MeetingScheduleDto }) {
  const { t } = useTranslation();
  if (schedule.day === null) {
    return (
      <Text size="sm" c="dimmed">
        {t("meetings.schedule.none")}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Text fw={600}>
        {schedule.time
          ? t("meetings.schedule.summary", { day: schedule.day, time: schedule.time })
          : t("meetings.schedule.summary_no_time", { day: schedule.day })}
      </Text>
      <Text size="sm">
        {t(`meetings.mode.${schedule.mode}`)}
        {schedule.place ? ` · ${schedule.place}` : ""}
      </Text>
      {schedule.onlineUrl && (
        <Anchor
          href={schedule.onlineUrl}
          target="_blank"
          rel="noreferrer"
          size="sm"
          style={{ wordBreak: "break-all" }}
        >
          {schedule.onlineUrl}
        </Anchor>
      )}
      <Text size="xs" c="dimmed">
        {t("meetings.schedule.day_hint")}
      </Text>
    </Stack>
  );
}

const PLAN_CHOICES = ["3", "6", "12"] as const;

function PlanAhead({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const plan = usePlanMeetings(unitId);
  const toMessage = useErrorMessage();
  const [months, setMonths] = useState<string>("3");
  return (
    <Stack gap={4} mt="sm">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("meetings.schedule.plan_months")}
          data={PLAN_CHOICES.map((m) => ({
            value: m,
            label: t("meetings.schedule.months", { count: Number(m) }),
          }))}
          value={months}
          onChange={(event) => {
            setMonths(event.currentTarget.value);
          }}
          w={140}
        />
        <Button
          variant="default"
          leftSection={<IconCalendarPlus size={16} />}
          loading={plan.isPending}
          onClick={() => {
            plan.mutate(Number(months), {
              onSuccess: (result) => {
                notifySuccess(t("meetings.schedule.planned", { count: result.created }));
              },
            });
          }}
        >
          {t("meetings.schedule.plan")}
        </Button>
      </Group>
      {plan.error && (
        <Text size="sm" c="red" role="alert">
          {toMessage(plan.error)}
        </Text>
      )}
    </Stack>
  );
}

interface ScheduleValues extends Record<string, unknown> {
  day: number | string;
  time: string;
  place: string;
  mode: MeetingScheduleDto["mode"];
  onlineUrl: string;
}

function toInput(v: ScheduleValues) {
  return {
    day: v.day === "" ? undefined : Number(v.day),
    time: timeOf(v.time),
    place: v.place,
    mode: v.mode,
    onlineUrl: v.mode === "in_person" ? null : urlOrNull(v.onlineUrl),
  };
}

function ScheduleModal({
  schedule,
  onClose,
}: {
  schedule: MeetingScheduleDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useUpdateSchedule(schedule.unitId);
  const initial: ScheduleValues = {
    day: schedule.day ?? "",
    time: schedule.time ?? "",
    place: schedule.place ?? "",
    mode: schedule.mode,
    onlineUrl: schedule.onlineUrl ?? "",
  };
  return (
    <FormModal
      title={t("meetings.schedule.edit_title")}
      onClose={onClose}
      schema={meetingScheduleInput}
      initialValues={initial}
      toInput={toInput}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("meetings.schedule.saved")}
    >
      {(form) => (
        <>
          <NumberInput
            label={t("meetings.schedule.day")}
            description={t("meetings.schedule.day_hint")}
            name="day"
            required
            min={1}
            max={31}
            allowDecimal={false}
            inputMode="numeric"
            data-autofocus
            {...form.getInputProps("day")}
          />
          <AppTimeInput
            label={t("meetings.fields.start_time")}
            name="time"
            required
            {...form.getInputProps("time")}
          />
          <TextInput
            label={t("meetings.fields.place")}
            name="place"
            {...form.getInputProps("place")}
          />
          <ModeFields
            mode={form.values.mode}
            onModeChange={(mode) => {
              form.setFieldValue("mode", mode);
            }}
            modeError={form.errors.mode}
            urlProps={form.getInputProps("onlineUrl")}
          />
        </>
      )}
    </FormModal>
  );
}
