import type { Action } from "@chibo/domain";
import { Outlet } from "react-router";
import { NoAccess } from "@/components/ui/no-access";
import { useCan } from "@/hooks/use-me";

/** Renders the child routes only for users whose grants allow `action`; a no-access page otherwise. */
export function RequireAction({ action }: { action: Action }) {
  const allowed = useCan(action);
  return allowed ? <Outlet /> : <NoAccess />;
}
