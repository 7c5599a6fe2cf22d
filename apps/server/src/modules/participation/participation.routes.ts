import { idParams, participationDto, participationQuery } from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { ParticipationService } from "./participation.service.js";

const tags = ["participation"];

export function participationRoutes(deps: {
  participation: ParticipationService;
}): FastifyPluginAsyncZod {
  const { participation } = deps;
  return async (app) => {
    app.get(
      "/units/:id/participation",
      {
        schema: {
          tags,
          summary:
            "Mức độ tham gia sinh hoạt của đảng viên trong 12 tháng: dự họp, phát biểu, nhiệm vụ",
          params: idParams,
          querystring: participationQuery,
          response: { 200: participationDto },
        },
      },
      async (request) =>
        participation.get(requireActor(request), request.params.id, request.query.to),
    );
  };
}
