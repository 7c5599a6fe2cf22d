import { TASK_FILTERS } from "@chibo/domain";
import { SegmentedControl, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";

export type TaskFilter = (typeof TASK_FILTERS)[number];

function isFilter(value: string): value is TaskFilter {
  return (TASK_FILTERS as readonly string[]).includes(value);
}

/** Unfinished, overdue, or every task: three taps wide enough for a thumb. */
export function TaskFilterControl({
  value,
  onChange,
}: {
  value: TaskFilter;
  onChange: (value: TaskFilter) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {t("tasks.filter.label")}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        fullWidth
        maw={480}
        value={value}
        onChange={(next) => {
          if (isFilter(next)) onChange(next);
        }}
        data={TASK_FILTERS.map((f) => ({ value: f, label: t(`tasks.filter.${f}`) }))}
      />
    </Stack>
  );
}
