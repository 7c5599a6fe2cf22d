import {
  decisionInput,
  idParams,
  rescoreDto,
  rescoreQuery,
  rubricParams,
  scoreDto,
  scoreListDto,
  selfScoreInput,
  unitScoresDto,
  unitScoresQuery,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { ScoresService } from "./scores.service.js";

export function scoresRoutes(deps: { scores: ScoresService }): FastifyPluginAsyncZod {
  const { scores } = deps;
  return async (app) => {
    app.get(
      "/meetings/:id/score",
      {
        schema: {
          tags: ["quality"],
          summary:
            "Điểm chất lượng buổi sinh hoạt: bảng điểm, dữ liệu ghi nhận, tự chấm, quyết định",
          params: idParams,
          response: { 200: scoreDto },
        },
      },
      async (request) => scores.get(requireActor(request), request.params.id),
    );

    app.put(
      "/meetings/:id/score/self",
      {
        schema: {
          tags: ["quality"],
          summary: "Chi bộ tự chấm điểm (mục khác dữ liệu ghi nhận cần lý do)",
          params: idParams,
          body: selfScoreInput,
          response: { 200: scoreDto },
        },
      },
      async (request) => scores.selfScore(requireActor(request), request.params.id, request.body),
    );

    app.put(
      "/meetings/:id/score/decision",
      {
        schema: {
          tags: ["quality"],
          summary: "Cấp trên quyết định điểm và xếp loại (cuối cùng)",
          params: idParams,
          body: decisionInput,
          response: { 200: scoreDto },
        },
      },
      async (request) => scores.decide(requireActor(request), request.params.id, request.body),
    );

    app.get(
      "/units/:id/scores",
      {
        schema: {
          tags: ["quality"],
          summary: "Xếp loại sinh hoạt thường kỳ theo tháng của các chi bộ",
          params: idParams,
          querystring: unitScoresQuery,
          response: { 200: unitScoresDto },
        },
      },
      async (request) =>
        scores.unitScores(requireActor(request), request.params.id, request.query.year),
    );

    app.post(
      "/rubrics/:code/:version/rescore",
      {
        schema: {
          tags: ["quality"],
          summary:
            "Chấm thử lại các cuộc họp đã tổ chức theo một bảng điểm (quản trị; không lưu gì)",
          params: rubricParams,
          querystring: rescoreQuery,
          response: { 200: rescoreDto },
        },
      },
      async (request) =>
        scores.rescore(
          requireActor(request),
          request.params.code,
          request.params.version,
          request.query,
        ),
    );

    app.get(
      "/scores/pending",
      {
        schema: {
          tags: ["quality"],
          summary: "Điểm chờ tôi quyết định",
          response: { 200: scoreListDto },
        },
      },
      async (request) => scores.pending(requireActor(request)),
    );

    app.get(
      "/scores/flagged",
      {
        schema: {
          tags: ["quality"],
          summary: "Chi bộ tự chấm cao hơn dữ liệu ghi nhận",
          response: { 200: scoreListDto },
        },
      },
      async (request) => scores.flagged(requireActor(request)),
    );
  };
}
