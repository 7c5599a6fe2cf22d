import "@fastify/multipart";
import {
  agendaAgreeInput,
  agendaDto,
  agendaFromTemplateInput,
  agendaItemsInput,
  agendaTemplatesDto,
  agendaTemplatesInput,
  agendaVersionInput,
  documentDto,
  DOCUMENT_MAX_BYTES,
  idParams,
} from "@chibo/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import { invalid } from "../../http/errors.js";
import type { AgendaService, ReceivedFile } from "./agenda.service.js";
import { attachmentHeader, documentTooLarge } from "./documents.js";

const tags = ["agenda"];

function isFileTooLarge(err: unknown): boolean {
  return (
    typeof err === "object" &&
    err !== null &&
    (err as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE"
  );
}

/** Reads the one file of a multipart upload (field "file"), refusing it once over the limit. */
async function receiveFile(request: FastifyRequest): Promise<ReceivedFile> {
  const missing = "Cần gửi tệp tài liệu trong trường file (multipart/form-data)";
  if (!request.isMultipart()) throw invalid("file", missing);
  const part = await request.file({ limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1 } });
  if (part?.fieldname !== "file") throw invalid("file", missing);
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (err) {
    if (isFileTooLarge(err)) throw documentTooLarge();
    throw err;
  }
  if (part.file.truncated) throw documentTooLarge();
  return { fileName: part.filename, data };
}

export function agendaRoutes(deps: { agenda: AgendaService }): FastifyPluginAsyncZod {
  const { agenda } = deps;
  return async (app) => {
    app.get(
      "/meetings/:id/agenda",
      {
        schema: {
          tags,
          summary:
            "Chương trình sinh hoạt, tài liệu và việc cần kiểm điểm (đảng viên xem khi đã gửi)",
          params: idParams,
          response: { 200: agendaDto },
        },
      },
      async (request) => agenda.get(requireActor(request), request.params.id),
    );

    app.post(
      "/meetings/:id/agenda/from-template",
      {
        schema: {
          tags,
          summary: "Tạo chương trình từ mẫu theo loại cuộc họp và hướng dẫn có hiệu lực",
          params: idParams,
          body: agendaFromTemplateInput,
          response: { 200: agendaDto },
        },
      },
      async (request) => agenda.fromTemplate(requireActor(request), request.params.id),
    );

    app.put(
      "/meetings/:id/agenda",
      {
        schema: {
          tags,
          summary:
            "Sửa các bước của chương trình dự thảo (thay toàn bộ, theo thứ tự); tạo mới khi chưa có (version 1)",
          params: idParams,
          body: agendaItemsInput,
          response: { 200: agendaDto },
        },
      },
      async (request) =>
        agenda.replaceItems(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/agenda/agree",
      {
        schema: {
          tags,
          summary: "Chi ủy thống nhất chương trình (có thể ghi cuộc họp chi ủy đã thống nhất)",
          params: idParams,
          body: agendaAgreeInput,
          response: { 200: agendaDto },
        },
      },
      async (request) => agenda.agree(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/agenda/send",
      {
        schema: {
          tags,
          summary: "Gửi chương trình và tài liệu đến đảng viên và cán bộ cấp trên theo dõi chi bộ",
          params: idParams,
          body: agendaVersionInput,
          response: { 200: agendaDto },
        },
      },
      async (request) =>
        agenda.send(requireActor(request), request.params.id, request.body.version),
    );

    app.post(
      "/meetings/:id/agenda/reopen",
      {
        schema: {
          tags,
          summary: "Mở lại chương trình đã thống nhất hoặc đã gửi để sửa",
          params: idParams,
          body: agendaVersionInput,
          response: { 200: agendaDto },
        },
      },
      async (request) =>
        agenda.reopen(requireActor(request), request.params.id, request.body.version),
    );

    app.post(
      "/meetings/:id/documents",
      {
        schema: {
          tags,
          summary:
            "Đính kèm tài liệu (multipart, trường file): PDF, DOCX, PNG, JPEG, WebP, tối đa 10 MB",
          params: idParams,
          response: { 201: documentDto },
        },
      },
      async (request, reply) => {
        const doc = await agenda.uploadDocument(requireActor(request), request.params.id, () =>
          receiveFile(request),
        );
        return reply.status(201).send(doc);
      },
    );

    app.get(
      "/documents/:id",
      {
        schema: { tags, summary: "Tải tài liệu của cuộc họp", params: idParams },
      },
      async (request, reply) => {
        const doc = await agenda.downloadDocument(requireActor(request), request.params.id);
        return reply
          .type(doc.contentType)
          .header("content-disposition", attachmentHeader(doc.fileName))
          .header("x-content-type-options", "nosniff")
          .header("cache-control", "private, no-cache")
          .header("etag", `"${doc.sha256}"`)
          .send(doc.data);
      },
    );

    app.delete(
      "/documents/:id",
      { schema: { tags, summary: "Xóa tài liệu của cuộc họp", params: idParams } },
      async (request, reply) => {
        await agenda.deleteDocument(requireActor(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      "/settings/agenda-templates",
      {
        schema: {
          tags: ["settings"],
          summary: "Chương trình sinh hoạt mẫu đang áp dụng (mặc định toàn quốc hoặc của tỉnh)",
          response: { 200: agendaTemplatesDto },
        },
      },
      async (request) => agenda.templates(requireActor(request)),
    );

    app.put(
      "/settings/agenda-templates",
      {
        schema: {
          tags: ["settings"],
          summary:
            "Đặt chương trình sinh hoạt mẫu riêng của tỉnh (quản trị); danh sách rỗng để về mặc định",
          body: agendaTemplatesInput,
          response: { 200: agendaTemplatesDto },
        },
      },
      async (request) => agenda.setTemplates(requireActor(request), request.body),
    );
  };
}
