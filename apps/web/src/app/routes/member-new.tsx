import { Paper, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { NoAccess } from "@/components/ui/no-access";
import { MemberForm } from "@/features/members/components/member-form";
import { useCan } from "@/hooks/use-me";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("members.new_title")} · chibo`);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const canWrite = useCan("member.write");
  if (!canWrite) return <NoAccess />;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("members.new_title")}
      </Title>
      <Paper withBorder p={{ base: "sm", sm: "md" }}>
        <MemberForm
          mode="create"
          defaultUnitId={params.get("unitId")}
          onSaved={(member) => {
            void navigate(`/members/${member.id}`, { replace: true });
          }}
          onCancel={() => {
            void navigate(-1);
          }}
        />
      </Paper>
    </Stack>
  );
}
