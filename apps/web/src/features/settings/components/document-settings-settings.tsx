import {
  DEFAULT_DOCUMENT_LAYOUT,
  documentSettingsInput,
  type DocumentSettingsDto,
} from "@chibo/domain";
import { SimpleGrid, Switch, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useSchemaValidator } from "@/hooks/use-form-helpers";
import { useDocumentSettings } from "../api/get-document-settings";
import { useSaveDocumentSettings } from "../api/save-document-settings";
import {
  documentSettingsForm,
  documentSettingsOverrides,
  numberOf,
  type DocumentSettingsForm,
  DOCUMENT_FIELDS,
} from "../lib/rules-form";
import {
  RuleGroup,
  RuleNumberInput,
  SettingsFormFrame,
  useSettingsSave,
} from "./settings-form-parts";

const MARGINS = ["marginTopMm", "marginBottomMm", "marginLeftMm", "marginRightMm"] as const;
type NumberField = (typeof MARGINS)[number] | "titleSizePt";

const MARGIN_LABEL = {
  marginTopMm: "settings.documents.margin_top",
  marginBottomMm: "settings.documents.margin_bottom",
  marginLeftMm: "settings.documents.margin_left",
  marginRightMm: "settings.documents.margin_right",
} as const;

/** The Party document layout of exported documents (documents.md): locality, margins, "Số", title size. */
export function DocumentSettingsSettings() {
  const { data, isPending, error, dataUpdatedAt } = useDocumentSettings();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  return <DocumentSettingsEditor key={dataUpdatedAt} data={data} />;
}

function DocumentSettingsEditor({ data }: { data: DocumentSettingsDto }) {
  const { t, i18n } = useTranslation();
  const save = useSaveDocumentSettings();
  const validate = useSchemaValidator(documentSettingsInput, (v: DocumentSettingsForm) =>
    documentSettingsOverrides(v, data),
  );
  const form = useForm<DocumentSettingsForm>({
    mode: "controlled",
    initialValues: documentSettingsForm(data.effective),
    validate,
  });
  const frame = useSettingsSave({
    form,
    save,
    schema: documentSettingsInput,
    toOverrides: (v: DocumentSettingsForm) => documentSettingsOverrides(v, data),
    data,
    fields: DOCUMENT_FIELDS,
  });
  const d = DEFAULT_DOCUMENT_LAYOUT;
  const num = (path: NumberField) => ({
    ...form.getInputProps(path),
    onChange: (value: string | number) => {
      form.setFieldValue(path, numberOf(value));
    },
  });
  const mm = ` ${t("settings.unit.mm")}`;
  const decimalSeparator = (i18n.resolvedLanguage ?? "vi").startsWith("vi") ? "," : ".";

  const colon = form.values.numberColon;
  return (
    <SettingsFormFrame
      testId="document-settings-form"
      title={t("settings.documents.title")}
      intro={t("settings.documents.intro")}
      {...frame}
    >
      <RuleGroup legend={t("settings.documents.group_header")}>
        <TextInput
          label={t("settings.documents.place")}
          description={t("settings.documents.place_help")}
          maxLength={100}
          {...form.getInputProps("place")}
        />
        <Switch
          label={t("settings.documents.number_colon")}
          description={t("settings.documents.number_colon_help")}
          {...form.getInputProps("numberColon", { type: "checkbox" })}
        />
        <Text size="sm" aria-live="polite">
          {t("settings.documents.number_example")}{" "}
          <Text span fw={600} ff="'Times New Roman', serif">
            {colon ? "Số: 05-NQ/CB" : "Số 05-NQ/CB"}
          </Text>
        </Text>
        <RuleNumberInput
          label={t("settings.documents.title_size")}
          help={t("settings.documents.title_size_help")}
          byDefault={`${String(d.titleSizePt)} pt`}
          suffix=" pt"
          min={15}
          max={16}
          step={0.5}
          decimalScale={1}
          decimalSeparator={decimalSeparator}
          {...num("titleSizePt")}
        />
      </RuleGroup>
      <RuleGroup legend={t("settings.documents.group_margins")}>
        <Text size="sm" c="dimmed">
          {t("settings.documents.margins_help")}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          {MARGINS.map((field) => (
            <RuleNumberInput
              key={field}
              label={t(MARGIN_LABEL[field])}
              help=""
              byDefault={`${String(d[field])}${mm}`}
              suffix={mm}
              min={5}
              max={50}
              decimalScale={1}
              decimalSeparator={decimalSeparator}
              {...num(field)}
            />
          ))}
        </SimpleGrid>
      </RuleGroup>
    </SettingsFormFrame>
  );
}
