import {
  addendumInput,
  idParams,
  MINUTES_CONTENT_MAX_BYTES,
  minutesDto,
  minutesSavedDto,
  minutesSaveInput,
  minutesSignInput,
  resolutionDto,
  resolutionInput,
  resolutionPatchInput,
  taskDto,
  taskInput,
  taskPatchInput,
  taskReviewDto,
  taskReviewInput,
  voteInput,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { requireActor } from "../../http/auth.js";
import { attachmentHeader } from "../agenda/documents.js";
import { DOCX_TYPE, type ExportedFile } from "./minutes.export.js";
import type { MinutesService } from "./minutes.service.js";

function sendFile(reply: FastifyReply, file: ExportedFile) {
  return reply
    .type(DOCX_TYPE)
    .header("content-disposition", attachmentHeader(file.fileName))
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, no-store")
    .send(file.data);
}

const tags = ["minutes"];

const reviewParams = z.object({ id: z.uuid(), taskId: z.uuid() });

export function minutesRoutes(deps: { minutes: MinutesService }): FastifyPluginAsyncZod {
  const { minutes } = deps;
  return async (app) => {
    app.get(
      "/meetings/:id/minutes",
      {
        schema: {
          tags,
          summary: "Biên bản cuộc họp (bản nháp cho người ghi, bản đã ký cho mọi đảng viên)",
          params: idParams,
          response: { 200: minutesDto },
        },
      },
      async (request) => minutes.get(requireActor(request), request.params.id),
    );

    app.get(
      "/meetings/:id/minutes/export.docx",
      {
        schema: {
          tags,
          summary: "Biên bản dạng .docx theo thể thức văn bản của Đảng",
          params: idParams,
        },
      },
      async (request, reply) =>
        sendFile(reply, await minutes.exportMinutesDocx(requireActor(request), request.params.id)),
    );

    app.get(
      "/resolutions/:id/export.docx",
      {
        schema: {
          tags,
          summary: "Nghị quyết (kết luận) dạng .docx theo thể thức văn bản của Đảng",
          params: idParams,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await minutes.exportResolutionDocx(requireActor(request), request.params.id),
        ),
    );

    app.put(
      "/meetings/:id/minutes",
      {
        // The limit on the minutes themselves is the service's (MINUTES_CONTENT_MAX_BYTES, with its
        // own message); the body may carry that much and a little more.
        bodyLimit: 2 * MINUTES_CONTENT_MAX_BYTES,
        schema: {
          tags,
          summary: "Tự động lưu bản nháp biên bản (theo số bản đã lưu)",
          params: idParams,
          body: minutesSaveInput,
          response: { 200: minutesSavedDto },
        },
      },
      async (request) => minutes.save(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/minutes/sign",
      {
        schema: {
          tags,
          summary: "Chủ trì hoặc thư ký ký biên bản; đủ hai chữ ký thì khóa",
          params: idParams,
          body: minutesSignInput,
          response: { 200: minutesDto },
        },
      },
      async (request) => minutes.sign(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/minutes/addenda",
      {
        schema: {
          tags,
          summary: "Phụ lục đính chính biên bản đã khóa (ghi ngày, nội dung gốc giữ nguyên)",
          params: idParams,
          body: addendumInput,
          response: { 200: minutesDto },
        },
      },
      async (request) => minutes.addendum(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/resolutions",
      {
        schema: {
          tags,
          summary: "Thêm nghị quyết hoặc kết luận của cuộc họp",
          params: idParams,
          body: resolutionInput,
          response: { 201: resolutionDto },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await minutes.createResolution(requireActor(request), request.params.id, request.body),
          ),
    );

    app.patch(
      "/resolutions/:id",
      {
        schema: {
          tags,
          params: idParams,
          body: resolutionPatchInput,
          response: { 200: resolutionDto },
        },
      },
      async (request) =>
        minutes.patchResolution(requireActor(request), request.params.id, request.body),
    );

    app.delete(
      "/resolutions/:id",
      {
        schema: {
          tags,
          summary: "Xóa nghị quyết cùng các nhiệm vụ của nó",
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await minutes.deleteResolution(requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.put(
      "/resolutions/:id/vote",
      {
        schema: {
          tags,
          summary: "Ghi kết quả biểu quyết (tán thành, không tán thành, ý kiến khác)",
          params: idParams,
          body: voteInput,
          response: { 200: resolutionDto },
        },
      },
      async (request) => minutes.vote(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/resolutions/:id/tasks",
      {
        schema: {
          tags,
          summary: "Giao nhiệm vụ: việc gì, ai làm, thời hạn",
          params: idParams,
          body: taskInput,
          response: { 201: taskDto },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await minutes.createTask(requireActor(request), request.params.id, request.body)),
    );

    app.patch(
      "/tasks/:id",
      {
        schema: { tags, params: idParams, body: taskPatchInput, response: { 200: taskDto } },
      },
      async (request) => minutes.patchTask(requireActor(request), request.params.id, request.body),
    );

    app.delete(
      "/tasks/:id",
      { schema: { tags, params: idParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await minutes.deleteTask(requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.put(
      "/meetings/:id/reviews/:taskId",
      {
        schema: {
          tags,
          summary: "Kiểm điểm một nhiệm vụ của kỳ trước: hoàn thành, đang làm, chưa hoàn thành",
          params: reviewParams,
          body: taskReviewInput,
          response: { 200: taskReviewDto },
        },
      },
      async (request) =>
        minutes.review(
          requireActor(request),
          request.params.id,
          request.params.taskId,
          request.body,
        ),
    );
  };
}
