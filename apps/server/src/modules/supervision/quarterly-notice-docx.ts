// The grassroots committee's quarterly notice (documents.md "Reports and notices"): THÔNG BÁO / Kết quả
// thực hiện chế độ sinh hoạt chi bộ quý … năm …, Số …-TB/ĐU, signed T/M ĐẢNG ỦY, with an appendix table
// per cell. Built on the Party-format pieces of lib/docx/party-document.ts.
import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type TextRun,
} from "docx";
import {
  MEETING_LEVEL_LABELS,
  MEETING_LEVELS,
  type MeetingLevel,
  type VisitorComplianceDto,
} from "@chibo/domain";
import {
  bodyParagraph,
  packDocx,
  partHeading,
  partyDocument,
  partyHeaderTable,
  resolveLayout,
  roman,
  run,
  signatureTable,
  spacer,
  textWidth,
  titleBlock,
  type DocHeader,
  type DocxLayout,
} from "../../lib/docx/party-document.js";

export interface NoticeCell {
  name: string;
  held: number;
  due: number;
  late: number;
  missed: number;
  thematicHeld: number;
  attendanceRate: number | null;
  /** The quarter's three months: decided level and points, null when not decided. */
  levels: ({ level: MeetingLevel; total: number | null } | null)[];
  visitors: string[];
}

export interface QuarterlyNotice {
  header: DocHeader;
  layout?: Partial<DocxLayout>;
  year: number;
  quarter: number;
  /** Month numbers of the quarter. */
  months: number[];
  cells: NoticeCell[];
  totals: {
    cells: number;
    held: number;
    due: number;
    thematicHeld: number;
    attendanceRate: number | null;
    levels: Partial<Record<MeetingLevel, number>>;
    lateCells: string[];
    missedCells: string[];
  };
  visitors: VisitorComplianceDto;
}

const QUARTERS = ["I", "II", "III", "IV"];

/** Points as Vietnamese write them: a decimal comma (75,5). */
function points(total: number): string {
  return String(total).replace(".", ",");
}

function percent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1).replace(".", ",")}%`;
}

function cellText(text: string, opts: { bold?: boolean; centre?: boolean } = {}): TableCell {
  const children: TextRun[] = [run(text, { bold: opts.bold ?? false, pt: 12 })];
  return new TableCell({
    children: [
      new Paragraph({
        children,
        alignment: opts.centre ? AlignmentType.CENTER : AlignmentType.LEFT,
      }),
    ],
  });
}

function gridTable(widths: number[], header: string[], rows: string[][]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h) => cellText(h, { bold: true, centre: true })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => cellText(c, { centre: i !== 1 })),
          }),
      ),
    ],
  });
}

function levelLine(levels: Partial<Record<MeetingLevel, number>>): string {
  const parts = MEETING_LEVELS.filter((l) => (levels[l] ?? 0) > 0).map(
    (l) => `${MEETING_LEVEL_LABELS[l]}: ${levels[l] ?? 0}`,
  );
  return parts.length === 0
    ? "Chưa có buổi sinh hoạt nào được quyết định xếp loại trong quý."
    : `Xếp loại chất lượng các buổi sinh hoạt đã quyết định: ${parts.join("; ")}.`;
}

export function buildQuarterlyNoticeDocx(notice: QuarterlyNotice): Promise<Buffer> {
  const layout = resolveLayout(notice.layout);
  const q = QUARTERS[notice.quarter - 1] ?? String(notice.quarter);
  const { totals, visitors } = notice;
  let part = 0;
  const heading = (title: string) => {
    part += 1;
    return partHeading(`${roman(part)}. ${title}`);
  };
  const children: (Paragraph | Table)[] = [
    partyHeaderTable(notice.header, layout),
    ...titleBlock(
      "THÔNG BÁO",
      [`Kết quả thực hiện chế độ sinh hoạt chi bộ quý ${q} năm ${notice.year}`],
      layout,
    ),
    heading("VỀ THỰC HIỆN CHẾ ĐỘ SINH HOẠT CHI BỘ"),
    bodyParagraph(`Số chi bộ trực thuộc: ${totals.cells}.`),
    bodyParagraph(
      `Sinh hoạt chi bộ định kỳ: đã tổ chức ${totals.held}/${totals.due} buổi phải tổ chức trong quý.`,
    ),
    bodyParagraph(`Sinh hoạt chuyên đề: đã tổ chức ${totals.thematicHeld} buổi.`),
    bodyParagraph(`Tỷ lệ đảng viên dự sinh hoạt bình quân: ${percent(totals.attendanceRate)}.`),
    bodyParagraph(levelLine(totals.levels)),
    bodyParagraph(
      totals.lateCells.length === 0
        ? "Chi bộ sinh hoạt chậm so với ngày đăng ký: không có."
        : `Chi bộ sinh hoạt chậm so với ngày đăng ký: ${totals.lateCells.join(", ")}.`,
    ),
    bodyParagraph(
      totals.missedCells.length === 0
        ? "Chi bộ không sinh hoạt: không có."
        : `Chi bộ không sinh hoạt: ${totals.missedCells.join(", ")}.`,
    ),
    heading("VỀ THỰC HIỆN NHIỆM VỤ DỰ SINH HOẠT CHI BỘ"),
    bodyParagraph(
      `Số đồng chí được phân công dự sinh hoạt: ${visitors.totals.visitors}; số đồng chí thực hiện đủ: ${visitors.totals.visitorsMet}.`,
    ),
    bodyParagraph(
      `Số lượt phải dự: ${visitors.totals.required}; số lượt đã dự: ${visitors.totals.attended}; số báo cáo đã nộp: ${visitors.totals.reported}, trong đó đúng hạn: ${visitors.totals.reportedOnTime}.`,
    ),
    ...visitors.rows
      .filter((r) => !r.met)
      .map((r) =>
        bodyParagraph(
          `- Đồng chí ${r.userName} chưa dự đủ sinh hoạt tại ${r.unitName} (${r.attended}/${r.required}).`,
        ),
      ),
    heading("NHẮC NHỞ"),
    bodyParagraph(
      "Đề nghị các chi bộ sinh hoạt đúng ngày đã đăng ký, báo cáo trước khi hoãn; các đồng chí được phân công dự sinh hoạt thực hiện đủ và nộp báo cáo đúng hạn.",
    ),
    signatureTable(
      { authority: "T/M ĐẢNG ỦY", title: "BÍ THƯ", name: null },
      ["Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"],
      layout,
    ),
    spacer(),
    new Paragraph({
      children: [
        run(`PHỤ LỤC: KẾT QUẢ SINH HOẠT CỦA CÁC CHI BỘ QUÝ ${q} NĂM ${notice.year}`, {
          bold: true,
        }),
      ],
      alignment: AlignmentType.CENTER,
      pageBreakBefore: true,
    }),
    spacer(),
    appendix(notice, layout),
  ];
  return packDocx(
    partyDocument({
      title: `Thông báo kết quả thực hiện chế độ sinh hoạt chi bộ quý ${q} năm ${notice.year}`,
      layout,
      children,
    }),
  );
}

function appendix(notice: QuarterlyNotice, layout: DocxLayout): Table {
  const total = textWidth(layout);
  const fixed = [500, 0, 900, 900, 900, 800, 900, 900, 1500];
  const nameWidth = Math.max(1500, total - fixed.reduce((a, b) => a + b, 0));
  const widths = fixed.map((w) => (w === 0 ? nameWidth : w));
  const header = [
    "TT",
    "Chi bộ",
    ...notice.months.map((m) => `Tháng ${m}`),
    "Chuyên đề",
    "Định kỳ",
    "Dự SH",
    "Cấp trên dự",
  ];
  const rows = notice.cells.map((c, i) => [
    String(i + 1),
    c.name,
    ...c.levels.map((l) =>
      l === null
        ? "—"
        : `${MEETING_LEVEL_LABELS[l.level]}${l.total === null ? "" : ` (${points(l.total)})`}`,
    ),
    c.thematicHeld > 0 ? "Có" : "Không",
    `${c.held}/${c.due}`,
    percent(c.attendanceRate),
    c.visitors.length > 0 ? c.visitors.join(", ") : "—",
  ]);
  return gridTable(widths, header, rows);
}
