import type { OpinionDto } from "@chibo/domain";
import {
  ActionIcon,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconTrash } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TYPED_SPEAKER, speakerValue, withSpeaker, type Speaker } from "../lib/working-copy";

interface OpinionEditorProps {
  opinion: OpinionDto;
  /** Numbers as shown: opinion m of item n. */
  m: number;
  n: number;
  first: boolean;
  last: boolean;
  speakers: readonly Speaker[];
  errors: Record<string, string>;
  /** The path of this opinion in the save body ("content.items.2.opinions.0"). */
  path: string;
  focusOnMount: boolean;
  onChange: (fn: (opinion: OpinionDto) => OpinionDto) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One opinion: who spoke (a member, a guest, or a typed name) and what they said. */
export function OpinionEditor({
  opinion,
  m,
  n,
  first,
  last,
  speakers,
  errors,
  path,
  focusOnMount,
  onChange,
  onMove,
  onRemove,
}: OpinionEditorProps) {
  const { t } = useTranslation();
  const [typing, setTyping] = useState(() => speakerValue(opinion) === TYPED_SPEAKER);
  const select = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (focusOnMount) select.current?.focus();
  }, [focusOnMount]);

  const chosen = speakerValue(opinion);
  const value = typing ? TYPED_SPEAKER : chosen;
  const members = speakers.filter((s) => s.kind === "member");
  const guests = speakers.filter((s) => s.kind === "guest");
  // A speaker saved earlier who is no longer on the roster keeps their name in the list.
  const missing =
    chosen !== "" &&
    chosen !== TYPED_SPEAKER &&
    !speakers.some((s) => `${s.kind}:${s.id}` === chosen)
      ? [{ value: chosen, label: opinion.speakerName }]
      : [];
  const data = [
    { value: "", label: t("minutes.header.choose") },
    ...missing,
    {
      group: t("minutes.opinion.members"),
      items: members.map((s) => ({ value: `member:${s.id}`, label: s.name })),
    },
    ...(guests.length > 0
      ? [
          {
            group: t("minutes.opinion.guests"),
            items: guests.map((s) => ({ value: `guest:${s.id}`, label: s.name })),
          },
        ]
      : []),
    { value: TYPED_SPEAKER, label: t("minutes.opinion.typed") },
  ];
  const speakerError = errors[`${path}.speakerName`];

  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      component="li"
      data-testid={`opinion-${String(n)}-${String(m)}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" fw={700} c="dimmed">
            {t("minutes.opinion.number", { m })}
          </Text>
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              size="lg"
              disabled={first}
              aria-label={t("minutes.opinion.move_up", { m, n })}
              onClick={() => {
                onMove(-1);
              }}
            >
              <IconArrowUp size={18} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              size="lg"
              disabled={last}
              aria-label={t("minutes.opinion.move_down", { m, n })}
              onClick={() => {
                onMove(1);
              }}
            >
              <IconArrowDown size={18} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t("minutes.opinion.remove", { m, n })}
              onClick={onRemove}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        </Group>
        <NativeSelect
          ref={select}
          label={t("minutes.opinion.speaker_short")}
          aria-label={t("minutes.opinion.speaker", { m, n })}
          data={data}
          value={value}
          error={typing ? undefined : speakerError}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setTyping(next === TYPED_SPEAKER);
            onChange((o) => withSpeaker(o, next, speakers));
          }}
        />
        {typing && (
          <TextInput
            label={t("minutes.opinion.speaker_name_short")}
            aria-label={t("minutes.opinion.speaker_name", { m, n })}
            value={opinion.speakerName}
            error={speakerError}
            autoComplete="off"
            onChange={(event) => {
              const name = event.currentTarget.value;
              onChange((o) => ({ ...o, speakerName: name }));
            }}
          />
        )}
        <Textarea
          label={t("minutes.opinion.text_short")}
          aria-label={t("minutes.opinion.text", { m, n })}
          autosize
          minRows={2}
          value={opinion.text}
          error={errors[`${path}.text`]}
          onChange={(event) => {
            const text = event.currentTarget.value;
            onChange((o) => ({ ...o, text }));
          }}
        />
      </Stack>
    </Paper>
  );
}
