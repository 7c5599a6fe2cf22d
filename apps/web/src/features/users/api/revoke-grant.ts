import type { UserDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// DELETE /api/v1/users/:id/grants/:grantId → the user without it.
export function revokeGrant(userId: string, grantId: string): Promise<UserDto> {
  return api.delete<UserDto>(
    `/api/v1/users/${encodeURIComponent(userId)}/grants/${encodeURIComponent(grantId)}`,
  );
}

export function useRevokeGrant(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => revokeGrant(userId, grantId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
