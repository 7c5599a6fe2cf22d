import { Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { CheckinForm } from "@/features/meetings/components/checkin-form";
import { useMe } from "@/hooks/use-me";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("meetings.checkin.title")} · chibo`);
  const { data: me } = useMe();
  return (
    <Stack gap="md">
      <Title order={1} size="h2" ta="center">
        {t("meetings.checkin.title")}
      </Title>
      <CheckinForm hasMemberRecord={me?.user.memberId != null} />
    </Stack>
  );
}
