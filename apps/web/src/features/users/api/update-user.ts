import type { UpdateUserInput, UserDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// PATCH /api/v1/users/:id { displayName?, active?, password? }
export function updateUser(id: string, input: UpdateUserInput): Promise<UserDto> {
  return api.patch<UserDto>(`/api/v1/users/${encodeURIComponent(id)}`, input);
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUserInput) => updateUser(id, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
