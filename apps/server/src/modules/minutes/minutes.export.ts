// The minutes and a resolution as .docx in the Party document format (documents.md), from what the
// service reads with the reader's own access rules (exportData).
import type { ResolutionDto } from "@chibo/domain";
import type { DocumentSettings } from "../../lib/document-settings.js";
import { buildMinutesDocx } from "../../lib/docx/minutes-docx.js";
import { buildResolutionDocx } from "../../lib/docx/resolution-docx.js";
import type { DocHeader } from "../../lib/docx/party-document.js";
import type { MinutesExport } from "./minutes.service.js";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface ExportedFile {
  fileName: string;
  data: Buffer;
}

function header(exp: MinutesExport, settings: DocumentSettings, number: string | null): DocHeader {
  return {
    superiorName: exp.header.superiorName ?? "",
    issuerName: exp.header.issuerName,
    number,
    place: settings.place,
    date: exp.header.date,
  };
}

/** "bien-ban-2026-03-03.docx": ASCII, so every mail client and file system keeps it. */
function fileName(prefix: string, date: string, suffix = ""): string {
  return `${prefix}-${date}${suffix}.docx`;
}

/** `score`: the decided score and level label (issue 5), written into the minutes once decided. */
export async function minutesDocx(
  exp: MinutesExport,
  settings: DocumentSettings,
  score: { total: number; level: string } | null = null,
): Promise<ExportedFile> {
  const data = await buildMinutesDocx({
    header: header(exp, settings, null),
    minutes: exp.minutes,
    layout: settings.layout,
    topic: exp.header.topic,
    score,
  });
  return { fileName: fileName("bien-ban", exp.header.date), data };
}

/** Signed for the cell by its chair: documents.md "T/M CHI BỘ" with the title the chair holds. */
export async function resolutionDocx(
  exp: MinutesExport,
  resolution: ResolutionDto,
  settings: DocumentSettings,
): Promise<ExportedFile> {
  const recipients = [
    ...(exp.header.superiorName ? [`${exp.header.superiorName} (để báo cáo)`] : []),
    "Đảng viên trong chi bộ",
    "Lưu hồ sơ chi bộ",
  ];
  const data = await buildResolutionDocx({
    header: header(exp, settings, resolution.number),
    resolution,
    meetingDate: exp.header.date,
    signer: { authority: "T/M CHI BỘ", title: "BÍ THƯ", name: exp.minutes.chairName },
    recipients,
    layout: settings.layout,
    votingBody: exp.minutes.attendance.votingBody,
  });
  const prefix = resolution.kind === "resolution" ? "nghi-quyet" : "ket-luan";
  return { fileName: fileName(prefix, exp.header.date), data };
}
