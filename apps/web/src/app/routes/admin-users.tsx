import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { UserAdmin } from "@/features/users/components/user-admin";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("users.title")} · chibo`);
  return <UserAdmin />;
}
