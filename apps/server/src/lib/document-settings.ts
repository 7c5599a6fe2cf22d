import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../db/client.js";
import { tenants } from "../db/schema/index.js";
import type { DocxLayout } from "./docx/party-document.js";

/**
 * The tenant's document settings, `tenants.settings.documents` (documents.md marks the margins and the
 * colon after "Số" as provincial choices): the place written before the date ("Quảng Bình, ngày …")
 * and the page layout. Anything missing or invalid falls back to documents.md's defaults.
 */
const documentSettingsInput = z.object({
  place: z.string().trim().min(1).max(100).optional(),
  marginTopMm: z.number().min(5).max(50).optional(),
  marginBottomMm: z.number().min(5).max(50).optional(),
  marginLeftMm: z.number().min(5).max(50).optional(),
  marginRightMm: z.number().min(5).max(50).optional(),
  numberColon: z.boolean().optional(),
  titleSizePt: z.number().min(14).max(16).optional(),
});

export interface DocumentSettings {
  /** The locality of the place-and-date line. */
  place: string;
  layout: Partial<DocxLayout>;
}

/**
 * Without a setting, the locality is read from the tenant's name ("… tỉnh Quảng Bình" → "Quảng Bình",
 * "… thành phố Hà Nội" → "Hà Nội"), else the name itself.
 */
export function placeFromName(name: string): string {
  const m = /(?:tỉnh|thành phố|TP\.?)\s+(.+)$/iu.exec(name.trim());
  return (m?.[1] ?? name).trim();
}

export async function loadDocumentSettings(
  db: DbOrTx,
  tenantId: string,
): Promise<DocumentSettings> {
  const [row] = await db
    .select({ name: tenants.name, settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.tenantId, tenantId))
    .limit(1);
  const parsed = documentSettingsInput.safeParse(row?.settings.documents ?? {});
  const { place, ...layout } = parsed.success ? parsed.data : {};
  return { place: place ?? placeFromName(row?.name ?? ""), layout };
}
