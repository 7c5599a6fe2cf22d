import { DateInput, type DateInputProps } from "@mantine/dates";
import { IconCalendar } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { parseDmy } from "@/lib/format";

export type AppDateInputProps = Omit<DateInputProps, "valueFormat" | "dateParser">;

/** A date typed or picked as dd/mm/yyyy, held as an ISO "YYYY-MM-DD" string. */
export function AppDateInput(props: AppDateInputProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={parseDmy}
      placeholder={t("common.date_placeholder")}
      leftSection={<IconCalendar size={16} aria-hidden />}
      clearable={!props.required}
      popoverProps={{ withinPortal: true }}
      ariaLabels={{
        monthLevelControl: t("common.calendar.month_level"),
        yearLevelControl: t("common.calendar.year_level"),
        nextMonth: t("common.calendar.next_month"),
        previousMonth: t("common.calendar.previous_month"),
        nextYear: t("common.calendar.next_year"),
        previousYear: t("common.calendar.previous_year"),
        nextDecade: t("common.calendar.next_decade"),
        previousDecade: t("common.calendar.previous_decade"),
      }}
      {...props}
    />
  );
}
