import {
  meetingRulesInput,
  resolveMeetingRules,
  resolveSupervisionRules,
  supervisionRulesInput,
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

  function present(settings: Record<string, unknown>, canConfigure: boolean): MeetingRulesDto {
    const parsed = meetingRulesInput.safeParse(settings.meetingRules ?? {});
    const overrides = parsed.success ? parsed.data : {};
    return { effective: resolveMeetingRules(overrides), overrides, canConfigure };
  }

  return {
    async meetingRules(actor: Actor): Promise<MeetingRulesDto> {
      const repo = createSettingsRepository(db);
      const tenant = await repo.tenant(actor.tenantId);
      const root = await repo.rootPath(actor.tenantId);
      if (!tenant || root === undefined) throw notFound("tenant");
      return present(tenant.settings, can(actor, "tenant.configure", root));
    },

    /** Replaces the overrides as a whole (an empty object returns to the national defaults). */
    async setMeetingRules(actor: Actor, input: MeetingRulesInput): Promise<MeetingRulesDto> {
      return db.transaction(async (tx) => {
        const repo = createSettingsRepository(tx);
        const root = await repo.rootPath(actor.tenantId);
        authorize(actor, "tenant.configure", root, "tenant");
        const tenant = await repo.tenant(actor.tenantId, true);
        if (!tenant || root === undefined) throw notFound("tenant");
        const settings = { ...tenant.settings, meetingRules: input };
        await repo.saveSettings(actor.tenantId, settings);
        await recordAudit(tx, actor, actor.tenantId, {
          action: "tenant.meeting_rules",
          entity: "tenant",
          entityId: actor.tenantId,
          unitPath: root,
          before: tenant.settings.meetingRules ?? {},
          after: input,
        });
        return present(settings, true);
      });
    },

    /** Days for signing minutes and filing visit reports, the large-cell rule, visits per quarter. */
    async supervisionRules(actor: Actor): Promise<SupervisionRulesDto> {
      const repo = createSettingsRepository(db);
      const tenant = await repo.tenant(actor.tenantId);
      const root = await repo.rootPath(actor.tenantId);
      if (!tenant || root === undefined) throw notFound("tenant");
      const parsed = supervisionRulesInput.safeParse(tenant.settings.supervisionRules ?? {});
      const overrides = parsed.success ? parsed.data : {};
      return {
        effective: resolveSupervisionRules(overrides),
        overrides,
        canConfigure: can(actor, "tenant.configure", root),
      };
    },

    /** Replaces the overrides as a whole (an empty object returns to the defaults). */
    async setSupervisionRules(
      actor: Actor,
      input: SupervisionRulesInput,
    ): Promise<SupervisionRulesDto> {
      return db.transaction(async (tx) => {
        const repo = createSettingsRepository(tx);
        const root = await repo.rootPath(actor.tenantId);
        authorize(actor, "tenant.configure", root, "tenant");
        const tenant = await repo.tenant(actor.tenantId, true);
        if (!tenant || root === undefined) throw notFound("tenant");
        await repo.saveSettings(actor.tenantId, { ...tenant.settings, supervisionRules: input });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "tenant.supervision_rules",
          entity: "tenant",
          entityId: actor.tenantId,
          unitPath: root,
          before: tenant.settings.supervisionRules ?? {},
          after: input,
        });
        return { effective: resolveSupervisionRules(input), overrides: input, canConfigure: true };
      });
    },

    /** The document settings in force: the province's own over documents.md's defaults. */
    async documentSettings(actor: Actor): Promise<DocumentSettingsDto> {
      const repo = createSettingsRepository(db);
      const tenant = await repo.tenant(actor.tenantId);
      const root = await repo.rootPath(actor.tenantId);
      if (!tenant || root === undefined) throw notFound("tenant");
      const overrides = documentOverrides(tenant.settings);
      return {
        effective: effectiveDocumentSettings(tenant.name, overrides),
        overrides,
        canConfigure: can(actor, "tenant.configure", root),
      };
    },

    /** Replaces the overrides as a whole (an empty object returns to the defaults). */
    async setDocumentSettings(
      actor: Actor,
      input: DocumentSettingsInput,
    ): Promise<DocumentSettingsDto> {
      return db.transaction(async (tx) => {
        const repo = createSettingsRepository(tx);
        const root = await repo.rootPath(actor.tenantId);
        authorize(actor, "tenant.configure", root, "tenant");
        const tenant = await repo.tenant(actor.tenantId, true);
        if (!tenant || root === undefined) throw notFound("tenant");
        await repo.saveSettings(actor.tenantId, { ...tenant.settings, documents: input });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "tenant.document_settings",
          entity: "tenant",
          entityId: actor.tenantId,
          unitPath: root,
          before: tenant.settings.documents ?? {},
          after: input,
        });
        return {
          effective: effectiveDocumentSettings(tenant.name, input),
          overrides: input,
          canConfigure: true,
        };
      });
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
