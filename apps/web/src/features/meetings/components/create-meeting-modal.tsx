import {
  AD_HOC_KINDS,
  addDays,
  createMeetingInput,
  type MeetingMode,
  type MeetingScheduleDto,
} from "@chibo/domain";
import { Checkbox, NativeSelect, TextInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { AppModal } from "@/components/ui/app-modal";
import { AppDateInput } from "@/components/ui/date-input";
import { FormModal } from "@/components/ui/form-modal";
import { AppTimeInput, timeOf } from "@/components/ui/time-input";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDate } from "@/lib/format";
import { useCreateMeeting } from "../api/create-meeting";
import { useSchedule } from "../api/get-schedule";
import { useMeetings } from "../api/list-meetings";
import { useThematicPlan } from "../api/thematic-plan";
import { ModeFields, urlOrNull } from "./mode-fields";

type AdHocKind = (typeof AD_HOC_KINDS)[number];

function isAdHocKind(value: string): value is AdHocKind {
  return (AD_HOC_KINDS as readonly string[]).includes(value);
}

interface CreateMeetingModalProps {
  unitId: string;
  defaultDate: string;
  onClose: () => void;
}

/** Thematic, forum, extraordinary, cell-committee and model meetings; regular ones are planned. */
export function CreateMeetingModal({ unitId, defaultDate, onClose }: CreateMeetingModalProps) {
  const { t } = useTranslation();
  const schedule = useSchedule(unitId);
  if (schedule.isPending) {
    return (
      <AppModal opened onClose={onClose} title={t("meetings.create.title")} size="md">
        <PageLoader />
      </AppModal>
    );
  }
  return (
    <CreateMeetingForm
      unitId={unitId}
      defaultDate={defaultDate}
      schedule={schedule.data ?? null}
      onClose={onClose}
    />
  );
}

interface Values extends Record<string, unknown> {
  kind: AdHocKind;
  date: string | null;
  startTime: string;
  place: string;
  mode: MeetingMode;
  onlineUrl: string;
  topic: string;
  thematicTopicId: string;
  preparesMeetingId: string;
  combinedWithThematic: boolean;
}

function CreateMeetingForm({
  unitId,
  defaultDate,
  schedule,
  onClose,
}: CreateMeetingModalProps & { schedule: MeetingScheduleDto | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mutation = useCreateMeeting();
  const initial: Values = {
    kind: "thematic",
    date: defaultDate,
    startTime: schedule?.time ?? "",
    place: schedule?.place ?? "",
    mode: schedule?.mode ?? "in_person",
    onlineUrl: schedule?.onlineUrl ?? "",
    topic: "",
    thematicTopicId: "",
    preparesMeetingId: "",
    combinedWithThematic: false,
  };
  const toInput = (v: Values) => ({
    unitId,
    kind: v.kind,
    date: v.date ?? undefined,
    startTime: timeOf(v.startTime),
    place: v.place,
    mode: v.mode,
    onlineUrl: v.mode === "in_person" ? null : urlOrNull(v.onlineUrl),
    topic: v.topic,
    ...(v.kind === "thematic"
      ? {
          thematicTopicId: v.thematicTopicId === "" ? null : v.thematicTopicId,
          combinedWithThematic: v.combinedWithThematic,
        }
      : {}),
    ...(v.kind === "committee"
      ? { preparesMeetingId: v.preparesMeetingId === "" ? null : v.preparesMeetingId }
      : {}),
  });

  return (
    <FormModal
      title={t("meetings.create.title")}
      onClose={onClose}
      schema={createMeetingInput}
      initialValues={initial}
      toInput={toInput}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("meetings.create.created")}
      submitLabel={t("meetings.create.submit")}
      onDone={(meeting) => {
        void navigate(`/meetings/${meeting.id}`);
      }}
    >
      {(form) => (
        <>
          <NativeSelect
            label={t("meetings.fields.kind")}
            name="kind"
            required
            data-autofocus
            data={AD_HOC_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
            value={form.values.kind}
            error={form.errors.kind}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isAdHocKind(value)) form.setFieldValue("kind", value);
            }}
          />
          <AppDateInput
            label={t("meetings.fields.date")}
            name="date"
            required
            {...form.getInputProps("date")}
          />
          <AppTimeInput
            label={t("meetings.fields.start_time")}
            name="startTime"
            required
            {...form.getInputProps("startTime")}
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
          {form.values.kind === "thematic" && (
            <ThematicTopicSelect
              unitId={unitId}
              year={Number((form.values.date ?? defaultDate).slice(0, 4))}
              value={form.values.thematicTopicId}
              onChange={(id, title) => {
                form.setFieldValue("thematicTopicId", id);
                if (title && form.values.topic.trim() === "") form.setFieldValue("topic", title);
              }}
            />
          )}
          {form.values.kind === "committee" && (
            <PreparesSelect
              unitId={unitId}
              from={form.values.date ?? defaultDate}
              value={form.values.preparesMeetingId}
              onChange={(id) => {
                form.setFieldValue("preparesMeetingId", id);
              }}
            />
          )}
          <Textarea
            label={t("meetings.fields.topic")}
            name="topic"
            autosize
            minRows={2}
            {...form.getInputProps("topic")}
          />
          {form.values.kind === "thematic" && (
            <Checkbox
              label={t("meetings.fields.combined")}
              description={t("meetings.fields.combined_hint")}
              {...form.getInputProps("combinedWithThematic", { type: "checkbox" })}
            />
          )}
        </>
      )}
    </FormModal>
  );
}

function ThematicTopicSelect({
  unitId,
  year,
  value,
  onChange,
}: {
  unitId: string;
  year: number;
  value: string;
  onChange: (id: string, title: string | null) => void;
}) {
  const { t } = useTranslation();
  const plan = useThematicPlan(unitId, year);
  const topics = plan.data?.topics ?? [];
  return (
    <NativeSelect
      label={t("meetings.fields.thematic_topic")}
      name="thematicTopicId"
      description={plan.data && topics.length === 0 ? t("meetings.thematic.none_yet") : undefined}
      data={[
        { value: "", label: t("meetings.fields.thematic_topic_none") },
        ...topics.map((topic) => ({
          value: topic.id,
          label: `${t("meetings.thematic.quarter", { quarter: topic.quarter })}: ${topic.title}`,
        })),
      ]}
      value={value}
      onChange={(event) => {
        const id = event.currentTarget.value;
        onChange(id, topics.find((topic) => topic.id === id)?.title ?? null);
      }}
    />
  );
}

function PreparesSelect({
  unitId,
  from,
  value,
  onChange,
}: {
  unitId: string;
  from: string;
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  // HD12: the chi ủy meets before the regular meeting it prepares.
  const regular = useMeetings({ unitId, from, to: addDays(from, 45), kind: "regular" });
  return (
    <NativeSelect
      label={t("meetings.fields.prepares")}
      name="preparesMeetingId"
      data={[
        { value: "", label: t("meetings.fields.prepares_none") },
        ...(regular.data ?? [])
          .filter((m) => m.status !== "cancelled" && m.status !== "held")
          .map((m) => ({ value: m.id, label: formatDate(m.date) })),
      ]}
      value={value}
      onChange={(event) => {
        onChange(event.currentTarget.value);
      }}
    />
  );
}
