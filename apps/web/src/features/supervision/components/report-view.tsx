import { VISIT_REPORT_PARTS, type VisitDto } from "@chibo/domain";
import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { formatDate } from "@/lib/format";
import { useReportPartLabel } from "./report-form-modal";

/** A filed report, read only: its nine parts in order. */
export function ReportViewModal({ visit, onClose }: { visit: VisitDto; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useReportPartLabel();
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t("supervision.report.view_title", { cell: visit.unitName })}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("supervision.report.filed", {
            name: visit.visitorName,
            date: formatDate(visit.reportedOn),
          })}
        </Text>
        {visit.report === null ? (
          <Text c="dimmed">{t("supervision.report.hidden")}</Text>
        ) : (
          <Stack gap="sm" component="dl" m={0}>
            {VISIT_REPORT_PARTS.map((part) => (
              <div key={part}>
                <Text component="dt" size="sm" fw={600}>
                  {label(part)}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: "pre-wrap" }}>
                  {visit.report?.[part] ?? ""}
                </Text>
              </div>
            ))}
          </Stack>
        )}
      </Stack>
    </AppModal>
  );
}
