// Meeting documents: the type comes from the bytes (file-type), never from the name or the browser's
// claim; the name is kept for people, cleaned of anything that could mislead a browser or a disk.
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TYPES,
  foldAccents,
  isAllowedDocumentType,
  type DocumentContentType,
} from "@chibo/domain";
import { AppError } from "../../http/errors.js";

const FILE_NAME_MAX = 200;
const FALLBACK_NAME = "tai-lieu";
const GRAPHEMES = new Intl.Segmenter("vi", { granularity: "grapheme" });

export function documentTooLarge(): AppError {
  const mb = Math.round(DOCUMENT_MAX_BYTES / (1024 * 1024));
  const message = `Tài liệu vượt quá dung lượng cho phép (tối đa ${mb} MB)`;
  return new AppError(413, "document_too_large", message, [{ path: "file", message }]);
}

export function documentTypeNotAllowed(): AppError {
  const message = "Chỉ nhận tài liệu PDF, DOCX hoặc ảnh (PNG, JPEG, WebP); nội dung tệp không khớp";
  return new AppError(415, "document_type_not_allowed", message, [{ path: "file", message }]);
}

/**
 * A file name fit to keep and to send back: the last path segment, without control, bidirectional
 * override and reserved characters, not hidden, at most 200 characters, and ending with the extension
 * of the type its content has (so "anh.exe" holding a PNG downloads as "anh.exe.png").
 */
export function sanitizeFileName(raw: string | undefined, type: DocumentContentType): string {
  const ext = DOCUMENT_TYPES[type];
  let name = (raw ?? "").normalize("NFC");
  name = name.split(/[\\/]/u).pop() ?? "";
  name = name
    .replace(/[\p{Cc}\p{Cf}"*:<>?|]/gu, "")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^[.\s]+/u, "")
    .replace(/[.\s]+$/u, "");
  if (name === "") name = FALLBACK_NAME;
  const dot = name.lastIndexOf(".");
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const matches = current === ext || (ext === "jpg" && current === "jpeg");
  let stem = matches ? name.slice(0, dot) : name;
  const suffix = matches ? name.slice(dot) : `.${ext}`;
  const chars = Array.from(GRAPHEMES.segment(stem), (g) => g.segment);
  if (chars.length + suffix.length > FILE_NAME_MAX) {
    stem = chars
      .slice(0, FILE_NAME_MAX - suffix.length)
      .join("")
      .trim();
  }
  return `${stem}${suffix}`;
}

export interface InspectedDocument {
  fileName: string;
  contentType: DocumentContentType;
  size: number;
  sha256: string;
}

/** Checks a received file: size, then the type its content shows. Throws 413 or 415. */
export async function inspectDocument(
  fileName: string | undefined,
  data: Buffer,
): Promise<InspectedDocument> {
  if (data.length > DOCUMENT_MAX_BYTES) throw documentTooLarge();
  const detected = data.length > 0 ? await fileTypeFromBuffer(data) : undefined;
  const mime = detected?.mime;
  if (!isAllowedDocumentType(mime)) throw documentTypeNotAllowed();
  return {
    fileName: sanitizeFileName(fileName, mime),
    contentType: mime,
    size: data.length,
    sha256: createHash("sha256").update(data).digest("hex"),
  };
}

/** RFC 6266 / 5987: an ASCII fallback name and the exact UTF-8 one. */
export function attachmentHeader(fileName: string): string {
  const ascii = foldAccents(fileName)
    .replace(/[^\x20-\x7e]/gu, "_")
    .replace(/["\\]/gu, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
