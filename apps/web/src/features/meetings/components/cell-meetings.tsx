import { Stack } from "@mantine/core";
import { MeetingCalendar } from "./meeting-calendar";
import { ScheduleCard } from "./schedule-card";

/** A cell's "Lịch sinh hoạt": its registered schedule and its meetings month by month. */
export function CellMeetings({ unitId, canWrite }: { unitId: string; canWrite: boolean }) {
  return (
    <Stack gap="md">
      <ScheduleCard unitId={unitId} canWrite={canWrite} />
      <MeetingCalendar unitId={unitId} canWrite={canWrite} />
    </Stack>
  );
}
