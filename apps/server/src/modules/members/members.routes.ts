import "@fastify/multipart";
import { z } from "zod";
import {
  createMemberInput,
  endExemptionInput,
  endPositionInput,
  exemptionInput,
  idParams,
  importQuery,
  importReportDto,
  leaveInput,
  LIMITS,
  listMembersQuery,
  makeOfficialInput,
  memberDto,
  memberHistoryDto,
  memberPageDto,
  positionInput,
  transferInput,
  updateMemberInput,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import { invalid } from "../../http/errors.js";
import type { MembersService } from "./members.service.js";
import { buildImportTemplate } from "./members.xlsx.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const tags = ["members"];

function attachment(name: string): string {
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function membersRoutes(deps: { members: MembersService }): FastifyPluginAsyncZod {
  const { members } = deps;
  return async (app) => {
    app.get(
      "/members",
      {
        schema: {
          tags,
          summary: "Danh sách đảng viên (tìm không dấu, thứ tự tên tiếng Việt)",
          querystring: listMembersQuery,
          response: { 200: memberPageDto },
        },
      },
      async (request) => members.list(requireActor(request), request.query),
    );

    app.get(
      "/members/import/template",
      { schema: { tags, summary: "Tải mẫu nhập đảng viên (.xlsx)" } },
      async (request, reply) => {
        requireActor(request);
        const file = await buildImportTemplate();
        return reply
          .type(XLSX)
          .header("content-disposition", attachment("mau-nhap-dang-vien.xlsx"))
          .send(file);
      },
    );

    app.post(
      "/members/import",
      {
        schema: {
          tags,
          summary: "Nhập đảng viên từ tệp .xlsx (multipart, trường file)",
          querystring: importQuery,
          response: { 200: importReportDto },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (!request.isMultipart()) {
          throw invalid(
            "file",
            "Cần gửi tệp .xlsx trong trường file (multipart/form-data)",
            "invalid_workbook",
          );
        }
        const part = await request.file({ limits: { fileSize: LIMITS.importFileBytes, files: 1 } });
        if (!part) throw invalid("file", "Chưa chọn tệp", "invalid_workbook");
        const data = await part.toBuffer();
        return members.importWorkbook(actor, request.query.unitId, request.query.mode, data);
      },
    );

    app.get(
      "/members/export",
      {
        schema: {
          tags,
          summary: "Xuất danh sách đảng viên của một tổ chức và cấp dưới (.xlsx)",
          querystring: z.object({ unitId: z.uuid().optional() }),
        },
      },
      async (request, reply) => {
        const { file, name } = await members.exportWorkbook(
          requireActor(request),
          request.query.unitId,
        );
        return reply.type(XLSX).header("content-disposition", attachment(name)).send(file);
      },
    );

    app.get(
      "/members/:id",
      { schema: { tags, params: idParams, response: { 200: memberDto } } },
      async (request) => members.get(requireActor(request), request.params.id),
    );

    app.get(
      "/members/:id/history",
      {
        schema: {
          tags,
          params: idParams,
          response: { 200: memberHistoryDto },
        },
      },
      async (request) => ({
        items: await members.history(requireActor(request), request.params.id),
      }),
    );

    app.post(
      "/members",
      { schema: { tags, body: createMemberInput, response: { 201: memberDto } } },
      async (request, reply) => {
        const created = await members.create(requireActor(request), request.body);
        return reply.status(201).send(created);
      },
    );

    app.patch(
      "/members/:id",
      { schema: { tags, params: idParams, body: updateMemberInput, response: { 200: memberDto } } },
      async (request) => members.update(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/members/:id/official",
      { schema: { tags, params: idParams, body: makeOfficialInput, response: { 200: memberDto } } },
      async (request) =>
        members.makeOfficial(requireActor(request), request.params.id, request.body.officialDate),
    );

    app.post(
      "/members/:id/exemptions",
      { schema: { tags, params: idParams, body: exemptionInput, response: { 200: memberDto } } },
      async (request) => members.exempt(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/members/:id/exemptions/:exemptionId/end",
      {
        schema: {
          tags,
          params: z.object({ id: z.uuid(), exemptionId: z.uuid() }),
          body: endExemptionInput,
          response: { 200: memberDto },
        },
      },
      async (request) =>
        members.endExemption(
          requireActor(request),
          request.params.id,
          request.params.exemptionId,
          request.body.to,
        ),
    );

    app.post(
      "/members/:id/transfer",
      { schema: { tags, params: idParams, body: transferInput, response: { 200: memberDto } } },
      async (request) => members.transfer(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/members/:id/leave",
      { schema: { tags, params: idParams, body: leaveInput, response: { 200: memberDto } } },
      async (request) => members.leave(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/members/:id/positions",
      { schema: { tags, params: idParams, body: positionInput, response: { 200: memberDto } } },
      async (request) =>
        members.addPosition(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/members/:id/positions/:positionId/end",
      {
        schema: {
          tags,
          params: z.object({ id: z.uuid(), positionId: z.uuid() }),
          body: endPositionInput,
          response: { 200: memberDto },
        },
      },
      async (request) =>
        members.endPosition(
          requireActor(request),
          request.params.id,
          request.params.positionId,
          request.body.to,
        ),
    );
  };
}
