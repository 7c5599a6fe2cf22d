import type { SupervisionAssignmentDto } from "@chibo/domain";
import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDate, todayIso } from "@/lib/format";
import { useAssignments } from "../api/unit-supervision";
import { AssignModal } from "./assign-modal";
import { EndAssignmentModal } from "./end-assignment-modal";

/** "Phân công theo dõi": who follows which cell of the unit; assign, end. */
export function AssignmentsPanel({ unitId, canAssign }: { unitId: string; canAssign: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, isPending, error } = useAssignments(unitId);
  const [withPast, setWithPast] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<SupervisionAssignmentDto | null>(null);
  const all = data ?? [];
  const today = todayIso();
  const shown = all
    .filter((a) => withPast || a.endsOn === null || a.endsOn >= today)
    .sort(
      (a, b) =>
        a.userName.localeCompare(b.userName, "vi") || a.unitName.localeCompare(b.unitName, "vi"),
    );
  const known = [...new Map(all.map((a) => [a.userId, a.userName])).entries()].map(
    ([value, label]) => ({ value, label }),
  );
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section" aria-labelledby={headingId}>
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {t("supervision.assignments.title")}
        </Title>
        {canAssign && (
          <Button
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={() => {
              setAssigning(true);
            }}
          >
            {t("supervision.assignments.assign")}
          </Button>
        )}
      </Group>
      <Checkbox
        label={t("supervision.assignments.with_past")}
        checked={withPast}
        onChange={(event) => {
          setWithPast(event.currentTarget.checked);
        }}
        mb="xs"
      />
      {isPending ? (
        <PageLoader />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : shown.length === 0 ? (
        <Text c="dimmed">{t("supervision.assignments.empty")}</Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t("supervision.assignments.title")}
          style={{ listStyle: "none", margin: 0, padding: 0 }}
        >
          {shown.map((a) => (
            <AssignmentRow
              key={a.id}
              assignment={a}
              canEnd={canAssign && (a.endsOn === null || a.endsOn > today)}
              onEnd={() => {
                setEnding(a);
              }}
            />
          ))}
        </Stack>
      )}
      {assigning && (
        <AssignModal
          scopeUnitId={unitId}
          knownVisitors={known}
          onClose={() => {
            setAssigning(false);
          }}
        />
      )}
      {ending && (
        <EndAssignmentModal
          assignment={ending}
          onClose={() => {
            setEnding(null);
          }}
        />
      )}
    </Paper>
  );
}

function AssignmentRow({
  assignment: a,
  canEnd,
  onEnd,
}: {
  assignment: SupervisionAssignmentDto;
  canEnd: boolean;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const period = a.endsOn
    ? t("supervision.assignments.period", {
        from: formatDate(a.startsOn),
        to: formatDate(a.endsOn),
      })
    : t("supervision.assignments.since", { from: formatDate(a.startsOn) });
  return (
    <Paper component="li" withBorder p="xs" aria-labelledby={id}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text id={id} size="sm" fw={600} style={{ wordBreak: "break-word" }}>
            {t("supervision.assignments.who_cell", { name: a.userName, cell: a.unitName })}
          </Text>
          <Text size="xs" c="dimmed">
            {period} · {t("supervision.cells.per_quarter", { count: a.visitsPerQuarter })}
          </Text>
        </div>
        {a.active ? (
          <Badge color="green" variant="light" style={{ flexShrink: 0 }}>
            {t("supervision.assignments.active")}
          </Badge>
        ) : (
          <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
            {t("supervision.assignments.inactive")}
          </Badge>
        )}
      </Group>
      {canEnd && (
        <Group justify="flex-end" mt={4}>
          <Button size="xs" variant="default" onClick={onEnd} aria-describedby={id}>
            {t("supervision.assignments.end")}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
