import { Button, Group, NativeSelect, Stack } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useCanAtUnit } from "@/hooks/use-me";
import { useUnit } from "@/hooks/use-units";
import { quarterlyNoticeUrl } from "../api/unit-supervision";
import { AssignmentsPanel } from "./assignments-panel";
import { OverdueReports, UnitVisits } from "./unit-visit-lists";
import { VisitorCompliance } from "./visitor-compliance";

export const QUARTERS = [1, 2, 3, 4] as const;

/** The quarter shown on the committee's page. */
export function QuarterSelect({
  value,
  onChange,
}: {
  value: number;
  onChange: (quarter: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t("supervision.board.quarter")}
      data={QUARTERS.map((q) => ({
        value: String(q),
        label: t("supervision.board.quarter_n", { quarter: q }),
      }))}
      value={String(value)}
      onChange={(event) => {
        onChange(Number(event.currentTarget.value));
      }}
      maw={240}
    />
  );
}

/**
 * "Giám sát dự sinh hoạt" for one committee and quarter: who follows which cell, visitors' compliance,
 * overdue reports, the quarter's visits and the quarterly notice.
 */
export function SupervisionBoard({
  unitId,
  year,
  quarter,
}: {
  unitId: string;
  year: number;
  quarter: number;
}) {
  const { t } = useTranslation();
  const unit = useUnit(unitId);
  const path = unit.data?.path;
  const canWrite = useCanAtUnit("meeting.write", path);
  const isCommittee = unit.data !== undefined && unit.data.kind !== "cell";
  return (
    <Stack gap="md">
      {canWrite && isCommittee && (
        <Group>
          <Button
            component="a"
            href={quarterlyNoticeUrl(unitId, year, quarter)}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t("supervision.board.notice")}
          </Button>
        </Group>
      )}
      <OverdueReports unitId={unitId} />
      <VisitorCompliance unitId={unitId} year={year} quarter={quarter} />
      <AssignmentsPanel unitId={unitId} canAssign={canWrite && isCommittee} />
      <UnitVisits unitId={unitId} year={year} quarter={quarter} />
    </Stack>
  );
}
