import {
  cancelMeetingInput,
  postponeMeetingInput,
  updateMeetingInput,
  type MeetingDetailDto,
  type MeetingMode,
} from "@chibo/domain";
import { Checkbox, Text, TextInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AppDateInput } from "@/components/ui/date-input";
import { FormModal } from "@/components/ui/form-modal";
import { AppTimeInput, timeOf } from "@/components/ui/time-input";
import { formatDate } from "@/lib/format";
import { useCancelMeeting } from "../api/cancel-meeting";
import { useCloseMeeting } from "../api/close-meeting";
import { useOpenMeeting } from "../api/open-meeting";
import { usePostponeMeeting } from "../api/postpone-meeting";
import { useUpdateMeeting } from "../api/update-meeting";
import { vnInstant } from "../lib/display";
import { ModeFields, urlOrNull } from "./mode-fields";

interface Props {
  meeting: MeetingDetailDto;
  onClose: () => void;
}

interface EditValues extends Record<string, unknown> {
  date: string | null;
  startTime: string;
  place: string;
  mode: MeetingMode;
  onlineUrl: string;
  topic: string;
  combinedWithThematic: boolean;
}

/** Changes one occurrence; a later date for a regular meeting is a postponement instead. */
export function EditMeetingModal({ meeting, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useUpdateMeeting(meeting.id);
  const isRegular = meeting.kind === "regular";
  const initial: EditValues = {
    date: meeting.date,
    startTime: meeting.startTime ?? "",
    place: meeting.place ?? "",
    mode: meeting.mode,
    onlineUrl: meeting.onlineUrl ?? "",
    topic: meeting.topic ?? "",
    combinedWithThematic: meeting.combinedWithThematic,
  };
  const toInput = (v: EditValues) => ({
    ...(v.date !== meeting.date ? { date: v.date ?? undefined } : {}),
    ...(v.startTime !== "" ? { startTime: timeOf(v.startTime) } : {}),
    place: v.place,
    mode: v.mode,
    onlineUrl: v.mode === "in_person" ? null : urlOrNull(v.onlineUrl),
    topic: v.topic,
    combinedWithThematic: v.combinedWithThematic,
    version: meeting.version,
  });
  return (
    <FormModal
      title={t("meetings.edit_title")}
      onClose={onClose}
      schema={updateMeetingInput}
      initialValues={initial}
      toInput={toInput}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("meetings.updated")}
    >
      {(form) => (
        <>
          <AppDateInput
            label={t("meetings.fields.date")}
            name="date"
            required
            description={isRegular ? t("meetings.edit_date_hint") : undefined}
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
            data-autofocus
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
          <Textarea
            label={t("meetings.fields.topic")}
            name="topic"
            autosize
            minRows={2}
            {...form.getInputProps("topic")}
          />
          {(isRegular || meeting.kind === "thematic") && (
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

interface PostponeValues extends Record<string, unknown> {
  newDate: string | null;
  startTime: string;
  reason: string;
}

/** Seed 000: "only postponements are reported", before the registered day, with reason and new date. */
export function PostponeModal({ meeting, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = usePostponeMeeting(meeting.id);
  const initial: PostponeValues = { newDate: null, startTime: meeting.startTime ?? "", reason: "" };
  const registered = meeting.registeredDate ?? meeting.date;
  return (
    <FormModal
      title={t("meetings.postpone.title")}
      onClose={onClose}
      schema={postponeMeetingInput}
      initialValues={initial}
      toInput={(v) => ({
        newDate: v.newDate ?? undefined,
        ...(v.startTime !== "" ? { startTime: timeOf(v.startTime) } : {}),
        reason: v.reason,
      })}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("meetings.postpone.done")}
      submitLabel={t("meetings.postpone.submit")}
      color="yellow"
    >
      {(form) => (
        <>
          <Text size="sm">{t("meetings.postpone.hint", { date: formatDate(registered) })}</Text>
          <AppDateInput
            label={t("meetings.postpone.new_date")}
            name="newDate"
            required
            data-autofocus
            {...form.getInputProps("newDate")}
          />
          <AppTimeInput
            label={t("meetings.postpone.start_time")}
            name="startTime"
            {...form.getInputProps("startTime")}
          />
          <Textarea
            label={t("meetings.postpone.reason")}
            name="reason"
            required
            autosize
            minRows={2}
            {...form.getInputProps("reason")}
          />
        </>
      )}
    </FormModal>
  );
}

export function CancelMeetingModal({ meeting, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useCancelMeeting(meeting.id);
  return (
    <FormModal
      title={t("meetings.cancel.title")}
      onClose={onClose}
      schema={cancelMeetingInput}
      initialValues={{ reason: "" }}
      toInput={(v) => v}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("meetings.cancel.done")}
      submitLabel={t("meetings.cancel.submit")}
      color="red"
    >
      {(form) => (
        <Textarea
          label={t("meetings.cancel.reason")}
          name="reason"
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps("reason")}
        />
      )}
    </FormModal>
  );
}

// Opening and closing default to now; a meeting written up afterwards gives its real time.
const timeSchema = z.object({ at: z.string().optional() });

interface TimeValues extends Record<string, unknown> {
  later: boolean;
  time: string;
}

function instantOf(date: string, v: TimeValues): { at?: string } {
  if (!v.later || v.time === "") return {};
  const at = vnInstant(date, timeOf(v.time));
  return at ? { at } : {};
}

export function OpenMeetingModal({ meeting, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useOpenMeeting(meeting.id);
  return (
    <FormModal
      title={t("meetings.open.title")}
      onClose={onClose}
      schema={timeSchema}
      initialValues={{ later: false, time: meeting.startTime ?? "" }}
      toInput={(v) => instantOf(meeting.date, v)}
      submit={(input) => mutation.mutateAsync(input.at ? { startedAt: input.at } : {})}
      pending={mutation.isPending}
      successMessage={t("meetings.open.done")}
      submitLabel={t("meetings.open.submit")}
    >
      {(form) => (
        <>
          <Text size="sm">{t("meetings.open.text")}</Text>
          <Checkbox
            label={t("meetings.open.later")}
            {...form.getInputProps("later", { type: "checkbox" })}
          />
          {form.values.later && (
            <AppTimeInput
              label={t("meetings.open.time")}
              name="time"
              {...form.getInputProps("time")}
            />
          )}
        </>
      )}
    </FormModal>
  );
}

export function CloseMeetingModal({ meeting, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useCloseMeeting(meeting.id);
  return (
    <FormModal
      title={t("meetings.close.title")}
      onClose={onClose}
      schema={timeSchema}
      initialValues={{ later: false, time: "" }}
      toInput={(v) => instantOf(meeting.date, v)}
      submit={(input) => mutation.mutateAsync(input.at ? { endedAt: input.at } : {})}
      pending={mutation.isPending}
      successMessage={t("meetings.close.done")}
      submitLabel={t("meetings.close.submit")}
    >
      {(form) => (
        <>
          <Text size="sm">{t("meetings.close.text")}</Text>
          <Checkbox
            label={t("meetings.close.later")}
            {...form.getInputProps("later", { type: "checkbox" })}
          />
          {form.values.later && (
            <AppTimeInput
              label={t("meetings.close.time")}
              name="time"
              {...form.getInputProps("time")}
            />
          )}
        </>
      )}
    </FormModal>
  );
}
