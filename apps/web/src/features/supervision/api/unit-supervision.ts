import type {
  SupervisionAssignmentDto,
  SupervisionAssignmentInput,
  VisitDto,
  VisitorComplianceDto,
} from "@chibo/domain";
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supervisionKeys, unitApi } from "./keys";

// GET /api/v1/units/:id/supervision-assignments → who follows which cell of the subtree (all periods).
export async function listAssignments(
  unitId: string,
  signal?: AbortSignal,
): Promise<SupervisionAssignmentDto[]> {
  const body = await api.get<{ items: SupervisionAssignmentDto[] }>(
    `${unitApi(unitId)}/supervision-assignments`,
    undefined,
    signal,
  );
  return body.items;
}

export const assignmentsQueryOptions = (unitId: string) =>
  queryOptions({
    queryKey: supervisionKeys.assignments(unitId),
    queryFn: ({ signal }) => listAssignments(unitId, signal),
  });

export function useAssignments(unitId: string) {
  return useQuery(assignmentsQueryOptions(unitId));
}

// POST /api/v1/supervision-assignments { userId, unitId, startsOn, endsOn?, visitsPerQuarter }
export function createAssignment(
  input: SupervisionAssignmentInput,
): Promise<SupervisionAssignmentDto> {
  return api.post<SupervisionAssignmentDto>("/api/v1/supervision-assignments", input);
}

export function useCreateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAssignment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}

// PATCH /api/v1/supervision-assignments/:id { endsOn }
export function endAssignment(id: string, endsOn: string): Promise<SupervisionAssignmentDto> {
  return api.patch<SupervisionAssignmentDto>(
    `/api/v1/supervision-assignments/${encodeURIComponent(id)}`,
    { endsOn },
  );
}

export function useEndAssignment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { endsOn: string }) => endAssignment(id, input.endsOn),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}

// GET /api/v1/units/:id/visitor-compliance?year&quarter
export function getVisitorCompliance(
  unitId: string,
  year: number,
  quarter: number,
  signal?: AbortSignal,
): Promise<VisitorComplianceDto> {
  return api.get<VisitorComplianceDto>(
    `${unitApi(unitId)}/visitor-compliance`,
    { year, quarter },
    signal,
  );
}

export function useVisitorCompliance(unitId: string, year: number, quarter: number) {
  return useQuery({
    queryKey: supervisionKeys.compliance(unitId, year, quarter),
    queryFn: ({ signal }) => getVisitorCompliance(unitId, year, quarter, signal),
    placeholderData: keepPreviousData,
  });
}

// GET /api/v1/units/:id/overdue-reports → attended visits whose report is past due.
export async function listOverdueReports(unitId: string, signal?: AbortSignal) {
  const body = await api.get<{ items: VisitDto[] }>(
    `${unitApi(unitId)}/overdue-reports`,
    undefined,
    signal,
  );
  return body.items;
}

export function useOverdueReports(unitId: string) {
  return useQuery({
    queryKey: supervisionKeys.overdue(unitId),
    queryFn: ({ signal }) => listOverdueReports(unitId, signal),
  });
}

// GET /api/v1/units/:id/visits?year&quarter → visits to the subtree's cells in the quarter.
export async function listUnitVisits(
  unitId: string,
  year: number,
  quarter: number,
  signal?: AbortSignal,
): Promise<VisitDto[]> {
  const body = await api.get<{ items: VisitDto[] }>(
    `${unitApi(unitId)}/visits`,
    { year, quarter },
    signal,
  );
  return body.items;
}

export function useUnitVisits(unitId: string, year: number, quarter: number) {
  return useQuery({
    queryKey: supervisionKeys.unitVisits(unitId, year, quarter),
    queryFn: ({ signal }) => listUnitVisits(unitId, year, quarter, signal),
    placeholderData: keepPreviousData,
  });
}

// GET /api/v1/units/:id/quarterly-notice.docx?year&quarter (a link: the browser downloads it).
export function quarterlyNoticeUrl(unitId: string, year: number, quarter: number): string {
  return `${unitApi(unitId)}/quarterly-notice.docx?year=${year}&quarter=${quarter}`;
}
