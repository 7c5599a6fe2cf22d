import { Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { NotFound } from "@/components/ui/not-found";
import { MemberList } from "@/features/members/components/member-list";
import { UnitDetail } from "@/features/units/components/unit-detail";
import { useUnit } from "@/hooks/use-units";

/** A unit's page: the unit itself (units feature) and its members (members feature). */
export function Component() {
  const { t } = useTranslation();
  const { id } = useParams();
  const unit = useUnit(id);
  if (!id) return <NotFound />;
  return (
    <Stack gap="lg">
      <UnitDetail id={id} />
      {unit.data && (
        <Paper withBorder p={{ base: "sm", sm: "md" }} component="section">
          <Title order={2} size="h4" mb="sm">
            {t("units.members_title")}
          </Title>
          <MemberList key={id} unitId={id} />
        </Paper>
      )}
    </Stack>
  );
}
