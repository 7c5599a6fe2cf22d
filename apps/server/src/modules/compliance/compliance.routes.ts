import {
  absenceAlertListDto,
  complianceDto,
  idParams,
  postponementListDto,
  postponementsQuery,
  yearQuery,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { ComplianceService } from "./compliance.service.js";

const tags = ["compliance"];

export function complianceRoutes(deps: { compliance: ComplianceService }): FastifyPluginAsyncZod {
  const { compliance } = deps;
  return async (app) => {
    app.get(
      "/units/:id/compliance",
      {
        schema: {
          tags,
          summary: "Tình hình thực hiện chế độ sinh hoạt của các chi bộ trong năm",
          params: idParams,
          querystring: yearQuery,
          response: { 200: complianceDto },
        },
      },
      async (request) =>
        compliance.compliance(requireActor(request), request.params.id, request.query.year),
    );

    app.get(
      "/units/:id/postponements",
      {
        schema: {
          tags,
          summary: "Các lần báo hoãn sinh hoạt của các chi bộ trực thuộc",
          params: idParams,
          querystring: postponementsQuery,
          response: { 200: postponementListDto },
        },
      },
      async (request) => ({
        items: await compliance.postponements(
          requireActor(request),
          request.params.id,
          request.query,
        ),
      }),
    );

    app.get(
      "/units/:id/absence-alerts",
      {
        schema: {
          tags,
          summary: "Cảnh báo vắng sinh hoạt của đảng viên trong năm",
          params: idParams,
          querystring: yearQuery,
          response: { 200: absenceAlertListDto },
        },
      },
      async (request) => ({
        year: request.query.year,
        items: await compliance.absenceAlerts(
          requireActor(request),
          request.params.id,
          request.query.year,
        ),
      }),
    );
  };
}
