// The agenda of a meeting and how it is prepared (HD12 §2–3; HD42 keeps the same order). Templates are
// data: these are the national defaults, and a province may replace any of them (tenant settings).

import type { GuidanceCode } from "../meetings/calendar.js";
import type { MeetingKind } from "../meetings/kinds.js";

/** HD12: every meeting has an opening, its proceedings and a closing. */
export const AGENDA_SECTIONS = ["opening", "proceedings", "closing"] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

/**
 * What an agenda step is for. The server fills some by itself: `attendance` from the attendance record,
 * `report` with last meeting's tasks, `resolution` with the votes. `other` is a free step.
 */
export const AGENDA_ITEM_KEYS = [
  "reason_guests",
  "minute_taker",
  "attendance",
  "agenda_approval",
  "report",
  "discussion",
  "criticism",
  "information",
  "resolution",
  "minutes_approval",
  "purpose",
  "topic_paper",
  "topic_discussion",
  "paper_finalised",
  "other",
] as const;
export type AgendaItemKey = (typeof AGENDA_ITEM_KEYS)[number];

export interface AgendaTemplateItem {
  section: AgendaSection;
  key: AgendaItemKey;
  title: string;
  /** What the step should contain, shown to whoever prepares it. */
  hint: string | null;
}

export interface AgendaTemplate {
  /** The template answers for these meeting kinds. */
  kind: MeetingKind;
  /** The guidance it follows; a meeting uses the template of the guidance in force on its date. */
  guidance: GuidanceCode;
  name: string;
  items: AgendaTemplateItem[];
}

const item = (
  section: AgendaSection,
  key: AgendaItemKey,
  title: string,
  hint: string | null = null,
): AgendaTemplateItem => ({ section, key, title, hint });

/** HD12 §3.1: the order of a regular meeting. */
const REGULAR_ITEMS: AgendaTemplateItem[] = [
  item("opening", "reason_guests", "Tuyên bố lý do, giới thiệu đại biểu"),
  item("opening", "minute_taker", "Cử thư ký ghi biên bản"),
  item(
    "opening",
    "attendance",
    "Thông báo số lượng đảng viên dự họp",
    "Tổng số, chính thức, dự bị, miễn sinh hoạt, có mặt, vắng mặt (có lý do, không lý do)",
  ),
  item("opening", "agenda_approval", "Thông qua chương trình sinh hoạt"),
  item(
    "proceedings",
    "report",
    "Đánh giá kết quả thực hiện nghị quyết tháng trước",
    "So sánh với nghị quyết tháng trước; kiểm điểm từng nhiệm vụ đã giao",
  ),
  item(
    "proceedings",
    "discussion",
    "Thảo luận các vấn đề trọng tâm",
    "Những vấn đề chi ủy đã chọn để thảo luận, biểu quyết",
  ),
  item("proceedings", "criticism", "Tự phê bình và phê bình"),
  item("proceedings", "information", "Thông tin, định hướng tư tưởng"),
  item(
    "closing",
    "resolution",
    "Kết luận, thông qua nghị quyết và biểu quyết",
    "Nhiệm vụ tháng tới: việc gì, ai làm, thời hạn",
  ),
  item("closing", "minutes_approval", "Thông qua biên bản"),
];

/** HD12 §3.2: the order of a thematic meeting. */
const THEMATIC_ITEMS: AgendaTemplateItem[] = [
  item("opening", "reason_guests", "Tuyên bố lý do, giới thiệu đại biểu"),
  item("opening", "minute_taker", "Cử thư ký ghi biên bản"),
  item("opening", "attendance", "Thông báo số lượng đảng viên dự họp"),
  item("opening", "purpose", "Nêu mục đích, yêu cầu của chuyên đề"),
  item(
    "proceedings",
    "topic_paper",
    "Trình bày dự thảo chuyên đề",
    "Đảng viên được phân công trình bày",
  ),
  item(
    "proceedings",
    "topic_discussion",
    "Thảo luận, liên hệ với chi bộ và bản thân",
    "Liên hệ với tình hình chi bộ và trách nhiệm của từng đảng viên",
  ),
  item("closing", "resolution", "Kết luận chuyên đề"),
  item("closing", "paper_finalised", "Hoàn chỉnh chuyên đề, gửi đảng viên"),
  item("closing", "minutes_approval", "Thông qua biên bản"),
];

/** Forums, extraordinary and model meetings follow the regular order around their one subject. */
const SUBJECT_ITEMS: AgendaTemplateItem[] = [
  item("opening", "reason_guests", "Tuyên bố lý do, giới thiệu đại biểu"),
  item("opening", "minute_taker", "Cử thư ký ghi biên bản"),
  item("opening", "attendance", "Thông báo số lượng đảng viên dự họp"),
  item("opening", "agenda_approval", "Thông qua chương trình"),
  item("proceedings", "discussion", "Nội dung chính và thảo luận"),
  item("closing", "resolution", "Kết luận và biểu quyết"),
  item("closing", "minutes_approval", "Thông qua biên bản"),
];

/** HD12 §2: the cell committee agrees the content, assesses the month and drafts next month's tasks. */
const COMMITTEE_ITEMS: AgendaTemplateItem[] = [
  item("opening", "attendance", "Thành phần dự họp"),
  item("proceedings", "report", "Đánh giá kết quả tháng, chuẩn bị nội dung sinh hoạt chi bộ"),
  item("proceedings", "discussion", "Thống nhất dự thảo nghị quyết, vấn đề đưa ra thảo luận"),
  item("closing", "resolution", "Kết luận"),
];

const KIND_NAMES: Record<MeetingKind, string> = {
  regular: "Sinh hoạt chi bộ thường kỳ",
  thematic: "Sinh hoạt chi bộ chuyên đề",
  forum: "Diễn đàn",
  extraordinary: "Sinh hoạt bất thường",
  committee: "Họp chi ủy",
  model: "Sinh hoạt mẫu",
};

const KIND_ITEMS: Record<MeetingKind, AgendaTemplateItem[]> = {
  regular: REGULAR_ITEMS,
  thematic: THEMATIC_ITEMS,
  forum: SUBJECT_ITEMS,
  extraordinary: SUBJECT_ITEMS,
  committee: COMMITTEE_ITEMS,
  model: REGULAR_ITEMS,
};

/**
 * The national templates, one per meeting kind and guidance. HD42 (10/2025) keeps HD12's order of
 * steps; it is listed separately so that a province can revise one without touching the other.
 */
export const DEFAULT_AGENDA_TEMPLATES: readonly AgendaTemplate[] = (
  ["HD12", "HD42"] as const
).flatMap((guidance) =>
  (Object.keys(KIND_ITEMS) as MeetingKind[]).map((kind) => ({
    kind,
    guidance,
    name: `${KIND_NAMES[kind]} (${guidance === "HD12" ? "Hướng dẫn 12-HD/BTCTW" : "Hướng dẫn 42-HD/BTCTW"})`,
    items: KIND_ITEMS[kind].map((i) => ({ ...i })),
  })),
);

/**
 * The template for a meeting: the tenant's own for its kind and guidance, else the national default
 * for that guidance, else HD12's (meetings before 2018 follow HD09, whose steps HD12 kept).
 */
export function agendaTemplateFor(
  kind: MeetingKind,
  guidance: GuidanceCode,
  tenantTemplates: readonly AgendaTemplate[] = [],
): AgendaTemplate {
  const pick = (list: readonly AgendaTemplate[], g: GuidanceCode) =>
    list.find((t) => t.kind === kind && t.guidance === g);
  const template =
    pick(tenantTemplates, guidance) ??
    pick(DEFAULT_AGENDA_TEMPLATES, guidance) ??
    pick(DEFAULT_AGENDA_TEMPLATES, "HD12");
  if (!template) throw new Error(`no agenda template for ${kind}`);
  return template;
}

/**
 * HD12 §2 preparation: drafted by the secretary or deputy → agreed at the cell-committee meeting (or by
 * secretary and deputy) → sent to members and to the upper-level member who follows the cell.
 */
export const AGENDA_STATES = ["draft", "agreed", "sent"] as const;
export type AgendaState = (typeof AGENDA_STATES)[number];

const AGENDA_NEXT: Record<AgendaState, readonly AgendaState[]> = {
  draft: ["agreed"],
  agreed: ["sent", "draft"],
  // Reopening a sent agenda is allowed before the meeting: members are told again when it is re-sent.
  sent: ["draft"],
};

export function canMoveAgenda(from: AgendaState, to: AgendaState): boolean {
  return AGENDA_NEXT[from].includes(to);
}

/** Items can be changed only while the agenda is a draft: what was agreed is what is sent. */
export function agendaEditable(state: AgendaState): boolean {
  return state === "draft";
}
