import {
  AGENDA_ITEM_KEYS,
  AGENDA_SECTIONS,
  agendaTemplatesInput,
  type AgendaItemKey,
  type AgendaSection,
  type AgendaTemplateDto,
  type AgendaTemplatesDto,
  type GuidanceCode,
  type MeetingKind,
} from "@chibo/domain";
import {
  Accordion,
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconArrowDown, IconArrowUp, IconPlus, IconRestore, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { useAgendaTemplates } from "../api/get-agenda-templates";
import { useSaveAgendaTemplates } from "../api/save-agenda-templates";

interface ItemRow {
  /** React's key for the row; not sent. */
  rowKey: string;
  section: AgendaSection;
  key: AgendaItemKey;
  title: string;
  hint: string;
}

interface TemplateRow {
  kind: MeetingKind;
  guidance: GuidanceCode;
  name: string;
  /** The tenant has its own version of this template (as saved). */
  custom: boolean;
  items: ItemRow[];
}

interface EditorValues extends Record<string, unknown> {
  templates: TemplateRow[];
}

type Form = UseFormReturnType<EditorValues>;

const idOf = (t: { kind: string; guidance: string }) => `${t.guidance}:${t.kind}`;

function rowsOf(data: AgendaTemplatesDto): EditorValues {
  return {
    templates: data.templates.map((template) => ({
      kind: template.kind,
      guidance: template.guidance,
      name: template.name,
      custom: template.custom,
      items: template.items.map((item) => ({
        rowKey: randomId(),
        section: item.section,
        key: item.key,
        title: item.title,
        hint: item.hint ?? "",
      })),
    })),
  };
}

/** A template as the contract takes it (no row keys, no `custom`). */
function templateOf(row: TemplateRow) {
  return {
    kind: row.kind,
    guidance: row.guidance,
    name: row.name,
    items: row.items.map((item) => ({
      section: item.section,
      key: item.key,
      title: item.title,
      hint: item.hint,
    })),
  };
}

const sameTemplate = (a: TemplateRow, b: TemplateRow | undefined) =>
  b !== undefined && JSON.stringify(templateOf(a)) === JSON.stringify(templateOf(b));

function isSection(value: string): value is AgendaSection {
  return (AGENDA_SECTIONS as readonly string[]).includes(value);
}
function isItemKey(value: string): value is AgendaItemKey {
  return (AGENDA_ITEM_KEYS as readonly string[]).includes(value);
}

/**
 * The tenant's agenda templates (HD12/HD42 steps as data): every template in force, grouped by
 * guidance, each step editable and movable. Saving sends the templates the tenant keeps as its own —
 * those already custom and those just changed; "restore default" drops one from that list.
 */
export function AgendaTemplatesEditor() {
  const { data, isPending, error, dataUpdatedAt } = useAgendaTemplates();
  // Which template is open outlives the form, which starts afresh from every saved version.
  const [open, setOpen] = useState<string | null>(null);
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  return <EditorForm key={dataUpdatedAt} data={data} open={open} setOpen={setOpen} />;
}

function EditorForm({
  data,
  open,
  setOpen,
}: {
  data: AgendaTemplatesDto;
  open: string | null;
  setOpen: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAgendaTemplates();
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<TemplateRow | null>(null);
  const [initial] = useState(() => rowsOf(data));
  const validate = useSchemaValidator(agendaTemplatesInput, (v: EditorValues) => ({
    templates: v.templates.map(templateOf),
  }));
  const form = useForm<EditorValues>({ mode: "controlled", initialValues: initial, validate });

  const changed = (index: number) => {
    const row = form.values.templates[index];
    return row !== undefined && !sameTemplate(row, initial.templates[index]);
  };
  const changedCount = form.values.templates.filter((_, i) => changed(i)).length;

  /** Opens the first template with an error, so that the messages are seen. */
  const revealErrors = (errors: Record<string, unknown>) => {
    const first = Object.keys(errors)
      .map((path) => /^templates\.(\d+)\./u.exec(path)?.[1])
      .find((index) => index !== undefined);
    const row = first === undefined ? undefined : form.values.templates[Number(first)];
    if (row) setOpen(idOf(row));
  };

  const onSubmit = (values: EditorValues) => {
    setMessage(null);
    // The tenant keeps as its own the templates it had and those changed now.
    const kept = values.templates
      .map((row, index) => ({ row, index }))
      .filter(({ row, index }) => row.custom || !sameTemplate(row, initial.templates[index]));
    const parsed = agendaTemplatesInput.safeParse({
      templates: kept.map(({ row }) => templateOf(row)),
    });
    if (!parsed.success) return;
    save.mutate(parsed.data, {
      onSuccess: () => {
        notifySuccess(t("settings.agenda.saved"));
      },
      onError: (err) => {
        const read = readError(err);
        // The server numbers the templates sent; the form numbers them all.
        const fields: Record<string, string> = {};
        for (const [path, text] of Object.entries(read.fields)) {
          const m = /^templates\.(\d+)(\..*)?$/u.exec(path);
          const sent = m ? kept[Number(m[1])] : undefined;
          if (m && sent) fields[`templates.${sent.index}${m[2] ?? ""}`] = text;
        }
        form.setErrors(fields);
        revealErrors(fields);
        setMessage(read.message);
      },
    });
  };

  const guidances = [...new Set(form.values.templates.map((row) => row.guidance))];

  return (
    <>
      {restoring && (
        <RestoreModal
          data={data}
          template={restoring}
          onClose={() => {
            setRestoring(null);
          }}
        />
      )}
      <form
        noValidate
        onSubmit={form.onSubmit(onSubmit, (errors) => {
          revealErrors(errors);
        })}
      >
        <Stack gap="md">
          {guidances.map((guidance) => (
            <Stack key={guidance} gap="xs" component="section">
              <Title order={2} size="h4">
                {t(`meetings.guidance.${guidance}`)}
              </Title>
              <Accordion
                variant="separated"
                value={open}
                onChange={setOpen}
                aria-label={t("settings.agenda.templates_label", {
                  guidance: t(`meetings.guidance.${guidance}`),
                })}
              >
                {form.values.templates.map((row, index) =>
                  row.guidance !== guidance ? null : (
                    <Accordion.Item key={idOf(row)} value={idOf(row)}>
                      <Accordion.Control>
                        <Stack gap={2}>
                          <Text fw={600} size="sm" style={{ wordBreak: "break-word" }}>
                            {row.name || t(`meetings.kind.${row.kind}`)}
                          </Text>
                          <Group gap={6}>
                            <Badge size="xs" variant="outline" color="gray">
                              {t(`meetings.kind.${row.kind}`)}
                            </Badge>
                            <Badge size="xs" variant="light" color={row.custom ? "blue" : "gray"}>
                              {row.custom
                                ? t("settings.agenda.custom")
                                : t("settings.agenda.default")}
                            </Badge>
                            {changed(index) && (
                              <Badge size="xs" variant="light" color="orange">
                                {t("settings.agenda.changed")}
                              </Badge>
                            )}
                            <Text size="xs" c="dimmed">
                              {t("settings.agenda.step_count", { count: row.items.length })}
                            </Text>
                          </Group>
                        </Stack>
                      </Accordion.Control>
                      <Accordion.Panel>
                        {open === idOf(row) && (
                          <TemplateEditor
                            form={form}
                            index={index}
                            row={row}
                            onRestore={row.custom ? setRestoring : undefined}
                          />
                        )}
                      </Accordion.Panel>
                    </Accordion.Item>
                  ),
                )}
              </Accordion>
            </Stack>
          ))}
          <ErrorAlert error={null} message={message} />
          <Paper
            withBorder
            p="sm"
            style={{ position: "sticky", bottom: 0, zIndex: 2 }}
            bg="var(--mantine-color-body)"
          >
            <Group justify="space-between" gap="xs">
              <Text size="sm" c={changedCount > 0 ? "orange.8" : "dimmed"} aria-live="polite">
                {changedCount > 0
                  ? t("settings.agenda.changed_count", { count: changedCount })
                  : t("settings.agenda.nothing_changed")}
              </Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  disabled={changedCount === 0 || save.isPending}
                  onClick={() => {
                    form.reset();
                    setMessage(null);
                  }}
                >
                  {t("settings.agenda.discard")}
                </Button>
                <Button type="submit" loading={save.isPending} disabled={changedCount === 0}>
                  {t("settings.agenda.save")}
                </Button>
              </Group>
            </Group>
          </Paper>
        </Stack>
      </form>
    </>
  );
}

function TemplateEditor({
  form,
  index,
  row,
  onRestore,
}: {
  form: Form;
  index: number;
  row: TemplateRow;
  onRestore: ((row: TemplateRow) => void) | undefined;
}) {
  const { t } = useTranslation();
  const path = `templates.${index}` as const;
  const itemsError = form.errors[`${path}.items`];
  const sections = AGENDA_SECTIONS.map((s) => ({
    value: s,
    label: t(`settings.agenda.section_value.${s}`),
  }));
  const keys = AGENDA_ITEM_KEYS.map((k) => ({
    value: k,
    label: t(`settings.agenda.item_key.${k}`),
  }));
  return (
    <Stack gap="sm">
      <TextInput
        label={t("settings.agenda.name")}
        required
        {...form.getInputProps(`${path}.name`)}
      />
      <Text fw={600} size="sm">
        {t("settings.agenda.steps")}
      </Text>
      {row.items.map((item, i) => {
        const n = i + 1;
        const itemPath = `${path}.items.${i}`;
        return (
          <Paper
            key={item.rowKey}
            withBorder
            p="xs"
            bg="gray.0"
            role="group"
            aria-labelledby={`${item.rowKey}-label`}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
              <Text fw={600} size="sm" id={`${item.rowKey}-label`}>
                {t("settings.agenda.step", { n })}
              </Text>
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  disabled={i === 0}
                  aria-label={t("settings.agenda.move_up", { n })}
                  onClick={() => {
                    form.reorderListItem(`${path}.items`, { from: i, to: i - 1 });
                  }}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  disabled={i === row.items.length - 1}
                  aria-label={t("settings.agenda.move_down", { n })}
                  onClick={() => {
                    form.reorderListItem(`${path}.items`, { from: i, to: i + 1 });
                  }}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="light"
                  color="red"
                  size="lg"
                  aria-label={t("settings.agenda.remove", { n })}
                  onClick={() => {
                    form.removeListItem(`${path}.items`, i);
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Group>
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <NativeSelect
                  label={t("settings.agenda.section")}
                  data={sections}
                  {...form.getInputProps(`${itemPath}.section`)}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    if (isSection(value)) form.setFieldValue(`${itemPath}.section`, value);
                  }}
                />
                <NativeSelect
                  label={t("settings.agenda.key")}
                  data={keys}
                  {...form.getInputProps(`${itemPath}.key`)}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    if (isItemKey(value)) form.setFieldValue(`${itemPath}.key`, value);
                  }}
                />
              </SimpleGrid>
              <TextInput
                label={t("settings.agenda.item_title")}
                required
                {...form.getInputProps(`${itemPath}.title`)}
              />
              <Textarea
                label={t("settings.agenda.hint")}
                autosize
                minRows={1}
                maxRows={6}
                {...form.getInputProps(`${itemPath}.hint`)}
              />
            </Stack>
          </Paper>
        );
      })}
      {typeof itemsError === "string" && (
        <Text size="sm" c="red.7" role="alert">
          {itemsError}
        </Text>
      )}
      <Group justify="space-between" gap="xs">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => {
            const last = row.items[row.items.length - 1];
            form.insertListItem(`${path}.items`, {
              rowKey: randomId(),
              section: last?.section ?? "proceedings",
              key: "other",
              title: "",
              hint: "",
            } satisfies ItemRow);
          }}
        >
          {t("settings.agenda.add")}
        </Button>
        {onRestore && (
          <Button
            variant="light"
            color="orange"
            size="compact-sm"
            leftSection={<IconRestore size={14} />}
            onClick={() => {
              onRestore(row);
            }}
          >
            {t("settings.agenda.restore")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** Drops one template from the tenant's own (as saved): the national default applies again. */
function RestoreModal({
  data,
  template,
  onClose,
}: {
  data: AgendaTemplatesDto;
  template: TemplateRow;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAgendaTemplates();
  const saved = data.templates.find((x) => idOf(x) === idOf(template));
  const rest: AgendaTemplateDto[] = data.templates
    .filter((x) => x.custom && idOf(x) !== idOf(template))
    .map((x) => ({ kind: x.kind, guidance: x.guidance, name: x.name, items: x.items }));
  return (
    <AppModal opened onClose={onClose} title={t("settings.agenda.restore_title")} size="md">
      <Stack gap="sm">
        <Text size="sm">
          {t("settings.agenda.restore_text", { name: saved?.name ?? template.name })}
        </Text>
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t("common.actions.cancel")}
          </Button>
          <Button
            color="orange"
            loading={save.isPending}
            onClick={() => {
              save.mutate(
                { templates: rest },
                {
                  onSuccess: () => {
                    notifySuccess(t("settings.agenda.restored"));
                    onClose();
                  },
                },
              );
            }}
          >
            {t("settings.agenda.restore_confirm")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
