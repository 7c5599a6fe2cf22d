import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { AuditLog } from "@/features/audit/components/audit-log";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("audit.title")} · chibo`);
  return <AuditLog />;
}
