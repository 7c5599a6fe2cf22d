import { meetingRulesDto, meetingRulesInput } from "@chibo/domain";
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
  };
}
