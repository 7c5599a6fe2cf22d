import type { CreateUserInput, UserDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// POST /api/v1/users → the new user.
export function createUser(input: CreateUserInput): Promise<UserDto> {
  return api.post<UserDto>("/api/v1/users", input);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
