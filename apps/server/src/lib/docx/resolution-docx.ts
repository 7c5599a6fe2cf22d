// A resolution (NGHỊ QUYẾT) or conclusion (KẾT LUẬN) of a cell meeting as a .docx (documents.md): header
// with its number, title and summary line, the grounds, the content, the tasks (what, who, by when), the
// vote, and the signature with the recipients.
import type { ResolutionDto } from "@chibo/domain";
import {
  bodyParagraph,
  bodyParagraphs,
  packDocx,
  partHeading,
  partyDocument,
  partyHeaderTable,
  resolveLayout,
  run,
  signatureTable,
  titleBlock,
  viDate,
} from "./party-document.js";
import type { DocHeader, DocxLayout, Signer } from "./party-document.js";
import { outcomeLine, taskLine, voteLine } from "./meeting-phrases.js";

export interface ResolutionDocxInput {
  /** `number` null takes the resolution's own number ("Số 05-NQ/CB"). */
  header: DocHeader;
  resolution: ResolutionDto;
  /** YYYY-MM-DD of the meeting that adopted it. */
  meetingDate: string;
  /** Usually { authority: "T/M CHI BỘ", title: "BÍ THƯ", name }. */
  signer: Signer;
  /** "Nơi nhận": e.g. ["Đảng ủy phường (để b/c)", "Đảng viên trong chi bộ", "Lưu hồ sơ chi bộ"]. */
  recipients: string[];
  layout?: Partial<DocxLayout>;
  /**
   * The voting body of the meeting (official members entitled to vote: MinutesAttendanceDto.votingBody),
   * the base of "tán thành x/y". Without it the base is the ballots cast.
   */
  votingBody?: number | null;
}

export function buildResolutionDocx(input: ResolutionDocxInput): Promise<Buffer> {
  const layout = resolveLayout(input.layout);
  const { resolution } = input;
  const conclusion = resolution.kind === "conclusion";
  const header: DocHeader = { ...input.header, number: documentNumber(input) };
  const children = [
    partyHeaderTable(header, layout),
    ...titleBlock(conclusion ? "KẾT LUẬN" : "NGHỊ QUYẾT", [resolution.title], layout),
    ...grounds(conclusion, input.meetingDate),
    ...bodyParagraphs(resolution.content),
    ...tasksPart(resolution),
    ...votePart(resolution, input.votingBody ?? null),
    signatureTable(input.signer, input.recipients, layout),
  ];
  return packDocx(
    partyDocument({
      title: `${conclusion ? "Kết luận" : "Nghị quyết"}: ${resolution.title}`,
      layout,
      children,
    }),
  );
}

/**
 * documents.md "Number and symbol": the number is given at signing; an unnumbered draft leaves room for
 * it to be written by hand ("Số    -NQ/CB", "KL" for a conclusion).
 */
function documentNumber(input: ResolutionDocxInput): string {
  const given = input.header.number ?? input.resolution.number;
  if (given?.trim()) return given;
  return `    -${input.resolution.kind === "conclusion" ? "KL" : "NQ"}/CB`;
}

/** The grounds before the operative part, as cell resolutions open. */
function grounds(conclusion: boolean, meetingDate: string) {
  if (conclusion) {
    return [
      bodyParagraph(
        `Ngày ${viDate(meetingDate)}, chi bộ đã họp, thảo luận và thống nhất kết luận như sau:`,
      ),
    ];
  }
  return [
    bodyParagraph("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"),
    bodyParagraph(`- Căn cứ kết quả sinh hoạt chi bộ ngày ${viDate(meetingDate)},`),
    bodyParagraph([run("CHI BỘ QUYẾT NGHỊ:", { bold: true })], {
      alignment: "center",
      flush: true,
      keepNext: true,
    }),
  ];
}

/** The tasks, numbered: what, who, by when. */
function tasksPart(resolution: ResolutionDto) {
  if (resolution.tasks.length === 0) return [];
  return [
    partHeading("Nhiệm vụ và phân công thực hiện"),
    ...resolution.tasks.flatMap((t, i) => [
      bodyParagraph(`${i + 1}. ${taskLine(t)}`),
      ...bodyParagraphs(t.details),
    ]),
  ];
}

/** Charter: the vote of the official members, and the outcome. */
function votePart(resolution: ResolutionDto, votingBody: number | null) {
  const v = resolution.vote;
  const base = votingBody ?? (v ? v.approve + v.against + v.other : 0);
  const outcome = outcomeLine(resolution);
  return [
    bodyParagraph(voteLine(v, base), { bold: true }),
    ...(outcome ? [bodyParagraph(outcome)] : []),
  ];
}
