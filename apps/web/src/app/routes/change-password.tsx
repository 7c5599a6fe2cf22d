import { Alert, Paper, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ChangePasswordForm } from "@/features/auth/components/change-password-form";
import { useMe } from "@/hooks/use-me";

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("auth.change_password_title")} · chibo`);
  const me = useMe();
  const navigate = useNavigate();
  const mustChange = me.data?.user.mustChangePassword ?? false;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("auth.change_password_title")}
      </Title>
      {mustChange && (
        <Alert color="yellow" title={t("auth.must_change_title")}>
          {t("auth.must_change_text")}
        </Alert>
      )}
      <Paper withBorder p={{ base: "sm", sm: "md" }} maw={480}>
        <ChangePasswordForm
          onDone={() => {
            if (mustChange) void navigate("/", { replace: true });
          }}
        />
      </Paper>
    </Stack>
  );
}
