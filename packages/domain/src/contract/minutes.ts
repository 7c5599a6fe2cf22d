// The minutes API contract: agenda and its preparation, meeting documents, minutes (autosaved,
// signed and locked, with dated addenda), resolutions and votes, tasks and their review, members'
// yearly assignments and commitments, participation. Server, web and OpenAPI share it.
import { z } from "zod";
import { MEMBER_STATUSES } from "../people/member.js";
import { AGENDA_ITEM_KEYS, AGENDA_SECTIONS, AGENDA_STATES } from "../minutes/agenda.js";
import { REVIEW_VERDICTS, TASK_STATES } from "../minutes/tasks.js";
import { VOTE_OUTCOMES } from "../minutes/votes.js";
import { GUIDANCE_CODES } from "../meetings/calendar.js";
import { MEETING_KINDS, MEETING_STATUSES } from "../meetings/kinds.js";
import { attendanceCountsDto } from "./meetings.js";
import { crossField, id, isoDate, optionalText, requiredText, text } from "./common.js";

/** A minute-taker may write long: one text of the minutes holds up to this many characters. */
export const MINUTES_TEXT_MAX = 50_000;
/** The whole minutes document (all items, opinions and conclusions) as saved by one autosave. */
export const MINUTES_CONTENT_MAX_BYTES = 1_000_000;

// ---------------------------------------------------------------------------------------------------
// Agenda templates (tenant settings; defaults in minutes/agenda.ts).

export const agendaTemplateItemDto = z.strictObject({
  section: z.enum(AGENDA_SECTIONS),
  key: z.enum(AGENDA_ITEM_KEYS),
  title: requiredText(300),
  hint: optionalText(1000).transform((v) => v ?? null),
});

export const agendaTemplateDto = z.strictObject({
  kind: z.enum(MEETING_KINDS),
  guidance: z.enum(GUIDANCE_CODES),
  name: requiredText(200),
  items: z
    .array(agendaTemplateItemDto)
    .min(1, { message: "Chương trình phải có ít nhất một bước" })
    .max(40),
});
export type AgendaTemplateDto = z.infer<typeof agendaTemplateDto>;

// The response repeats the template's fields as plain outputs: a response schema may not hold the
// input's one-way transforms (hint "" → null), which zod cannot encode.
const agendaTemplateOutDto = z.object({
  kind: z.enum(MEETING_KINDS),
  guidance: z.enum(GUIDANCE_CODES),
  name: z.string(),
  items: z.array(
    z.object({
      section: z.enum(AGENDA_SECTIONS),
      key: z.enum(AGENDA_ITEM_KEYS),
      title: z.string(),
      hint: z.string().nullable(),
    }),
  ),
});

export const agendaTemplatesDto = z.object({
  /** The templates in force for the tenant: its own where it has one, else the national default. */
  templates: z.array(agendaTemplateOutDto.extend({ custom: z.boolean() })),
});
export type AgendaTemplatesDto = z.infer<typeof agendaTemplatesDto>;

/** Replaces the tenant's own templates; an empty list returns to the national defaults. */
export const agendaTemplatesInput = z.strictObject({
  templates: z.array(agendaTemplateDto).max(40),
});
export type AgendaTemplatesInput = z.infer<typeof agendaTemplatesInput>;

// ---------------------------------------------------------------------------------------------------
// The agenda of one meeting.

export const agendaItemDto = z.object({
  id: z.uuid(),
  position: z.number().int(),
  section: z.enum(AGENDA_SECTIONS),
  key: z.enum(AGENDA_ITEM_KEYS),
  title: z.string(),
  /** Who presents the step (a name as it appears in the minutes). */
  presenter: z.string().nullable(),
  notes: z.string().nullable(),
});
export type AgendaItemDto = z.infer<typeof agendaItemDto>;

export const documentDto = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type DocumentDto = z.infer<typeof documentDto>;

export const taskAssigneeDto = z.object({ memberId: z.uuid(), fullName: z.string() });

export const taskDto = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  meetingDate: z.string(),
  meetingKind: z.enum(MEETING_KINDS),
  resolutionId: z.uuid(),
  resolutionTitle: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  details: z.string().nullable(),
  dueDate: z.string(),
  assignees: z.array(taskAssigneeDto),
  /** A body that holds the task instead of (or besides) named members, e.g. "Chi ủy". */
  assigneeBody: z.string().nullable(),
  state: z.enum(TASK_STATES),
  /** The last progress report or review note (the cause when not done). */
  lastNote: z.string().nullable(),
  lastReportedAt: z.string().nullable(),
  overdue: z.boolean(),
  can: z.object({ report: z.boolean(), edit: z.boolean() }),
});
export type TaskDto = z.infer<typeof taskDto>;

export const agendaDto = z.object({
  meetingId: z.uuid(),
  meetingKind: z.enum(MEETING_KINDS),
  meetingDate: z.string(),
  /** null until the agenda is first created (from the template or by hand). */
  state: z.enum(AGENDA_STATES).nullable(),
  guidance: z.enum(GUIDANCE_CODES),
  templateName: z.string().nullable(),
  preparedBy: z.string().nullable(),
  agreedAt: z.string().nullable(),
  /** The cell-committee meeting where it was agreed, if recorded. */
  agreedInMeetingId: z.uuid().nullable(),
  sentAt: z.string().nullable(),
  version: z.number().int(),
  items: z.array(agendaItemDto),
  documents: z.array(documentDto),
  /** The report step of a regular meeting: earlier tasks still open or reviewed here, with their state. */
  tasksToReview: z.array(taskDto),
  can: z.object({ edit: z.boolean(), agree: z.boolean(), send: z.boolean(), reopen: z.boolean() }),
});
export type AgendaDto = z.infer<typeof agendaDto>;

/** Creates the meeting's agenda from the template in force on its date (refused if it has items). */
export const agendaFromTemplateInput = z.strictObject({}).default({});

export const agendaItemInput = z.strictObject({
  /** An existing item keeps its id; a new one has none. */
  id: id.optional(),
  section: z.enum(AGENDA_SECTIONS),
  key: z.enum(AGENDA_ITEM_KEYS).default("other"),
  title: requiredText(300),
  presenter: optionalText(200),
  notes: optionalText(4000),
});

/** Replaces the items of a draft agenda, in the order given. */
export const agendaItemsInput = z.strictObject({
  version: z.number().int().min(1),
  items: z
    .array(agendaItemInput)
    .min(1, { message: "Chương trình phải có ít nhất một bước" })
    .max(60),
});
export type AgendaItemsInput = z.infer<typeof agendaItemsInput>;

export const agendaAgreeInput = z.strictObject({
  version: z.number().int().min(1),
  /** The cell-committee meeting that agreed it (HD12 §2.2), when there was one. */
  committeeMeetingId: id.nullable().optional(),
});
export type AgendaAgreeInput = z.infer<typeof agendaAgreeInput>;

export const agendaVersionInput = z.strictObject({ version: z.number().int().min(1) });

// ---------------------------------------------------------------------------------------------------
// Minutes.

const minutesText = text(MINUTES_TEXT_MAX);

export const opinionDto = z.strictObject({
  /** Chosen by the client (uuid), so an autosave can be retried without duplicating it. */
  id: z.uuid(),
  speakerMemberId: z.uuid().nullable(),
  speakerGuestId: z.uuid().nullable(),
  /** As written in the minutes: "Đồng chí Nguyễn Thị C". */
  speakerName: requiredText(200),
  text: minutesText,
});
export type OpinionDto = z.infer<typeof opinionDto>;

export const minutesItemDto = z.strictObject({
  /** The agenda step this part records; null for a part added while writing. */
  agendaItemId: z.uuid().nullable(),
  title: requiredText(300),
  presenter: z.string().max(200).nullable(),
  /** What was presented. */
  summary: minutesText,
  /** Every opinion, in the order given. */
  opinions: z.array(opinionDto).max(500),
  /** The chair's conclusion on this step. */
  conclusion: minutesText,
});
export type MinutesItemDto = z.infer<typeof minutesItemDto>;

export const minutesContentDto = z.strictObject({
  place: z.string().max(300).nullable(),
  /** Opening remarks: reason of the meeting, guests introduced. */
  opening: minutesText,
  items: z.array(minutesItemDto).max(60),
  /** Admissions, confirmations and other matters (documents.md: "admissions or confirmations if any"). */
  other: minutesText,
});
export type MinutesContentDto = z.infer<typeof minutesContentDto>;

export const minutesAttendanceDto = z.object({
  counts: attendanceCountsDto,
  presentOfficial: z.number().int(),
  presentProbationary: z.number().int(),
  rate: z.number().nullable(),
  quorumNeeded: z.number().int(),
  hasQuorum: z.boolean(),
  votingBody: z.number().int(),
  officialPresent: z.number().int(),
  absentExcused: z.array(
    z.object({ memberId: z.uuid(), fullName: z.string(), reason: z.string().nullable() }),
  ),
  absentUnexcused: z.array(z.object({ memberId: z.uuid(), fullName: z.string() })),
  guests: z.array(z.object({ name: z.string(), title: z.string().nullable() })),
});
export type MinutesAttendanceDto = z.infer<typeof minutesAttendanceDto>;

export const SIGNATURE_ROLES = ["chair", "minute_taker"] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

export const signatureDto = z.object({
  at: z.string(),
  byName: z.string(),
  /** Confirmed by a cell lead for a signer without an account: the signature is in the minutes book. */
  onBehalf: z.boolean(),
});

export const addendumDto = z.object({
  id: z.uuid(),
  text: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type AddendumDto = z.infer<typeof addendumDto>;

export const voteDto = z.object({
  approve: z.number().int(),
  against: z.number().int(),
  other: z.number().int(),
});

export const RESOLUTION_KINDS = ["resolution", "conclusion"] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

export const resolutionDto = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  kind: z.enum(RESOLUTION_KINDS),
  /** "Số 05-NQ/CB" once numbered at signing; numbers run through the committee's term. */
  number: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  vote: voteDto.nullable(),
  outcome: z.enum(VOTE_OUTCOMES).nullable(),
  votedAt: z.string().nullable(),
  tasks: z.array(taskDto),
});
export type ResolutionDto = z.infer<typeof resolutionDto>;

export const taskReviewDto = z.object({
  task: taskDto,
  /** This meeting's review of the task; null while not reviewed. */
  verdict: z.enum(REVIEW_VERDICTS).nullable(),
  cause: z.string().nullable(),
});
export type TaskReviewDto = z.infer<typeof taskReviewDto>;

export const MINUTES_STATES = ["draft", "signed"] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];

export const minutesDto = z.object({
  meetingId: z.uuid(),
  meetingKind: z.enum(MEETING_KINDS),
  meetingStatus: z.enum(MEETING_STATUSES),
  meetingDate: z.string(),
  unitName: z.string(),
  /** The superior organisation (the header's first line); null at the top of the tree. */
  superiorName: z.string().nullable(),
  /** The locality of the place-and-date line (tenant's document settings). */
  locality: z.string(),
  /** The subject of a thematic meeting or forum. */
  topic: z.string().nullable(),
  state: z.enum(MINUTES_STATES),
  /** Autosave revision: a save names the revision it was based on. */
  rev: z.number().int(),
  chairMemberId: z.uuid().nullable(),
  chairName: z.string().nullable(),
  minuteTakerMemberId: z.uuid().nullable(),
  minuteTakerName: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  content: minutesContentDto,
  /** From the attendance record; frozen when the minutes are locked. */
  attendance: minutesAttendanceDto,
  resolutions: z.array(resolutionDto),
  /** Earlier tasks this meeting reviews (regular meetings), and their verdicts here. */
  reviews: z.array(taskReviewDto),
  reviewCoverage: z.number(),
  signatures: z.object({ chair: signatureDto.nullable(), minuteTaker: signatureDto.nullable() }),
  lockedAt: z.string().nullable(),
  addenda: z.array(addendumDto),
  updatedAt: z.string().nullable(),
  can: z.object({
    edit: z.boolean(),
    signAsChair: z.boolean(),
    signAsMinuteTaker: z.boolean(),
    addendum: z.boolean(),
  }),
});
export type MinutesDto = z.infer<typeof minutesDto>;

/** The autosave: the whole working copy, based on revision `rev`. */
export const minutesSaveInput = z.strictObject({
  rev: z.number().int().min(0),
  chairMemberId: id.nullable(),
  minuteTakerMemberId: id.nullable(),
  content: minutesContentDto,
});
export type MinutesSaveInput = z.infer<typeof minutesSaveInput>;

export const minutesSavedDto = z.object({ rev: z.number().int(), savedAt: z.string() });
export type MinutesSavedDto = z.infer<typeof minutesSavedDto>;

export const minutesSignInput = z.strictObject({ as: z.enum(SIGNATURE_ROLES) });
export type MinutesSignInput = z.infer<typeof minutesSignInput>;

export const addendumInput = z.strictObject({ text: requiredText(MINUTES_TEXT_MAX) });
export type AddendumInput = z.infer<typeof addendumInput>;

// ---------------------------------------------------------------------------------------------------
// Resolutions, votes and tasks.

export const resolutionInput = z.strictObject({
  kind: z.enum(RESOLUTION_KINDS).default("resolution"),
  title: requiredText(300),
  content: text(MINUTES_TEXT_MAX).default(""),
});
export type ResolutionInput = z.infer<typeof resolutionInput>;

export const resolutionPatchInput = z.strictObject({
  kind: z.enum(RESOLUTION_KINDS).optional(),
  title: requiredText(300).optional(),
  content: text(MINUTES_TEXT_MAX).optional(),
});
export type ResolutionPatchInput = z.infer<typeof resolutionPatchInput>;

const count = z.number({ message: "Phải là một số" }).int({ message: "Phải là số nguyên" }).min(0, {
  message: "Không được âm",
});

/** Charter: for, against, other opinions — official members present only. */
export const voteInput = z.strictObject({ approve: count, against: count, other: count });
export type VoteInput = z.infer<typeof voteInput>;

const taskFields = {
  title: requiredText(500),
  details: optionalText(4000),
  dueDate: isoDate,
  assigneeMemberIds: z.array(id).max(50).default([]),
  assigneeBody: optionalText(200),
};

const hasAssignee = (t: { assigneeMemberIds?: unknown; assigneeBody?: unknown }) =>
  (Array.isArray(t.assigneeMemberIds) && t.assigneeMemberIds.length > 0) ||
  (typeof t.assigneeBody === "string" && t.assigneeBody.trim() !== "");

/** A task names what, who (members or a body) and by when; the due date is checked against the meeting. */
export const taskInput = z.strictObject(taskFields).refine(hasAssignee, {
  ...crossField,
  message: "Nhiệm vụ phải có người hoặc tập thể phụ trách",
  path: ["assigneeMemberIds"],
});
export type TaskInput = z.infer<typeof taskInput>;

export const taskPatchInput = z
  .strictObject({
    title: taskFields.title.optional(),
    details: taskFields.details,
    dueDate: isoDate.optional(),
    assigneeMemberIds: z.array(id).max(50).optional(),
    assigneeBody: taskFields.assigneeBody,
  })
  .refine(
    (t) => (t.assigneeMemberIds === undefined && t.assigneeBody === undefined) || hasAssignee(t),
    {
      ...crossField,
      message: "Nhiệm vụ phải có người hoặc tập thể phụ trách",
      path: ["assigneeMemberIds"],
    },
  );
export type TaskPatchInput = z.infer<typeof taskPatchInput>;

/** An assignee's progress report. "not_done" needs its cause. */
export const taskProgressInput = z
  .strictObject({
    state: z.enum(["in_progress", "done", "not_done"]),
    note: optionalText(2000),
  })
  .refine((p) => p.state !== "not_done" || (p.note ?? "") !== "", {
    ...crossField,
    message: "Ghi rõ nguyên nhân chưa hoàn thành",
    path: ["note"],
  });
export type TaskProgressInput = z.infer<typeof taskProgressInput>;

export const taskUpdateDto = z.object({
  id: z.uuid(),
  state: z.enum(TASK_STATES),
  note: z.string().nullable(),
  byName: z.string().nullable(),
  createdAt: z.string(),
  /** Reported by an assignee, or recorded by a meeting's review. */
  source: z.enum(["report", "review"]),
});
export type TaskUpdateDto = z.infer<typeof taskUpdateDto>;

export const taskDetailDto = taskDto.extend({ updates: z.array(taskUpdateDto) });
export type TaskDetailDto = z.infer<typeof taskDetailDto>;

/** HD12: the next regular meeting reviews each open task: done, in progress, or not done with cause. */
export const taskReviewInput = z
  .strictObject({ verdict: z.enum(REVIEW_VERDICTS), cause: optionalText(2000) })
  .refine((r) => r.verdict !== "not_done" || (r.cause ?? "") !== "", {
    ...crossField,
    message: "Ghi rõ nguyên nhân chưa hoàn thành",
    path: ["cause"],
  });
export type TaskReviewInput = z.infer<typeof taskReviewInput>;

export const TASK_FILTERS = ["open", "overdue", "all"] as const;
export const taskListQuery = z.object({
  filter: z.enum(TASK_FILTERS).default("open"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const myTasksDto = z.object({
  items: z.array(taskDto),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type MyTasksDto = z.infer<typeof myTasksDto>;

// ---------------------------------------------------------------------------------------------------
// Yearly member task assignments and personal commitments.

export const YEARLY_KINDS = ["assignment", "commitment"] as const;
export type YearlyKind = (typeof YEARLY_KINDS)[number];

export const yearlyEntryDto = z.object({
  kind: z.enum(YEARLY_KINDS),
  year: z.number().int(),
  content: z.string(),
  datedOn: z.string().nullable(),
  updatedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type YearlyEntryDto = z.infer<typeof yearlyEntryDto>;

export const memberYearlyDto = z.object({
  memberId: z.uuid(),
  entries: z.array(yearlyEntryDto),
  can: z.object({ assign: z.boolean(), commit: z.boolean() }),
});
export type MemberYearlyDto = z.infer<typeof memberYearlyDto>;

export const yearlyParams = z.object({
  id,
  year: z.coerce.number().int().min(2000).max(2100),
  kind: z.enum(YEARLY_KINDS),
});

export const yearlyInput = z.strictObject({
  content: requiredText(8000),
  datedOn: isoDate.nullable().optional(),
});
export type YearlyInput = z.infer<typeof yearlyInput>;

export const optionalYearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const assignmentCoverageDto = z.object({
  year: z.number().int(),
  members: z.number().int(),
  withAssignment: z.number().int(),
  withCommitment: z.number().int(),
  /** Seeds' target: every member has a yearly assignment (100%). */
  assignmentShare: z.number().nullable(),
  commitmentShare: z.number().nullable(),
  units: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      members: z.number().int(),
      withAssignment: z.number().int(),
      withCommitment: z.number().int(),
    }),
  ),
});
export type AssignmentCoverageDto = z.infer<typeof assignmentCoverageDto>;

// ---------------------------------------------------------------------------------------------------
// Participation over the last 12 months.

export const participationQuery = z.object({ to: isoDate.optional() });

export const memberParticipationDto = z.object({
  memberId: z.uuid(),
  fullName: z.string(),
  status: z.enum(MEMBER_STATUSES),
  meetings: z.number().int(),
  attended: z.number().int(),
  opinions: z.number().int(),
  meetingsSpoken: z.number().int(),
  tasksHeld: z.number().int(),
  tasksDone: z.number().int(),
  neverSpoke: z.boolean(),
});
export type MemberParticipationDto = z.infer<typeof memberParticipationDto>;

export const participationDto = z.object({
  unitId: z.uuid(),
  from: z.string(),
  to: z.string(),
  /** For a cell: its members. Empty for a committee, which sees its cells below. */
  members: z.array(memberParticipationDto),
  meetings: z.number().int(),
  /** Meetings whose minutes are kept in chibo: the base of the share where most members spoke. */
  meetingsRecorded: z.number().int(),
  meetingsMostSpoke: z.number().int(),
  shareMostSpoke: z.number().nullable(),
  neverSpoke: z.number().int(),
  cells: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      members: z.number().int(),
      meetings: z.number().int(),
      meetingsRecorded: z.number().int(),
      meetingsMostSpoke: z.number().int(),
      shareMostSpoke: z.number().nullable(),
      neverSpoke: z.number().int(),
    }),
  ),
});
export type ParticipationDto = z.infer<typeof participationDto>;

// ---------------------------------------------------------------------------------------------------
// The tenant's document settings (documents.md marks margins and "Số:" as provincial choices).

/** documents.md defaults: margins 20/20/30/15 mm, no colon after "Số", the type line at 16 pt. */
export const DEFAULT_DOCUMENT_LAYOUT = {
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 30,
  marginRightMm: 15,
  numberColon: false,
  titleSizePt: 16,
} as const;

const marginMm = z
  .number()
  .min(5, { message: "Tối thiểu 5 mm" })
  .max(50, { message: "Tối đa 50 mm" });

export const documentSettingsInput = z.strictObject({
  /** The locality before the date: "Quảng Bình, ngày 03 tháng 02 năm 2026". */
  place: requiredText(100).optional(),
  marginTopMm: marginMm.optional(),
  marginBottomMm: marginMm.optional(),
  marginLeftMm: marginMm.optional(),
  marginRightMm: marginMm.optional(),
  numberColon: z.boolean().optional(),
  titleSizePt: z
    .number()
    .min(15, { message: "Cỡ chữ tên loại văn bản từ 15 đến 16" })
    .max(16, { message: "Cỡ chữ tên loại văn bản từ 15 đến 16" })
    .optional(),
});
export type DocumentSettingsInput = z.infer<typeof documentSettingsInput>;

export const documentSettingsDto = z.object({
  effective: z.object({
    place: z.string(),
    marginTopMm: z.number(),
    marginBottomMm: z.number(),
    marginLeftMm: z.number(),
    marginRightMm: z.number(),
    numberColon: z.boolean(),
    titleSizePt: z.number(),
  }),
  overrides: documentSettingsInput,
  canConfigure: z.boolean(),
});
export type DocumentSettingsDto = z.infer<typeof documentSettingsDto>;
