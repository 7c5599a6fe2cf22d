import type { Action, MeDto } from "@chibo/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { canAtUnit } from "@/lib/access";
import { ApiError, api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** The signed-in user, or null when there is no session (401). */
export async function getMe(signal?: AbortSignal): Promise<MeDto | null> {
  try {
    return await api.get<MeDto>("/api/v1/me", undefined, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: queryKeys.me,
  queryFn: ({ signal }) => getMe(signal),
  staleTime: 5 * 60_000,
  retry: false,
});

export function useMe() {
  return useQuery(meQueryOptions);
}

/**
 * Whether the user may take an action somewhere in the tree. Only decides what to show: the server
 * enforces every access.
 */
export function useCan(action: Action): boolean {
  const { data } = useMe();
  return data?.actions.includes(action) ?? false;
}

/** Whether the user's grants allow the action on the unit with this materialised path. */
export function useCanAtUnit(action: Action, unitPath: string | null | undefined): boolean {
  const { data } = useMe();
  if (!data || !unitPath) return false;
  return canAtUnit(data.grants, action, unitPath);
}
