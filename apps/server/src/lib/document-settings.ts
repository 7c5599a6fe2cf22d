import {
  DEFAULT_DOCUMENT_LAYOUT,
  documentSettingsInput,
  type DocumentSettingsDto,
  type DocumentSettingsInput,
} from "@chibo/domain";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { tenants } from "../db/schema/index.js";
import type { DocxLayout } from "./docx/party-document.js";

/**
 * The tenant's document settings, `tenants.settings.documents` (documents.md marks the margins and the
 * colon after "Số" as provincial choices): the place written before the date ("Quảng Bình, ngày …")
 * and the page layout. Anything missing or invalid falls back to documents.md's defaults.
 */
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

/** The stored overrides, or none when what is stored no longer validates. */
export function documentOverrides(settings: Record<string, unknown>): DocumentSettingsInput {
  const parsed = documentSettingsInput.safeParse(settings.documents ?? {});
  return parsed.success ? parsed.data : {};
}

export function effectiveDocumentSettings(
  tenantName: string,
  overrides: DocumentSettingsInput,
): DocumentSettingsDto["effective"] {
  const { place, ...layout } = overrides;
  return { ...DEFAULT_DOCUMENT_LAYOUT, ...layout, place: place ?? placeFromName(tenantName) };
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
  const { place, ...layout } = effectiveDocumentSettings(
    row?.name ?? "",
    documentOverrides(row?.settings ?? {}),
  );
  return { place, layout };
}
