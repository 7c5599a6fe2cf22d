import type { MinutesDto } from "@chibo/domain";
import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { AttendanceBlock } from "./attendance-block";

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}

function Body({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Text
      size="sm"
      style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}
      c={text ? undefined : "dimmed"}
    >
      {text || t("minutes.view.empty_text")}
    </Text>
  );
}

/** The minutes read as written: for members once signed, and for anyone who may read but not write. */
export function MinutesView({ minutes }: { minutes: MinutesDto }) {
  const { t } = useTranslation();
  const { content } = minutes;
  const none = t("minutes.header.not_yet");
  return (
    <Stack gap="md" data-testid="minutes-view">
      <Paper
        withBorder
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="minutes-header-title"
      >
        <Title order={3} size="h5" mb="xs" id="minutes-header-title">
          {t("minutes.header.title")}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Field label={t("minutes.header.chair")} value={minutes.chairName ?? none} />
          <Field label={t("minutes.header.minute_taker")} value={minutes.minuteTakerName ?? none} />
          <Field label={t("minutes.header.place")} value={content.place ?? none} />
          <Field
            label={t("minutes.header.started")}
            value={minutes.startedAt ? formatDateTime(minutes.startedAt) : none}
          />
          <Field
            label={t("minutes.header.ended")}
            value={minutes.endedAt ? formatDateTime(minutes.endedAt) : none}
          />
        </SimpleGrid>
      </Paper>
      <AttendanceBlock attendance={minutes.attendance} />
      {content.opening.trim() !== "" && (
        <Paper withBorder p={{ base: "sm", sm: "md" }}>
          <Text size="sm" fw={600} mb={4}>
            {t("minutes.header.opening")}
          </Text>
          <Body text={content.opening} />
        </Paper>
      )}
      {content.items.map((item, index) => {
        const n = index + 1;
        return (
          <Paper
            key={item.agendaItemId ?? `item-${String(index)}`}
            withBorder
            p={{ base: "sm", sm: "md" }}
            component="section"
            aria-labelledby={`minutes-view-item-${String(n)}`}
          >
            <Title order={3} size="h5" mb={4} id={`minutes-view-item-${String(n)}`}>
              {t("minutes.item.heading", { n, title: item.title })}
            </Title>
            {item.presenter && (
              <Text size="xs" c="dimmed" mb={4}>
                {t("minutes.agenda.item.presenter_line", { name: item.presenter })}
              </Text>
            )}
            <Body text={item.summary} />
            {item.opinions.length > 0 && (
              <>
                <Text size="sm" fw={600} mt="xs">
                  {t("minutes.item.opinions")}
                </Text>
                <Stack gap={4} component="ol" style={{ margin: 0, paddingLeft: "1.4em" }}>
                  {item.opinions.map((o) => (
                    <li key={o.id}>
                      <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                        <Text span fw={600}>
                          {o.speakerName}:
                        </Text>{" "}
                        {o.text}
                      </Text>
                    </li>
                  ))}
                </Stack>
              </>
            )}
            {item.conclusion.trim() !== "" && (
              <>
                <Text size="sm" fw={600} mt="xs">
                  {t("minutes.item.conclusion_short")}
                </Text>
                <Body text={item.conclusion} />
              </>
            )}
          </Paper>
        );
      })}
      {content.other.trim() !== "" && (
        <Paper withBorder p={{ base: "sm", sm: "md" }}>
          <Text size="sm" fw={600} mb={4}>
            {t("minutes.header.other")}
          </Text>
          <Body text={content.other} />
        </Paper>
      )}
    </Stack>
  );
}
