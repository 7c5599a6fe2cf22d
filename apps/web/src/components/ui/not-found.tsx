import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="sm" py="xl" ta="center">
      <Title order={1} size="h2">
        {t("common.page.not_found_title")}
      </Title>
      <Text c="dimmed">{t("common.page.not_found_text")}</Text>
      <Button component={Link} to="/" variant="light">
        {t("common.actions.back_home")}
      </Button>
    </Stack>
  );
}
