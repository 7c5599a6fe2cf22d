import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCalendarPlus, IconClock } from "@tabler/icons-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useAssignedCells, type AssignedCell } from "../api/get-assigned-cells";
import { PlanVisitModal } from "./plan-visit-modal";
import { useMeetingText, useRegisteredText } from "./visit-labels";

/** "Chi bộ được phân công theo dõi": each cell with its registered day, next meetings and a plan button. */
export function AssignedCells() {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, isPending, error } = useAssignedCells();
  const [planning, setPlanning] = useState<AssignedCell | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t("supervision.cells.title")}
      </Title>
      {isPending ? (
        <PageLoader />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : data.length === 0 ? (
        <Text c="dimmed">{t("supervision.cells.empty")}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {data.map((cell) => (
            <CellCard
              key={cell.assignmentId}
              cell={cell}
              onPlan={() => {
                setPlanning(cell);
              }}
            />
          ))}
        </Stack>
      )}
      {planning && (
        <PlanVisitModal
          cell={planning}
          onClose={() => {
            setPlanning(null);
          }}
        />
      )}
    </Stack>
  );
}

function CellCard({ cell, onPlan }: { cell: AssignedCell; onPlan: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const registered = useRegisteredText();
  const meetingText = useMeetingText();
  return (
    <Paper component="li" withBorder p="sm" aria-labelledby={id}>
      <Text id={id} fw={600} style={{ wordBreak: "break-word" }}>
        {cell.unitName}
      </Text>
      <Group gap={6} wrap="nowrap" align="flex-start" mt={2}>
        <IconClock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm">{registered(cell)}</Text>
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {t("supervision.cells.per_quarter", { count: cell.visitsPerQuarter })}
      </Text>
      <Text size="sm" fw={500} mt="xs">
        {t("supervision.cells.next_meetings")}
      </Text>
      {cell.nextMeetings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("supervision.cells.no_next_meetings")}
        </Text>
      ) : (
        <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: 18 }}>
          {cell.nextMeetings.map((m) => (
            <Text key={m.id} component="li" size="sm">
              {meetingText(m, true)}
            </Text>
          ))}
        </Stack>
      )}
      <Group justify="flex-end" mt="sm">
        <Button
          leftSection={<IconCalendarPlus size={16} aria-hidden />}
          onClick={onPlan}
          aria-label={t("supervision.cells.plan_for", { cell: cell.unitName })}
        >
          {t("supervision.cells.plan")}
        </Button>
      </Group>
    </Paper>
  );
}
