import {
  guidanceOn,
  type AgendaDto,
  type AgendaItemDto,
  type DocumentDto,
  type TaskDto,
} from "@chibo/domain";
import type { AgendaItemRow, AgendaMeeting, AgendaRow, DocumentMeta } from "./agenda.repository.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentItem(row: AgendaItemRow): AgendaItemDto {
  return {
    id: row.id,
    position: row.position,
    section: row.section,
    key: row.key,
    title: row.title,
    presenter: row.presenter,
    notes: row.notes,
  };
}

export function presentDocument(row: DocumentMeta): DocumentDto {
  return {
    id: row.id,
    meetingId: row.meetingId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.sizeBytes,
    uploadedAt: row.createdAt.toISOString(),
    uploadedBy: row.uploadedBy,
  };
}

/** Before the agenda exists it reads as a draft-to-be at version 1 (the version creation expects). */
export const VERSION_BEFORE_AGENDA = 1;

export function presentAgenda(args: {
  meeting: AgendaMeeting;
  agenda: { agenda: AgendaRow; preparedByName: string | null } | undefined;
  /** Whether the reader sees the content (items, documents): writers always, members once sent. */
  visible: boolean;
  items: readonly AgendaItemRow[];
  documents: readonly DocumentMeta[];
  tasksToReview: TaskDto[];
  can: AgendaDto["can"];
}): AgendaDto {
  const { meeting, visible } = args;
  const a = args.agenda?.agenda;
  return {
    meetingId: meeting.id,
    meetingKind: meeting.kind,
    meetingDate: meeting.date,
    state: a?.state ?? null,
    guidance: guidanceOn(meeting.date),
    templateName: a?.templateName ?? null,
    preparedBy: args.agenda?.preparedByName ?? null,
    agreedAt: iso(a?.agreedAt ?? null),
    agreedInMeetingId: a?.committeeMeetingId ?? null,
    sentAt: iso(a?.sentAt ?? null),
    version: a?.version ?? VERSION_BEFORE_AGENDA,
    items: visible ? args.items.map(presentItem) : [],
    documents: visible ? args.documents.map(presentDocument) : [],
    tasksToReview: args.tasksToReview,
    can: args.can,
  };
}
