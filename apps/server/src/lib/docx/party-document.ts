// The Party document format (Guide 36-HD/VPTW, ../shared/documents.md) as reusable docx pieces: page
// setup, the two-column header, the title block, body paragraphs, the signature and recipients table and
// the two signatures of minutes. Minutes and resolutions use it today; visit reports and quarterly notices
// are meant to reuse it. Everything here is pure: options in, docx objects out.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { IRunOptions } from "docx";
import { VN_TIMEZONE } from "../meeting-text.js";

// ---------------------------------------------------------------------------------------------------
// Layout settings.

/**
 * What documents.md marks *(unverified)* or leaves to each province, as settings. Everything else in the
 * format (Times New Roman, sizes, the header's arrangement) is fixed by the guide and not configurable.
 */
export interface DocxLayout {
  /** Page margins in millimetres: documents.md default 20/20/30/15 (some provinces use 25/25/35/15). */
  marginTopMm: number;
  marginBottomMm: number;
  marginLeftMm: number;
  marginRightMm: number;
  /** `Số: 05-NQ/CB` instead of the central examples' `Số 05-NQ/CB` (many local documents write one). */
  numberColon: boolean;
  /** The document type line (`BIÊN BẢN`, `NGHỊ QUYẾT`): documents.md allows 15–16 pt. */
  titleSizePt: number;
}

export const DEFAULT_DOCX_LAYOUT: Readonly<DocxLayout> = Object.freeze({
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 30,
  marginRightMm: 15,
  numberColon: false,
  titleSizePt: 16,
});

export function resolveLayout(layout?: Partial<DocxLayout>): DocxLayout {
  return { ...DEFAULT_DOCX_LAYOUT, ...layout };
}

/** The header of every Party document: who issues it, its number, where and when. */
export interface DocHeader {
  /** The superior organisation, e.g. "Đảng bộ phường An Phú" (printed in caps). */
  superiorName: string;
  /** The issuing organisation, e.g. "Chi bộ Khu phố 3" (printed in caps, bold). */
  issuerName: string;
  /** "05-NQ/CB" (a leading "Số" is accepted); null prints no number line. */
  number: string | null;
  /** The place of the date line, e.g. "An Phú". */
  place: string;
  /** YYYY-MM-DD. */
  date: string;
}

// ---------------------------------------------------------------------------------------------------
// Units and text.

/** docx sizes are in half-points. */
const halfPoints = (pt: number): number => pt * 2;
/** Millimetres to twips, rounded (docx's convertMillimetersToTwip truncates: 20 mm would be 1133). */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** documents.md "Page and font": Times New Roman throughout. */
export const FONT = "Times New Roman";
/** documents.md "Title and body": body 14–15 pt; chibo uses 14. */
export const BODY_PT = 14;
/** documents.md "Signature and recipients": the recipients' lines are 12 pt. */
const RECIPIENT_PT = 12;
/** documents.md: A4 portrait, 210 × 297 mm in twips. */
const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
/** chibo's choice (the guide gives none): a first-line indent of 1 cm and 6 pt between paragraphs. */
const FIRST_LINE_INDENT = mm(10);
const PARAGRAPH_GAP = 120;
/** The room left for a handwritten signature above the signer's name (about 3 cm). */
const SIGNATURE_SPACE = mm(30);
/** A blank line (12 pt) between the body and the signatures. */
const SIGNATURE_GAP = 240;

/**
 * Characters XML 1.0 cannot hold (C0 controls other than tab/newline, lone surrogates, U+FFFE/FFFF):
 * text pasted on a phone sometimes carries them, and Word then refuses the whole file.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(NOT_XML, "").replace(/\t/g, " ");
}

/** A run of text in the document's font; sizes in points. */
export function run(
  text: string,
  options: Omit<IRunOptions, "text" | "size"> & { pt?: number } = {},
) {
  const { pt, ...rest } = options;
  // The font is named on every run too, so a style of the opening program cannot take it over.
  return new TextRun({
    ...rest,
    text: cleanText(text),
    font: FONT,
    size: halfPoints(pt ?? BODY_PT),
  });
}

/** Caps as the guide prints organisation names; Vietnamese letters upper-case correctly with toUpperCase. */
export function caps(text: string): string {
  return text.toLocaleUpperCase("vi-VN");
}

/** Lines of a multi-line text (a minute-taker's Enter is a new paragraph); blank lines dropped. */
export function linesOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

// ---------------------------------------------------------------------------------------------------
// Dates.

const pad2 = (n: number): string => String(n).padStart(2, "0");

function dateParts(isoDate: string): { d: string; m: string; y: string } {
  const [y = "", m = "", d = ""] = isoDate.slice(0, 10).split("-");
  return { d: pad2(Number(d)), m: pad2(Number(m)), y };
}

/** documents.md header: "An Phú, ngày 03 tháng 02 năm 2026" — day and month with a leading zero. */
export function viDateLine(place: string, isoDate: string): string {
  const { d, m, y } = dateParts(isoDate);
  return `${place.trim()}, ngày ${d} tháng ${m} năm ${y}`;
}

/** "2026-02-03" → "03/02/2026" (design: dates shown dd/mm/yyyy). */
export function viDate(isoDate: string): string {
  const { d, m, y } = dateParts(isoDate);
  return `${d}/${m}/${y}`;
}

/** An instant's local date (YYYY-MM-DD) and time in Asia/Ho_Chi_Minh, where meetings happen. */
export function vnLocal(instant: string): { date: string; hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: VN_TIMEZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    hour: get("hour"),
    minute: get("minute"),
  };
}

/** documents.md "Number and symbol": "Số 05-NQ/CB" (or "Số: 05-NQ/CB" with the colon setting). */
export function numberLine(number: string, layout: DocxLayout): string {
  const bare = number.replace(/^\s*số\s*:?\s*/iu, "").trim();
  return `Số${layout.numberColon ? ":" : ""} ${bare}`;
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs.

interface BodyOptions {
  bold?: boolean;
  italics?: boolean;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** No first-line indent (list lines, headings). */
  flush?: boolean;
  keepNext?: boolean;
}

/** documents.md "Title and body": body 14 pt, justified. */
export function bodyParagraph(content: string | TextRun[], options: BodyOptions = {}): Paragraph {
  const children =
    typeof content === "string"
      ? [run(content, { bold: options.bold, italics: options.italics })]
      : content;
  return new Paragraph({
    children,
    alignment: options.alignment ?? AlignmentType.JUSTIFIED,
    indent: options.flush ? undefined : { firstLine: FIRST_LINE_INDENT },
    spacing: { before: PARAGRAPH_GAP, after: 0 },
    keepNext: options.keepNext,
  });
}

/** One paragraph per line of a multi-line text. */
export function bodyParagraphs(
  text: string | null | undefined,
  options: BodyOptions = {},
): Paragraph[] {
  return linesOf(text).map((line) => bodyParagraph(line, options));
}

/**
 * A labelled text: "Đồng chí Nguyễn Thị C: …" — the label in bold, then the text's first line in the same
 * paragraph and its further lines as paragraphs of their own.
 */
export function labelledParagraphs(label: string, text: string | null | undefined): Paragraph[] {
  const [first = "", ...rest] = linesOf(text);
  const head = bodyParagraph([run(`${label}: `, { bold: true }), run(first)]);
  return [head, ...rest.map((line) => bodyParagraph(line))];
}

/** documents.md "Title and body": headings of parts in bold ("I.", "1."), kept with what follows. */
export function partHeading(text: string): Paragraph {
  return bodyParagraph(text, { bold: true, keepNext: true });
}

/** Roman numerals for parts (I, II, … XII): documents.md "headings of parts … I." */
export function roman(n: number): string {
  const table: [number, string][] = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = n;
  let out = "";
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

function centred(
  children: TextRun[],
  options: { after?: number; before?: number } = {},
): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    keepNext: true,
  });
}

/**
 * A solid rule as a paragraph border, centred and `widthTwips` long: an empty paragraph whose mark is
 * tiny, so the rule sits close under the line above. (documents.md: a rule, not underlined text.)
 */
function ruleParagraph(widthTwips: number, availableTwips: number): Paragraph {
  const side = Math.max(0, Math.round((availableTwips - widthTwips) / 2));
  return new Paragraph({
    children: [],
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    run: { size: 2 },
    keepNext: true,
  });
}

// ---------------------------------------------------------------------------------------------------
// Text widths (for rules as long as their text).

/**
 * Advance widths (1/1000 em) of the capitals of Times (metric-compatible with Times New Roman and
 * Liberation Serif), regular and bold; Vietnamese marks do not
 * change a letter's advance. Only what the rule under "ĐẢNG CỘNG SẢN VIỆT NAM" and similar caps lines need.
 */
// prettier-ignore
const CAPS_WIDTH: Record<"regular" | "bold", Record<string, number>> = {
  regular: {
    A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611,
    M: 889, N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722,
    Y: 722, Z: 611, " ": 250,
  },
  bold: {
    A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667,
    M: 944, N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722,
    Y: 722, Z: 667, " ": 250,
  },
};
/** Ơ and Ư carry a horn that sticks out to the right. */
const HORN_EXTRA = 60;

/** An estimate of a caps line's width in twips; other characters count as an average letter. */
export function capsWidthTwips(text: string, pt: number, bold: boolean): number {
  const widths = CAPS_WIDTH[bold ? "bold" : "regular"];
  let units = 0;
  for (const ch of text) {
    const base = ch
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[Đđ]/, "D");
    const letter = base.toUpperCase().charAt(0);
    units += widths[letter] ?? 650;
    if (/[ƠƯơư]/.test(base)) units += HORN_EXTRA;
  }
  return Math.round((units / 1000) * pt * 20);
}

// ---------------------------------------------------------------------------------------------------
// Tables without borders.

/** The width the text may take between the margins. */
export function textWidth(layout: DocxLayout): number {
  return PAGE_WIDTH - mm(layout.marginLeftMm) - mm(layout.marginRightMm);
}

/** A row of borderless cells, top-aligned, that never splits across pages. */
function borderlessTable(widths: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    // No cell padding, so widths computed for rules are the widths printed.
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.TOP,
                // A cell must end with a paragraph (OOXML); an empty column gets an empty one.
                children: children.length > 0 ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}

/** The two columns of the header and of the signature: the left a little narrower (about 45%). */
function twoColumns(layout: DocxLayout): [number, number] {
  const total = textWidth(layout);
  const left = Math.round(total * 0.45);
  return [left, total - left];
}

// ---------------------------------------------------------------------------------------------------
// Header (documents.md "Header").

const PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM";
const PARTY_NAME_PT = 15;

/**
 * Two borderless columns. Left: superior organisation (caps, 14 pt), issuing organisation (caps, 14 pt,
 * bold), a centred "*", then the number. Right: "ĐẢNG CỘNG SẢN VIỆT NAM" (caps, 15 pt, bold) with a rule as
 * long as the text, then the place-and-date line (14 pt, italic). The number and the date line share the
 * second row so they stand on one line, as in the guide's samples.
 */
export function partyHeaderTable(header: DocHeader, layout: DocxLayout): Table {
  const [left, right] = twoColumns(layout);
  // The rule is the party name's paragraph's bottom border; the paragraph is narrowed to the text by
  // indents (plus a little, so the estimate never makes the name wrap).
  const nameWidth = Math.round(capsWidthTwips(PARTY_NAME, PARTY_NAME_PT, true) * 1.03) + 40;
  const side = Math.max(0, Math.round((right - nameWidth) / 2));
  const partyName = new Paragraph({
    children: [run(PARTY_NAME, { bold: true, pt: PARTY_NAME_PT })],
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    spacing: { before: 0, after: 0 },
  });
  const issuers = [
    centred([run(caps(header.superiorName))]),
    centred([run(caps(header.issuerName), { bold: true })]),
    centred([run("*")]),
  ];
  const number = header.number ? [centred([run(numberLine(header.number, layout))])] : [];
  const dateLine = centred([run(viDateLine(header.place, header.date), { italics: true })], {
    before: 0,
  });
  return borderlessTable(
    [left, right],
    [
      [issuers, [partyName]],
      [number, [dateLine]],
    ],
  );
}

// ---------------------------------------------------------------------------------------------------
// Title (documents.md "Title and body").

/**
 * The document type centred in caps, bold (15–16 pt); the summary lines bold 14 pt, as given (the caller
 * decides their case: "SINH HOẠT CHI BỘ ĐỊNH KỲ" is printed in caps in the minutes' samples, a
 * resolution's summary in lower case); then a short rule.
 */
export function titleBlock(type: string, lines: string[], layout: DocxLayout): Paragraph[] {
  const title = centred([run(caps(type), { bold: true, pt: layout.titleSizePt })], {
    before: 360,
  });
  const summary = lines
    .filter((l) => l.trim() !== "")
    .map((l) => centred([run(l, { bold: true })]));
  return [title, ...summary, ruleParagraph(mm(30), textWidth(layout)), spacer()];
}

/** An empty line. */
export function spacer(): Paragraph {
  return new Paragraph({ children: [], spacing: { before: 0, after: 0 } });
}

// ---------------------------------------------------------------------------------------------------
// Signatures (documents.md "Signature and recipients").

export interface Signer {
  /** "T/M CHI BỘ", "T/M ĐẢNG ỦY", "K/T BÍ THƯ" … */
  authority: string;
  /** "BÍ THƯ", "PHÓ BÍ THƯ" … */
  title: string;
  /** Null leaves the name to be written by hand. */
  name: string | null;
}

/** One signature column: caps bold lines, space to sign, the name in bold. */
function signatureColumn(lines: string[], name: string | null): Paragraph[] {
  const heads = lines
    .filter((l) => l.trim() !== "")
    .map((l, i) =>
      centred([run(caps(l), { bold: true })], { before: i === 0 ? SIGNATURE_GAP : 0 }),
    );
  const nameParagraph = new Paragraph({
    children: name ? [run(name, { bold: true })] : [],
    alignment: AlignmentType.CENTER,
    spacing: { before: SIGNATURE_SPACE, after: 0 },
  });
  return [...heads, nameParagraph];
}

/**
 * Left: "Nơi nhận:" underlined (14 pt), then "- …" lines in 12 pt,
 * ending with "- Lưu …". Right: the authority line, the title, space, the name.
 */
export function signatureTable(signer: Signer, recipients: string[], layout: DocxLayout): Table {
  const [left, right] = twoColumns(layout);
  const list = recipients.filter((r) => r.trim() !== "");
  const hasArchive = list.some((r) => /^-?\s*lưu\b/iu.test(r.trim()));
  const lines = hasArchive ? list : [...list, "Lưu hồ sơ chi bộ"];
  const recipientsColumn = [
    new Paragraph({
      children: [run("Nơi nhận:", { underline: {} })],
      spacing: { before: SIGNATURE_GAP, after: 0 },
    }),
    ...lines.map(
      (line) =>
        new Paragraph({
          children: [run(`- ${line.replace(/^-\s*/, "")}`, { pt: RECIPIENT_PT })],
          spacing: { before: 0, after: 0 },
        }),
    ),
  ];
  return borderlessTable(
    [left, right],
    [[recipientsColumn, signatureColumn([signer.authority, signer.title], signer.name)]],
  );
}

/** documents.md: minutes end with two signatures side by side, THƯ KÝ (left) and CHỦ TRÌ (right). */
export function minutesSignatures(
  names: { minuteTaker: string | null; chair: string | null },
  layout: DocxLayout,
): Table {
  const half = Math.round(textWidth(layout) / 2);
  return borderlessTable(
    [half, textWidth(layout) - half],
    [[signatureColumn(["THƯ KÝ"], names.minuteTaker), signatureColumn(["CHỦ TRÌ"], names.chair)]],
  );
}

// ---------------------------------------------------------------------------------------------------
// The document and its page.

/** Page numbers from page 2, centred in the top margin: page 1 gets an empty header of its own. */
function pageNumberHeaders(): { first: Header; default: Header } {
  return {
    first: new Header({ children: [new Paragraph({ children: [] })] }),
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(BODY_PT) }),
          ],
        }),
      ],
    }),
  };
}

/**
 * A4 portrait with the layout's margins, Times New Roman everywhere (the document defaults and every
 * run), Vietnamese as the proofing language, and the page-number headers.
 */
export function partyDocument(options: {
  title: string;
  layout: DocxLayout;
  children: (Paragraph | Table)[];
}): Document {
  const { layout } = options;
  const top = mm(layout.marginTopMm);
  return new Document({
    creator: "chibo",
    title: cleanText(options.title),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: halfPoints(BODY_PT), language: { value: "vi-VN" } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT, orientation: PageOrientation.PORTRAIT },
            margin: {
              top,
              bottom: mm(layout.marginBottomMm),
              left: mm(layout.marginLeftMm),
              right: mm(layout.marginRightMm),
              // The page number sits in the middle of the top margin.
              header: Math.round(top / 2),
              footer: Math.round(mm(layout.marginBottomMm) / 2),
            },
          },
        },
        headers: pageNumberHeaders(),
        children: endWithParagraph(options.children),
      },
    ],
  });
}

/** Word ends a body with a paragraph; a document ending on a table gets an empty one after it. */
function endWithParagraph(children: (Paragraph | Table)[]): (Paragraph | Table)[] {
  return children.at(-1) instanceof Table ? [...children, spacer()] : children;
}

export function packDocx(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document);
}
