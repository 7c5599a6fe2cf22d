import { z } from "zod";
import {
  auditPageDto,
  createGrantInput,
  createUserInput,
  idParams,
  listAuditQuery,
  listUsersQuery,
  updateUserInput,
  userDto,
  userPageDto,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { UsersService } from "./users.service.js";

export function usersRoutes(deps: { users: UsersService }): FastifyPluginAsyncZod {
  const { users } = deps;
  const tags = ["users"];
  return async (app) => {
    app.get(
      "/users",
      { schema: { tags, querystring: listUsersQuery, response: { 200: userPageDto } } },
      async (request) => users.list(requireActor(request), request.query),
    );
    app.get(
      "/users/:id",
      { schema: { tags, params: idParams, response: { 200: userDto } } },
      async (request) => users.get(requireActor(request), request.params.id),
    );
    app.post(
      "/users",
      { schema: { tags, body: createUserInput, response: { 201: userDto } } },
      async (request, reply) =>
        reply.status(201).send(await users.create(requireActor(request), request.body)),
    );
    app.patch(
      "/users/:id",
      { schema: { tags, params: idParams, body: updateUserInput, response: { 200: userDto } } },
      async (request) => users.update(requireActor(request), request.params.id, request.body),
    );
    app.post(
      "/users/:id/grants",
      { schema: { tags, params: idParams, body: createGrantInput, response: { 200: userDto } } },
      async (request) => users.addGrant(requireActor(request), request.params.id, request.body),
    );
    app.delete(
      "/users/:id/grants/:grantId",
      {
        schema: {
          tags,
          params: z.object({ id: z.uuid(), grantId: z.uuid() }),
          response: { 200: userDto },
        },
      },
      async (request) =>
        users.removeGrant(requireActor(request), request.params.id, request.params.grantId),
    );
    app.get(
      "/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "Nhật ký thay đổi",
          querystring: listAuditQuery,
          response: { 200: auditPageDto },
        },
      },
      async (request) => users.audit(requireActor(request), request.query),
    );
  };
}
