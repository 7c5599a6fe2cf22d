import { Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { MemberList } from "@/features/members/components/member-list";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("members.title")} · chibo`);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("members.title")}
      </Title>
      <MemberList />
    </Stack>
  );
}
