import ExcelJS from "exceljs";
import { MEMBER_COLUMNS } from "../src/modules/members/members.xlsx.js";

/** A workbook laid out like the import template, with the given rows (by field key). */
export async function memberWorkbook(rows: Record<string, string | Date>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Đảng viên");
  ws.addRow(MEMBER_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(MEMBER_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A multipart body with one file field, for app.inject. */
export function multipart(data: Buffer, filename = "members.xlsx") {
  const boundary = "----chibo-test-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
