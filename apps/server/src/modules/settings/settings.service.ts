import {
  resolveMeetingRules,
  resolveSupervisionRules,
  type SupervisionRulesDto,
  type SupervisionRulesInput,
  type DocumentSettingsDto,
  type DocumentSettingsInput,
  type MeetingRulesDto,
  type MeetingRulesInput,
} from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import { meetingOverrides, supervisionOverrides } from "../../lib/meeting-rules.js";
import { documentOverrides, effectiveDocumentSettings } from "../../lib/document-settings.js";
import { authorize, can, type Actor } from "../../policy/policy.js";
import { createSettingsRepository } from "./settings.repository.js";

/**
 * The tenant's meeting rules. Where a province may differ from the national guidance (quorum, targets,
 * postponement in the month, reminder lead time…), packages/domain holds the default and the
 * province's administrator sets its own here, on the tenant's top unit.
 */
export function createSettingsService(deps: { db: Db }) {
  const { db } = deps;

  /** The tenant's settings and whether the actor may change them (on the tenant's top unit). */
  async function read(actor: Actor) {
    const repo = createSettingsRepository(db);
    const [tenant, root] = await Promise.all([
      repo.tenant(actor.tenantId),
      repo.rootPath(actor.tenantId),
    ]);
    if (!tenant || root === undefined) throw notFound("tenant");
    return { tenant, canConfigure: can(actor, "tenant.configure", root) };
  }

  /**
   * Replaces one group of overrides as a whole (an empty object returns to the defaults), audited in
   * the same transaction. Returns the tenant as it was.
   */
  async function replace(
    actor: Actor,
    key: "meetingRules" | "supervisionRules" | "documents",
    action: string,
    input: object,
  ) {
    return db.transaction(async (tx) => {
      const repo = createSettingsRepository(tx);
      const root = await repo.rootPath(actor.tenantId);
      authorize(actor, "tenant.configure", root, "tenant");
      const tenant = await repo.tenant(actor.tenantId, true);
      if (!tenant || root === undefined) throw notFound("tenant");
      await repo.saveSettings(actor.tenantId, { ...tenant.settings, [key]: input });
      await recordAudit(tx, actor, actor.tenantId, {
        action,
        entity: "tenant",
        entityId: actor.tenantId,
        unitPath: root,
        before: tenant.settings[key] ?? {},
        after: input,
      });
      return tenant;
    });
  }

  return {
    async meetingRules(actor: Actor): Promise<MeetingRulesDto> {
      const { tenant, canConfigure } = await read(actor);
      const overrides = meetingOverrides(tenant.settings);
      return { effective: resolveMeetingRules(overrides), overrides, canConfigure };
    },

    async setMeetingRules(actor: Actor, input: MeetingRulesInput): Promise<MeetingRulesDto> {
      await replace(actor, "meetingRules", "tenant.meeting_rules", input);
      return { effective: resolveMeetingRules(input), overrides: input, canConfigure: true };
    },

    /** Days for signing minutes and filing visit reports, the large-cell rule, visits per quarter. */
    async supervisionRules(actor: Actor): Promise<SupervisionRulesDto> {
      const { tenant, canConfigure } = await read(actor);
      const overrides = supervisionOverrides(tenant.settings);
      return { effective: resolveSupervisionRules(overrides), overrides, canConfigure };
    },

    async setSupervisionRules(
      actor: Actor,
      input: SupervisionRulesInput,
    ): Promise<SupervisionRulesDto> {
      await replace(actor, "supervisionRules", "tenant.supervision_rules", input);
      return { effective: resolveSupervisionRules(input), overrides: input, canConfigure: true };
    },

    /** The document settings in force: the province's own over documents.md's defaults. */
    async documentSettings(actor: Actor): Promise<DocumentSettingsDto> {
      const { tenant, canConfigure } = await read(actor);
      const overrides = documentOverrides(tenant.settings);
      return {
        effective: effectiveDocumentSettings(tenant.name, overrides),
        overrides,
        canConfigure,
      };
    },

    async setDocumentSettings(
      actor: Actor,
      input: DocumentSettingsInput,
    ): Promise<DocumentSettingsDto> {
      const tenant = await replace(actor, "documents", "tenant.document_settings", input);
      return {
        effective: effectiveDocumentSettings(tenant.name, input),
        overrides: input,
        canConfigure: true,
      };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
