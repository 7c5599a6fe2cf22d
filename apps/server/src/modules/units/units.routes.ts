import {
  createUnitInput,
  idParams,
  listUnitsQuery,
  moveUnitInput,
  unitDetailDto,
  unitListDto,
  unitOptionListDto,
  unitOptionsQuery,
  unitDto,
  updateUnitInput,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { UnitsService } from "./units.service.js";

export function unitsRoutes(deps: { units: UnitsService }): FastifyPluginAsyncZod {
  const { units } = deps;
  return async (app) => {
    app.get(
      "/units",
      {
        schema: {
          tags: ["units"],
          summary: "Tổ chức trực thuộc (hoặc các tổ chức gốc của người dùng)",
          querystring: listUnitsQuery,
          response: { 200: unitListDto },
        },
      },
      async (request) => ({ items: await units.list(requireActor(request), request.query) }),
    );

    app.get(
      "/units/options",
      {
        schema: {
          tags: ["units"],
          summary: "Mọi tổ chức người dùng được xem (cho bộ chọn)",
          querystring: unitOptionsQuery,
          response: { 200: unitOptionListDto },
        },
      },
      async (request) => ({
        items: await units.options(requireActor(request), request.query.kind),
      }),
    );

    app.get(
      "/units/:id",
      { schema: { tags: ["units"], params: idParams, response: { 200: unitDetailDto } } },
      async (request) => units.get(requireActor(request), request.params.id),
    );

    app.post(
      "/units",
      { schema: { tags: ["units"], body: createUnitInput, response: { 201: unitDto } } },
      async (request, reply) => {
        const created = await units.create(requireActor(request), request.body);
        return reply.status(201).send(created);
      },
    );

    app.patch(
      "/units/:id",
      {
        schema: {
          tags: ["units"],
          params: idParams,
          body: updateUnitInput,
          response: { 200: unitDto },
        },
      },
      async (request) => units.update(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/units/:id/move",
      {
        schema: {
          tags: ["units"],
          params: idParams,
          body: moveUnitInput,
          response: { 200: unitDto },
        },
      },
      async (request) => units.move(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/units/:id/deactivate",
      { schema: { tags: ["units"], params: idParams, response: { 200: unitDto } } },
      async (request) => units.deactivate(requireActor(request), request.params.id),
    );
  };
}
