import { Stack, Text, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** Shown instead of a page the user's grants do not cover (the server refuses it anyway). */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="sm" py="xl" ta="center">
      <IconLock size={48} aria-hidden />
      <Title order={1} size="h2">
        {t("common.page.no_access_title")}
      </Title>
      <Text c="dimmed">{t("common.page.no_access_text")}</Text>
    </Stack>
  );
}
