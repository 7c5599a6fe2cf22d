import type { GrantDto } from "@chibo/domain";
import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function GrantBadges({ grants }: { grants: readonly GrantDto[] }) {
  const { t } = useTranslation();
  if (grants.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("users.no_grants")}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {grants.map((g) => (
        <Badge key={g.id} variant="light" size="sm" style={{ textTransform: "none" }}>
          {t("users.grant_label", { role: t(`users.role.${g.role}`), unit: g.unitName })}
        </Badge>
      ))}
    </Group>
  );
}
