import type { GuestDto, GuestInput } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// POST /api/v1/meetings/:id/guests → 201 the guest.
export function addGuest(id: string, input: GuestInput): Promise<GuestDto> {
  return api.post<GuestDto>(`/api/v1/meetings/${encodeURIComponent(id)}/guests`, input);
}

// DELETE /api/v1/meetings/:id/guests/:guestId → 204
export function removeGuest(id: string, guestId: string): Promise<void> {
  return api.delete<undefined>(
    `/api/v1/meetings/${encodeURIComponent(id)}/guests/${encodeURIComponent(guestId)}`,
  );
}

function useRefreshMeeting(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.meeting(id) });
}

export function useAddGuest(id: string) {
  const refresh = useRefreshMeeting(id);
  return useMutation({
    mutationFn: (input: GuestInput) => addGuest(id, input),
    onSuccess: refresh,
  });
}

export function useRemoveGuest(id: string) {
  const refresh = useRefreshMeeting(id);
  return useMutation({
    mutationFn: (guestId: string) => removeGuest(id, guestId),
    onSuccess: refresh,
  });
}
