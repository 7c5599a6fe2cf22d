import { idParams, thematicPlanDto, thematicPlanInput, yearQuery } from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { ThematicService } from "./thematic.service.js";

const tags = ["thematic"];
const reportInput = thematicPlanInput.pick({ year: true });

export function thematicRoutes(deps: { thematic: ThematicService }): FastifyPluginAsyncZod {
  const { thematic } = deps;
  return async (app) => {
    app.get(
      "/units/:id/thematic-plan",
      {
        schema: {
          tags,
          summary: "Kế hoạch sinh hoạt chuyên đề trong năm của chi bộ",
          params: idParams,
          querystring: yearQuery,
          response: { 200: thematicPlanDto },
        },
      },
      async (request) => thematic.get(requireActor(request), request.params.id, request.query.year),
    );

    app.put(
      "/units/:id/thematic-plan",
      {
        schema: {
          tags,
          summary: "Lập hoặc sửa kế hoạch sinh hoạt chuyên đề (thay toàn bộ các chủ đề)",
          params: idParams,
          body: thematicPlanInput,
          response: { 200: thematicPlanDto },
        },
      },
      async (request) => thematic.replace(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/units/:id/thematic-plan/report",
      {
        schema: {
          tags,
          summary: "Báo cáo kế hoạch sinh hoạt chuyên đề lên cấp ủy cấp trên",
          params: idParams,
          body: reportInput,
          response: { 200: thematicPlanDto },
        },
      },
      async (request) =>
        thematic.report(requireActor(request), request.params.id, request.body.year),
    );
  };
}
