import type { ThematicPlanDto, ThematicPlanInput } from "@chibo/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

const path = (unitId: string) => `/api/v1/units/${encodeURIComponent(unitId)}/thematic-plan`;

// GET /api/v1/units/:id/thematic-plan?year (HD12: each cell makes a yearly thematic plan).
export function getThematicPlan(
  unitId: string,
  year: number,
  signal?: AbortSignal,
): Promise<ThematicPlanDto> {
  return api.get<ThematicPlanDto>(path(unitId), { year }, signal);
}

export const thematicPlanQueryOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: queryKeys.thematicPlan(unitId, year),
    queryFn: ({ signal }) => getThematicPlan(unitId, year, signal),
  });

export function useThematicPlan(unitId: string, year: number) {
  return useQuery(thematicPlanQueryOptions(unitId, year));
}

// PUT /api/v1/units/:id/thematic-plan { year, topics }
export function saveThematicPlan(
  unitId: string,
  input: ThematicPlanInput,
): Promise<ThematicPlanDto> {
  return api.put<ThematicPlanDto>(path(unitId), input);
}

// POST /api/v1/units/:id/thematic-plan/report { year }: sends the plan to the committee above.
export function reportThematicPlan(unitId: string, year: number): Promise<ThematicPlanDto> {
  return api.post<ThematicPlanDto>(`${path(unitId)}/report`, { year });
}

function usePlanCommand<I>(unitId: string, send: (input: I) => Promise<ThematicPlanDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (plan) => {
      // The report may answer with nothing useful; the saved plan is read again either way.
      await queryClient.invalidateQueries({ queryKey: queryKeys.thematicPlan(unitId, plan.year) });
    },
  });
}

export function useSaveThematicPlan(unitId: string) {
  return usePlanCommand(unitId, (input: ThematicPlanInput) => saveThematicPlan(unitId, input));
}

export function useReportThematicPlan(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => reportThematicPlan(unitId, year),
    onSuccess: (_plan, year) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.thematicPlan(unitId, year) }),
  });
}
