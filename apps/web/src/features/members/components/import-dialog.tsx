import type { ImportReportDto } from "@chibo/domain";
import { Anchor, Button, FileInput, Group, Radio, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload, IconFileSpreadsheet } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { UnitSelect } from "@/components/units/unit-select";
import { useErrorMessage } from "@/hooks/use-error-message";
import { isApiError } from "@/lib/api-client";
import { notifySuccess } from "@/lib/notify";
import { reportOfError, useImportMembers, type ImportMode } from "../api/import-members";
import { importTemplateUrl } from "../api/import-template";

interface ImportDialogProps {
  opened: boolean;
  onClose: () => void;
  defaultUnitId: string | null;
}

const isActive = (unit: { active: boolean }) => unit.active;

function isImportMode(value: string): value is ImportMode {
  return value === "all_or_nothing" || value === "valid_rows";
}

/** Imports a filled-in template into one cell, and shows the row-by-row report either way. */
export function ImportDialog({ opened, onClose, defaultUnitId }: ImportDialogProps) {
  const { t } = useTranslation();
  const toMessage = useErrorMessage();
  const mutation = useImportMembers();
  const [unitId, setUnitId] = useState<string | null>(defaultUnitId);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("all_or_nothing");
  const [missing, setMissing] = useState<{ unit?: string; file?: string }>({});

  const report: ImportReportDto | null = mutation.data ?? reportOfError(mutation.error);
  const errorDetails =
    isApiError(mutation.error) && !report ? (mutation.error.problem.details ?? []) : [];

  const submit = () => {
    const required = t("common.validation.required");
    const problems = { ...(unitId ? {} : { unit: required }), ...(file ? {} : { file: required }) };
    setMissing(problems);
    if (!unitId || !file) return;
    mutation.mutate(
      { unitId, mode, file },
      {
        onSuccess: (result) => {
          notifySuccess(t("members.import.done", { count: result.imported }));
        },
      },
    );
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={t("members.import.title")} size="xl">
      <Stack gap="sm">
        <Anchor href={importTemplateUrl} download size="sm">
          <Group gap={4} component="span">
            <IconDownload size={16} aria-hidden />
            {t("members.import.template")}
          </Group>
        </Anchor>
        <UnitSelect
          label={t("members.import.unit")}
          name="unitId"
          required
          autoSelectSingle
          value={unitId}
          error={missing.unit}
          description={t("common.unit_picker.cells_only")}
          kind="cell"
          isPickable={isActive}
          onChange={(value) => {
            setUnitId(value);
            mutation.reset();
          }}
        />
        <FileInput
          label={t("members.import.file")}
          placeholder={t("members.import.file_placeholder")}
          name="file"
          required
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          value={file}
          error={missing.file}
          clearable
          onChange={(value) => {
            setFile(value);
            mutation.reset();
          }}
        />
        <Radio.Group
          label={t("members.import.mode")}
          name="mode"
          value={mode}
          onChange={(value) => {
            if (isImportMode(value)) setMode(value);
          }}
        >
          <Stack gap={6} mt={4}>
            <Radio value="all_or_nothing" label={t("members.import.mode_all")} />
            <Radio value="valid_rows" label={t("members.import.mode_valid")} />
          </Stack>
        </Radio.Group>

        {mutation.error && <ErrorAlert error={null} message={toMessage(mutation.error)} />}
        {errorDetails.length > 0 && (
          <Stack gap={2} component="ul" style={{ margin: 0 }}>
            {errorDetails.map((d) => (
              <Text key={`${d.path}:${d.message}`} component="li" size="sm">
                {d.message}
              </Text>
            ))}
          </Stack>
        )}
        {report && <ImportReport report={report} />}

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.actions.close")}
          </Button>
          <Button onClick={submit} loading={mutation.isPending}>
            {t("members.import.submit")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function ImportReport({ report }: { report: ImportReportDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" aria-live="polite">
      <Title order={3} size="h5">
        {t("members.import.report_title")}
      </Title>
      <Text size="sm">
        {t("members.import.summary", {
          total: report.totalRows,
          imported: report.imported,
          skipped: report.skipped,
        })}
      </Text>
      {report.errors.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("members.import.no_errors")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={300} mah={320}>
          <Table striped withTableBorder stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("members.import.row")}</Table.Th>
                <Table.Th>{t("members.import.column")}</Table.Th>
                <Table.Th>{t("members.import.reason")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((e, i) => (
                <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
