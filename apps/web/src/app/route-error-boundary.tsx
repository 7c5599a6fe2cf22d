import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, isRouteErrorResponse, useLocation, useRouteError } from "react-router";
import { NoAccess } from "@/components/ui/no-access";
import { NotFound } from "@/components/ui/not-found";
import { useErrorMessage } from "@/hooks/use-error-message";
import { isApiError } from "@/lib/api-client";

/** Every route's error boundary: a page that failed to load or render says so, the app lives on. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const toMessage = useErrorMessage();
  const location = useLocation();

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  if (isApiError(error)) {
    if (error.status === 401) {
      const next = encodeURIComponent(`${location.pathname}${location.search}`);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    if (error.status === 403) return <NoAccess />;
    if (error.status === 404) return <NotFound />;
  }

  return (
    <Stack align="center" gap="sm" py="xl" ta="center" role="alert">
      <Title order={1} size="h2">
        {t("common.page.error_title")}
      </Title>
      <Text c="dimmed">{isApiError(error) ? toMessage(error) : t("common.page.error_text")}</Text>
      <Group>
        <Button
          onClick={() => {
            window.location.reload();
          }}
        >
          {t("common.actions.retry")}
        </Button>
        <Button component="a" href="/" variant="light">
          {t("common.actions.back_home")}
        </Button>
      </Group>
    </Stack>
  );
}
