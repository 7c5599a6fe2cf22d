// The evidence chibo computes for one meeting from its own record (issue 5: criteria may name evidence;
// the cell's self-score comes pre-filled from it). Pure: the server reads the record and passes the facts.
// Every rule below is one that meetings/ and minutes/ already state; this file only puts them together.

import { longestExcusedRun, type AbsenceHistoryEntry } from "../meetings/alerts.js";
import {
  attendanceCounts,
  attendanceRate,
  meetsQualityBar,
  type AttendanceMarks,
  type RosterEntry,
} from "../meetings/attendance.js";
import { addDays, monthOf } from "../meetings/calendar.js";
import { isCompliant, regularMonthState } from "../meetings/compliance.js";
import type { MeetingKind, MeetingStatus } from "../meetings/kinds.js";
import type { MeetingRules } from "../meetings/rules.js";
import type { AgendaItemKey } from "../minutes/agenda.js";
import { postedInTime } from "../minutes/documents.js";
import { speakingShare } from "../minutes/participation.js";
import { reviewCoverage, type ReviewVerdict, type TaskRef } from "../minutes/tasks.js";
import type { VoteOutcome } from "../minutes/votes.js";
import { DEFAULT_SUPERVISION_RULES, type SupervisionRules } from "./rules.js";

/** Charter: a cell with at least 9 official members elects a chi ủy; a smaller one a secretary and deputy. */
export const CHI_UY_MIN_OFFICIAL = 9;

/**
 * What the record says about one meeting. Dates are local "YYYY-MM-DD" (Asia/Ho_Chi_Minh; the server
 * turns its timestamps into local dates), instants ISO 8601.
 */
export interface MeetingFacts {
  kind: MeetingKind;
  status: MeetingStatus;
  /** The registered date of the month (regular meetings); null for the other kinds. */
  registeredDate: string | null;
  /** The planned date (the new date after a postponement). */
  date: string;
  /** The local date it was held; null while not held. */
  heldOn: string | null;
  /** The postponement reported for it, if any (compliance.ts decides whether it counts as notice). */
  postponement: { reportedOn: string; newDate: string } | null;
  /** Opening and closing instants, used when no duration was entered. */
  startedAt: string | null;
  endedAt: string | null;
  /** Duration entered by the cell lead, in minutes; wins over startedAt/endedAt. */
  durationMinutes: number | null;
  /** Held together with a thematic meeting (HD42: 120 minutes). */
  combinedWithThematic: boolean;
  /** The roster on the meeting's date and the marks taken (attendance.ts). */
  roster: readonly RosterEntry[];
  marks: AttendanceMarks;
  /**
   * Each roster member's marks at regular meetings (alerts.ts), at least this year's up to this
   * meeting. This meeting's own mark is added from `marks` when the history lacks it.
   */
  absenceHistory: ReadonlyMap<string, readonly AbsenceHistoryEntry[]>;
  /** Keys of the meeting's agenda items, and of the steps of the template it follows. */
  agendaKeys: readonly AgendaItemKey[];
  templateKeys: readonly AgendaItemKey[];
  /** Date the cell-committee meeting that prepared this one was held; null when none was. */
  committeeMeetingOn: string | null;
  /** Date the agenda was agreed (HD12 §2: by the chi ủy, or by the secretary with the deputy). */
  agendaAgreedOn: string | null;
  /** Date the agenda (time, place, content) was sent to members and the upper-level member. */
  agendaSentOn: string | null;
  /**
   * The meeting's documents: the local date each was uploaded, and whether it was uploaded once the
   * meeting had begun (uploaded at or after `startedAt`; without a start, on a day after `heldOn`).
   */
  documents: readonly { uploadedOn: string; postMeeting: boolean }[];
  /**
   * This meeting's review of earlier tasks (minutes/tasks.ts): the review list with each task's state
   * as it stood before this meeting, and the verdicts given here.
   */
  review: { tasks: readonly TaskRef[]; verdicts: ReadonlyMap<string, ReviewVerdict> };
  /** Members who gave at least one opinion in the minutes (repeats allowed). */
  speakerIds: readonly string[];
  /** Resolutions and conclusions with their vote outcome and tasks. */
  resolutions: readonly {
    outcome: VoteOutcome | null;
    tasks: readonly {
      assigneeIds: readonly string[];
      /** A body named as owner ("Chi ủy", "Tổ đảng 1"). */
      assigneeBody: string | null;
      dueDate: string | null;
    }[];
  }[];
  /** Local date the minutes were signed and locked; null while open. */
  minutesLockedOn: string | null;
  /** The minutes hold text in chibo, or the cell declared it keeps them in a paper minutes book. */
  minutesWritten: boolean;
  /** Dates of the cell's thematic meetings held (any range; only this meeting's month matters). */
  thematicHeldOn: readonly string[];
}

/**
 * The evidence of one meeting as computed here: every figure known (null only where noted). Its keys
 * are the rubric's evidence keys (scoring/rubric.ts EVIDENCE_KEYS), and it is assignable to the
 * rubric's EvidenceValues, whose figures may also be missing.
 */
export interface MeetingEvidence {
  /** Present ÷ counted members (HD12); null when nobody is counted. */
  attendance_rate: number | null;
  unexcused_absences: number;
  /** Some member absent with reason more than `maxConsecutiveExcused` times in a row this year. */
  long_absence: boolean;
  duration_minutes: number | null;
  duration_required: number;
  held_on_schedule: boolean;
  agenda_steps_present: boolean;
  committee_meeting_before: boolean;
  notice_sent: boolean;
  documents_before: boolean;
  tasks_reviewed: number;
  speakers_share: number;
  resolution_with_tasks: boolean;
  minutes_signed_in_time: boolean;
  documents_after: boolean;
  last_targets_achieved: number | null;
  thematic_month: boolean;
  /** Minutes were written for the meeting (HD12: the closing reads them back; the rubric's cap). */
  minutes_kept: boolean;
}

export type MeetingEvidenceKey = keyof MeetingEvidence;

/** Shown next to each pre-filled item of the self-score form. */
export const EVIDENCE_LABELS: Record<MeetingEvidenceKey, string> = {
  attendance_rate:
    "Tỷ lệ đảng viên dự sinh hoạt (không tính đảng viên miễn sinh hoạt, làm nhiệm vụ đặc biệt)",
  unexcused_absences: "Số đảng viên vắng mặt không có lý do",
  long_absence: "Có đảng viên vắng mặt có lý do quá số lần liên tiếp cho phép trong năm",
  duration_minutes: "Thời lượng sinh hoạt (phút)",
  duration_required: "Thời lượng tối thiểu phải bảo đảm (phút)",
  held_on_schedule: "Sinh hoạt đúng ngày đã đăng ký (hoặc báo hoãn trước và họp đúng ngày mới)",
  agenda_steps_present: "Chương trình sinh hoạt có đủ các bước theo hướng dẫn",
  committee_meeting_before: "Chi ủy (hoặc bí thư, phó bí thư) họp trước để chuẩn bị nội dung",
  notice_sent:
    "Đã thông báo thời gian, địa điểm, nội dung đến đảng viên và cấp ủy viên cấp trên phụ trách",
  documents_before: "Tài liệu sinh hoạt được đăng trước ít nhất 1 ngày",
  tasks_reviewed: "Tỷ lệ nhiệm vụ kỳ trước được kiểm điểm tại kỳ này",
  speakers_share: "Tỷ lệ đảng viên có mặt phát biểu ý kiến",
  resolution_with_tasks:
    "Nghị quyết (kết luận) được thông qua, có nhiệm vụ giao người thực hiện và thời hạn",
  minutes_signed_in_time: "Biên bản được ký, hoàn chỉnh trong thời hạn quy định",
  documents_after: "Kết luận, tài liệu chính thức được đăng trong thời hạn sau sinh hoạt",
  last_targets_achieved: "Tỷ lệ nhiệm vụ của nghị quyết kỳ trước hoàn thành (theo kiểm điểm)",
  thematic_month: "Trong tháng có sinh hoạt chuyên đề",
  minutes_kept: "Có biên bản sinh hoạt (ghi trên chibo hoặc sổ biên bản của chi bộ)",
};

/** The meeting is (being) held: the state the evidence of a held meeting is taken from. */
function heldOn(facts: MeetingFacts): string | null {
  if (facts.status !== "held" && facts.status !== "in_progress") return null;
  return facts.heldOn;
}

/** The entered duration, else the minutes between opening and closing (whole minutes, rounded down). */
function durationOf(facts: MeetingFacts): number | null {
  if (facts.durationMinutes !== null) return facts.durationMinutes;
  if (facts.startedAt === null || facts.endedAt === null) return null;
  const ms = Date.parse(facts.endedAt) - Date.parse(facts.startedAt);
  if (!Number.isFinite(ms) || ms < 0) return null;
  return Math.floor(ms / 60_000);
}

/**
 * The minimum length of this meeting. Both 120-minute rules apply, whichever is met: HD42 (national)
 * when held together with a thematic meeting, and the ward sheet (the default regular-meeting rubric)
 * when the cell has `largeCellMembers` members or more — counted as everyone on the roster, since the
 * sheet says "members" without exclusions. A tenant whose rubric lacks the latter sets it to null.
 */
export function requiredMinutes(
  facts: Pick<MeetingFacts, "combinedWithThematic"> & { memberCount: number },
  rules: Pick<MeetingRules, "regularMinMinutes" | "combinedMinMinutes">,
  supervision: Pick<SupervisionRules, "largeCellMembers" | "largeCellMinMinutes">,
): number {
  let minimum = rules.regularMinMinutes;
  if (facts.combinedWithThematic) minimum = Math.max(minimum, rules.combinedMinMinutes);
  const { largeCellMembers } = supervision;
  if (largeCellMembers !== null && facts.memberCount >= largeCellMembers) {
    minimum = Math.max(minimum, supervision.largeCellMinMinutes);
  }
  return minimum;
}

/**
 * HD12 excused streak for this meeting's quality bar: the longest run this year, up to and including
 * this meeting, of any member on the roster (alerts.ts longestExcusedRun).
 */
function longestRunThisYear(facts: MeetingFacts, day: string): number {
  const year = day.slice(0, 4);
  let longest = 0;
  for (const member of facts.roster) {
    const history = (facts.absenceHistory.get(member.memberId) ?? []).filter(
      (e) => e.date.slice(0, 4) === year && e.date <= day,
    );
    const own = facts.marks.get(member.memberId);
    const hasOwn = history.some((e) => e.date === day && e.kind === facts.kind);
    const withOwn =
      own !== undefined && !hasOwn
        ? [...history, { date: day, kind: facts.kind, status: own }]
        : history;
    longest = Math.max(longest, longestExcusedRun(withOwn));
  }
  return longest;
}

/** HD12 §2: the chi ủy met beforehand — or, in a cell without one, the secretary and deputy agreed it. */
function preparedBefore(facts: MeetingFacts, day: string, official: number): boolean {
  if (facts.committeeMeetingOn !== null && facts.committeeMeetingOn <= day) return true;
  const noChiUy = official < CHI_UY_MIN_OFFICIAL;
  return noChiUy && facts.agendaAgreedOn !== null && facts.agendaAgreedOn <= day;
}

/** Every step of the template (free "other" steps aside) is on the agenda (HD12 §3 order). */
function stepsPresent(
  agenda: readonly AgendaItemKey[],
  template: readonly AgendaItemKey[],
): boolean {
  if (agenda.length === 0) return false;
  const have = new Set(agenda);
  return template.every((k) => k === "other" || have.has(k));
}

/**
 * Stand-in for the ward sheet's "share of last month's resolution targets achieved": targets are not
 * recorded as figures, so the closest measurable thing is the share of the tasks on this meeting's
 * review list that were reviewed "done" (or were already done and needed no review). Cancelled tasks
 * are left out; null when there was nothing to measure.
 */
function targetsAchieved(review: MeetingFacts["review"]): number | null {
  const tasks = review.tasks.filter((t) => t.state !== "cancelled");
  if (tasks.length === 0) return null;
  const done = tasks.filter((t) => {
    const verdict = review.verdicts.get(t.id);
    return verdict === undefined ? t.state === "done" : verdict === "done";
  });
  return done.length / tasks.length;
}

/** Ward sheet block 8: an adopted resolution assigns at least one task with an owner and a due date. */
function resolutionWithTasks(resolutions: MeetingFacts["resolutions"]): boolean {
  return resolutions.some(
    (r) =>
      r.outcome === "adopted" &&
      r.tasks.some(
        (t) =>
          (t.assigneeIds.length > 0 || (t.assigneeBody ?? "").trim() !== "") && t.dueDate !== null,
      ),
  );
}

/**
 * Issue 5: the evidence of one meeting, each value from the rule already stated in meetings/ and
 * minutes/ (sources on each line). A meeting not held has no duration and none of the held-only items.
 */
export function meetingEvidence(
  facts: MeetingFacts,
  rules: MeetingRules,
  supervision: SupervisionRules = DEFAULT_SUPERVISION_RULES,
): MeetingEvidence {
  const held = heldOn(facts);
  // The day things must precede: the day it was held, else the day it is planned for.
  const day = held ?? facts.date;
  const counts = attendanceCounts(facts.roster, facts.marks);
  // HD12 quality bar: the excused streak, with the tenant's limit.
  const quality = meetsQualityBar(counts, longestRunThisYear(facts, day), rules);
  const present = [...facts.marks]
    .filter(([, status]) => status === "present" || status === "late")
    .map(([id]) => id);
  // Seed 000 (registered day, "only postponements are reported"), compliance.ts. A meeting without a
  // registered date answers for the date it was set for, which already is the new date if postponed.
  const schedule = regularMonthState({
    registeredDate: facts.registeredDate ?? facts.date,
    today: day,
    postponement: facts.registeredDate === null ? null : facts.postponement,
    held: held === null ? null : { date: held, minutes: null, combinedWithThematic: false },
    rules,
  });
  const month = monthOf(day);

  return {
    // HD12: present ÷ counted members.
    attendance_rate: attendanceRate(counts),
    // HD12: no member absent without reason.
    unexcused_absences: counts.unexcused,
    // HD12: nobody absent, even with reason, more than 3 times in a row in the year.
    long_absence: quality.reasons.includes("consecutive_excused"),
    // HD12, HD42: at least 90 minutes; 120 combined (HD42) or in a large cell (ward sheet).
    duration_minutes: held === null ? null : durationOf(facts),
    duration_required: requiredMinutes(
      { combinedWithThematic: facts.combinedWithThematic, memberCount: counts.total },
      rules,
      supervision,
    ),
    held_on_schedule: held !== null && isCompliant(schedule.state),
    // HD12 §3: the order of the meeting.
    agenda_steps_present: stepsPresent(facts.agendaKeys, facts.templateKeys),
    // HD12 §2 (2); ward sheet block 3 (full where the cell has no chi ủy).
    committee_meeting_before: preparedBefore(facts, day, counts.official),
    // HD12 §2 (3): members and the upper-level member told time, place and content.
    notice_sent: facts.agendaSentOn !== null && facts.agendaSentOn <= day,
    // HD42: documents posted at least one day before.
    documents_before: facts.documents.some((d) => postedInTime(d.uploadedOn, day)),
    // HD12: the report compares last month's resolution with its results, task by task.
    tasks_reviewed: reviewCoverage(facts.review.tasks, new Set(facts.review.verdicts.keys())),
    // Ward sheet block 4, minutes/participation.ts: share of those present who spoke.
    speakers_share: speakingShare({ meetingId: "", present, speakers: facts.speakerIds }),
    resolution_with_tasks: resolutionWithTasks(facts.resolutions),
    // Per tenant (default 2 days): the minutes signed and locked after the meeting.
    minutes_signed_in_time:
      held !== null &&
      facts.minutesLockedOn !== null &&
      facts.minutesLockedOn <= addDays(held, supervision.signDays),
    // HD42, ward sheet block 8: final conclusion and documents within two days after.
    documents_after:
      held !== null &&
      facts.documents.some(
        (d) =>
          d.postMeeting &&
          d.uploadedOn >= held &&
          d.uploadedOn <= addDays(held, supervision.documentsAfterDays),
      ),
    // Ward sheet block 7 (see targetsAchieved).
    last_targets_achieved: targetsAchieved(facts.review),
    // Ward sheet block 4: the thematic item counts only in a month with a thematic meeting.
    thematic_month:
      (held !== null && (facts.kind === "thematic" || facts.combinedWithThematic)) ||
      facts.thematicHeldOn.some((d) => monthOf(d) === month),
    // HD12 (closing: the minutes read back and approved); locked minutes were certainly written.
    minutes_kept: held !== null && (facts.minutesWritten || facts.minutesLockedOn !== null),
  };
}
