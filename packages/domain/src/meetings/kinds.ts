// The vocabulary of meetings (design.md data model; domain.md "Meetings").

/**
 * sinh hoạt thường kỳ, chuyên đề, diễn đàn, bất thường, họp chi ủy, sinh hoạt mẫu. A thematic meeting
 * never replaces the monthly regular one (HD12).
 */
export const MEETING_KINDS = [
  "regular",
  "thematic",
  "forum",
  "extraordinary",
  "committee",
  "model",
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Cells whose members are far apart may meet online (seed 002). */
export const MEETING_MODES = ["in_person", "online", "hybrid"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

/** A meeting is "in_progress" from its opening (attendance, check-in) until it is closed as held. */
export const MEETING_STATUSES = [
  "planned",
  "postponed",
  "in_progress",
  "held",
  "cancelled",
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Self check-in stays open this long after the opening, unless the meeting closes first. */
export const CHECKIN_WINDOW_MINUTES = 240;
/** A self check-in later than this after the opening is marked late (the lead can correct it). */
export const CHECKIN_LATE_AFTER_MINUTES = 15;

/** How a member's presence was recorded: by the cell lead, or by the member with the code, QR or link. */
export const CHECKIN_METHODS = ["lead", "code", "qr", "link"] as const;
export type CheckinMethod = (typeof CHECKIN_METHODS)[number];

/** Guests of a meeting (HD12 opening: "giới thiệu đại biểu"): upper-level attendees and invited people. */
export const GUEST_KINDS = ["upper_level", "invited"] as const;
export type GuestKind = (typeof GUEST_KINDS)[number];

/** Kinds a cell creates by hand; the regular meeting of each month is planned from the registered day. */
export const AD_HOC_KINDS = ["thematic", "forum", "extraordinary", "committee", "model"] as const;
