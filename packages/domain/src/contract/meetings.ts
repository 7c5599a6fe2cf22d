// The meetings API contract: calendar, postponements, running a meeting, attendance and check-in,
// thematic plans, compliance views, reminders and the calendar feed. Server, web and OpenAPI share it.
import { z } from "zod";
import { MEMBER_STATUSES } from "../people/member.js";
import { ATTENDANCE_STATUSES } from "../meetings/attendance.js";
import { ABSENCE_ALERT_RULES } from "../meetings/alerts.js";
import { FORUM_YEAR_STATES, PERIOD_STATES, REGULAR_STATES } from "../meetings/compliance.js";
import {
  AD_HOC_KINDS,
  CHECKIN_METHODS,
  GUEST_KINDS,
  MEETING_KINDS,
  MEETING_MODES,
  MEETING_STATUSES,
} from "../meetings/kinds.js";
import { GUIDANCE_CODES } from "../meetings/calendar.js";
import { crossField, id, isoDate, isValidDate, optionalText, requiredText } from "./common.js";
import { meetingDay } from "./units.js";

const TIME_SHAPE = /^([01]\d|2[0-3]):[0-5]\d$/u;

/** A local time of day in Asia/Ho_Chi_Minh, "HH:MM". */
export const timeOfDay = z
  .string()
  .regex(TIME_SHAPE, { message: "Giờ phải có dạng HH:MM (00:00–23:59)" });

const place = optionalText(300);
const onlineUrl = z
  .url({ protocol: /^https?$/u, message: "Đường dẫn họp trực tuyến phải bắt đầu bằng http(s)://" })
  .max(500)
  .nullable()
  .optional();
const reason = requiredText(1000);

// ---------------------------------------------------------------------------------------------------
// The registered schedule of a cell (seed 000: "each cell registers its day").

export const meetingScheduleDto = z.object({
  unitId: z.uuid(),
  day: z.number().int().nullable(),
  time: z.string().nullable(),
  place: z.string().nullable(),
  mode: z.enum(MEETING_MODES),
  onlineUrl: z.string().nullable(),
});
export type MeetingScheduleDto = z.infer<typeof meetingScheduleDto>;

export const meetingScheduleInput = z.strictObject({
  day: meetingDay,
  time: timeOfDay,
  place,
  mode: z.enum(MEETING_MODES).default("in_person"),
  onlineUrl,
});
export type MeetingScheduleInput = z.infer<typeof meetingScheduleInput>;

// ---------------------------------------------------------------------------------------------------
// Meetings.

export const postponementDto = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  fromDate: z.string(),
  newDate: z.string(),
  reason: z.string(),
  reportedAt: z.string(),
  reportedOn: z.string(),
  /** Reported before the registered date: it counts as notice (seed 000). */
  withNotice: z.boolean(),
  reportedBy: z.string().nullable(),
});
export type PostponementDto = z.infer<typeof postponementDto>;

export const guestDto = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  kind: z.enum(GUEST_KINDS),
});
export type GuestDto = z.infer<typeof guestDto>;

export const meetingDto = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  mode: z.enum(MEETING_MODES),
  /** "YYYY-MM" of a regular meeting: the month it answers for. */
  period: z.string().nullable(),
  /** The registered date of that month (regular meetings). */
  registeredDate: z.string().nullable(),
  /** The planned date (the new date after a postponement). */
  date: z.string(),
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  topic: z.string().nullable(),
  /** For a cell-committee meeting (họp chi ủy): the regular meeting it prepares. */
  preparesMeetingId: z.uuid().nullable(),
  thematicTopicId: z.uuid().nullable(),
  combinedWithThematic: z.boolean(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  /** The guidance in force on the meeting's date (HD12 until 10/2025, HD42 since). */
  guidance: z.enum(GUIDANCE_CODES),
  /** The latest postponement, if any. */
  postponement: postponementDto.nullable(),
  /** Counted members present ÷ counted members, once attendance is taken. */
  attendanceRate: z.number().nullable(),
  /** A regular meeting's compliance state today, with the tenant's rules (null for other kinds). */
  compliance: z.object({ state: z.enum(REGULAR_STATES), short: z.boolean() }).nullable(),
  version: z.number().int(),
});
export type MeetingDto = z.infer<typeof meetingDto>;

export const meetingDetailDto = meetingDto.extend({
  guests: z.array(guestDto),
  postponements: z.array(postponementDto),
  /** The caller's own attendance, when they are on the roster. */
  myAttendance: z
    .object({
      status: z.enum(ATTENDANCE_STATUSES).nullable(),
      checkedInAt: z.string().nullable(),
    })
    .nullable(),
  can: z.object({
    edit: z.boolean(),
    postpone: z.boolean(),
    cancel: z.boolean(),
    run: z.boolean(),
    checkIn: z.boolean(),
  }),
});
export type MeetingDetailDto = z.infer<typeof meetingDetailDto>;

export const listMeetingsQuery = z
  .object({
    unitId: z.uuid(),
    from: isoDate,
    to: isoDate,
    kind: z.enum(MEETING_KINDS).optional(),
  })
  .refine((q) => !isValidDate(q.from) || !isValidDate(q.to) || q.from <= q.to, {
    ...crossField,
    message: "Ngày bắt đầu phải trước ngày kết thúc",
    path: ["to"],
  })
  .refine(
    (q) =>
      !isValidDate(q.from) ||
      !isValidDate(q.to) ||
      Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000,
    { ...crossField, message: "Khoảng thời gian tối đa một năm", path: ["to"] },
  );
export type ListMeetingsQuery = z.infer<typeof listMeetingsQuery>;
export const meetingListDto = z.object({ items: z.array(meetingDto) });

export const createMeetingInput = z.strictObject({
  unitId: id,
  kind: z.enum(AD_HOC_KINDS),
  date: isoDate,
  startTime: timeOfDay,
  place,
  mode: z.enum(MEETING_MODES).default("in_person"),
  onlineUrl,
  topic: optionalText(500),
  preparesMeetingId: id.nullable().optional(),
  thematicTopicId: id.nullable().optional(),
  combinedWithThematic: z.boolean().optional(),
});
export type CreateMeetingInput = z.infer<typeof createMeetingInput>;

/** Per-occurrence edit; a later date for a regular meeting goes through a postponement instead. */
export const updateMeetingInput = z.strictObject({
  date: isoDate.optional(),
  startTime: timeOfDay.optional(),
  place,
  mode: z.enum(MEETING_MODES).optional(),
  onlineUrl,
  topic: optionalText(500),
  combinedWithThematic: z.boolean().optional(),
  version: z.number().int(),
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingInput>;

export const postponeMeetingInput = z.strictObject({
  newDate: isoDate,
  startTime: timeOfDay.optional(),
  reason,
});
export type PostponeMeetingInput = z.infer<typeof postponeMeetingInput>;

export const cancelMeetingInput = z.strictObject({ reason });
export type CancelMeetingInput = z.infer<typeof cancelMeetingInput>;

/** Opening and closing default to now; a meeting recorded afterwards gives its real times. */
export const openMeetingInput = z.strictObject({ startedAt: z.iso.datetime().optional() });
export type OpenMeetingInput = z.infer<typeof openMeetingInput>;
export const closeMeetingInput = z.strictObject({ endedAt: z.iso.datetime().optional() });
export type CloseMeetingInput = z.infer<typeof closeMeetingInput>;

export const planMeetingsInput = z.strictObject({
  months: z.number().int().min(1).max(24).default(3),
});
export type PlanMeetingsInput = z.infer<typeof planMeetingsInput>;
export const planResultDto = z.object({ created: z.number().int(), items: z.array(meetingDto) });

export const guestInput = z.strictObject({
  name: requiredText(200),
  title: optionalText(200),
  kind: z.enum(GUEST_KINDS),
});
export type GuestInput = z.infer<typeof guestInput>;
export const guestParams = z.object({ id, guestId: id });

// ---------------------------------------------------------------------------------------------------
// Attendance (HD12 opening: totals, official/probationary, exempted, present, absentees with reasons).

export const attendanceEntryDto = z.object({
  memberId: z.uuid(),
  fullName: z.string(),
  memberStatus: z.enum(MEMBER_STATUSES),
  exempt: z.boolean(),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  reason: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  method: z.enum(CHECKIN_METHODS).nullable(),
});
export type AttendanceEntryDto = z.infer<typeof attendanceEntryDto>;

export const attendanceCountsDto = z.object({
  total: z.number().int(),
  official: z.number().int(),
  probationary: z.number().int(),
  exempt: z.number().int(),
  counted: z.number().int(),
  present: z.number().int(),
  countedPresent: z.number().int(),
  late: z.number().int(),
  excused: z.number().int(),
  unexcused: z.number().int(),
  unmarked: z.number().int(),
});

export const attendanceDto = z.object({
  meetingId: z.uuid(),
  status: z.enum(MEETING_STATUSES),
  entries: z.array(attendanceEntryDto),
  guests: z.array(guestDto),
  counts: attendanceCountsDto,
  rate: z.number().nullable(),
  quorumNeeded: z.number().int(),
  hasQuorum: z.boolean(),
  /** The programme's target (seed 000: ≥ 95%) and the quality bar (HD12: > 85%). */
  target: z.number(),
  meetsTarget: z.boolean(),
  qualityThreshold: z.number(),
});
export type AttendanceDto = z.infer<typeof attendanceDto>;

const markEntry = z
  .strictObject({
    memberId: id,
    status: z.enum(ATTENDANCE_STATUSES),
    reason: optionalText(500),
  })
  .refine((m) => m.status !== "absent_excused" || (m.reason ?? "") !== "", {
    ...crossField,
    message: "Vắng có lý do phải ghi rõ lý do",
    path: ["reason"],
  });

export const markAttendanceInput = z.strictObject({
  marks: z.array(markEntry).min(1, { message: "Chưa có ai được điểm danh" }).max(1000),
});
export type MarkAttendanceInput = z.infer<typeof markAttendanceInput>;

/** Everyone still unmarked becomes present (the "all present" button); exempt members stay exempt. */
export const markAllPresentInput = z.strictObject({});

// ---------------------------------------------------------------------------------------------------
// Check-in.

export const checkinCodeDto = z.object({
  meetingId: z.uuid(),
  /** Six digits a member types. */
  code: z.string(),
  /** The secret of the QR code and online link: /checkin?t=… */
  token: z.string(),
  validUntil: z.string(),
});
export type CheckinCodeDto = z.infer<typeof checkinCodeDto>;

export const checkinInput = z
  .strictObject({
    code: z
      .string()
      .regex(/^\d{6}$/u, { message: "Mã điểm danh gồm 6 chữ số" })
      .optional(),
    token: z.string().min(16).max(100).optional(),
    /** How the token arrived: scanned QR or the online meeting link. */
    via: z.enum(["qr", "link"]).optional(),
  })
  .refine((c) => (c.code === undefined) !== (c.token === undefined), {
    message: "Nhập mã điểm danh",
    path: ["code"],
  });
export type CheckinInput = z.infer<typeof checkinInput>;

export const checkinDto = z.object({
  meetingId: z.uuid(),
  unitName: z.string(),
  date: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  checkedInAt: z.string(),
  method: z.enum(CHECKIN_METHODS),
  /** The member was already marked present: nothing changed. */
  already: z.boolean(),
});
export type CheckinDto = z.infer<typeof checkinDto>;

// ---------------------------------------------------------------------------------------------------
// Thematic plan (HD12: each cell makes a yearly thematic plan and reports it upward).

export const thematicTopicDto = z.object({
  id: z.uuid(),
  quarter: z.number().int(),
  title: z.string(),
  drafterMemberId: z.uuid().nullable(),
  drafterName: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  meetingDate: z.string().nullable(),
  meetingStatus: z.enum(MEETING_STATUSES).nullable(),
});
export type ThematicTopicDto = z.infer<typeof thematicTopicDto>;

export const thematicPlanDto = z.object({
  unitId: z.uuid(),
  year: z.number().int(),
  reportedAt: z.string().nullable(),
  topics: z.array(thematicTopicDto),
  /** Quarters without a topic: the plan must cover every quarter (HD12; seed 000). */
  missingQuarters: z.array(z.number().int()),
});
export type ThematicPlanDto = z.infer<typeof thematicPlanDto>;

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const thematicPlanInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  topics: z
    .array(
      z.strictObject({
        id: id.optional(),
        quarter: z
          .number()
          .int()
          .min(1, { message: "Quý từ 1 đến 4" })
          .max(4, { message: "Quý từ 1 đến 4" }),
        title: requiredText(500),
        drafterMemberId: id.nullable().optional(),
      }),
    )
    .max(40),
});
export type ThematicPlanInput = z.infer<typeof thematicPlanInput>;

// ---------------------------------------------------------------------------------------------------
// Compliance views (per cell per month, quarter and year; a committee's calendar of all its cells).

export const complianceMonthDto = z.object({
  month: z.string(),
  registeredDate: z.string().nullable(),
  /** Null when the cell had no registered day that month. */
  state: z.enum(REGULAR_STATES).nullable(),
  short: z.boolean(),
  meetingId: z.uuid().nullable(),
  heldOn: z.string().nullable(),
  newDate: z.string().nullable(),
  attendanceRate: z.number().nullable(),
});
export const complianceCellDto = z.object({
  unitId: z.uuid(),
  name: z.string(),
  meetingDay: z.number().int().nullable(),
  months: z.array(complianceMonthDto),
  quarters: z.array(
    z.object({ quarter: z.number().int(), state: z.enum(PERIOD_STATES), held: z.number().int() }),
  ),
  forums: z.object({ state: z.enum(FORUM_YEAR_STATES), held: z.number().int() }),
  compliant: z.number().int(),
  settled: z.number().int(),
  rate: z.number().nullable(),
  attendanceRate: z.number().nullable(),
});
export type ComplianceCellDto = z.infer<typeof complianceCellDto>;

export const complianceDto = z.object({
  unitId: z.uuid(),
  year: z.number().int(),
  today: z.string(),
  cells: z.array(complianceCellDto),
  summary: z.object({
    cells: z.number().int(),
    cellsOnSchedule: z.number().int(),
    cellsPending: z.number().int(),
    settled: z.number().int(),
    compliant: z.number().int(),
    rate: z.number().nullable(),
    counts: z.record(z.enum(REGULAR_STATES), z.number().int()),
    attendanceRate: z.number().nullable(),
    target: z.number(),
  }),
});
export type ComplianceDto = z.infer<typeof complianceDto>;

export const postponementsQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const postponementListDto = z.object({ items: z.array(postponementDto) });

export const absenceAlertDto = z.object({
  rule: z.enum(ABSENCE_ALERT_RULES),
  memberId: z.uuid(),
  fullName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  dates: z.array(z.string()),
});
export type AbsenceAlertDto = z.infer<typeof absenceAlertDto>;
export const absenceAlertListDto = z.object({
  year: z.number().int(),
  items: z.array(absenceAlertDto),
});

// ---------------------------------------------------------------------------------------------------
// The member's own view, notifications and the private calendar feed.

export const myMeetingsDto = z.object({
  next: meetingDetailDto.nullable(),
  /** A meeting now in progress on the caller's roster (check-in open). */
  current: meetingDetailDto.nullable(),
});
export type MyMeetingsDto = z.infer<typeof myMeetingsDto>;

export const NOTIFICATION_KINDS = [
  "meeting_reminder",
  "meeting_postponed",
  "agenda_sent",
  "task_assigned",
  "task_overdue",
  "visit_report_overdue",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const notificationDto = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  meetingId: z.uuid().nullable(),
  taskId: z.uuid().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof notificationDto>;
export const notificationListDto = z.object({
  items: z.array(notificationDto),
  unread: z.number().int(),
});

export const calendarFeedDto = z.object({
  /** Absolute path of the feed, with its secret token; null when the user has none. */
  url: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type CalendarFeedDto = z.infer<typeof calendarFeedDto>;

// ---------------------------------------------------------------------------------------------------
// The tenant's meeting rules: national defaults, the province's overrides (admin).

export const meetingRulesDto = z.object({
  effective: z.object({
    regularMinMinutes: z.number().int(),
    combinedMinMinutes: z.number().int(),
    thematicPerQuarter: z.number().int(),
    forumsPerYear: z.object({ min: z.number().int(), max: z.number().int() }),
    qualityRateThreshold: z.number(),
    programmeTarget: z.number(),
    quorumFraction: z.number(),
    maxConsecutiveExcused: z.number().int(),
    consecutiveAbsenceAlert: z.number().int(),
    removalReviewMonths: z.number().int(),
    postponeWithinMonth: z.boolean(),
    reminderHoursBefore: z.number().int(),
    yearTotMeetings: z.number().int(),
    totTargets: z.array(z.object({ year: z.number().int(), share: z.number() })).readonly(),
  }),
  /** What the province set; every other rule is the national default. */
  overrides: z.record(z.string(), z.unknown()),
  canConfigure: z.boolean(),
});
export type MeetingRulesDto = z.infer<typeof meetingRulesDto>;
