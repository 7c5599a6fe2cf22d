import { Navigate, RouterProvider, createBrowserRouter, type RouteObject } from "react-router";
import { NotFound } from "@/components/ui/not-found";
import { PageLoader } from "@/components/ui/page-loader";
import { AppLayout } from "./layout";
import { RequireAction } from "./require-action";
import { RouteErrorBoundary } from "./route-error-boundary";

type RouteModule = Promise<{ Component: React.ComponentType }>;

/** A lazily loaded page with its own error boundary. */
function page(path: string | undefined, load: () => RouteModule): RouteObject {
  return {
    ...(path === undefined ? { index: true } : { path }),
    ErrorBoundary: RouteErrorBoundary,
    lazy: async () => ({ Component: (await load()).Component }),
  };
}

const routes: RouteObject[] = [
  {
    ErrorBoundary: RouteErrorBoundary,
    HydrateFallback: PageLoader,
    children: [
      page("/login", () => import("./routes/login")),
      {
        path: "/",
        Component: AppLayout,
        ErrorBoundary: RouteErrorBoundary,
        children: [
          page(undefined, () => import("./routes/home")),
          page("checkin", () => import("./routes/checkin")),
          page("meetings/:id", () => import("./routes/meeting")),
          page("meetings/:id/minutes/print", () => import("./routes/minutes-print")),
          page("notifications", () => import("./routes/notifications")),
          page("units", () => import("./routes/units")),
          page("units/:id", () => import("./routes/unit")),
          page("members", () => import("./routes/members")),
          page("members/new", () => import("./routes/member-new")),
          page("members/:id", () => import("./routes/member")),
          page("tasks", () => import("./routes/tasks")),
          page("visits", () => import("./routes/visits")),
          page("scores", () => import("./routes/scores")),
          {
            path: "admin",
            element: <RequireAction action="user.manage" />,
            ErrorBoundary: RouteErrorBoundary,
            children: [
              { index: true, element: <Navigate to="/admin/users" replace /> },
              page("users", () => import("./routes/admin-users")),
              {
                element: <RequireAction action="tenant.configure" />,
                ErrorBoundary: RouteErrorBoundary,
                children: [
                  page("settings", () => import("./routes/admin-settings")),
                  page("agenda-templates", () => import("./routes/admin-agenda-templates")),
                  page("rubrics", () => import("./routes/admin-rubrics")),
                ],
              },
              { path: "*", Component: NotFound },
            ],
          },
          {
            path: "audit",
            element: <RequireAction action="audit.read" />,
            ErrorBoundary: RouteErrorBoundary,
            children: [page(undefined, () => import("./routes/audit"))],
          },
          {
            element: <RequireAction action="meeting.read" />,
            ErrorBoundary: RouteErrorBoundary,
            children: [
              page("compliance", () => import("./routes/compliance")),
              page("postponements", () => import("./routes/postponements")),
            ],
          },
          {
            path: "absence-alerts",
            element: <RequireAction action="meeting.alerts" />,
            ErrorBoundary: RouteErrorBoundary,
            children: [page(undefined, () => import("./routes/absence-alerts"))],
          },
          {
            path: "participation",
            element: <RequireAction action="meeting.alerts" />,
            ErrorBoundary: RouteErrorBoundary,
            children: [page(undefined, () => import("./routes/participation"))],
          },
          {
            path: "supervision",
            element: <RequireAction action="meeting.alerts" />,
            ErrorBoundary: RouteErrorBoundary,
            children: [page(undefined, () => import("./routes/supervision"))],
          },
          page("account/password", () => import("./routes/change-password")),
          page("account/calendar", () => import("./routes/calendar-feed")),
          { path: "*", Component: NotFound },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
