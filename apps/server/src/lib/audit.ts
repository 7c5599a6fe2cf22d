import type { DbOrTx } from "../db/client.js";
import { auditLog } from "../db/schema/index.js";
import type { Actor } from "../policy/policy.js";

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  unitPath: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records a write in the same transaction as the write itself: no change without its trace. */
export async function recordAudit(
  tx: DbOrTx,
  actor: Actor | null,
  tenantId: string,
  entries: AuditEntry | AuditEntry[],
  requestId?: string,
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.insert(auditLog).values(
    list.map((e) => ({
      tenantId,
      actorUserId: actor?.userId ?? null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      unitPath: e.unitPath,
      before: e.before ?? null,
      after: e.after ?? null,
      requestId: requestId ?? null,
    })),
  );
}
