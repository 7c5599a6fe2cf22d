import {
  idParams,
  myTasksDto,
  pageOf,
  taskDetailDto,
  taskDto,
  taskListQuery,
  taskProgressInput,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { TasksService } from "./tasks.service.js";

const tags = ["tasks"];
const taskPageDto = pageOf(taskDto);

export function tasksRoutes(deps: { tasks: TasksService }): FastifyPluginAsyncZod {
  const { tasks } = deps;
  return async (app) => {
    app.get(
      "/tasks/mine",
      {
        schema: {
          tags,
          summary: "Việc của tôi: nhiệm vụ được giao, đang thực hiện và mới hoàn thành",
          response: { 200: myTasksDto },
        },
      },
      async (request) => tasks.mine(requireActor(request)),
    );

    app.get(
      "/tasks/:id",
      {
        schema: {
          tags,
          summary: "Một nhiệm vụ với các lần báo cáo tiến độ và kiểm điểm",
          params: idParams,
          response: { 200: taskDetailDto },
        },
      },
      async (request) => tasks.get(requireActor(request), request.params.id),
    );

    app.post(
      "/tasks/:id/progress",
      {
        schema: {
          tags,
          summary: "Báo cáo tiến độ nhiệm vụ (người được giao hoặc lãnh đạo chi bộ)",
          params: idParams,
          body: taskProgressInput,
          response: { 200: taskDetailDto },
        },
      },
      async (request) => tasks.progress(requireActor(request), request.params.id, request.body),
    );

    app.get(
      "/units/:id/tasks",
      {
        schema: {
          tags,
          summary: "Nhiệm vụ của tổ chức và các chi bộ trực thuộc",
          params: idParams,
          querystring: taskListQuery,
          response: { 200: taskPageDto },
        },
      },
      async (request) => tasks.list(requireActor(request), request.params.id, request.query),
    );
  };
}
