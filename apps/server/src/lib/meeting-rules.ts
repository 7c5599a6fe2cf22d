import {
  meetingRulesInput,
  resolveMeetingRules,
  resolveSupervisionRules,
  supervisionRulesInput,
  type MeetingRules,
  type MeetingRulesInput,
  type SupervisionRules,
  type SupervisionRulesInput,
} from "@chibo/domain";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { tenants } from "../db/schema/index.js";

// The tenant's own rules, kept in `tenants.settings` and laid over the defaults of packages/domain. A
// stored value that no longer validates falls back to the defaults rather than failing every screen.

/** The province's meeting-rule overrides (settings.meetingRules). */
export function meetingOverrides(settings: Record<string, unknown>): MeetingRulesInput {
  const parsed = meetingRulesInput.safeParse(settings.meetingRules ?? {});
  return parsed.success ? parsed.data : {};
}

/** The province's supervision-rule overrides (settings.supervisionRules). */
export function supervisionOverrides(settings: Record<string, unknown>): SupervisionRulesInput {
  const parsed = supervisionRulesInput.safeParse(settings.supervisionRules ?? {});
  return parsed.success ? parsed.data : {};
}

async function settingsOf(db: DbOrTx, tenantId: string): Promise<Record<string, unknown>> {
  const [row] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.tenantId, tenantId))
    .limit(1);
  return row?.settings ?? {};
}

/** The tenant's meeting rules (packages/domain resolveMeetingRules). */
export async function loadMeetingRules(db: DbOrTx, tenantId: string): Promise<MeetingRules> {
  return resolveMeetingRules(meetingOverrides(await settingsOf(db, tenantId)));
}

/** The tenant's supervision rules (packages/domain resolveSupervisionRules). */
export async function loadSupervisionRules(
  db: DbOrTx,
  tenantId: string,
): Promise<SupervisionRules> {
  return resolveSupervisionRules(supervisionOverrides(await settingsOf(db, tenantId)));
}
