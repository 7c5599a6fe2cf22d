import {
  yearlyInput,
  type MemberYearlyDto,
  type YearlyEntryDto,
  type YearlyKind,
  YEARLY_KINDS,
} from "@chibo/domain";
import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppDateInput } from "@/components/ui/date-input";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormModal } from "@/components/ui/form-modal";
import { PageLoader } from "@/components/ui/page-loader";
import { isApiError } from "@/lib/api-client";
import { formatDate, formatDateTime, todayIso } from "@/lib/format";
import { useMemberYearly } from "../api/get-member-yearly";
import { useSaveYearly } from "../api/save-yearly";

interface Editing {
  year: number;
  kind: YearlyKind;
  entry: YearlyEntryDto | null;
}

/** The years to show: this year first, then every other year that has an entry, latest first. */
function yearsOf(data: MemberYearlyDto, thisYear: number): number[] {
  const others = [...new Set(data.entries.map((e) => e.year))]
    .filter((y) => y !== thisYear)
    .sort((a, b) => b - a);
  return [thisYear, ...others];
}

function allowed(data: MemberYearlyDto, kind: YearlyKind): boolean {
  return kind === "assignment" ? data.can.assign : data.can.commit;
}

/**
 * "Phân công nhiệm vụ & cam kết": each year's task assignment (given by the cell) and the member's
 * commitment to self-improvement, this year first, editable as the server's `can` allows.
 */
export function MemberYearlyPanel({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useMemberYearly(memberId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const thisYear = Number(todayIso().slice(0, 4));

  // The member page says it already when the member cannot be read.
  if (error && isApiError(error) && (error.status === 404 || error.status === 403)) return null;

  const years = data ? yearsOf(data, thisYear) : [];
  const [current, ...older] = years;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="member-yearly-title">
      <Title order={2} size="h4" id="member-yearly-title">
        {t("followup.yearly.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("followup.yearly.intro")}
      </Text>
      {isPending && <PageLoader />}
      {error && <ErrorAlert error={error} />}
      {data && current !== undefined && (
        <Stack gap="md">
          <YearBlock data={data} year={current} current onEdit={setEditing} />
          {older.length > 0 && (
            <Stack gap="sm">
              <Title order={3} size="h5">
                {t("followup.yearly.older")}
              </Title>
              {older.map((year) => (
                <YearBlock key={year} data={data} year={year} onEdit={setEditing} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
      {editing && (
        <YearlyModal
          memberId={memberId}
          editing={editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Paper>
  );
}

function YearBlock({
  data,
  year,
  current = false,
  onEdit,
}: {
  data: MemberYearlyDto;
  year: number;
  current?: boolean;
  onEdit: (editing: Editing) => void;
}) {
  const { t } = useTranslation();
  const headingId = `member-yearly-${year}`;
  return (
    <Paper
      withBorder={current}
      bg={current ? undefined : "gray.0"}
      p="sm"
      component="section"
      aria-labelledby={headingId}
    >
      <Title order={3} size="h5" id={headingId} mb="xs">
        {current
          ? t("followup.yearly.current_year", { year })
          : t("followup.yearly.year", { year })}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {YEARLY_KINDS.map((kind) => (
          <EntryView
            key={kind}
            kind={kind}
            year={year}
            entry={data.entries.find((e) => e.year === year && e.kind === kind) ?? null}
            canEdit={allowed(data, kind)}
            onEdit={onEdit}
          />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function EntryView({
  kind,
  year,
  entry,
  canEdit,
  onEdit,
}: {
  kind: YearlyKind;
  year: number;
  entry: YearlyEntryDto | null;
  canEdit: boolean;
  onEdit: (editing: Editing) => void;
}) {
  const { t } = useTranslation();
  const action = entry ? t(`followup.yearly.edit.${kind}`) : t(`followup.yearly.add.${kind}`);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t(`followup.yearly.kind.${kind}`)}
      </Text>
      {entry ? (
        <>
          <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
            {entry.content}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              entry.datedOn
                ? t("followup.yearly.dated_on", { date: formatDate(entry.datedOn) })
                : null,
              entry.recordedBy
                ? t("followup.yearly.updated_by", {
                    name: entry.recordedBy,
                    at: formatDateTime(entry.updatedAt),
                  })
                : t("followup.yearly.updated", { at: formatDateTime(entry.updatedAt) }),
            ]
              .filter((part) => part !== null)
              .join(" · ")}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t(`followup.yearly.empty.${kind}`)}
        </Text>
      )}
      {canEdit && (
        <Group>
          <Button
            variant="light"
            size="compact-sm"
            leftSection={entry ? <IconPencil size={14} /> : <IconPlus size={14} />}
            aria-label={t("followup.yearly.action_label", { action, year })}
            onClick={() => {
              onEdit({ year, kind, entry });
            }}
          >
            {action}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface YearlyValues extends Record<string, unknown> {
  content: string;
  datedOn: string | null;
}

function YearlyModal({
  memberId,
  editing,
  onClose,
}: {
  memberId: string;
  editing: Editing;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { year, kind, entry } = editing;
  const mutation = useSaveYearly(memberId, year, kind);
  const initial: YearlyValues = { content: entry?.content ?? "", datedOn: entry?.datedOn ?? null };
  return (
    <FormModal
      title={t(`followup.yearly.modal_title.${kind}`, { year })}
      onClose={onClose}
      schema={yearlyInput}
      initialValues={initial}
      toInput={(v) => ({ content: v.content, datedOn: v.datedOn ?? null })}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t(`followup.yearly.saved.${kind}`)}
    >
      {(form) => (
        <>
          <Textarea
            label={t(`followup.yearly.content.${kind}`)}
            name="content"
            required
            autosize
            minRows={5}
            maxRows={16}
            data-autofocus
            {...form.getInputProps("content")}
          />
          <AppDateInput
            label={t(`followup.yearly.date.${kind}`)}
            description={t("followup.yearly.date_hint")}
            name="datedOn"
            {...form.getInputProps("datedOn")}
          />
        </>
      )}
    </FormModal>
  );
}
