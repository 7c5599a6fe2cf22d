import { MantineProvider, createTheme } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { Notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

const theme = createTheme({
  primaryColor: "blue",
  defaultRadius: "md",
  fontFamily:
    "'Noto Sans', 'Segoe UI', Roboto, -apple-system, BlinkMacSystemFont, 'Helvetica Neue', Arial, sans-serif",
  components: {
    Button: { defaultProps: { size: "sm" } },
    Badge: { defaultProps: { tt: "none" } },
  },
});

/** Any 401 means the session is gone: forget the user, and the shell shows the login page. */
function forgetUserOn401(client: () => QueryClient) {
  return (error: unknown) => {
    if (isApiError(error) && error.status === 401) client().setQueryData(queryKeys.me, null);
  };
}

function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: forgetUserOn401(() => client) }),
    mutationCache: new MutationCache({ onError: forgetUserOn401(() => client) }),
    defaultOptions: {
      queries: {
        // 4xx answers do not change on retry.
        retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

export function AppProvider({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <DatesProvider settings={{ locale: i18n.resolvedLanguage ?? "vi", firstDayOfWeek: 1 }}>
          <Notifications position="top-center" />
          {children}
        </DatesProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
