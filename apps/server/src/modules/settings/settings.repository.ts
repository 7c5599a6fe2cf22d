import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { tenants, units } from "../../db/schema/index.js";

export function createSettingsRepository(db: DbOrTx) {
  return {
    async tenant(tenantId: string, lock = false) {
      const q = db
        .select({ name: tenants.name, settings: tenants.settings })
        .from(tenants)
        .where(eq(tenants.tenantId, tenantId))
        .limit(1);
      const [row] = lock ? await q.for("update") : await q;
      return row;
    },

    /** The path of the tenant's top unit: tenant-wide settings are decided there. */
    async rootPath(tenantId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ path: units.path })
        .from(units)
        .where(and(eq(units.tenantId, tenantId), isNull(units.parentId)))
        .limit(1);
      return row?.path;
    },

    async saveSettings(tenantId: string, settings: Record<string, unknown>) {
      await db.update(tenants).set({ settings }).where(eq(tenants.tenantId, tenantId));
    },
  };
}
