import { Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { UnitTree } from "@/components/units/unit-tree";

/** The organisation tree page: the caller's top units, opened level by level. */
export function UnitBrowser() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("units.title")}
      </Title>
      <Paper withBorder p={{ base: "xs", sm: "md" }}>
        <UnitTree mode="browse" />
      </Paper>
    </Stack>
  );
}
