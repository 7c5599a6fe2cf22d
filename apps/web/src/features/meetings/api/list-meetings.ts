import type { ListMeetingsQuery, MeetingDto } from "@chibo/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

// GET /api/v1/meetings?unitId&from&to&kind → { items }
export async function listMeetings(
  params: ListMeetingsQuery,
  signal?: AbortSignal,
): Promise<MeetingDto[]> {
  const body = await api.get<{ items: MeetingDto[] }>("/api/v1/meetings", { ...params }, signal);
  return body.items;
}

export const meetingsQueryOptions = (params: ListMeetingsQuery) =>
  queryOptions({
    queryKey: queryKeys.meetingList(params),
    queryFn: ({ signal }) => listMeetings(params, signal),
    placeholderData: keepPreviousData,
  });

export function useMeetings(params: ListMeetingsQuery, enabled = true) {
  return useQuery({ ...meetingsQueryOptions(params), enabled });
}
