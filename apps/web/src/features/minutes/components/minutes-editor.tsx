import { minutesSaveInput, type MinutesDto, type MinutesItemDto } from "@chibo/domain";
import {
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
import { IconListDetails, IconPlus } from "@tabler/icons-react";
import { useCallback, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { problemFieldErrors } from "@/lib/problem";
import { zodFieldErrors } from "@/lib/validation";
import { useAgenda } from "../api/get-agenda";
import { useRoster } from "../api/get-roster";
import { useMinutesAutosave, type AutosaveInit } from "../hooks/use-minutes-autosave";
import {
  copyFromMinutes,
  emptyItem,
  itemsFromAgenda,
  moveInList,
  removeAt,
  speakersOf,
  toSaveInput,
  withContent,
  withItem,
} from "../lib/working-copy";
import { AttendanceBlock } from "./attendance-block";
import { ConflictModal } from "./conflict-modal";
import { ItemEditor } from "./item-editor";
import { SaveStatusBar } from "./save-status";

const NO_ERRORS: Record<string, string> = {};

/**
 * The minute-taker's screen: header, opening, one part per agenda step with its opinions, other
 * matters. Every keystroke goes to the device's storage at once and to the server after a pause.
 */
export function MinutesEditor({
  minutes,
  init,
  lead,
  onCleanChange,
}: {
  minutes: MinutesDto;
  init: AutosaveInit;
  lead: boolean;
  /** Told whether everything is on the server (signing waits for it). */
  onCleanChange: (clean: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const meetingId = minutes.meetingId;
  const autosave = useMinutesAutosave(meetingId, init);
  const { copy, update, status, serverRefreshed } = autosave;
  const roster = useRoster(meetingId);
  const agenda = useAgenda(meetingId);
  const speakers = useMemo(() => speakersOf(roster.data), [roster.data]);
  const clean = !autosave.dirty && status !== "saving";

  useEffect(() => {
    onCleanChange(clean);
  }, [clean, onCleanChange]);

  // The server's copy read again (after a resolution, a vote…): newer text from elsewhere is shown
  // when nothing is pending here.
  useEffect(() => {
    serverRefreshed(copyFromMinutes(minutes), minutes.rev);
  }, [minutes, serverRefreshed]);

  const errors = useMemo(() => {
    if (status !== "invalid") return NO_ERRORS;
    const local = zodFieldErrors(minutesSaveInput, toSaveInput(copy, 0), t, language);
    const server = isApiError(autosave.error)
      ? problemFieldErrors(autosave.error.problem, t, language)
      : {};
    return { ...server, ...local };
  }, [status, copy, autosave.error, t, language]);

  const onItemChange = useCallback(
    (index: number, fn: (item: MinutesItemDto) => MinutesItemDto) => {
      update((c) => withItem(c, index, fn));
    },
    [update],
  );
  const onItemMove = useCallback(
    (index: number, delta: -1 | 1) => {
      update((c) =>
        withContent(c, (content) => ({
          ...content,
          items: moveInList(content.items, index, delta),
        })),
      );
    },
    [update],
  );
  const onItemRemove = useCallback(
    (index: number) => {
      update((c) =>
        withContent(c, (content) => ({ ...content, items: removeAt(content.items, index) })),
      );
    },
    [update],
  );

  const members = roster.data?.entries ?? [];
  const memberOptions = (selected: string | null, selectedName: string | null) => [
    { value: "", label: t("minutes.header.choose") },
    ...(selected !== null && !members.some((m) => m.memberId === selected)
      ? [{ value: selected, label: selectedName ?? selected }]
      : []),
    ...members.map((m) => ({ value: m.memberId, label: m.fullName })),
  ];
  const { content } = copy;
  const agendaItems = agenda.data?.items ?? [];

  return (
    <Stack gap="md" data-testid="minutes-editor">
      <SaveStatusBar autosave={autosave} serverSavedAt={minutes.updatedAt} />
      <ConflictModal autosave={autosave} />

      <Paper
        withBorder
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="minutes-header-title"
      >
        <Title order={3} size="h5" mb="xs" id="minutes-header-title">
          {t("minutes.header.title")}
        </Title>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t("minutes.header.chair")}
              data={memberOptions(copy.chairMemberId, minutes.chairName)}
              value={copy.chairMemberId ?? ""}
              disabled={!lead}
              error={errors.chairMemberId}
              onChange={(e) => {
                const value = e.currentTarget.value;
                update((c) => ({ ...c, chairMemberId: value === "" ? null : value }));
              }}
            />
            <NativeSelect
              label={t("minutes.header.minute_taker")}
              data={memberOptions(copy.minuteTakerMemberId, minutes.minuteTakerName)}
              value={copy.minuteTakerMemberId ?? ""}
              disabled={!lead}
              error={errors.minuteTakerMemberId}
              onChange={(e) => {
                const value = e.currentTarget.value;
                update((c) => ({ ...c, minuteTakerMemberId: value === "" ? null : value }));
              }}
            />
          </SimpleGrid>
          <TextInput
            label={t("minutes.header.place")}
            value={content.place ?? ""}
            error={errors["content.place"]}
            onChange={(e) => {
              const place = e.currentTarget.value;
              update((c) => withContent(c, (x) => ({ ...x, place: place === "" ? null : place })));
            }}
          />
          <Group gap="lg">
            <Text size="sm">
              <Text span c="dimmed">
                {t("minutes.header.started")}:{" "}
              </Text>
              {minutes.startedAt ? formatDateTime(minutes.startedAt) : t("minutes.header.not_yet")}
            </Text>
            <Text size="sm">
              <Text span c="dimmed">
                {t("minutes.header.ended")}:{" "}
              </Text>
              {minutes.endedAt ? formatDateTime(minutes.endedAt) : t("minutes.header.not_yet")}
            </Text>
          </Group>
        </Stack>
      </Paper>

      <AttendanceBlock attendance={minutes.attendance} />

      <Paper withBorder p={{ base: "sm", sm: "md" }}>
        <Textarea
          label={t("minutes.header.opening")}
          autosize
          minRows={2}
          value={content.opening}
          error={errors["content.opening"]}
          onChange={(e) => {
            const opening = e.currentTarget.value;
            update((c) => withContent(c, (x) => ({ ...x, opening })));
          }}
        />
      </Paper>

      {content.items.map((item, index) => (
        <ItemEditor
          // Items have no id of their own; the agenda step's id when there is one.
          key={item.agendaItemId ?? `item-${String(index)}`}
          index={index}
          count={content.items.length}
          item={item}
          speakers={speakers}
          errors={errors}
          onChange={onItemChange}
          onMove={onItemMove}
          onRemove={onItemRemove}
        />
      ))}

      <Group gap="xs">
        {content.items.length === 0 && agendaItems.length > 0 && (
          <Button
            leftSection={<IconListDetails size={16} />}
            onClick={() => {
              update((c) => withContent(c, (x) => ({ ...x, items: itemsFromAgenda(agendaItems) })));
            }}
          >
            {t("minutes.item.from_agenda")}
          </Button>
        )}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => {
            update((c) => withContent(c, (x) => ({ ...x, items: [...x.items, emptyItem()] })));
          }}
        >
          {t("minutes.item.add")}
        </Button>
      </Group>

      <Paper withBorder p={{ base: "sm", sm: "md" }}>
        <Textarea
          label={t("minutes.header.other")}
          autosize
          minRows={2}
          value={content.other}
          error={errors["content.other"]}
          onChange={(e) => {
            const other = e.currentTarget.value;
            update((c) => withContent(c, (x) => ({ ...x, other })));
          }}
        />
      </Paper>
    </Stack>
  );
}
