import {
  rubricInput,
  rubricListDto,
  rubricParams,
  rubricPreviewDto,
  rubricPreviewInput,
  rubricSchema,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { RubricsService } from "./rubrics.service.js";

export function rubricsRoutes(deps: { rubrics: RubricsService }): FastifyPluginAsyncZod {
  const { rubrics } = deps;
  return async (app) => {
    app.get(
      "/rubrics",
      {
        schema: {
          tags: ["quality"],
          summary: "Các bảng chấm điểm sinh hoạt áp dụng (mặc định của chibo và của tỉnh)",
          response: { 200: rubricListDto },
        },
      },
      async (request) => rubrics.list(requireActor(request)),
    );

    app.get(
      "/rubrics/:code/:version",
      {
        schema: {
          tags: ["quality"],
          summary: "Một phiên bản bảng chấm điểm",
          params: rubricParams,
          response: { 200: rubricSchema },
        },
      },
      async (request) =>
        rubrics.get(requireActor(request), request.params.code, request.params.version),
    );

    app.post(
      "/rubrics",
      {
        schema: {
          tags: ["quality"],
          summary: "Thêm bảng chấm điểm của tỉnh hoặc phiên bản sửa đổi (quản trị)",
          body: rubricInput,
          response: { 201: rubricSchema },
        },
      },
      async (request, reply) => {
        const created = await rubrics.create(requireActor(request), request.body);
        return reply.code(201).send(created);
      },
    );

    app.post(
      "/rubrics/preview",
      {
        schema: {
          tags: ["quality"],
          summary: "Chấm thử một cuộc họp mẫu theo bảng điểm đang soạn (quản trị)",
          body: rubricPreviewInput,
          response: { 200: rubricPreviewDto },
        },
      },
      async (request) => rubrics.preview(requireActor(request), request.body),
    );
  };
}
