import {
  assignmentCoverageDto,
  idParams,
  memberYearlyDto,
  optionalYearQuery,
  yearlyInput,
  yearlyParams,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { YearlyService } from "./yearly.service.js";

const tags = ["yearly"];

export function yearlyRoutes(deps: { yearly: YearlyService }): FastifyPluginAsyncZod {
  const { yearly } = deps;
  return async (app) => {
    app.get(
      "/members/:id/yearly",
      {
        schema: {
          tags,
          summary: "Phân công nhiệm vụ và cam kết tu dưỡng, rèn luyện hằng năm của đảng viên",
          params: idParams,
          response: { 200: memberYearlyDto },
        },
      },
      async (request) => yearly.get(requireActor(request), request.params.id),
    );

    app.put(
      "/members/:id/yearly/:year/:kind",
      {
        schema: {
          tags,
          summary:
            "Ghi phân công nhiệm vụ (chi bộ) hoặc cam kết (chi bộ hoặc chính đảng viên) của năm",
          params: yearlyParams,
          body: yearlyInput,
          response: { 200: memberYearlyDto },
        },
      },
      async (request) =>
        yearly.put(
          requireActor(request),
          request.params.id,
          request.params.year,
          request.params.kind,
          request.body,
        ),
    );

    app.get(
      "/units/:id/assignment-coverage",
      {
        schema: {
          tags,
          summary: "Tỷ lệ đảng viên được phân công nhiệm vụ và có cam kết trong năm",
          params: idParams,
          querystring: optionalYearQuery,
          response: { 200: assignmentCoverageDto },
        },
      },
      async (request) =>
        yearly.coverage(requireActor(request), request.params.id, request.query.year),
    );
  };
}
