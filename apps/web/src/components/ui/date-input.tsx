import { DateInput, type DateInputProps } from "@mantine/dates";
import { IconCalendar } from "@tabler/icons-react";
import { parseDmy } from "@/lib/format";

export type AppDateInputProps = Omit<DateInputProps, "valueFormat" | "dateParser">;

/** A date typed or picked as dd/mm/yyyy, held as an ISO "YYYY-MM-DD" string. */
export function AppDateInput(props: AppDateInputProps) {
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={parseDmy}
      placeholder="dd/mm/yyyy"
      leftSection={<IconCalendar size={16} aria-hidden />}
      clearable={!props.required}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
