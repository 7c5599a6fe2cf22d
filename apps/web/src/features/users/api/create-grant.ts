import type { CreateGrantInput, UserDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// POST /api/v1/users/:id/grants { unitId, role } → the user with the new grant.
export function createGrant(userId: string, input: CreateGrantInput): Promise<UserDto> {
  return api.post<UserDto>(`/api/v1/users/${encodeURIComponent(userId)}/grants`, input);
}

export function useCreateGrant(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateGrantInput) => createGrant(userId, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
