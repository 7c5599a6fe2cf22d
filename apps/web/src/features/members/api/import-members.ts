import { importReportDto, type ImportReportDto } from "@chibo/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "@/lib/api-client";
import { invalidateRegister } from "./invalidate";

export type ImportMode = "all_or_nothing" | "valid_rows";

export interface ImportParams {
  unitId: string;
  mode: ImportMode;
  file: File;
}

// POST /api/v1/members/import?unitId&mode, multipart with the workbook in field "file".
export function importMembers({ unitId, mode, file }: ImportParams): Promise<ImportReportDto> {
  const body = new FormData();
  body.append("file", file);
  return api.post<ImportReportDto>("/api/v1/members/import", body, { unitId, mode });
}

/** The row report a refused import carries (422 import_has_errors), if any. */
export function reportOfError(error: unknown): ImportReportDto | null {
  if (!(error instanceof ApiError) || typeof error.body !== "object" || error.body === null) {
    return null;
  }
  if (!("report" in error.body)) return null;
  const parsed = importReportDto.safeParse(error.body.report);
  return parsed.success ? parsed.data : null;
}

export function useImportMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importMembers,
    onSuccess: (report) => (report.imported > 0 ? invalidateRegister(queryClient) : undefined),
  });
}
