// Member register import template, import parser and export (form 7-HSĐV layout) with exceljs.
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import type { CellValue, DataValidation, Worksheet } from "exceljs";

// exceljs is large: load it on first use, not at every server start.
async function excel(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}
import {
  createMemberInput,
  LIMITS,
  type CreateMemberInput,
  type ErrorDetail,
  type ImportRowError,
  type MemberStatus,
} from "@chibo/domain";
import { AppError } from "../../http/errors.js";

declare module "exceljs" {
  interface Worksheet {
    /** Present at runtime (lib/doc/worksheet.js) but missing from the exceljs 4.4 typings. */
    readonly dataValidations: { add(address: string, validation: DataValidation): void };
  }
}

/** A member's fields as the import produces them: the unit is chosen by the caller, not the file. */
export type MemberImportInput = Omit<CreateMemberInput, "unitId">;
export type MemberColumnKey = keyof MemberImportInput;
export type MemberColumnKind = "text" | "date" | "gender";

export interface MemberColumn {
  key: MemberColumnKey;
  /** Exact header of the import template and of the export. */
  header: string;
  required: boolean;
  /** Excel column width, in characters. */
  width: number;
  kind: MemberColumnKind;
  /** Typed as text in the template so Excel keeps leading zeros ("0912…"). */
  asText?: boolean;
  /** Format and example, shown in the header's note and on the "Hướng dẫn" sheet. */
  hint: string;
}

const DATE_HINT = "Ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/09/1985";

/** Columns in the order of the member register (form 7-HSĐV): name, origin, education, admission, card. */
export const MEMBER_COLUMNS: readonly MemberColumn[] = [
  {
    key: "fullName",
    header: "Họ và tên",
    required: true,
    width: 28,
    kind: "text",
    hint: `Họ và tên đang dùng, tối đa ${LIMITS.name} ký tự`,
  },
  {
    key: "birthName",
    header: "Tên khai sinh (nếu khác)",
    required: false,
    width: 24,
    kind: "text",
    hint: "Chỉ ghi khi khác họ và tên đang dùng",
  },
  {
    key: "gender",
    header: "Giới tính",
    required: true,
    width: 10,
    kind: "gender",
    hint: "Nam hoặc Nữ (chọn trong danh sách)",
  },
  {
    key: "birthDate",
    header: "Ngày sinh",
    required: true,
    width: 12,
    kind: "date",
    hint: DATE_HINT,
  },
  {
    key: "ethnicity",
    header: "Dân tộc",
    required: false,
    width: 12,
    kind: "text",
    hint: "Ví dụ: Kinh",
  },
  {
    key: "religion",
    header: "Tôn giáo",
    required: false,
    width: 12,
    kind: "text",
    hint: "Ví dụ: Không",
  },
  {
    key: "hometown",
    header: "Quê quán",
    required: false,
    width: 30,
    kind: "text",
    hint: "Xã/phường, tỉnh/thành phố",
  },
  {
    key: "education",
    header: "Giáo dục phổ thông",
    required: false,
    width: 12,
    kind: "text",
    hint: "Ví dụ: 12/12",
  },
  {
    key: "politicalTheory",
    header: "Lý luận chính trị",
    required: false,
    width: 14,
    kind: "text",
    hint: "Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân",
  },
  {
    key: "qualification",
    header: "Chuyên môn nghiệp vụ",
    required: false,
    width: 22,
    kind: "text",
    hint: "Trình độ và chuyên ngành, ví dụ: Đại học Sư phạm Toán",
  },
  {
    key: "occupation",
    header: "Nghề nghiệp",
    required: false,
    width: 20,
    kind: "text",
    hint: "Nghề nghiệp hiện nay",
  },
  {
    key: "joinDate",
    header: "Ngày vào Đảng",
    required: true,
    width: 14,
    kind: "date",
    hint: DATE_HINT,
  },
  {
    key: "officialDate",
    header: "Ngày chính thức",
    required: false,
    width: 14,
    kind: "date",
    hint: `${DATE_HINT}; để trống nếu còn là đảng viên dự bị`,
  },
  {
    key: "cardNumber",
    header: "Số thẻ đảng viên",
    required: false,
    width: 16,
    kind: "text",
    asText: true,
    hint: `Chữ số, chữ cái, dấu chấm hoặc gạch; tối đa ${LIMITS.cardNumber} ký tự; không trùng nhau`,
  },
  {
    key: "phone",
    header: "Điện thoại",
    required: false,
    width: 14,
    kind: "text",
    asText: true,
    hint: "Ví dụ: 0912345678",
  },
  {
    key: "email",
    header: "Email",
    required: false,
    width: 26,
    kind: "text",
    hint: "Ví dụ: ten@example.vn",
  },
  {
    key: "notes",
    header: "Ghi chú",
    required: false,
    width: 30,
    kind: "text",
    hint: `Tối đa ${LIMITS.longText} ký tự`,
  },
];

const MEMBER_SHEET = "Đảng viên";
const GUIDE_SHEET = "Hướng dẫn";
const DATE_FORMAT = "dd/mm/yyyy";
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFE7E6E6" },
};
/** createMemberInput needs a unit; the caller supplies the real one, so any well-formed id will do. */
const PLACEHOLDER_UNIT_ID = "00000000-0000-4000-8000-000000000000";
const EMPTY_MESSAGE = "Không được để trống";
const DATE_FORMAT_MESSAGE = "Ngày phải có dạng dd/mm/yyyy";
const GENDER_MESSAGE = "Giới tính phải là Nam hoặc Nữ";

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: "thin" } };
  });
}

/** The empty import template: the headers on "Đảng viên", and how to fill them on "Hướng dẫn". */
export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = "chibo";
  const sheet = workbook.addWorksheet(MEMBER_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = MEMBER_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    // Column styles apply to the cells the user types, so dates show as dd/mm/yyyy and numbers stay text.
    style: c.kind === "date" ? { numFmt: DATE_FORMAT } : c.asText ? { numFmt: "@" } : {},
  }));
  const header = sheet.getRow(1);
  header.values = MEMBER_COLUMNS.map((c) => c.header);
  styleHeaderRow(header);
  MEMBER_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).note = `${c.required ? "Bắt buộc. " : "Không bắt buộc. "}${c.hint}`;
  });

  const lastRow = LIMITS.importRowsMax + 1;
  MEMBER_COLUMNS.forEach((c, i) => {
    const letter = sheet.getColumn(i + 1).letter;
    const range = `${letter}2:${letter}${lastRow}`;
    if (c.kind === "gender") {
      sheet.dataValidations.add(range, {
        type: "list",
        allowBlank: true,
        formulae: ['"Nam,Nữ"'],
        showErrorMessage: true,
        errorTitle: "Giới tính",
        error: GENDER_MESSAGE,
      });
    }
  });

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 8 }, { width: 26 }, { width: 12 }, { width: 70 }];
  guide.addRow(["Hướng dẫn nhập danh sách đảng viên"]).font = { bold: true, size: 14 };
  for (const line of [
    `Điền mỗi đảng viên trên một dòng của trang "${MEMBER_SHEET}", bắt đầu từ dòng 2.`,
    "Không đổi tên, không thêm cột vào dòng tiêu đề; có thể xóa cột không bắt buộc.",
    "Ngày ghi theo dạng ngày/tháng/năm, ví dụ 05/09/1985; kiểm tra lại ngày Excel hiển thị sau khi nhập.",
    `Tối đa ${LIMITS.importRowsMax.toLocaleString("vi-VN")} đảng viên trong một tệp; dòng trống được bỏ qua.`,
  ]) {
    guide.addRow([line]);
  }
  guide.addRow([]);
  styleHeaderRow(guide.addRow(["Cột", "Tiêu đề", "Bắt buộc", "Định dạng, ví dụ"]));
  MEMBER_COLUMNS.forEach((c, i) => {
    const row = guide.addRow([
      sheet.getColumn(i + 1).letter,
      c.header,
      c.required ? "Có" : "Không",
      c.hint,
    ]);
    row.alignment = { vertical: "top", wrapText: true };
  });

  return toBuffer(workbook);
}

export interface ParsedWorkbook {
  /** Non-empty data rows in the file. */
  totalRows: number;
  /** Rows without any error, with their Excel row number. */
  rows: { row: number; input: MemberImportInput }[];
  /** Every problem of every row, in row then column order. */
  errors: ImportRowError[];
}

/** A cell reduced to what a value can be once formulas, links and rich text are resolved. */
type Plain = string | number | boolean | Date | { error: string } | null;

function plain(value: CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return plain(value.result);
  if ("hyperlink" in value) return plain(value.text);
  return { error: value.error };
}

function isBlank(v: Plain): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

const pad = (n: number | string) => String(n).padStart(2, "0");

function dateFromUtc(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Why a cell could not be read, or its value for the contract. */
type Converted = { ok: true; value: string | null } | { ok: false; message: string };

function convertText(v: Plain): Converted {
  if (v === null) return { ok: true, value: null };
  if (typeof v === "string") return { ok: true, value: v.normalize("NFC") };
  if (typeof v === "number" || typeof v === "boolean") return { ok: true, value: String(v) };
  if (v instanceof Date) {
    const iso = dateFromUtc(v);
    return { ok: true, value: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` };
  }
  return { ok: false, message: `Ô bị lỗi (${v.error})` };
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u;

const MINUTE = 60_000;

/**
 * Real Excel dates (exceljs gives them at UTC midnight; rounding to the minute absorbs serials like
 * 31294.9999999 from other tools) or text; whether the day exists is left to the contract.
 */
function convertDate(v: Plain): Converted {
  if (v instanceof Date) {
    return Number.isNaN(v.getTime())
      ? { ok: false, message: DATE_FORMAT_MESSAGE }
      : { ok: true, value: dateFromUtc(new Date(Math.round(v.getTime() / MINUTE) * MINUTE)) };
  }
  if (typeof v !== "string") {
    return v !== null && typeof v === "object"
      ? { ok: false, message: `Ô bị lỗi (${v.error})` }
      : { ok: false, message: DATE_FORMAT_MESSAGE };
  }
  const s = v.trim();
  const dmy = DMY.exec(s);
  if (dmy) return { ok: true, value: `${dmy[3] ?? ""}-${pad(dmy[2] ?? "")}-${pad(dmy[1] ?? "")}` };
  const ymd = YMD.exec(s);
  if (ymd) return { ok: true, value: `${ymd[1] ?? ""}-${pad(ymd[2] ?? "")}-${pad(ymd[3] ?? "")}` };
  return { ok: false, message: DATE_FORMAT_MESSAGE };
}

const GENDER_WORDS: Record<string, "male" | "female"> = {
  nam: "male",
  male: "male",
  nu: "female",
  female: "female",
};

function convertGender(v: Plain): Converted {
  if (typeof v !== "string") return { ok: false, message: GENDER_MESSAGE };
  const word = v.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();
  const gender = GENDER_WORDS[word];
  return gender ? { ok: true, value: gender } : { ok: false, message: GENDER_MESSAGE };
}

function convert(column: MemberColumn, v: Plain): Converted {
  switch (column.kind) {
    case "text":
      return convertText(v);
    case "date":
      return convertDate(v);
    case "gender":
      return convertGender(v);
  }
}

function invalidWorkbook(detail: string, details: ErrorDetail[]): AppError {
  return new AppError(422, "invalid_workbook", detail, details);
}

const normalizeHeader = (s: string) =>
  s.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
const COLUMN_BY_HEADER = new Map(MEMBER_COLUMNS.map((c) => [normalizeHeader(c.header), c]));
const COLUMN_INDEX = new Map<string, number>(MEMBER_COLUMNS.map((c, i) => [c.key, i]));

function headerText(v: Plain): string {
  const text = convertText(v);
  return text.ok ? (text.value ?? "") : "";
}

/** Maps sheet columns (1-based) to template columns; a missing, unknown or repeated header rejects the file. */
function readHeaders(sheet: Worksheet): Map<number, MemberColumn> {
  const mapped = new Map<number, MemberColumn>();
  const problems: ErrorDetail[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    const text = headerText(plain(cell.value)).trim();
    if (text === "") return;
    const column = COLUMN_BY_HEADER.get(normalizeHeader(text));
    if (!column) {
      problems.push({
        path: "file.headers",
        message: `Cột "${text}" (cột ${cell.address.replace(/\d+$/u, "")}) không có trong mẫu`,
      });
    } else if ([...mapped.values()].includes(column)) {
      problems.push({ path: "file.headers", message: `Cột "${column.header}" bị lặp lại` });
    } else {
      mapped.set(col, column);
    }
  });
  const present = new Set(mapped.values());
  for (const c of MEMBER_COLUMNS) {
    if (c.required && !present.has(c)) {
      problems.push({ path: "file.headers", message: `Thiếu cột bắt buộc "${c.header}"` });
    }
  }
  if (problems.length > 0) {
    throw invalidWorkbook(
      "Dòng tiêu đề không khớp với mẫu nhập đảng viên; hãy dùng tệp mẫu",
      problems,
    );
  }
  return mapped;
}

interface RawRow {
  row: number;
  /** Template column → cell value, for the mapped columns. */
  values: Map<MemberColumn, Plain>;
  /** Sheet columns with data but no header. */
  stray: string[];
}

function readRows(sheet: Worksheet, headers: Map<number, MemberColumn>): RawRow[] {
  const rows: RawRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = new Map<MemberColumn, Plain>();
    const stray: string[] = [];
    row.eachCell((cell, col) => {
      const v = plain(cell.value);
      if (isBlank(v)) return;
      const column = headers.get(col);
      if (column) values.set(column, v);
      else stray.push(cell.address.replace(/\d+$/u, ""));
    });
    if (values.size > 0 || stray.length > 0) rows.push({ row: rowNumber, values, stray });
  });
  return rows;
}

const DATE_KEYS = MEMBER_COLUMNS.filter((c) => c.kind === "date").map((c) => c.key);
/** Valid stand-ins for the non-date required fields, used only to probe the cross-date rules. */
const DATE_PROBE_BASE = { unitId: PLACEHOLDER_UNIT_ID, fullName: "—", gender: "male" };

/**
 * Every problem of one row; `cardRows` (card → first row) spans the file, so a card number is
 * flagged on its later rows even when the first one has other errors.
 */
function validateRow(
  raw: RawRow,
  cardRows: Map<string, number>,
): { input: MemberImportInput | null; errors: ImportRowError[] } {
  // `order` sorts a row's errors by column; data under a missing header goes last.
  const errors: { order: number; column: string; message: string }[] = raw.stray.map((letter) => ({
    order: MEMBER_COLUMNS.length,
    column: `Cột ${letter}`,
    message: "Có dữ liệu nhưng cột không có tiêu đề",
  }));
  const failed = new Set<string>();
  const fail = (key: string, message: string) => {
    failed.add(key);
    const order = COLUMN_INDEX.get(key) ?? MEMBER_COLUMNS.length;
    errors.push({ order, column: MEMBER_COLUMNS[order]?.header ?? key, message });
  };
  const candidate: Record<string, string | null> = { unitId: PLACEHOLDER_UNIT_ID };
  for (const column of MEMBER_COLUMNS) {
    const v = raw.values.get(column) ?? null;
    const converted: Converted = isBlank(v)
      ? column.required
        ? { ok: false, message: EMPTY_MESSAGE }
        : { ok: true, value: null }
      : convert(column, v);
    if (converted.ok) {
      candidate[column.key] = converted.value;
    } else {
      fail(column.key, converted.message);
    }
  }

  const unreadable = new Set(failed);
  const reported = new Set<string>();
  const collect = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => {
    for (const issue of issues) {
      const key = String(issue.path[0] ?? "");
      const id = `${key}\u0000${issue.message}`;
      if (unreadable.has(key) || reported.has(id)) continue;
      reported.add(id);
      fail(key, issue.message);
    }
  };

  const result = createMemberInput.safeParse(candidate);
  if (!result.success) {
    collect(result.error.issues);
    // zod skips an object's refinements once a field fails, so the date order (joinDate after
    // birthDate…) is checked again on the dates alone: every problem is reported at once.
    const dates = Object.fromEntries(DATE_KEYS.map((k) => [k, candidate[k]]));
    const probe = createMemberInput.safeParse({ ...DATE_PROBE_BASE, ...dates });
    if (!probe.success) collect(probe.error.issues);
  }

  const card = failed.has("cardNumber") ? undefined : candidate.cardNumber?.trim().toUpperCase();
  if (card) {
    const firstRow = cardRows.get(card);
    if (firstRow === undefined) cardRows.set(card, raw.row);
    else fail("cardNumber", `Số thẻ trùng với dòng ${firstRow}`);
  }

  if (!result.success || errors.length > 0) {
    errors.sort((a, b) => a.order - b.order);
    return {
      input: null,
      errors: errors.map((e) => ({ row: raw.row, column: e.column, message: e.message })),
    };
  }
  return { input: withoutUnit(result.data), errors: [] };
}

/** Drops the placeholder unit: the caller imports into the unit it chose. */
function withoutUnit({ unitId: _placeholder, ...input }: CreateMemberInput): MemberImportInput {
  return input;
}

/** Reads the first sheet of a filled-in template; rows are checked with the same contract as the API. */
export async function parseMemberWorkbook(data: Buffer): Promise<ParsedWorkbook> {
  const notAWorkbook = () =>
    invalidWorkbook("Tệp không phải là bảng tính Excel (.xlsx) hợp lệ", [
      { path: "file", message: "Hãy chọn tệp .xlsx tạo từ tệp mẫu (không dùng .xls hoặc .csv)" },
    ]);
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(data).buffer);
  } catch {
    throw notAWorkbook();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notAWorkbook();

  const headers = readHeaders(sheet);
  const raws = readRows(sheet, headers);
  if (raws.length > LIMITS.importRowsMax) {
    const max = LIMITS.importRowsMax.toLocaleString("vi-VN");
    throw invalidWorkbook(`Tệp có quá nhiều dòng: tối đa ${max} đảng viên mỗi lần nhập`, [
      { path: "file.rows", message: `Tệp có ${raws.length} dòng dữ liệu, tối đa ${max} dòng` },
    ]);
  }

  const rows: ParsedWorkbook["rows"] = [];
  const errors: ImportRowError[] = [];
  const cardRows = new Map<string, number>();
  for (const raw of raws) {
    const checked = validateRow(raw, cardRows);
    errors.push(...checked.errors);
    if (checked.input) rows.push({ row: raw.row, input: checked.input });
  }
  return { totalRows: raws.length, rows, errors };
}

export type MemberExportRow = {
  unitName: string;
  status: MemberStatus;
  exempt: boolean;
  leftOn: string | null;
} & Record<MemberColumnKey, string | null>;

const GENDER_LABEL: Record<string, string> = { male: "Nam", female: "Nữ" };
const STATUS_LABEL: Record<MemberStatus, string> = {
  probationary: "Dự bị",
  official: "Chính thức",
};

/** "YYYY-MM-DD" as an Excel date (UTC midnight, which exceljs writes as a whole serial day). */
function excelDate(iso: string | null): Date | string | null {
  if (iso === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return iso;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/**
 * The register as a report: title, STT, cell, the template's columns, status; dates are real dates.
 * Written with the streaming writer: about six times faster than a workbook in memory at 50,000 rows.
 */
export async function exportMembersWorkbook(
  rows: readonly MemberExportRow[],
  title: string,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = "chibo";
  const sheet = workbook.addWorksheet(MEMBER_SHEET, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const dateStyle = { numFmt: DATE_FORMAT };
  sheet.columns = [
    { width: 6 },
    { width: 24 },
    ...MEMBER_COLUMNS.map((c) => ({ width: c.width, style: c.kind === "date" ? dateStyle : {} })),
    { width: 12 },
    { width: 10 },
    { width: 14, style: dateStyle },
  ];
  const headers = [
    "STT",
    "Chi bộ",
    ...MEMBER_COLUMNS.map((c) => c.header),
    "Trạng thái",
    "Miễn sinh hoạt",
    "Ngày rời chi bộ",
  ];

  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.font = { bold: true, size: 14 };
  titleRow.alignment = { horizontal: "center", vertical: "middle" };
  titleRow.height = 24;
  sheet.mergeCells(1, 1, 1, headers.length);
  titleRow.commit();

  const headerRow = sheet.getRow(2);
  headerRow.values = headers;
  styleHeaderRow(headerRow);
  headerRow.commit();
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headers.length } };

  rows.forEach((r, i) => {
    sheet
      .addRow([
        i + 1,
        r.unitName,
        ...MEMBER_COLUMNS.map((c) => {
          const v = r[c.key];
          if (c.kind === "date") return excelDate(v);
          if (c.kind === "gender" && v !== null) return GENDER_LABEL[v] ?? v;
          return v;
        }),
        STATUS_LABEL[r.status],
        r.exempt ? "Có" : "—",
        excelDate(r.leftOn),
      ])
      .commit();
  });
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
