import {
  assignedCellListDto,
  idParams,
  quarterQuery,
  supervisionAssignmentDto,
  supervisionAssignmentEndInput,
  supervisionAssignmentInput,
  supervisionAssignmentListDto,
  supervisionCandidateListDto,
  supervisionCandidatesQuery,
  visitAttendInput,
  visitCancelInput,
  visitDto,
  visitListDto,
  visitorComplianceDto,
  visitPlanInput,
  visitReportInput,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import { attachmentHeader } from "../agenda/documents.js";
import { DOCX_TYPE } from "../minutes/minutes.export.js";
import type { SupervisionService } from "./supervision.service.js";

const tags = ["supervision"];

export function supervisionRoutes(deps: {
  supervision: SupervisionService;
}): FastifyPluginAsyncZod {
  const { supervision } = deps;
  return async (app) => {
    app.get(
      "/units/:id/supervision-assignments",
      {
        schema: {
          tags,
          summary: "Phân công theo dõi, dự sinh hoạt các chi bộ trực thuộc (hiện tại và trước đây)",
          params: idParams,
          response: { 200: supervisionAssignmentListDto },
        },
      },
      async (request) => ({
        items: await supervision.assignments(requireActor(request), request.params.id),
      }),
    );

    app.get(
      "/units/:id/supervision-candidates",
      {
        schema: {
          tags,
          summary: "Tìm cấp ủy viên, cán bộ có thể được phân công theo dõi các chi bộ của đơn vị",
          params: idParams,
          querystring: supervisionCandidatesQuery,
          response: { 200: supervisionCandidateListDto },
        },
      },
      async (request) => ({
        items: await supervision.candidates(
          requireActor(request),
          request.params.id,
          request.query.q,
        ),
      }),
    );

    app.post(
      "/supervision-assignments",
      {
        schema: {
          tags,
          summary: "Phân công cấp ủy viên, cán bộ theo dõi một chi bộ",
          body: supervisionAssignmentInput,
          response: { 201: supervisionAssignmentDto },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await supervision.assign(requireActor(request), request.body)),
    );

    app.patch(
      "/supervision-assignments/:id",
      {
        schema: {
          tags,
          summary: "Kết thúc một phân công theo dõi chi bộ",
          params: idParams,
          body: supervisionAssignmentEndInput,
          response: { 200: supervisionAssignmentDto },
        },
      },
      async (request) =>
        supervision.endAssignment(requireActor(request), request.params.id, request.body.endsOn),
    );

    app.get(
      "/visits/mine",
      {
        schema: {
          tags,
          summary: "Các lượt dự sinh hoạt của tôi",
          response: { 200: visitListDto },
        },
      },
      async (request) => ({ items: await supervision.mine(requireActor(request)) }),
    );

    app.get(
      "/me/assigned-cells",
      {
        schema: {
          tags,
          summary: "Các chi bộ tôi được phân công theo dõi, ngày sinh hoạt và các buổi sắp tới",
          response: { 200: assignedCellListDto },
        },
      },
      async (request) => ({ items: await supervision.assignedCells(requireActor(request)) }),
    );

    app.post(
      "/visits",
      {
        schema: {
          tags,
          summary: "Lên kế hoạch dự sinh hoạt chi bộ (không báo trước cho chi bộ)",
          body: visitPlanInput,
          response: { 201: visitDto },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await supervision.plan(requireActor(request), request.body)),
    );

    app.get(
      "/visits/:id",
      {
        schema: {
          tags,
          summary: "Một lượt dự sinh hoạt",
          params: idParams,
          response: { 200: visitDto },
        },
      },
      async (request) => supervision.get(requireActor(request), request.params.id),
    );

    app.post(
      "/visits/:id/attend",
      {
        schema: {
          tags,
          summary: "Ghi nhận đã dự sinh hoạt (trở thành đại biểu cấp trên của cuộc họp)",
          params: idParams,
          body: visitAttendInput,
          response: { 200: visitDto },
        },
      },
      async (request) =>
        supervision.attend(requireActor(request), request.params.id, request.body.meetingId),
    );

    app.post(
      "/visits/:id/cancel",
      {
        schema: {
          tags,
          summary: "Hủy kế hoạch dự sinh hoạt",
          params: idParams,
          body: visitCancelInput,
          response: { 200: visitDto },
        },
      },
      async (request) =>
        supervision.cancel(requireActor(request), request.params.id, request.body.reason),
    );

    app.put(
      "/visits/:id/report",
      {
        schema: {
          tags,
          summary: "Báo cáo kết quả dự sinh hoạt chi bộ",
          params: idParams,
          body: visitReportInput,
          response: { 200: visitDto },
        },
      },
      async (request) => supervision.report(requireActor(request), request.params.id, request.body),
    );

    app.get(
      "/units/:id/visits",
      {
        schema: {
          tags,
          summary: "Các lượt dự sinh hoạt tại các chi bộ trực thuộc trong quý",
          params: idParams,
          querystring: quarterQuery,
          response: { 200: visitListDto },
        },
      },
      async (request) => ({
        items: await supervision.unitVisits(
          requireActor(request),
          request.params.id,
          request.query.year,
          request.query.quarter,
        ),
      }),
    );

    app.get(
      "/units/:id/visitor-compliance",
      {
        schema: {
          tags,
          summary: "Thực hiện nhiệm vụ dự sinh hoạt chi bộ của cấp ủy viên, cán bộ trong quý",
          params: idParams,
          querystring: quarterQuery,
          response: { 200: visitorComplianceDto },
        },
      },
      async (request) =>
        supervision.visitorCompliance(
          requireActor(request),
          request.params.id,
          request.query.year,
          request.query.quarter,
        ),
    );

    app.get(
      "/units/:id/overdue-reports",
      {
        schema: {
          tags,
          summary: "Các báo cáo dự sinh hoạt quá hạn",
          params: idParams,
          response: { 200: visitListDto },
        },
      },
      async (request) => ({
        items: await supervision.overdueReports(requireActor(request), request.params.id),
      }),
    );

    app.get(
      "/units/:id/quarterly-notice.docx",
      {
        schema: {
          tags,
          summary: "Thông báo kết quả thực hiện chế độ sinh hoạt chi bộ trong quý (.docx)",
          params: idParams,
          querystring: quarterQuery,
        },
      },
      async (request, reply) => {
        const file = await supervision.quarterlyNotice(
          requireActor(request),
          request.params.id,
          request.query.year,
          request.query.quarter,
        );
        return reply
          .type(DOCX_TYPE)
          .header("content-disposition", attachmentHeader(file.fileName))
          .header("x-content-type-options", "nosniff")
          .header("cache-control", "private, no-store")
          .send(file.data);
      },
    );
  };
}
