import {
  attendanceDto,
  cancelMeetingInput,
  checkinCodeDto,
  checkinDto,
  checkinInput,
  closeMeetingInput,
  createMeetingInput,
  guestDto,
  guestInput,
  guestParams,
  idParams,
  listMeetingsQuery,
  markAllPresentInput,
  markAttendanceInput,
  meetingDetailDto,
  meetingListDto,
  meetingScheduleDto,
  meetingScheduleInput,
  myMeetingsDto,
  openMeetingInput,
  planMeetingsInput,
  planResultDto,
  postponeMeetingInput,
  updateMeetingInput,
} from "@chibo/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor, resolveActor, sessionToken } from "../../http/auth.js";
import { sessionIdOf, type AuthService } from "../auth/auth.service.js";
import type { MeetingsService } from "./meetings.service.js";

const tags = ["meetings"];

export function meetingsRoutes(deps: {
  meetings: MeetingsService;
  auth: AuthService;
}): FastifyPluginAsyncZod {
  const { meetings, auth } = deps;
  return async (app) => {
    app.get(
      "/units/:id/meeting-schedule",
      {
        schema: {
          tags,
          summary: "Lịch sinh hoạt cố định đã đăng ký của chi bộ",
          params: idParams,
          response: { 200: meetingScheduleDto },
        },
      },
      async (request) => meetings.getSchedule(requireActor(request), request.params.id),
    );

    app.put(
      "/units/:id/meeting-schedule",
      {
        schema: {
          tags,
          summary: "Đăng ký ngày, giờ, địa điểm, hình thức sinh hoạt; lập lịch các tháng tới",
          params: idParams,
          body: meetingScheduleInput,
          response: { 200: meetingScheduleDto },
        },
      },
      async (request) =>
        meetings.putSchedule(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/units/:id/meetings/plan",
      {
        schema: {
          tags,
          summary: "Lập lịch sinh hoạt thường kỳ các tháng tới theo ngày đã đăng ký",
          params: idParams,
          body: planMeetingsInput,
          response: { 200: planResultDto },
        },
      },
      async (request) => meetings.plan(requireActor(request), request.params.id, request.body),
    );

    app.get(
      "/meetings",
      {
        schema: {
          tags,
          summary: "Các cuộc họp của một tổ chức (và cấp dưới) trong khoảng ngày",
          querystring: listMeetingsQuery,
          response: { 200: meetingListDto },
        },
      },
      async (request) => ({ items: await meetings.list(requireActor(request), request.query) }),
    );

    app.post(
      "/meetings",
      {
        schema: {
          tags,
          summary: "Thêm buổi sinh hoạt chuyên đề, diễn đàn, bất thường, họp chi ủy",
          body: createMeetingInput,
          response: { 201: meetingDetailDto },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await meetings.create(requireActor(request), request.body)),
    );

    app.get(
      "/meetings/:id",
      { schema: { tags, params: idParams, response: { 200: meetingDetailDto } } },
      async (request) => meetings.get(requireActor(request), request.params.id),
    );

    app.patch(
      "/meetings/:id",
      {
        schema: {
          tags,
          summary: "Sửa một buổi họp (giờ, địa điểm, hình thức, nội dung, ngày sớm hơn)",
          params: idParams,
          body: updateMeetingInput,
          response: { 200: meetingDetailDto },
        },
      },
      async (request) => meetings.update(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/postpone",
      {
        schema: {
          tags,
          summary: "Báo hoãn (trước ngày họp, kèm lý do và ngày mới)",
          params: idParams,
          body: postponeMeetingInput,
          response: { 200: meetingDetailDto },
        },
      },
      async (request) => meetings.postpone(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/cancel",
      {
        schema: {
          tags,
          params: idParams,
          body: cancelMeetingInput,
          response: { 200: meetingDetailDto },
        },
      },
      async (request) => meetings.cancel(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/open",
      {
        schema: {
          tags,
          summary: "Khai mạc: lập danh sách, mở điểm danh",
          params: idParams,
          body: openMeetingInput,
          response: { 200: meetingDetailDto },
        },
      },
      async (request) => meetings.open(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/close",
      {
        schema: {
          tags,
          summary: "Bế mạc: ghi thời lượng, đóng điểm danh",
          params: idParams,
          body: closeMeetingInput,
          response: { 200: meetingDetailDto },
        },
      },
      async (request) => meetings.close(requireActor(request), request.params.id, request.body),
    );

    app.get(
      "/meetings/:id/attendance",
      { schema: { tags, params: idParams, response: { 200: attendanceDto } } },
      async (request) => meetings.attendance(requireActor(request), request.params.id),
    );

    app.put(
      "/meetings/:id/attendance",
      {
        schema: {
          tags,
          summary: "Điểm danh từng đảng viên (một hoặc nhiều)",
          params: idParams,
          body: markAttendanceInput,
          response: { 200: attendanceDto },
        },
      },
      async (request) => meetings.mark(requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/attendance/all-present",
      {
        schema: {
          tags,
          summary: "Tất cả những người chưa điểm danh đều có mặt",
          params: idParams,
          body: markAllPresentInput.optional(),
          response: { 200: attendanceDto },
        },
      },
      async (request) => meetings.markAllPresent(requireActor(request), request.params.id),
    );

    app.post(
      "/meetings/:id/guests",
      {
        schema: {
          tags,
          params: idParams,
          body: guestInput,
          response: { 201: guestDto },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await meetings.addGuest(requireActor(request), request.params.id, request.body)),
    );

    app.delete(
      "/meetings/:id/guests/:guestId",
      { schema: { tags, params: guestParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await meetings.removeGuest(
          requireActor(request),
          request.params.id,
          request.params.guestId,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/meetings/:id/checkin-code",
      {
        schema: {
          tags,
          summary: "Mã 6 số và mã QR để đảng viên tự điểm danh",
          params: idParams,
          response: { 200: checkinCodeDto },
        },
      },
      async (request) => meetings.checkinCode(requireActor(request), request.params.id),
    );

    app.post(
      "/checkin",
      {
        // A whole cell checks in within a minute: session and mark go in one statement, and only a
        // check-in that does not succeed takes the ordinary path (full session check, then why).
        config: { sessionInHandler: true },
        schema: {
          tags,
          summary: "Tự điểm danh bằng mã 6 số, mã QR hoặc đường dẫn họp trực tuyến",
          body: checkinInput,
          response: { 200: checkinDto },
        },
      },
      async (request) => {
        const fast = await meetings.checkInFast(sessionIdOf(sessionToken(request)), request.body);
        if (fast) return fast;
        return meetings.explainCheckIn(await resolveActor(request, auth), request.body);
      },
    );

    app.get(
      "/me/meetings",
      {
        schema: {
          tags,
          summary: "Cuộc họp tiếp theo và cuộc họp đang diễn ra của chi bộ mình",
          response: { 200: myMeetingsDto },
        },
      },
      async (request) => meetings.mine(requireActor(request)),
    );
  };
}
