import {
  DEFAULT_SUPERVISION_RULES,
  supervisionRulesInput,
  type SupervisionRulesDto,
} from "@chibo/domain";
import { SimpleGrid, Switch } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useSchemaValidator } from "@/hooks/use-form-helpers";
import { useSupervisionRules } from "../api/get-supervision-rules";
import { useSaveSupervisionRules } from "../api/save-supervision-rules";
import {
  numberOf,
  supervisionRulesForm,
  supervisionRulesOverrides,
  type SupervisionRulesForm,
  SUPERVISION_FIELDS,
} from "../lib/rules-form";
import {
  RuleGroup,
  RuleNumberInput,
  SettingsFormFrame,
  useSettingsSave,
} from "./settings-form-parts";

type NumberField =
  | "signDays"
  | "documentsAfterDays"
  | "largeCellMembers"
  | "largeCellMinMinutes"
  | "reportDays"
  | "visitsPerQuarter";

/** Days to sign the minutes and to report a visit, the large-cell rule, visits per quarter. */
export function SupervisionRulesSettings() {
  const { data, isPending, error, dataUpdatedAt } = useSupervisionRules();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  return <SupervisionRulesEditor key={dataUpdatedAt} data={data} />;
}

function SupervisionRulesEditor({ data }: { data: SupervisionRulesDto }) {
  const { t } = useTranslation();
  const save = useSaveSupervisionRules();
  const validate = useSchemaValidator(supervisionRulesInput, (v: SupervisionRulesForm) =>
    supervisionRulesOverrides(v, data.overrides),
  );
  const form = useForm<SupervisionRulesForm>({
    mode: "controlled",
    initialValues: supervisionRulesForm(data.effective),
    validate,
  });
  const frame = useSettingsSave({
    form,
    save,
    schema: supervisionRulesInput,
    toOverrides: (v: SupervisionRulesForm) => supervisionRulesOverrides(v, data.overrides),
    data,
    fields: SUPERVISION_FIELDS,
  });
  const d = DEFAULT_SUPERVISION_RULES;
  const num = (path: NumberField) => ({
    ...form.getInputProps(path),
    onChange: (value: string | number) => {
      form.setFieldValue(path, numberOf(value));
    },
  });
  const days = (n: number) => t("settings.unit.days", { count: n });

  return (
    <SettingsFormFrame
      testId="supervision-rules-form"
      title={t("settings.supervision.title")}
      intro={t("settings.supervision.intro")}
      {...frame}
    >
      <RuleGroup legend={t("settings.supervision.group_deadlines")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <RuleNumberInput
            label={t("settings.supervision.sign_days")}
            help={t("settings.supervision.sign_days_help")}
            byDefault={days(d.signDays)}
            suffix={` ${t("settings.unit.days_suffix")}`}
            min={0}
            max={60}
            {...num("signDays")}
          />
          <RuleNumberInput
            label={t("settings.supervision.documents_after_days")}
            help={t("settings.supervision.documents_after_days_help")}
            byDefault={days(d.documentsAfterDays)}
            suffix={` ${t("settings.unit.days_suffix")}`}
            min={0}
            max={60}
            {...num("documentsAfterDays")}
          />
        </SimpleGrid>
      </RuleGroup>
      <RuleGroup legend={t("settings.supervision.group_visits")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <RuleNumberInput
            label={t("settings.supervision.report_days")}
            help={t("settings.supervision.report_days_help")}
            byDefault={days(d.reportDays)}
            suffix={` ${t("settings.unit.days_suffix")}`}
            min={0}
            max={60}
            {...num("reportDays")}
          />
          <RuleNumberInput
            label={t("settings.supervision.visits_per_quarter")}
            help={t("settings.supervision.visits_per_quarter_help")}
            byDefault={String(d.visitsPerQuarter)}
            min={0}
            max={13}
            {...num("visitsPerQuarter")}
          />
        </SimpleGrid>
      </RuleGroup>
      <RuleGroup legend={t("settings.supervision.group_large_cell")}>
        <Switch
          label={t("settings.supervision.large_cell_on")}
          description={t("settings.supervision.large_cell_on_help")}
          {...form.getInputProps("largeCellOn", { type: "checkbox" })}
        />
        {form.values.largeCellOn && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <RuleNumberInput
              label={t("settings.supervision.large_cell_members")}
              help={t("settings.supervision.large_cell_members_help")}
              byDefault={t("settings.unit.members", { count: d.largeCellMembers ?? 0 })}
              suffix={` ${t("settings.unit.members_suffix")}`}
              min={1}
              max={10_000}
              {...num("largeCellMembers")}
            />
            <RuleNumberInput
              label={t("settings.supervision.large_cell_minutes")}
              help={t("settings.supervision.large_cell_minutes_help")}
              byDefault={t("settings.unit.minutes", { count: d.largeCellMinMinutes })}
              suffix={` ${t("settings.unit.minutes_suffix")}`}
              min={1}
              max={600}
              {...num("largeCellMinMinutes")}
            />
          </SimpleGrid>
        )}
      </RuleGroup>
    </SettingsFormFrame>
  );
}
