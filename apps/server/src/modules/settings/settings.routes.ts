import {
  documentSettingsDto,
  documentSettingsInput,
  meetingRulesDto,
  meetingRulesInput,
  supervisionRulesDto,
  supervisionRulesInput,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../http/auth.js";
import type { SettingsService } from "./settings.service.js";

export function settingsRoutes(deps: { settings: SettingsService }): FastifyPluginAsyncZod {
  const { settings } = deps;
  return async (app) => {
    app.get(
      "/settings/meeting-rules",
      {
        schema: {
          tags: ["settings"],
          summary:
            "Quy định sinh hoạt đang áp dụng (mặc định toàn quốc và quy định riêng của tỉnh)",
          response: { 200: meetingRulesDto },
        },
      },
      async (request) => settings.meetingRules(requireActor(request)),
    );

    app.put(
      "/settings/meeting-rules",
      {
        schema: {
          tags: ["settings"],
          summary: "Đặt quy định riêng của tỉnh (quản trị)",
          body: meetingRulesInput,
          response: { 200: meetingRulesDto },
        },
      },
      async (request) => settings.setMeetingRules(requireActor(request), request.body),
    );

    app.get(
      "/settings/supervision-rules",
      {
        schema: {
          tags: ["settings"],
          summary: "Thời hạn ký biên bản, nộp báo cáo dự sinh hoạt và số lần dự mỗi quý",
          response: { 200: supervisionRulesDto },
        },
      },
      async (request) => settings.supervisionRules(requireActor(request)),
    );

    app.put(
      "/settings/supervision-rules",
      {
        schema: {
          tags: ["settings"],
          summary: "Đặt quy định giám sát riêng của tỉnh (quản trị)",
          body: supervisionRulesInput,
          response: { 200: supervisionRulesDto },
        },
      },
      async (request) => settings.setSupervisionRules(requireActor(request), request.body),
    );

    app.get(
      "/settings/documents",
      {
        schema: {
          tags: ["settings"],
          summary: "Thể thức văn bản xuất ra (địa danh, lề trang, dấu hai chấm sau “Số”)",
          response: { 200: documentSettingsDto },
        },
      },
      async (request) => settings.documentSettings(requireActor(request)),
    );

    app.put(
      "/settings/documents",
      {
        schema: {
          tags: ["settings"],
          summary: "Đặt thể thức văn bản riêng của tỉnh (quản trị)",
          body: documentSettingsInput,
          response: { 200: documentSettingsDto },
        },
      },
      async (request) => settings.setDocumentSettings(requireActor(request), request.body),
    );
  };
}
