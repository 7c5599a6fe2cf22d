import type { AgendaDto } from "@chibo/domain";
import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { groupBySection, sortedItems } from "../lib/agenda-draft";
import { TasksToReview } from "./tasks-to-review";

/** The agenda as members read it: steps by section, who presents, notes; last month's tasks. */
export function AgendaView({ agenda }: { agenda: AgendaDto }) {
  const { t } = useTranslation();
  const groups = groupBySection(sortedItems(agenda.items));
  return (
    <Stack gap="sm" data-testid="agenda-view">
      {groups.map(({ section, entries }) =>
        entries.length === 0 ? null : (
          <Paper key={section} withBorder p={{ base: "sm", sm: "md" }} component="section">
            <Title order={3} size="h5" mb="xs" c="red.8" tt="uppercase">
              {t(`minutes.section.${section}`)}
            </Title>
            <Stack gap="sm" component="ol" style={{ margin: 0, paddingLeft: "1.4em" }}>
              {entries.map(({ item, index }) => (
                <li key={item.id} value={index + 1}>
                  <Text size="sm" fw={600}>
                    {item.title}
                  </Text>
                  {item.presenter && (
                    <Text size="xs" c="dimmed">
                      {t("minutes.agenda.item.presenter_line", { name: item.presenter })}
                    </Text>
                  )}
                  {item.notes && (
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {item.notes}
                    </Text>
                  )}
                  {item.key === "report" && agenda.meetingKind === "regular" && (
                    <div style={{ marginTop: 6 }}>
                      <TasksToReview tasks={agenda.tasksToReview} />
                    </div>
                  )}
                </li>
              ))}
            </Stack>
          </Paper>
        ),
      )}
    </Stack>
  );
}
