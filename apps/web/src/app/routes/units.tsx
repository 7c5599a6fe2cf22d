import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { UnitBrowser } from "@/features/units/components/unit-browser";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("units.title")} · chibo`);
  return <UnitBrowser />;
}
