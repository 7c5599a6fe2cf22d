import { Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { LanguageMenu } from "@/components/ui/language-menu";
import { PageLoader } from "@/components/ui/page-loader";
import { LoginForm } from "@/features/auth/components/login-form";
import { useMe } from "@/hooks/use-me";

/** Only paths inside the app: never send the user to another site after login. */
function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/login")) return "/";
  return next;
}

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("auth.login_title")} · chibo`);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const next = safeNext(params.get("next"));

  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={next} replace />;

  // A user who must change the password still lands where they asked; the shell prompts them.
  const onLoggedIn = () => {
    void navigate(next, { replace: true });
  };

  return (
    <Box mih="100dvh" bg="gray.0" p="md">
      <Group justify="flex-end">
        <LanguageMenu />
      </Group>
      <Center mt={{ base: "md", sm: 80 }}>
        <Paper withBorder shadow="sm" p={{ base: "md", sm: "xl" }} w="100%" maw={400}>
          <Stack gap="md">
            <div>
              <Text fw={700} fz={28} c="red.8">
                {t("common.app_name")}
              </Text>
              <Text size="sm" c="dimmed">
                {t("auth.login_subtitle")}
              </Text>
            </div>
            <Title order={1} size="h3">
              {t("auth.login_title")}
            </Title>
            <LoginForm onLoggedIn={onLoggedIn} />
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
