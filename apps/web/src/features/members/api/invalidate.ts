import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

/** A change to the register moves lists, details, history, and the member counts of the tree. */
export async function invalidateRegister(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.members }),
    queryClient.invalidateQueries({ queryKey: queryKeys.units }),
  ]);
}
