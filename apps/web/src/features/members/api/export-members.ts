import { buildUrl } from "@/lib/api-client";

/** GET /api/v1/members/export?unitId: the register as .xlsx (a plain link: the browser downloads). */
export function exportMembersUrl(unitId: string | null): string {
  return buildUrl("/api/v1/members/export", { unitId });
}
