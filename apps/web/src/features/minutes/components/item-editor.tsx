import type { MinutesItemDto, OpinionDto } from "@chibo/domain";
import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconMessagePlus, IconTrash } from "@tabler/icons-react";
import { memo, useState } from "react";
import { useTranslation } from "react-i18next";
import { moveInList, newOpinion, removeAt, replaceAt, type Speaker } from "../lib/working-copy";
import { ConfirmModal } from "./confirm-modal";
import { OpinionEditor } from "./opinion-editor";

export interface ItemEditorProps {
  index: number;
  count: number;
  item: MinutesItemDto;
  speakers: readonly Speaker[];
  /** Field errors keyed by the save body's path ("content.items.0.title"). */
  errors: Record<string, string>;
  onChange: (index: number, fn: (item: MinutesItemDto) => MinutesItemDto) => void;
  onMove: (index: number, delta: -1 | 1) => void;
  onRemove: (index: number) => void;
}

function hasText(item: MinutesItemDto): boolean {
  return item.summary.trim() !== "" || item.conclusion.trim() !== "" || item.opinions.length > 0;
}

/** One part of the minutes: what was presented, every opinion in order, the chair's conclusion. */
export const ItemEditor = memo(function ItemEditor({
  index,
  count,
  item,
  speakers,
  errors,
  onChange,
  onMove,
  onRemove,
}: ItemEditorProps) {
  const { t } = useTranslation();
  const n = index + 1;
  const path = `content.items.${String(index)}`;
  const [focusId, setFocusId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ kind: "item" } | { kind: "opinion"; at: number } | null>(
    null,
  );
  const edit = (fn: (item: MinutesItemDto) => MinutesItemDto) => {
    onChange(index, fn);
  };
  const editOpinion = (at: number, fn: (o: OpinionDto) => OpinionDto) => {
    edit((i) => ({ ...i, opinions: replaceAt(i.opinions, at, fn) }));
  };
  const removeOpinion = (at: number) => {
    edit((i) => ({ ...i, opinions: removeAt(i.opinions, at) }));
  };
  const headingId = `minutes-item-${String(n)}-title`;

  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby={headingId}
      data-testid={`minutes-item-${String(n)}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5" id={headingId} style={{ wordBreak: "break-word" }}>
            {t("minutes.item.heading", {
              n,
              title: item.title.trim() === "" ? t("minutes.item.untitled") : item.title,
            })}
          </Title>
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              size="lg"
              disabled={index === 0}
              aria-label={t("minutes.item.move_up", { n })}
              onClick={() => {
                onMove(index, -1);
              }}
            >
              <IconArrowUp size={18} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              size="lg"
              disabled={index === count - 1}
              aria-label={t("minutes.item.move_down", { n })}
              onClick={() => {
                onMove(index, 1);
              }}
            >
              <IconArrowDown size={18} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t("minutes.item.remove", { n })}
              onClick={() => {
                if (hasText(item)) setConfirm({ kind: "item" });
                else onRemove(index);
              }}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        </Group>
        <TextInput
          label={t("minutes.item.title_short")}
          aria-label={t("minutes.item.title", { n })}
          required
          value={item.title}
          error={errors[`${path}.title`]}
          onChange={(e) => {
            const title = e.currentTarget.value;
            edit((i) => ({ ...i, title }));
          }}
        />
        <TextInput
          label={t("minutes.item.presenter_short")}
          aria-label={t("minutes.item.presenter", { n })}
          value={item.presenter ?? ""}
          error={errors[`${path}.presenter`]}
          onChange={(e) => {
            const presenter = e.currentTarget.value;
            edit((i) => ({ ...i, presenter: presenter === "" ? null : presenter }));
          }}
        />
        <Textarea
          label={t("minutes.item.summary_short")}
          aria-label={t("minutes.item.summary", { n })}
          autosize
          minRows={3}
          value={item.summary}
          error={errors[`${path}.summary`]}
          onChange={(e) => {
            const summary = e.currentTarget.value;
            edit((i) => ({ ...i, summary }));
          }}
        />
        <div>
          <Text size="sm" fw={600} mb={6}>
            {t("minutes.item.opinions")}
          </Text>
          {item.opinions.length === 0 ? (
            <Text size="sm" c="dimmed" mb={6}>
              {t("minutes.item.no_opinions")}
            </Text>
          ) : (
            <Stack
              gap="xs"
              component="ol"
              mb="xs"
              style={{ listStyle: "none", margin: 0, padding: 0 }}
            >
              {item.opinions.map((opinion, at) => (
                <OpinionEditor
                  key={opinion.id}
                  opinion={opinion}
                  m={at + 1}
                  n={n}
                  first={at === 0}
                  last={at === item.opinions.length - 1}
                  speakers={speakers}
                  errors={errors}
                  path={`${path}.opinions.${String(at)}`}
                  focusOnMount={opinion.id === focusId}
                  onChange={(fn) => {
                    editOpinion(at, fn);
                  }}
                  onMove={(delta) => {
                    edit((i) => ({ ...i, opinions: moveInList(i.opinions, at, delta) }));
                  }}
                  onRemove={() => {
                    if (opinion.text.trim() === "") removeOpinion(at);
                    else setConfirm({ kind: "opinion", at });
                  }}
                />
              ))}
            </Stack>
          )}
          <Button
            variant="light"
            size="md"
            fullWidth
            leftSection={<IconMessagePlus size={18} />}
            aria-label={t("minutes.opinion.add_to", { n })}
            onClick={() => {
              const opinion = newOpinion();
              setFocusId(opinion.id);
              edit((i) => ({ ...i, opinions: [...i.opinions, opinion] }));
            }}
          >
            {t("minutes.opinion.add")}
          </Button>
        </div>
        <Textarea
          label={t("minutes.item.conclusion_short")}
          aria-label={t("minutes.item.conclusion", { n })}
          autosize
          minRows={2}
          value={item.conclusion}
          error={errors[`${path}.conclusion`]}
          onChange={(e) => {
            const conclusion = e.currentTarget.value;
            edit((i) => ({ ...i, conclusion }));
          }}
        />
      </Stack>
      {confirm && (
        <ConfirmModal
          message={
            confirm.kind === "item"
              ? t("minutes.item.remove_confirm", { n })
              : t("minutes.opinion.remove_confirm", { m: confirm.at + 1, n })
          }
          onClose={() => {
            setConfirm(null);
          }}
          onConfirm={() => {
            if (confirm.kind === "item") onRemove(index);
            else removeOpinion(confirm.at);
            setConfirm(null);
          }}
        />
      )}
    </Paper>
  );
});
