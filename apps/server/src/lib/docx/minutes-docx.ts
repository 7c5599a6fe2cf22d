// The minutes of a cell meeting as a .docx, in the layout of documents.md "Minutes of a regular meeting":
// header, title, time and place, participants, agenda, each item (presenter, every opinion, the chair's
// conclusion), resolutions with their tasks and votes, the tasks reviewed, the score, the closing
// sentence, the two signatures, then the dated addenda.
import type { MeetingKind, MinutesDto, MinutesItemDto, ResolutionDto } from "@chibo/domain";
import type { Paragraph, Table } from "docx";
import {
  bodyParagraph,
  bodyParagraphs,
  labelledParagraphs,
  minutesSignatures,
  packDocx,
  partHeading,
  partyDocument,
  partyHeaderTable,
  resolveLayout,
  roman,
  run,
  spacer,
  titleBlock,
  viDate,
  vnLocal,
} from "./party-document.js";
import type { DocHeader, DocxLayout } from "./party-document.js";
import {
  comrade,
  outcomeLine,
  resolutionName,
  taskHolders,
  taskLine,
  verdictText,
  viNumber,
  voteLine,
} from "./meeting-phrases.js";

export interface MinutesDocxInput {
  header: DocHeader;
  minutes: MinutesDto;
  layout?: Partial<DocxLayout>;
  /** The meeting's score and level (HD12 scoring), when assessed. */
  score?: { total: number; level: string } | null;
  /** A thematic meeting's topic, printed under its title (MinutesDto does not carry it). */
  topic?: string | null;
}

type Block = Paragraph | Table;

export function buildMinutesDocx(input: MinutesDocxInput): Promise<Buffer> {
  const layout = resolveLayout(input.layout);
  const { minutes } = input;
  const [type, ...summary] = minutesTitle(minutes.meetingKind, minutes.meetingDate, input.topic);
  const parts = new PartCounter();
  const children: Block[] = [
    partyHeaderTable(input.header, layout),
    ...titleBlock(type ?? "BIÊN BẢN", summary, layout),
    ...draftNotice(minutes),
    ...timeAndPlace(minutes, parts),
    ...participants(minutes, parts),
    ...proceedings(minutes, parts),
    ...resolutionsPart(minutes, parts),
    ...reviewsPart(minutes, parts),
    ...scorePart(input.score ?? null, parts),
    closing(minutes),
    minutesSignatures({ minuteTaker: minutes.minuteTakerName, chair: minutes.chairName }, layout),
    ...addenda(minutes),
  ];
  return packDocx(partyDocument({ title: `Biên bản ${summary.join(" ")}`, layout, children }));
}

/** Parts are numbered I, II, … in the order they appear; a part with nothing to say is left out. */
class PartCounter {
  private n = 0;
  heading(title: string): Paragraph {
    this.n += 1;
    return partHeading(`${roman(this.n)}. ${title}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Title.

const QUARTERS = ["I", "II", "III", "IV"];

/**
 * documents.md: `BIÊN BẢN` / `SINH HOẠT CHI BỘ ĐỊNH KỲ` / `tháng … năm …`; thematic: `SINH HOẠT CHI BỘ
 * CHUYÊN ĐỀ` / `Quý … năm …` and the topic. The other kinds follow the same pattern with their name.
 */
export function minutesTitle(kind: MeetingKind, date: string, topic?: string | null): string[] {
  const [year = "", month = "", day = ""] = date.split("-");
  const monthYear = `tháng ${Number(month)} năm ${year}`;
  const dayMonthYear = `ngày ${day} tháng ${month} năm ${year}`;
  const quarter = `Quý ${QUARTERS[Math.floor((Number(month) - 1) / 3)] ?? ""} năm ${year}`;
  const topicLine = topic?.trim() ? [`Chuyên đề: ${topic.trim()}`] : [];
  switch (kind) {
    case "regular":
      return ["BIÊN BẢN", "SINH HOẠT CHI BỘ ĐỊNH KỲ", monthYear];
    case "thematic":
      return ["BIÊN BẢN", "SINH HOẠT CHI BỘ CHUYÊN ĐỀ", quarter, ...topicLine];
    case "model":
      return ["BIÊN BẢN", "SINH HOẠT CHI BỘ MẪU", monthYear, ...topicLine];
    case "forum":
      return ["BIÊN BẢN", "SINH HOẠT DIỄN ĐÀN", dayMonthYear, ...topicLine];
    case "extraordinary":
      return ["BIÊN BẢN", "SINH HOẠT CHI BỘ BẤT THƯỜNG", dayMonthYear, ...topicLine];
    case "committee":
      return ["BIÊN BẢN", "HỌP CHI ỦY", dayMonthYear, ...topicLine];
  }
}

/** Minutes not yet signed say so, so a printed draft is never taken for the approved record. */
function draftNotice(minutes: MinutesDto): Paragraph[] {
  if (minutes.state === "signed") return [];
  return [
    bodyParagraph([run("(Dự thảo — biên bản chưa được ký)", { italics: true })], {
      alignment: "center",
      flush: true,
    }),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Time, place and participants (HD12 opening).

/** "14 giờ 00" of an instant, in Asia/Ho_Chi_Minh. */
function viClock(instant: string | null): string {
  if (!instant) return "… giờ …";
  const { hour, minute } = vnLocal(instant);
  return `${hour} giờ ${minute}`;
}

function timeAndPlace(minutes: MinutesDto, parts: PartCounter): Paragraph[] {
  const day = minutes.startedAt ? vnLocal(minutes.startedAt).date : minutes.meetingDate;
  const place = minutes.content.place?.trim() ? minutes.content.place.trim() : "…";
  return [
    parts.heading("THỜI GIAN, ĐỊA ĐIỂM"),
    bodyParagraph(`- Thời gian: bắt đầu lúc ${viClock(minutes.startedAt)}, ngày ${viDate(day)}.`),
    bodyParagraph(`- Địa điểm: ${place}.`),
  ];
}

/** "… đồng chí" with the number; "không" for none. */
const people = (n: number): string => (n === 0 ? "không" : `${n} đồng chí`);

function participants(minutes: MinutesDto, parts: PartCounter): Paragraph[] {
  const a = minutes.attendance;
  const c = a.counts;
  const chair = minutes.chairName ? comrade(minutes.chairName, { lower: true }) : "…";
  const taker = minutes.minuteTakerName ? comrade(minutes.minuteTakerName, { lower: true }) : "…";
  const late = c.late > 0 ? `, trong đó đến muộn ${c.late}` : "";
  return [
    parts.heading("THÀNH PHẦN"),
    ...guests(a.guests),
    bodyParagraph(`- Chủ trì: ${chair}; thư ký: ${taker}.`),
    bodyParagraph(
      `- Tổng số đảng viên của chi bộ: ${c.total} đồng chí (chính thức ${c.official}, dự bị ${c.probationary}); miễn sinh hoạt: ${people(c.exempt)}.`,
    ),
    bodyParagraph(
      `- Có mặt: ${c.present} đồng chí (chính thức ${a.presentOfficial}, dự bị ${a.presentProbationary}${late}).`,
    ),
    ...absentExcused(a.absentExcused),
    bodyParagraph(
      a.absentUnexcused.length === 0
        ? "- Vắng không lý do: không."
        : `- Vắng không lý do: ${people(a.absentUnexcused.length)}: ${a.absentUnexcused.map((m) => m.fullName).join(", ")}.`,
    ),
    bodyParagraph(`- Số đảng viên chính thức có quyền biểu quyết: ${people(a.votingBody)}.`),
  ];
}

function guests(list: MinutesDto["attendance"]["guests"]): Paragraph[] {
  if (list.length === 0) return [bodyParagraph("- Đại biểu dự: không có.")];
  return [
    bodyParagraph("- Đại biểu dự:", { keepNext: true }),
    ...list.map((g) => bodyParagraph(`+ ${g.name}${g.title ? `, ${g.title}` : ""}.`)),
  ];
}

function absentExcused(list: MinutesDto["attendance"]["absentExcused"]): Paragraph[] {
  if (list.length === 0) return [bodyParagraph("- Vắng có lý do: không.")];
  return [
    bodyParagraph(`- Vắng có lý do: ${people(list.length)}:`, { keepNext: true }),
    ...list.map((m) =>
      bodyParagraph(`+ ${comrade(m.fullName)}${m.reason ? `: ${m.reason.trim()}` : ""}.`),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Proceedings: agenda, then each item (documents.md: presenter, every opinion, the chair's conclusion).

function proceedings(minutes: MinutesDto, parts: PartCounter): Paragraph[] {
  const { items, opening, other } = minutes.content;
  const agenda =
    items.length === 0
      ? []
      : [
          bodyParagraph("Chương trình sinh hoạt:", { bold: true, keepNext: true }),
          ...items.map((item, i) => bodyParagraph(`${i + 1}. ${item.title}`)),
        ];
  const otherPart =
    other.trim() === ""
      ? []
      : [partHeadingNumbered(items.length + 1, "Các nội dung khác"), ...bodyParagraphs(other)];
  return [
    parts.heading("NỘI DUNG"),
    ...bodyParagraphs(opening),
    ...agenda,
    ...items.flatMap((item, i) => itemParagraphs(item, i + 1)),
    ...otherPart,
  ];
}

function partHeadingNumbered(n: number, title: string): Paragraph {
  return partHeading(`${n}. ${title}`);
}

function itemParagraphs(item: MinutesItemDto, n: number): Paragraph[] {
  const presenter = item.presenter?.trim()
    ? [bodyParagraph(`${comrade(item.presenter)} trình bày.`, { italics: true })]
    : [];
  const opinions =
    item.opinions.length === 0
      ? []
      : [
          bodyParagraph("Ý kiến thảo luận:", { italics: true, keepNext: true }),
          ...item.opinions.flatMap((o) => labelledParagraphs(comrade(o.speakerName), o.text)),
        ];
  const conclusion =
    item.conclusion.trim() === ""
      ? []
      : labelledParagraphs("Kết luận của chủ trì", item.conclusion);
  return [
    partHeadingNumbered(n, item.title),
    ...presenter,
    ...bodyParagraphs(item.summary),
    ...opinions,
    ...conclusion,
  ];
}

// ---------------------------------------------------------------------------------------------------
// Resolutions, votes, reviews, score.

function resolutionsPart(minutes: MinutesDto, parts: PartCounter): Paragraph[] {
  if (minutes.resolutions.length === 0) return [];
  const votingBody = minutes.attendance.votingBody;
  return [
    parts.heading("NGHỊ QUYẾT, KẾT LUẬN VÀ BIỂU QUYẾT"),
    ...minutes.resolutions.flatMap((r, i) => resolutionParagraphs(r, i + 1, votingBody)),
  ];
}

function resolutionParagraphs(
  resolution: ResolutionDto,
  n: number,
  votingBody: number,
): Paragraph[] {
  const tasks =
    resolution.tasks.length === 0
      ? []
      : [
          bodyParagraph("Nhiệm vụ:", { italics: true, keepNext: true }),
          ...resolution.tasks.flatMap((t, i) => [
            bodyParagraph(`${i + 1}) ${taskLine(t)}`),
            ...bodyParagraphs(t.details),
          ]),
        ];
  const outcome = outcomeLine(resolution);
  return [
    partHeadingNumbered(n, `${resolutionName(resolution)}: ${resolution.title}`),
    ...bodyParagraphs(resolution.content),
    ...tasks,
    bodyParagraph(voteLine(resolution.vote, votingBody), { bold: true }),
    ...(outcome ? [bodyParagraph(outcome)] : []),
  ];
}

/** HD12: the regular meeting reviews each earlier task; the review is part of its minutes. */
function reviewsPart(minutes: MinutesDto, parts: PartCounter): Paragraph[] {
  if (minutes.reviews.length === 0) return [];
  return [
    parts.heading("KIỂM ĐIỂM VIỆC THỰC HIỆN NHIỆM VỤ KỲ TRƯỚC"),
    ...minutes.reviews.map((r, i) => {
      const cause = r.cause?.trim() ? `; nguyên nhân: ${r.cause.trim()}` : "";
      return bodyParagraph(
        `${i + 1}) ${r.task.title.trim()} (phụ trách: ${taskHolders(r.task)}; thời hạn: ${viDate(r.task.dueDate)}): ${verdictText(r.verdict)}${cause}.`,
      );
    }),
  ];
}

function scorePart(
  score: { total: number; level: string } | null,
  parts: PartCounter,
): Paragraph[] {
  if (!score) return [];
  return [
    parts.heading("ĐÁNH GIÁ CHẤT LƯỢNG BUỔI SINH HOẠT"),
    bodyParagraph(
      `Chi bộ đánh giá buổi sinh hoạt đạt ${viNumber(score.total)} điểm, xếp loại: ${score.level}.`,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Closing, addenda.

/** documents.md: "the meeting closed at … on the same day; the minutes were read to and approved". */
function closing(minutes: MinutesDto): Paragraph {
  const start = minutes.startedAt ? vnLocal(minutes.startedAt).date : minutes.meetingDate;
  const end = minutes.endedAt ? vnLocal(minutes.endedAt).date : start;
  const day = end === start ? "cùng ngày" : `ngày ${viDate(end)}`;
  return bodyParagraph(
    `Cuộc họp kết thúc lúc ${viClock(minutes.endedAt)} ${day}; biên bản đã được đọc lại cho chi bộ nghe và thông qua.`,
    { keepNext: true },
  );
}

/** Locked minutes are corrected only by dated addenda, printed after the signatures, original intact. */
function addenda(minutes: MinutesDto): Paragraph[] {
  if (minutes.addenda.length === 0) return [];
  return [
    spacer(),
    ...minutes.addenda.flatMap((a) =>
      labelledParagraphs(`Phụ lục đính chính ngày ${viDate(vnLocal(a.createdAt).date)}`, a.text),
    ),
  ];
}
