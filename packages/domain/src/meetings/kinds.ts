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

export const MEETING_STATUSES = ["planned", "postponed", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
