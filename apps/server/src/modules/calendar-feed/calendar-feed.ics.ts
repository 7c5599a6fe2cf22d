// The iCalendar text of a feed (RFC 5545) from a cell's meetings. Times are written as UTC instants
// computed from the local date and time in Asia/Ho_Chi_Minh: ical-generator writes native dates in the
// server process's own zone once a calendar time zone is set, so UTC is the one form that is right on
// every server; X-WR-TIMEZONE tells calendar apps to show the feed in Vietnamese time.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { MeetingRules } from "@chibo/domain";
import {
  meetingLabel,
  meetingTitle,
  sentence,
  viDate,
  viWhen,
  VN_TIMEZONE,
  vnInstant,
} from "../../lib/meeting-text.js";
import type { FeedMeeting } from "./calendar-feed.repository.js";

export interface FeedPostponement {
  fromDate: string;
  newDate: string;
  reason: string;
}

export interface FeedContent {
  /** The cell's name; null for a user without a linked member (an empty calendar). */
  unitName: string | null;
  meetings: FeedMeeting[];
  postponements: ReadonlyMap<string, FeedPostponement>;
  rules: MeetingRules;
  now: Date;
}

/** How long calendar apps should wait before fetching the feed again. */
const REFRESH_SECONDS = 3600;

function description(
  m: FeedMeeting,
  unitName: string,
  postponement: FeedPostponement | undefined,
): string {
  const lines = [`${meetingLabel(m)} — ${unitName}`, `Thời gian: ${viWhen(m.date, m.startTime)}`];
  if (m.topic) lines.push(`Nội dung: ${sentence(m.topic)}`);
  if (m.status === "postponed" && postponement) {
    lines.push(
      `Đã hoãn từ ngày ${viDate(postponement.fromDate)} sang ngày ${viDate(postponement.newDate)}. ` +
        `Lý do: ${sentence(postponement.reason)}`,
    );
  } else if (m.status === "postponed") {
    lines.push("Đã hoãn sang ngày này.");
  }
  if (m.place) lines.push(`Địa điểm: ${m.place}`);
  if (m.onlineUrl) lines.push(`Họp trực tuyến: ${m.onlineUrl}`);
  return lines.join("\n");
}

/** Planned length: HD12/HD42 minimums from the tenant's rules (longer when combined with a thematic). */
function plannedMinutes(m: FeedMeeting, rules: MeetingRules): number {
  return m.combinedWithThematic ? rules.combinedMinMinutes : rules.regularMinMinutes;
}

export function buildCalendar(content: FeedContent): string {
  const { unitName, rules, now } = content;
  const calendar = ical({
    name: unitName ? `Lịch sinh hoạt — ${unitName}` : "Lịch sinh hoạt chi bộ",
    prodId: { company: "chibo", product: "chibo", language: "VI" },
    method: ICalCalendarMethod.PUBLISH,
    scale: "GREGORIAN",
    ttl: REFRESH_SECONDS,
  });
  if (!unitName) return finish(calendar.toString());

  for (const m of content.meetings) {
    const held = m.startedAt && m.endedAt ? { start: m.startedAt, end: m.endedAt } : null;
    const start = held?.start ?? vnInstant(m.date, m.startTime);
    const end = held?.end ?? new Date(start.getTime() + plannedMinutes(m, rules) * 60_000);
    calendar.createEvent({
      id: `${m.id}@chibo`,
      sequence: m.version,
      stamp: now,
      lastModified: m.updatedAt,
      // Without a time yet, the meeting is shown as a whole day.
      ...(m.startTime || held
        ? { start, end }
        : { start: new Date(`${m.date}T00:00:00Z`), allDay: true }),
      summary: meetingTitle({ ...m, unitName }),
      description: description(m, unitName, content.postponements.get(m.id)),
      location: m.place,
      url: m.onlineUrl,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return finish(calendar.toString());
}

/**
 * Adds X-WR-TIMEZONE among the calendar's own properties (ical-generator writes extra properties after
 * the events, where RFC 5545 allows none) and ends the last line with CRLF like every other.
 */
function finish(text: string): string {
  return `${text.replace(/(\r\nPRODID:[^\r\n]*)/u, `$1\r\nX-WR-TIMEZONE:${VN_TIMEZONE}`)}\r\n`;
}
