import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

/** A change to a meeting moves calendars, details, the member's view and the committee's figures. */
export async function invalidateMeetings(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: queryKeys.meetings });
}
