import ExcelJS from "exceljs";
import type { CellValue } from "exceljs";
import { describe, expect, it } from "vitest";
import { createMemberInput } from "@chibo/domain";
import {
  buildImportTemplate,
  exportMembersWorkbook,
  MEMBER_COLUMNS,
  parseMemberWorkbook,
  type MemberColumnKey,
  type MemberExportRow,
} from "./members.xlsx.js";

const HEADERS = MEMBER_COLUMNS.map((c) => c.header);

type RowSpec = Partial<Record<MemberColumnKey, CellValue>> | null;

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(data).buffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The real template with `rows` typed in from row 2; null leaves a blank row. */
async function filledTemplate(rows: RowSpec[]): Promise<Buffer> {
  const workbook = await load(await buildImportTemplate());
  const sheet = sheetOf(workbook, "Đảng viên");
  rows.forEach((spec, i) => {
    if (!spec) return;
    const row = sheet.getRow(i + 2);
    MEMBER_COLUMNS.forEach((c, col) => {
      const v = spec[c.key];
      if (v !== undefined) row.getCell(col + 1).value = v;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A bare workbook: one sheet, the given header row, then the rows as arrays. */
async function bareWorkbook(headers: string[], rows: CellValue[][] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const valid = (over: RowSpec = {}): RowSpec => ({
  fullName: "Nguyễn Văn An",
  gender: "Nam",
  birthDate: "05/09/1985",
  joinDate: "03/02/2010",
  ...over,
});

describe("MEMBER_COLUMNS", () => {
  it("has one column per field of createMemberInput except unitId, with distinct headers", () => {
    const fields = Object.keys(createMemberInput.shape).filter((k) => k !== "unitId");
    expect(MEMBER_COLUMNS.map((c) => c.key).sort()).toEqual(fields.sort());
    expect(new Set(HEADERS).size).toBe(HEADERS.length);
    expect(MEMBER_COLUMNS.filter((c) => c.required).map((c) => c.key)).toEqual([
      "fullName",
      "gender",
      "birthDate",
      "joinDate",
    ]);
  });
});

describe("buildImportTemplate", () => {
  it("has the headers only, bold and frozen, with notes, a gender list and a guide sheet", async () => {
    const workbook = await load(await buildImportTemplate());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Đảng viên", "Hướng dẫn"]);
    const sheet = sheetOf(workbook, "Đảng viên");
    const header = sheet.getRow(1);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADERS);
    expect(header.getCell(1).font.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(JSON.stringify(header.getCell(4).note)).toContain("dd/mm/yyyy");
    expect(JSON.stringify(header.getCell(3).note)).toContain("Nam hoặc Nữ");
    expect(sheet.actualRowCount).toBe(1);
    expect(sheet.getCell("C2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Nam,Nữ"'],
    });
    expect(sheet.getCell("C20001").dataValidation).toMatchObject({ type: "list" });

    const guide = sheetOf(workbook, "Hướng dẫn");
    const guideText: string[] = [];
    guide.eachRow((row) => {
      row.eachCell((cell) => guideText.push(cell.text));
    });
    for (const c of MEMBER_COLUMNS) expect(guideText).toContain(c.header);
    expect(guideText.filter((t) => t === "Có")).toHaveLength(4);
  });

  it("parses back to zero rows when left empty", async () => {
    await expect(parseMemberWorkbook(await buildImportTemplate())).resolves.toEqual({
      totalRows: 0,
      rows: [],
      errors: [],
    });
  });
});

describe("parseMemberWorkbook", () => {
  it("reads a filled-in template: Excel dates, text dates, rich text, formulas, links, blank rows", async () => {
    const data = await filledTemplate([
      {
        fullName: { richText: [{ text: "Trần Thị " }, { text: "Bình", font: { bold: true } }] },
        birthName: "Trần Thị Bính",
        gender: "Nữ",
        birthDate: new Date(Date.UTC(1985, 8, 5)),
        ethnicity: "Kinh",
        religion: "Không",
        hometown: "Xã Yên Sơn, tỉnh Nghệ An",
        education: "12/12",
        politicalTheory: "Trung cấp",
        qualification: "Đại học Sư phạm",
        occupation: "Giáo viên",
        joinDate: "3/2/2010",
        officialDate: "2011-02-03",
        cardNumber: 12345678,
        phone: "0912345678",
        email: { text: "binh@example.vn", hyperlink: "mailto:binh@example.vn" },
        notes: "  ",
      },
      null,
      {
        fullName: "  Lê Văn Cường ",
        gender: "nam",
        birthDate: { formula: "DATE(1990,12,31)", result: new Date(Date.UTC(1990, 11, 31)) },
        joinDate: "31.12.2015",
        cardNumber: "",
      },
      { fullName: "Phạm Thu", gender: "nu", birthDate: "01-01-1970", joinDate: "1995-1-2" },
      {
        fullName: "Đỗ Hà",
        gender: "female",
        birthDate: "1980-01-01",
        joinDate: "2001-01-01",
        phone: 912345678,
      },
      { fullName: "Vũ Minh", gender: "male", birthDate: "1980-01-01", joinDate: "2001-01-01" },
    ]);

    const parsed = await parseMemberWorkbook(data);

    expect(parsed.errors).toEqual([]);
    expect(parsed.totalRows).toBe(5);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 4, 5, 6, 7]);
    expect(parsed.rows[0]?.input).toEqual({
      fullName: "Trần Thị Bình",
      birthName: "Trần Thị Bính",
      gender: "female",
      birthDate: "1985-09-05",
      ethnicity: "Kinh",
      religion: "Không",
      hometown: "Xã Yên Sơn, tỉnh Nghệ An",
      education: "12/12",
      politicalTheory: "Trung cấp",
      qualification: "Đại học Sư phạm",
      occupation: "Giáo viên",
      phone: "0912345678",
      email: "binh@example.vn",
      joinDate: "2010-02-03",
      officialDate: "2011-02-03",
      cardNumber: "12345678",
      notes: null,
    });
    expect(parsed.rows[1]?.input).toMatchObject({
      fullName: "Lê Văn Cường",
      gender: "male",
      birthDate: "1990-12-31",
      joinDate: "2015-12-31",
      officialDate: null,
      cardNumber: null,
    });
    expect(parsed.rows[2]?.input).toMatchObject({
      gender: "female",
      birthDate: "1970-01-01",
      joinDate: "1995-01-02",
    });
    expect(parsed.rows[3]?.input).toMatchObject({ gender: "female", phone: "912345678" });
    expect(parsed.rows[4]?.input).toMatchObject({ gender: "male" });
    expect(parsed.rows[0]?.input).not.toHaveProperty("unitId");
  });

  it("reports every problem of every row with its row and column, and keeps only clean rows", async () => {
    const data = await filledTemplate([
      valid({ birthDate: "30/02/2024" }),
      valid({ fullName: null }),
      valid({ gender: "X" }),
      valid({ cardNumber: "0123" }),
      valid({ cardNumber: "0123" }),
      valid({ birthDate: "01/01/2000", joinDate: "01/01/1999" }),
      valid({ fullName: "", gender: "?", birthDate: "01/01/2000", joinDate: "01/01/1999" }),
      valid({ birthDate: "năm 1985", email: "khong-phai-email", cardNumber: "12 34" }),
      valid({ joinDate: "01/01/2010", officialDate: "01/01/2009" }),
      valid({ birthDate: new Date(Date.UTC(1850, 0, 1)), cardNumber: "0123" }),
      valid(),
    ]);

    const parsed = await parseMemberWorkbook(data);

    expect(parsed.totalRows).toBe(11);
    expect(parsed.rows.map((r) => r.row)).toEqual([5, 12]);
    expect(parsed.errors).toEqual([
      { row: 2, column: "Ngày sinh", message: "Ngày không tồn tại" },
      { row: 3, column: "Họ và tên", message: "Không được để trống" },
      { row: 4, column: "Giới tính", message: "Giới tính phải là Nam hoặc Nữ" },
      { row: 6, column: "Số thẻ đảng viên", message: "Số thẻ trùng với dòng 5" },
      { row: 7, column: "Ngày vào Đảng", message: "Ngày vào Đảng phải sau ngày sinh" },
      { row: 8, column: "Họ và tên", message: "Không được để trống" },
      { row: 8, column: "Giới tính", message: "Giới tính phải là Nam hoặc Nữ" },
      { row: 8, column: "Ngày vào Đảng", message: "Ngày vào Đảng phải sau ngày sinh" },
      { row: 9, column: "Ngày sinh", message: "Ngày phải có dạng dd/mm/yyyy" },
      {
        row: 9,
        column: "Số thẻ đảng viên",
        message: "Số thẻ chỉ gồm chữ số, chữ cái, dấu chấm hoặc gạch",
      },
      { row: 9, column: "Email", message: "Email không hợp lệ" },
      {
        row: 10,
        column: "Ngày chính thức",
        message: "Ngày chính thức không được trước ngày vào Đảng",
      },
      { row: 11, column: "Ngày sinh", message: "Ngày nằm ngoài khoảng cho phép" },
      { row: 11, column: "Số thẻ đảng viên", message: "Số thẻ trùng với dòng 5" },
    ]);
  });

  it("reports data typed under a column without a header", async () => {
    const data = await bareWorkbook(
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng"],
      [["Nguyễn An", "Nam", "05/09/1985", "03/02/2010", "thừa"]],
    );
    const parsed = await parseMemberWorkbook(data);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      { row: 2, column: "Cột E", message: "Có dữ liệu nhưng cột không có tiêu đề" },
    ]);
  });

  it("matches headers ignoring case and spaces, and accepts optional columns left out", async () => {
    const data = await bareWorkbook(
      ["  họ và TÊN ", "GIỚI TÍNH", "Ngày  sinh", "ngày vào đảng", "Số thẻ đảng viên"],
      [["Nguyễn An", "Nam", "05/09/1985", "03/02/2010", "AB-1"]],
    );
    const parsed = await parseMemberWorkbook(data);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        row: 2,
        input: {
          fullName: "Nguyễn An",
          birthName: null,
          gender: "male",
          birthDate: "1985-09-05",
          ethnicity: null,
          religion: null,
          hometown: null,
          education: null,
          politicalTheory: null,
          qualification: null,
          occupation: null,
          phone: null,
          email: null,
          joinDate: "2010-02-03",
          officialDate: null,
          cardNumber: "AB-1",
          notes: null,
        },
      },
    ]);
  });

  it.each([
    ["random bytes", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
    ["a CSV file", Buffer.from("Họ và tên,Giới tính\nNguyễn An,Nam\n", "utf8")],
    ["an empty buffer", Buffer.alloc(0)],
  ])("rejects %s as invalid_workbook", async (_name, data) => {
    await expect(parseMemberWorkbook(data)).rejects.toMatchObject({
      name: "AppError",
      status: 422,
      code: "invalid_workbook",
      details: [{ path: "file", message: expect.any(String) as unknown }],
    });
  });

  it("rejects a header row that does not match the template, naming each header", async () => {
    const headers = HEADERS.map((h) => (h === "Họ và tên" ? "Tên" : h));
    headers.push("Chức vụ", "Email");
    await expect(parseMemberWorkbook(await bareWorkbook(headers))).rejects.toMatchObject({
      status: 422,
      code: "invalid_workbook",
      details: [
        { path: "file.headers", message: 'Cột "Tên" (cột A) không có trong mẫu' },
        { path: "file.headers", message: 'Cột "Chức vụ" (cột R) không có trong mẫu' },
        { path: "file.headers", message: 'Cột "Email" bị lặp lại' },
        { path: "file.headers", message: 'Thiếu cột bắt buộc "Họ và tên"' },
      ],
    });
  });

  it("rejects more data rows than the import limit", async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => [`Người ${i}`]);
    const data = await bareWorkbook(["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng"], rows);
    await expect(parseMemberWorkbook(data)).rejects.toMatchObject({
      status: 422,
      code: "invalid_workbook",
      details: [{ path: "file.rows", message: expect.stringContaining("20001") as unknown }],
    });
  });

  it("parses 5,000 members", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const sample: Partial<Record<MemberColumnKey, CellValue>> = {
        fullName: `Nguyễn Văn ${i}`,
        gender: i % 2 ? "Nữ" : "Nam",
        birthDate: new Date(Date.UTC(1960 + (i % 40), i % 12, 1 + (i % 28))),
        joinDate: `${1 + (i % 28)}/${1 + (i % 12)}/2005`,
        officialDate: "2006-12-31",
        cardNumber: String(10_000_000 + i),
        email: `dv${i}@example.vn`,
      };
      return MEMBER_COLUMNS.map((c) => sample[c.key] ?? `Giá trị ${i}`);
    });
    const data = await bareWorkbook(HEADERS, rows);
    const parsed = await parseMemberWorkbook(data);
    expect(parsed.errors).toEqual([]);
    expect(parsed.totalRows).toBe(5000);
    expect(parsed.rows).toHaveLength(5000);
    expect(parsed.rows[4999]).toMatchObject({ row: 5001, input: { fullName: "Nguyễn Văn 4999" } });
  });
});

describe("exportMembersWorkbook", () => {
  const member: MemberExportRow = {
    unitName: "Chi bộ Trường Tiểu học A",
    status: "probationary",
    exempt: true,
    leftOn: null,
    fullName: "Nguyễn Văn An",
    birthName: null,
    gender: "male",
    birthDate: "1985-09-05",
    ethnicity: "Kinh",
    religion: null,
    hometown: "Hà Nội",
    education: "12/12",
    politicalTheory: null,
    qualification: null,
    occupation: "Giáo viên",
    joinDate: "2024-02-29",
    officialDate: null,
    cardNumber: "0123",
    phone: "0912345678",
    email: null,
    notes: null,
  };

  it("writes a title, the headers, real dates and readable labels", async () => {
    const workbook = await load(
      await exportMembersWorkbook(
        [
          member,
          {
            ...member,
            fullName: "Trần Thị Bình",
            gender: "female",
            status: "official",
            exempt: false,
            leftOn: "2025-01-15",
          },
        ],
        "Danh sách đảng viên — Chi bộ A",
      ),
    );
    const sheet = sheetOf(workbook, "Đảng viên");
    const expectedHeaders = [
      "STT",
      "Chi bộ",
      ...HEADERS,
      "Trạng thái",
      "Miễn sinh hoạt",
      "Ngày rời chi bộ",
    ];

    expect(sheet.getCell("A1").value).toBe("Danh sách đảng viên — Chi bộ A");
    expect(sheet.getCell("A1").font.bold).toBe(true);
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect(sheet.getCell(1, expectedHeaders.length).isMerged).toBe(true);
    const header = sheet.getRow(2);
    expect(expectedHeaders.map((_, i) => header.getCell(i + 1).value)).toEqual(expectedHeaders);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();

    const col = (h: string) => expectedHeaders.indexOf(h) + 1;
    const first = sheet.getRow(3);
    const birth = first.getCell(col("Ngày sinh"));
    expect(birth.value).toEqual(new Date(Date.UTC(1985, 8, 5)));
    expect(birth.numFmt).toBe("dd/mm/yyyy");
    expect(first.getCell(col("Ngày vào Đảng")).value).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(first.getCell(col("STT")).value).toBe(1);
    expect(first.getCell(col("Chi bộ")).value).toBe("Chi bộ Trường Tiểu học A");
    expect(first.getCell(col("Giới tính")).value).toBe("Nam");
    expect(first.getCell(col("Số thẻ đảng viên")).value).toBe("0123");
    expect(first.getCell(col("Trạng thái")).value).toBe("Dự bị");
    expect(first.getCell(col("Miễn sinh hoạt")).value).toBe("Có");
    expect(first.getCell(col("Ngày chính thức")).value).toBeNull();

    const second = sheet.getRow(4);
    expect(second.getCell(col("STT")).value).toBe(2);
    expect(second.getCell(col("Giới tính")).value).toBe("Nữ");
    expect(second.getCell(col("Trạng thái")).value).toBe("Chính thức");
    expect(second.getCell(col("Miễn sinh hoạt")).value).toBe("—");
    expect(second.getCell(col("Ngày rời chi bộ")).value).toEqual(new Date(Date.UTC(2025, 0, 15)));
  });
});
