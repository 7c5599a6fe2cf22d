import { meetingRulesInput, resolveMeetingRules, type MeetingRules } from "@chibo/domain";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { tenants } from "../db/schema/index.js";

/**
 * The tenant's meeting rules: `tenants.settings.meetingRules` laid over the national defaults
 * (packages/domain resolveMeetingRules). A stored value that no longer validates falls back to the
 * defaults field by field rather than failing every meeting screen.
 */
export async function loadMeetingRules(db: DbOrTx, tenantId: string): Promise<MeetingRules> {
  const [row] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.tenantId, tenantId))
    .limit(1);
  const raw = row?.settings.meetingRules;
  const parsed = meetingRulesInput.safeParse(raw ?? {});
  return resolveMeetingRules(parsed.success ? parsed.data : {});
}
