import type { Rubric } from "@chibo/domain";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { rubrics, tenants, units } from "../../db/schema/index.js";

export function createRubricsRepository(db: DbOrTx) {
  return {
    /** The tenant's own rubrics in force for new scores (withdrawn ones left out), newest first. */
    async own(tenantId: string): Promise<Rubric[]> {
      const rows = await db
        .select({ data: rubrics.data })
        .from(rubrics)
        .where(and(eq(rubrics.tenantId, tenantId), isNull(rubrics.withdrawnAt)))
        .orderBy(rubrics.code, desc(rubrics.version));
      return rows.map((r) => r.data);
    },

    async one(tenantId: string, code: string, version: number): Promise<Rubric | undefined> {
      const [row] = await db
        .select({ data: rubrics.data })
        .from(rubrics)
        .where(
          and(eq(rubrics.tenantId, tenantId), eq(rubrics.code, code), eq(rubrics.version, version)),
        )
        .limit(1);
      return row?.data;
    },

    /** The highest version stored for a code (withdrawn included), or 0. */
    async latestVersion(tenantId: string, code: string): Promise<number> {
      const [row] = await db
        .select({ version: rubrics.version })
        .from(rubrics)
        .where(and(eq(rubrics.tenantId, tenantId), eq(rubrics.code, code)))
        .orderBy(desc(rubrics.version))
        .limit(1)
        .for("update");
      return row?.version ?? 0;
    },

    async insert(tenantId: string, data: Rubric, userId: string): Promise<string> {
      const [row] = await db
        .insert(rubrics)
        .values({
          tenantId,
          code: data.code,
          version: data.version,
          data,
          validFrom: data.validFrom,
          validTo: data.validTo,
          createdBy: userId,
        })
        .returning({ id: rubrics.id });
      if (!row) throw new Error("rubric insert returned nothing");
      return row.id;
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

    async tenantSettings(tenantId: string): Promise<Record<string, unknown>> {
      const [row] = await db
        .select({ settings: tenants.settings })
        .from(tenants)
        .where(eq(tenants.tenantId, tenantId))
        .limit(1);
      return row?.settings ?? {};
    },
  };
}

export type RubricsRepository = ReturnType<typeof createRubricsRepository>;
