import { DEFAULT_MEETING_RULES, meetingRulesInput, type MeetingRulesDto } from "@chibo/domain";
import { Button, Group, NumberInput, SimpleGrid, Stack, Switch, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useForm, type FormErrors } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useSchemaValidator } from "@/hooks/use-form-helpers";
import { formatPercent } from "@/lib/format";
import { useMeetingRules } from "../api/get-meeting-rules";
import { useSaveMeetingRules } from "../api/save-meeting-rules";
import {
  isRateField,
  isTargetShareField,
  meetingRulesForm,
  meetingRulesOverrides,
  numberOf,
  type MeetingRulesForm,
  MEETING_FIELDS,
} from "../lib/rules-form";
import {
  RuleGroup,
  RuleNumberInput,
  SettingsFormFrame,
  useSettingsSave,
} from "./settings-form-parts";
import { RemoveRowButton } from "@/components/ui/remove-row-button";

type NumberField =
  | "regularMinMinutes"
  | "combinedMinMinutes"
  | "thematicPerQuarter"
  | "forumsPerYear.min"
  | "forumsPerYear.max"
  | "qualityRateThreshold"
  | "programmeTarget"
  | "quorumFraction"
  | "maxConsecutiveExcused"
  | "consecutiveAbsenceAlert"
  | "removalReviewMonths"
  | "reminderHoursBefore"
  | "yearTotMeetings"
  | `totTargets.${number}.year`
  | `totTargets.${number}.share`;

/** The tenant's meeting rules: lengths, thematic and forum meetings, attendance, absences, reminders. */
export function MeetingRulesSettings() {
  const { data, isPending, error, dataUpdatedAt } = useMeetingRules();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  return <MeetingRulesEditor key={dataUpdatedAt} data={data} />;
}

function MeetingRulesEditor({ data }: { data: MeetingRulesDto }) {
  const { t, i18n } = useTranslation();
  const save = useSaveMeetingRules();
  const schemaErrors = useSchemaValidator(meetingRulesInput, (v: MeetingRulesForm) =>
    meetingRulesOverrides(v, data),
  );
  // The contract speaks of rates as fractions; the fields show percent.
  const validate = (values: MeetingRulesForm): FormErrors => {
    const errors = schemaErrors(values);
    for (const path of Object.keys(errors)) {
      if (isRateField(path)) errors[path] = t(`settings.meeting.${path}_range`);
      else if (isTargetShareField(path)) errors[path] = t("settings.meeting.target_share_range");
    }
    return errors;
  };
  const form = useForm<MeetingRulesForm>({
    mode: "controlled",
    initialValues: meetingRulesForm(data.effective),
    validate,
  });
  const frame = useSettingsSave({
    form,
    save,
    schema: meetingRulesInput,
    toOverrides: (v: MeetingRulesForm) => meetingRulesOverrides(v, data),
    data,
    fields: MEETING_FIELDS,
  });
  const d = DEFAULT_MEETING_RULES;
  const num = (path: NumberField) => ({
    ...form.getInputProps(path),
    onChange: (value: string | number) => {
      form.setFieldValue(path, numberOf(value));
    },
  });
  const language = i18n.resolvedLanguage ?? "vi";
  const percent = (rate: number) => formatPercent(rate, language);
  const minutes = (n: number) => t("settings.unit.minutes", { count: n });
  const minutesSuffix = ` ${t("settings.unit.minutes_suffix")}`;
  const rateProps = {
    suffix: "%",
    min: 0,
    max: 100,
    decimalScale: 2,
    step: 1,
    // 66,67% in Vietnamese, 66.67% in English.
    decimalSeparator: language.startsWith("vi") ? "," : ".",
  } as const;

  return (
    <SettingsFormFrame
      testId="meeting-rules-form"
      title={t("settings.meeting.title")}
      intro={t("settings.meeting.intro")}
      {...frame}
    >
      <RuleGroup legend={t("settings.meeting.group_length")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <RuleNumberInput
            label={t("settings.meeting.regular_min_minutes")}
            help={t("settings.meeting.regular_min_minutes_help")}
            byDefault={minutes(d.regularMinMinutes)}
            suffix={minutesSuffix}
            min={1}
            max={600}
            step={5}
            {...num("regularMinMinutes")}
          />
          <RuleNumberInput
            label={t("settings.meeting.combined_min_minutes")}
            help={t("settings.meeting.combined_min_minutes_help")}
            byDefault={minutes(d.combinedMinMinutes)}
            suffix={minutesSuffix}
            min={1}
            max={600}
            step={5}
            {...num("combinedMinMinutes")}
          />
        </SimpleGrid>
      </RuleGroup>
      <RuleGroup legend={t("settings.meeting.group_kinds")}>
        <RuleNumberInput
          label={t("settings.meeting.thematic_per_quarter")}
          help={t("settings.meeting.thematic_per_quarter_help")}
          byDefault={String(d.thematicPerQuarter)}
          min={0}
          max={3}
          {...num("thematicPerQuarter")}
        />
        <SimpleGrid cols={2} spacing="sm">
          <RuleNumberInput
            label={t("settings.meeting.forums_min")}
            help=""
            byDefault={String(d.forumsPerYear.min)}
            min={0}
            max={12}
            {...num("forumsPerYear.min")}
          />
          <RuleNumberInput
            label={t("settings.meeting.forums_max")}
            help=""
            byDefault={String(d.forumsPerYear.max)}
            min={0}
            max={12}
            {...num("forumsPerYear.max")}
          />
        </SimpleGrid>
      </RuleGroup>
      <RuleGroup legend={t("settings.meeting.group_attendance")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <RuleNumberInput
            label={t("settings.meeting.quality_rate")}
            help={t("settings.meeting.quality_rate_help")}
            byDefault={percent(d.qualityRateThreshold)}
            {...rateProps}
            {...num("qualityRateThreshold")}
          />
          <RuleNumberInput
            label={t("settings.meeting.programme_target")}
            help={t("settings.meeting.programme_target_help")}
            byDefault={percent(d.programmeTarget)}
            {...rateProps}
            {...num("programmeTarget")}
          />
          <RuleNumberInput
            label={t("settings.meeting.quorum")}
            help={t("settings.meeting.quorum_help")}
            byDefault={t("settings.meeting.quorum_default", { value: percent(d.quorumFraction) })}
            {...rateProps}
            {...num("quorumFraction")}
          />
        </SimpleGrid>
      </RuleGroup>
      <RuleGroup legend={t("settings.meeting.group_absences")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <RuleNumberInput
            label={t("settings.meeting.max_consecutive_excused")}
            help={t("settings.meeting.max_consecutive_excused_help")}
            byDefault={t("settings.unit.times", { count: d.maxConsecutiveExcused })}
            min={1}
            max={12}
            {...num("maxConsecutiveExcused")}
          />
          <RuleNumberInput
            label={t("settings.meeting.consecutive_absence_alert")}
            help={t("settings.meeting.consecutive_absence_alert_help")}
            byDefault={t("settings.unit.meetings", { count: d.consecutiveAbsenceAlert })}
            min={1}
            max={12}
            {...num("consecutiveAbsenceAlert")}
          />
          <RuleNumberInput
            label={t("settings.meeting.removal_review_months")}
            help={t("settings.meeting.removal_review_months_help")}
            byDefault={t("settings.unit.months", { count: d.removalReviewMonths })}
            min={1}
            max={12}
            {...num("removalReviewMonths")}
          />
        </SimpleGrid>
      </RuleGroup>
      <RuleGroup legend={t("settings.meeting.group_schedule")}>
        <Switch
          label={t("settings.meeting.postpone_within_month")}
          description={t("settings.meeting.postpone_within_month_help")}
          {...form.getInputProps("postponeWithinMonth", { type: "checkbox" })}
        />
        <RuleNumberInput
          label={t("settings.meeting.reminder_hours")}
          help={t("settings.meeting.reminder_hours_help")}
          byDefault={t("settings.unit.hours", { count: d.reminderHoursBefore })}
          suffix={` ${t("settings.unit.hours_suffix")}`}
          min={1}
          max={168}
          {...num("reminderHoursBefore")}
        />
      </RuleGroup>
      <RuleGroup legend={t("settings.meeting.group_year")}>
        <RuleNumberInput
          label={t("settings.meeting.year_tot_meetings")}
          help={t("settings.meeting.year_tot_meetings_help")}
          byDefault={t("settings.unit.meetings", { count: d.yearTotMeetings })}
          min={1}
          max={12}
          {...num("yearTotMeetings")}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t("settings.meeting.tot_targets")}
          </Text>
          <Text size="xs" c="dimmed">
            {t("settings.meeting.tot_targets_help", {
              value: d.totTargets.map((x) => `${String(x.year)}: > ${percent(x.share)}`).join("; "),
            })}
          </Text>
          {form.values.totTargets.map((_, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <NumberInput
                label={t("settings.meeting.target_year")}
                min={2000}
                max={2100}
                allowDecimal={false}
                w={110}
                disabled={!data.canConfigure}
                {...num(`totTargets.${i}.year`)}
              />
              <NumberInput
                label={t("settings.meeting.target_share")}
                w={130}
                disabled={!data.canConfigure}
                {...rateProps}
                {...num(`totTargets.${i}.share`)}
              />
              <RemoveRowButton
                label={t("settings.meeting.target_remove", { index: i + 1 })}
                disabled={!data.canConfigure}
                onRemove={() => {
                  form.removeListItem("totTargets", i);
                }}
              />
            </Group>
          ))}
          {form.errors.totTargets !== undefined && (
            <Text size="xs" c="red" role="alert">
              {form.errors.totTargets}
            </Text>
          )}
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            w="fit-content"
            disabled={!data.canConfigure}
            onClick={() => {
              const last = form.values.totTargets.at(-1);
              const year =
                typeof last?.year === "number" ? last.year + 1 : new Date().getFullYear();
              form.insertListItem("totTargets", { year, share: last?.share ?? 95 });
            }}
          >
            {t("settings.meeting.target_add")}
          </Button>
        </Stack>
      </RuleGroup>
    </SettingsFormFrame>
  );
}
