import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import {
  agendaItems,
  meetingAgendas,
  meetingDocuments,
  meetings,
  tenants,
  units,
  users,
} from "../../db/schema/index.js";

export type AgendaRow = typeof meetingAgendas.$inferSelect;
export type AgendaInsert = typeof meetingAgendas.$inferInsert;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type AgendaItemInsert = typeof agendaItems.$inferInsert;
export type DocumentInsert = typeof meetingDocuments.$inferInsert;

/** What the agenda needs of its meeting. */
const meetingColumns = {
  id: meetings.id,
  tenantId: meetings.tenantId,
  unitId: meetings.unitId,
  unitPath: meetings.unitPath,
  kind: meetings.kind,
  status: meetings.status,
  date: meetings.date,
};

/** A document without its bytes (lists, the agenda). */
const documentColumns = {
  id: meetingDocuments.id,
  meetingId: meetingDocuments.meetingId,
  fileName: meetingDocuments.fileName,
  contentType: meetingDocuments.contentType,
  sizeBytes: meetingDocuments.sizeBytes,
  sha256: meetingDocuments.sha256,
  createdAt: meetingDocuments.createdAt,
  uploadedBy: users.displayName,
};

export type AgendaMeeting = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createAgendaRepository>["meeting"]>>
>;
export type DocumentMeta = Awaited<
  ReturnType<ReturnType<typeof createAgendaRepository>["documents"]>
>[number];

export function createAgendaRepository(db: DbOrTx) {
  return {
    /**
     * The meeting; `lock` holds its row for the rest of the transaction, so that commands on one
     * meeting's agenda and documents queue up.
     */
    async meeting(tenantId: string, id: string, lock = false) {
      const q = db
        .select(meetingColumns)
        .from(meetings)
        .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)))
        .limit(1);
      const [row] = lock ? await q.for("update") : await q;
      return row;
    },

    /** The agenda row with the name of whoever prepared it. */
    async agenda(tenantId: string, meetingId: string) {
      const [row] = await db
        .select({ agenda: meetingAgendas, preparedByName: users.displayName })
        .from(meetingAgendas)
        .leftJoin(
          users,
          and(eq(users.tenantId, meetingAgendas.tenantId), eq(users.id, meetingAgendas.preparedBy)),
        )
        .where(and(eq(meetingAgendas.tenantId, tenantId), eq(meetingAgendas.meetingId, meetingId)))
        .limit(1);
      return row;
    },

    items(tenantId: string, meetingId: string): Promise<AgendaItemRow[]> {
      return db
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.meetingId, meetingId)))
        .orderBy(asc(agendaItems.position), asc(agendaItems.id));
    },

    /** The meeting's documents in upload order, without their bytes. */
    documents(tenantId: string, meetingId: string) {
      return db
        .select(documentColumns)
        .from(meetingDocuments)
        .leftJoin(
          users,
          and(
            eq(users.tenantId, meetingDocuments.tenantId),
            eq(users.id, meetingDocuments.uploadedBy),
          ),
        )
        .where(
          and(eq(meetingDocuments.tenantId, tenantId), eq(meetingDocuments.meetingId, meetingId)),
        )
        .orderBy(asc(meetingDocuments.createdAt), asc(meetingDocuments.id));
    },

    async insertAgenda(row: AgendaInsert): Promise<AgendaRow> {
      const [created] = await db.insert(meetingAgendas).values(row).returning();
      if (!created) throw new Error("insert returned no agenda");
      return created;
    },

    /** Writes the agenda only if it is still at `version`; the new version is one more. */
    async updateAgenda(
      tenantId: string,
      meetingId: string,
      version: number,
      patch: Partial<AgendaInsert>,
      at: Date,
    ): Promise<AgendaRow | undefined> {
      const [row] = await db
        .update(meetingAgendas)
        .set({ ...patch, version: version + 1, updatedAt: at })
        .where(
          and(
            eq(meetingAgendas.tenantId, tenantId),
            eq(meetingAgendas.meetingId, meetingId),
            eq(meetingAgendas.version, version),
          ),
        )
        .returning();
      return row;
    },

    async insertItems(rows: AgendaItemInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(agendaItems).values(rows);
    },

    async updateItem(
      tenantId: string,
      meetingId: string,
      id: string,
      patch: Pick<AgendaItemRow, "position" | "section" | "key" | "title" | "presenter" | "notes">,
    ): Promise<void> {
      await db
        .update(agendaItems)
        .set(patch)
        .where(
          and(
            eq(agendaItems.tenantId, tenantId),
            eq(agendaItems.meetingId, meetingId),
            eq(agendaItems.id, id),
          ),
        );
    },

    async deleteItems(tenantId: string, meetingId: string, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db
        .delete(agendaItems)
        .where(
          and(
            eq(agendaItems.tenantId, tenantId),
            eq(agendaItems.meetingId, meetingId),
            inArray(agendaItems.id, [...ids]),
          ),
        );
    },

    /** A document with the meeting it belongs to (whose path decides access) and its agenda state. */
    async document(tenantId: string, id: string) {
      const [row] = await db
        .select({
          ...documentColumns,
          unitPath: meetings.unitPath,
          meetingStatus: meetings.status,
          agendaState: meetingAgendas.state,
        })
        .from(meetingDocuments)
        .innerJoin(
          meetings,
          and(
            eq(meetings.tenantId, meetingDocuments.tenantId),
            eq(meetings.id, meetingDocuments.meetingId),
          ),
        )
        .leftJoin(
          meetingAgendas,
          and(
            eq(meetingAgendas.tenantId, meetingDocuments.tenantId),
            eq(meetingAgendas.meetingId, meetingDocuments.meetingId),
          ),
        )
        .leftJoin(
          users,
          and(
            eq(users.tenantId, meetingDocuments.tenantId),
            eq(users.id, meetingDocuments.uploadedBy),
          ),
        )
        .where(and(eq(meetingDocuments.tenantId, tenantId), eq(meetingDocuments.id, id)))
        .limit(1);
      return row;
    },

    /** The bytes of a document. */
    async documentData(tenantId: string, id: string): Promise<Buffer | undefined> {
      const [row] = await db
        .select({ data: meetingDocuments.data })
        .from(meetingDocuments)
        .where(and(eq(meetingDocuments.tenantId, tenantId), eq(meetingDocuments.id, id)))
        .limit(1);
      return row ? Buffer.from(row.data) : undefined;
    },

    async insertDocument(row: DocumentInsert): Promise<string> {
      const [created] = await db
        .insert(meetingDocuments)
        .values(row)
        .returning({ id: meetingDocuments.id });
      if (!created) throw new Error("insert returned no document");
      return created.id;
    },

    async deleteDocument(tenantId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(meetingDocuments)
        .where(and(eq(meetingDocuments.tenantId, tenantId), eq(meetingDocuments.id, id)))
        .returning({ id: meetingDocuments.id });
      return rows.length > 0;
    },

    async tenantSettings(tenantId: string, lock = false) {
      const q = db
        .select({ settings: tenants.settings })
        .from(tenants)
        .where(eq(tenants.tenantId, tenantId))
        .limit(1);
      const [row] = lock ? await q.for("update") : await q;
      return row?.settings;
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

    async saveSettings(tenantId: string, settings: Record<string, unknown>): Promise<void> {
      await db.update(tenants).set({ settings }).where(eq(tenants.tenantId, tenantId));
    },
  };
}

export type AgendaRepository = ReturnType<typeof createAgendaRepository>;
