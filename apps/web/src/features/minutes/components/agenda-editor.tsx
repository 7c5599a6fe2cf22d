import { agendaItemsInput, type AgendaDto, type AgendaSection } from "@chibo/domain";
import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import {
  IconArrowDown,
  IconArrowUp,
  IconDeviceFloppy,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { zodFieldErrors } from "@/lib/validation";
import { useUpdateAgenda } from "../api/update-agenda";
import {
  addToSection,
  draftFromAgenda,
  groupBySection,
  moveWithinSection,
  sameAgenda,
  toAgendaInput,
  type AgendaDraftItem,
} from "../lib/agenda-draft";
import { removeAt, replaceAt } from "../lib/working-copy";
import { TasksToReview } from "./tasks-to-review";

/**
 * A draft agenda being prepared: steps grouped by section, each with its title, presenter and notes;
 * added, removed, moved within their section; saved whole with the version read.
 */
export function AgendaEditor({
  agenda,
  onDirtyChange,
}: {
  agenda: AgendaDto;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const readError = useSubmitError();
  const save = useUpdateAgenda(agenda.meetingId);
  const [initial] = useState(() => draftFromAgenda(agenda));
  const [items, setItems] = useState<AgendaDraftItem[]>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const dirty = !sameAgenda(items, initial);

  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);

  const change = (next: AgendaDraftItem[]) => {
    setItems(next);
    setMessage(null);
  };
  const edit = (index: number, patch: Partial<AgendaDraftItem>) => {
    change(replaceAt(items, index, (item) => ({ ...item, ...patch })));
  };

  const onSave = () => {
    const input = toAgendaInput(items, agenda.version);
    const local = zodFieldErrors(agendaItemsInput, input, t, language);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const parsed = agendaItemsInput.parse(input);
    save.mutate(parsed, {
      onSuccess: () => {
        notifySuccess(t("minutes.agenda.saved"));
      },
      onError: (error) => {
        const read = readError(error);
        setErrors(read.fields);
        setMessage(read.message);
      },
    });
  };

  const sectionName = (section: AgendaSection) => t(`minutes.section.${section}`);

  return (
    <Stack gap="sm" data-testid="agenda-editor">
      {groupBySection(items).map(({ section, entries }) => (
        <Paper key={section} withBorder p={{ base: "sm", sm: "md" }} component="section">
          <Title order={3} size="h5" mb="xs" c="red.8" tt="uppercase">
            {sectionName(section)}
          </Title>
          <Stack gap="md">
            {entries.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("minutes.agenda.item.empty_section")}
              </Text>
            )}
            {entries.map(({ item, index }, k) => {
              const n = index + 1;
              return (
                <Stack key={item.uid} gap={6} data-testid={`agenda-item-${String(n)}`}>
                  <Group gap="xs" wrap="nowrap" align="flex-end">
                    <TextInput
                      style={{ flex: 1 }}
                      label={t("minutes.agenda.item.title_short")}
                      aria-label={t("minutes.agenda.item.title", { n })}
                      required
                      leftSection={
                        <Text size="sm" fw={600} c="dimmed">
                          {n}.
                        </Text>
                      }
                      value={item.title}
                      error={errors[`items.${String(index)}.title`]}
                      onChange={(e) => {
                        edit(index, { title: e.currentTarget.value });
                      }}
                    />
                    <Group gap={2} wrap="nowrap" pb={2}>
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        aria-label={t("minutes.agenda.item.move_up", { n })}
                        disabled={k === 0}
                        onClick={() => {
                          change(moveWithinSection(items, index, -1));
                        }}
                      >
                        <IconArrowUp size={18} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        aria-label={t("minutes.agenda.item.move_down", { n })}
                        disabled={k === entries.length - 1}
                        onClick={() => {
                          change(moveWithinSection(items, index, 1));
                        }}
                      >
                        <IconArrowDown size={18} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={t("minutes.agenda.item.remove", { n })}
                        onClick={() => {
                          change(removeAt(items, index));
                        }}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Group>
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <TextInput
                      label={t("minutes.agenda.item.presenter_short")}
                      aria-label={t("minutes.agenda.item.presenter", { n })}
                      value={item.presenter}
                      error={errors[`items.${String(index)}.presenter`]}
                      onChange={(e) => {
                        edit(index, { presenter: e.currentTarget.value });
                      }}
                    />
                    <Textarea
                      label={t("minutes.agenda.item.notes_short")}
                      aria-label={t("minutes.agenda.item.notes", { n })}
                      autosize
                      minRows={1}
                      value={item.notes}
                      error={errors[`items.${String(index)}.notes`]}
                      onChange={(e) => {
                        edit(index, { notes: e.currentTarget.value });
                      }}
                    />
                  </SimpleGrid>
                  {item.key === "report" && agenda.meetingKind === "regular" && (
                    <TasksToReview tasks={agenda.tasksToReview} />
                  )}
                </Stack>
              );
            })}
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              aria-label={t("minutes.agenda.item.add_to", { section: sectionName(section) })}
              onClick={() => {
                change(addToSection(items, section));
              }}
              style={{ alignSelf: "flex-start" }}
            >
              {t("minutes.agenda.item.add")}
            </Button>
          </Stack>
        </Paper>
      ))}
      {errors.items && <ErrorAlert error={null} message={errors.items} />}
      <ErrorAlert error={null} message={message} />
      <Group justify="space-between" gap="xs">
        <Text size="sm" c={dirty ? "orange.8" : "dimmed"} role="status">
          {dirty ? t("minutes.agenda.unsaved") : ""}
        </Text>
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={onSave}
          loading={save.isPending}
          disabled={!dirty}
        >
          {t("minutes.agenda.actions.save")}
        </Button>
      </Group>
    </Stack>
  );
}
