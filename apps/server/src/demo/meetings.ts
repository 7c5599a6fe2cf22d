// Two years of meetings for every demo cell, ending at the demo's "today", plus the regular meetings
// planned for the next three months: each cell's registered schedule, regular meetings with a realistic
// mix of outcomes (on the day, early, postponed with notice, late, missed), thematic plans and meetings,
// forums, cell-committee meetings, attendance rosters from the membership history, and upper-level
// attendees. Pure and seeded like the organisation: the same options give the same rows, ids included.

import { PLANNING_MONTHS_AHEAD, daysInMonth, periodCovers, registeredDate } from "@chibo/domain";
import type {
  AttendanceStatus,
  CheckinMethod,
  GuestKind,
  MeetingKind,
  MeetingMode,
  MeetingStatus,
  MemberStatus,
} from "@chibo/domain";
import type {
  DemoExemption,
  DemoMember,
  DemoMembership,
  DemoPosition,
  DemoUnit,
} from "./generate.js";
import {
  ABSENCE_REASONS,
  BLOC_GUEST_TITLES,
  COMMITTEE_GUEST_JOBS,
  FORUM_TOPICS,
  INVITED_GUEST_TITLES,
  LONG_ABSENCE_REASONS,
  MATERNITY_REASON,
  POSTPONEMENT_REASONS,
  STORM_MONTHS,
  THEMATIC_TOPICS,
} from "./meeting-catalogue.js";
import { personName } from "./names.js";
import {
  addDays,
  createRng,
  dateBetween,
  dayNumber,
  maxDate,
  minDate,
  uuidFrom,
  yearOf,
} from "./random.js";
import type { Rng } from "./random.js";

/** Months of meetings up to and including today's month: two years. */
export const DEMO_MEETING_MONTHS = 24;

export interface DemoMeeting {
  id: string;
  tenantId: string;
  unitId: string;
  unitPath: string;
  kind: MeetingKind;
  status: MeetingStatus;
  mode: MeetingMode;
  period: string | null;
  registeredDate: string | null;
  date: string;
  startTime: string | null;
  place: string | null;
  onlineUrl: string | null;
  topic: string | null;
  preparesMeetingId: string | null;
  thematicTopicId: string | null;
  combinedWithThematic: boolean;
  startedAt: Date | null;
  endedAt: Date | null;
  heldOn: string | null;
  durationMinutes: number | null;
  remindedAt: Date | null;
}

export interface DemoPostponement {
  id: string;
  tenantId: string;
  meetingId: string;
  unitId: string;
  unitPath: string;
  fromDate: string;
  newDate: string;
  reason: string;
  reportedAt: Date;
  reportedOn: string;
}

export interface DemoAttendance {
  tenantId: string;
  meetingId: string;
  memberId: string;
  memberStatus: MemberStatus;
  exempt: boolean;
  status: AttendanceStatus;
  reason: string | null;
  checkedInAt: Date | null;
  method: CheckinMethod | null;
}

export interface DemoGuest {
  id: string;
  tenantId: string;
  meetingId: string;
  name: string;
  title: string | null;
  kind: GuestKind;
}

export interface DemoThematicPlan {
  tenantId: string;
  unitId: string;
  year: number;
  unitPath: string;
  reportedAt: Date | null;
}

export interface DemoThematicTopic {
  id: string;
  tenantId: string;
  unitId: string;
  year: number;
  quarter: number;
  title: string;
  drafterMemberId: string | null;
}

export interface DemoMeetingData {
  meetings: DemoMeeting[];
  postponements: DemoPostponement[];
  attendance: DemoAttendance[];
  meetingGuests: DemoGuest[];
  thematicPlans: DemoThematicPlan[];
  thematicTopics: DemoThematicTopic[];
}

export interface MeetingOptions {
  seed: number;
  /** Tenant code: salts the ids like the organisation's. */
  code: string;
  /** The demo's today: meetings before it are settled, the rest planned. */
  today: string;
  tenantId: string;
}

export interface MeetingSource {
  /** Cells get their registered schedule (time, place, mode, link) written onto them. */
  units: DemoUnit[];
  members: readonly DemoMember[];
  memberships: readonly DemoMembership[];
  exemptions: readonly DemoExemption[];
  positions: readonly DemoPosition[];
}

// ---------------------------------------------------------------------------------------------
// Dates and times

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year. */
const VN_OFFSET_MINUTES = 7 * 60;

/** The instant of a local (UTC+7) date and minute of the day. */
function at(date: string, minutes: number): Date {
  return new Date(dayNumber(date) * DAY_MS + (minutes - VN_OFFSET_MINUTES) * MINUTE_MS);
}

function plusMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * MINUTE_MS);
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

function isWeekend(date: string): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

function weekdayOnOrAfter(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

function weekdayBefore(date: string): string {
  let d = addDays(date, -1);
  while (isWeekend(d)) d = addDays(d, -1);
  return d;
}

interface Month {
  year: number;
  month: number;
  /** "YYYY-MM". */
  period: string;
  first: string;
  last: string;
}

function monthAt(index: number): Month {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const period = `${year}-${pad2(month)}`;
  return {
    year,
    month,
    period,
    first: `${period}-01`,
    last: `${period}-${pad2(daysInMonth(year, month))}`,
  };
}

function monthIndexOf(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

// ---------------------------------------------------------------------------------------------
// Cells and people

interface Person {
  member: DemoMember;
  /** The membership in this cell. */
  from: string;
  to: string | null;
  exemptions: readonly DemoExemption[];
  /** Holds a cell position (secretary, deputy, chi ủy): on the committee meeting's roster. */
  lead: boolean;
  /** How often this member misses meetings, relative to the cell (mean about 1). */
  factor: number;
}

interface Guest {
  name: string;
  title: string;
}

interface CellPlan {
  unit: DemoUnit;
  /** A cell clearly below the bar: misses, late meetings, attendance 70–85%. */
  poor: boolean;
  /** Expected share of counted members who come. */
  rate: number;
  /** Share of absences with a reason. */
  excusedShare: number;
  lateShare: number;
  people: Person[];
  /** Upper-level people who attend this cell's meetings. */
  visitors: Guest[];
  visitRate: number;
  time: string;
  place: string | null;
  mode: MeetingMode;
  url: string | null;
}

interface Mark {
  status: AttendanceStatus;
  reason: string | null;
}

// Most marks carry no reason: shared, so 160,000 rows do not mean 160,000 more objects.
const PRESENT: Mark = { status: "present", reason: null };
const LATE: Mark = { status: "late", reason: null };
const EXEMPT: Mark = { status: "exempt", reason: null };
const UNEXCUSED: Mark = { status: "absent_unexcused", reason: null };

/** On the roster of a meeting on `date`: a membership in the cell that day, not yet left. */
export function onRosterOn(
  membership: { fromDate: string; toDate: string | null },
  leftOn: string | null,
  date: string,
): boolean {
  return (
    periodCovers({ from: membership.fromDate, to: membership.toDate }, date) &&
    (leftOn === null || date < leftOn)
  );
}

function rosterOn(plan: CellPlan, date: string): Person[] {
  return plan.people.filter((p) =>
    onRosterOn({ fromDate: p.from, toDate: p.to }, p.member.leftOn, date),
  );
}

function statusOn(member: DemoMember, date: string): MemberStatus {
  return member.officialDate !== null && member.officialDate <= date ? "official" : "probationary";
}

function exemptOn(person: Person, date: string): boolean {
  if (person.exemptions.length === 0) return false;
  return person.exemptions.some((e) => periodCovers({ from: e.fromDate, to: e.toDate }, date));
}

/** The grassroots organisation a cell belongs to ("Sở Tài chính"), without "Đảng bộ"/"Chi bộ". */
function agencyName(unit: DemoUnit, byId: ReadonlyMap<string, DemoUnit>): string {
  let current: DemoUnit | undefined = unit;
  while (current !== undefined && !current.isGrassroots) {
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return (current ?? unit).name.replace(/^(Đảng bộ|Chi bộ) /u, "");
}

function committeeOf(unit: DemoUnit, byId: ReadonlyMap<string, DemoUnit>): DemoUnit | null {
  let current: DemoUnit | undefined = unit;
  while (current !== undefined) {
    if (current.level === "grassroots_committee") return current;
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return null;
}

/** Registered time of day by the kind of organisation (villages meet in the evening). */
function meetingTime(rng: Rng, unit: DemoUnit): string {
  switch (unit.unitType) {
    case "residential":
      return rng.weighted([
        ["19:30", 6],
        ["19:00", 2],
        ["08:00", 1],
      ]);
    case "state_enterprise":
    case "private_enterprise":
      return rng.weighted([
        ["16:30", 4],
        ["14:00", 3],
        ["17:00", 1],
      ]);
    case "association":
      return rng.weighted([
        ["08:00", 2],
        ["14:00", 3],
      ]);
    case "administrative":
    case "public_service":
    case "armed_forces":
    case "other":
    case null:
      return rng.weighted([
        ["07:30", 3],
        ["08:00", 2],
        ["14:00", 5],
        ["14:30", 2],
        ["16:00", 2],
      ]);
  }
}

function meetingPlace(rng: Rng, unit: DemoUnit, agency: string): string {
  const own = unit.name.replace(/^Chi bộ /u, "");
  if (unit.unitType === "residential") return `Nhà văn hóa ${own}`;
  if (own.startsWith("Trường") || own.startsWith("Khoa") || own.startsWith("Bộ môn")) {
    return rng.chance(0.5) ? `Phòng họp ${own}` : `Hội trường ${agency}`;
  }
  // "Phòng họp Phòng …" reads badly: an office's cell meets in the agency's rooms.
  return rng.weighted([
    [`Hội trường ${agency}`, 4],
    [
      own.startsWith("Phòng") ? `Phòng họp tầng ${rng.int(2, 4)}, ${agency}` : `Phòng họp ${own}`,
      4,
    ],
    [`Phòng họp tầng ${rng.int(2, 4)}, ${agency}`, 2],
  ]);
}

// ---------------------------------------------------------------------------------------------
// The generator

type RegularOutcome = "on_day" | "early" | "postponed" | "late" | "missed";
type PostponedOutcome = "held" | "late" | "missed";
type Script = "excused_streak" | "removal_review" | "consecutive_absences";

const WEEKDAY_OUTCOMES: readonly (readonly [RegularOutcome, number])[] = [
  ["on_day", 92.4],
  ["early", 1.5],
  ["postponed", 4.6],
  ["late", 1.0],
  ["missed", 0.5],
];
// Agencies do not work at weekends: many hold the meeting on the Friday before or postpone it.
const WEEKEND_OUTCOMES: readonly (readonly [RegularOutcome, number])[] = [
  ["on_day", 66],
  ["early", 18],
  ["postponed", 13],
  ["late", 2],
  ["missed", 1],
];
const POOR_OUTCOMES: readonly (readonly [RegularOutcome, number])[] = [
  ["on_day", 52],
  ["early", 5],
  ["postponed", 15],
  ["late", 16],
  ["missed", 12],
];
const AFTER_POSTPONEMENT: readonly (readonly [PostponedOutcome, number])[] = [
  ["held", 85],
  ["late", 10],
  ["missed", 5],
];
const POOR_AFTER_POSTPONEMENT: readonly (readonly [PostponedOutcome, number])[] = [
  ["held", 55],
  ["late", 25],
  ["missed", 20],
];
const SCRIPTS: readonly Script[] = ["excused_streak", "removal_review", "consecutive_absences"];
const LEAD_TITLES: ReadonlySet<string> = new Set([
  "secretary",
  "deputy_secretary",
  "cell_committee_member",
]);

function regularTopic(m: Month): string {
  const base = `Sinh hoạt chi bộ thường kỳ tháng ${m.month}/${m.year}`;
  if (m.month === 12) {
    return `${base}; kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân năm ${m.year}`;
  }
  if (m.month === 1) return `${base}; triển khai nhiệm vụ năm ${m.year}`;
  if (m.month === 6) return `${base}; sơ kết công tác 6 tháng đầu năm ${m.year}`;
  return base;
}

/**
 * Builds the meetings of every cell in `org` over the 24 months up to `today` and the three months
 * after it. Also sets each cell's registered schedule (meetingTime, meetingPlace, meetingMode,
 * meetingUrl) on `org.units`.
 */
export function generateMeetings(org: MeetingSource, opts: MeetingOptions): DemoMeetingData {
  const { today, tenantId } = opts;
  const rng = createRng(`chibo-demo-meetings:${opts.seed}`);
  const idRng = createRng(`chibo-demo-meeting-ids:${opts.seed}:${opts.code}`);
  const newId = () => uuidFrom(idRng);

  const todayIndex = monthIndexOf(today);
  const firstIndex = todayIndex - (DEMO_MEETING_MONTHS - 1);
  const windowStart = monthAt(firstIndex).first;
  const horizon = monthAt(todayIndex + PLANNING_MONTHS_AHEAD).last;
  const yesterday = addDays(today, -1);

  const out: DemoMeetingData = {
    meetings: [],
    postponements: [],
    attendance: [],
    meetingGuests: [],
    thematicPlans: [],
    thematicTopics: [],
  };

  // --- People by cell, from the membership history.
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const memberById = new Map(org.members.map((m) => [m.id, m]));
  const exemptionsOf = new Map<string, DemoExemption[]>();
  for (const e of org.exemptions) {
    const list = exemptionsOf.get(e.memberId) ?? [];
    list.push(e);
    exemptionsOf.set(e.memberId, list);
  }
  const leadsOf = new Map<string, Set<string>>();
  for (const p of org.positions) {
    if (!LEAD_TITLES.has(p.title)) continue;
    const set = leadsOf.get(p.unitId) ?? new Set<string>();
    set.add(p.memberId);
    leadsOf.set(p.unitId, set);
  }
  const peopleOf = new Map<string, Person[]>();
  for (const s of org.memberships) {
    const member = memberById.get(s.memberId);
    if (member === undefined) continue;
    const list = peopleOf.get(s.unitId) ?? [];
    list.push({
      member,
      from: s.fromDate,
      to: s.toDate,
      exemptions: exemptionsOf.get(member.id) ?? [],
      lead: leadsOf.get(s.unitId)?.has(member.id) ?? false,
      factor: rng.weighted([
        [0.4, 50],
        [1, 32],
        [2.6, 18],
      ]),
    });
    peopleOf.set(s.unitId, list);
  }

  // --- Upper-level attendees: the đảng ủy's members for its cells, the bloc's cadres otherwise.
  const blocVisitors: Guest[] = BLOC_GUEST_TITLES.map((title) => ({
    name: personName(rng, rng.chance(0.6) ? "male" : "female"),
    title,
  }));
  const committeeVisitors = new Map<string, { memberId: string; guest: Guest }[]>();
  for (const p of org.positions) {
    if (p.title !== "committee_member") continue;
    const member = memberById.get(p.memberId);
    if (member === undefined) continue;
    const list = committeeVisitors.get(p.unitId) ?? [];
    list.push({
      memberId: member.id,
      guest: { name: member.fullName, title: `Đảng ủy viên, ${rng.pick(COMMITTEE_GUEST_JOBS)}` },
    });
    committeeVisitors.set(p.unitId, list);
  }

  // --- Cell plans: schedule, quality, visitors.
  const cells = org.units.filter((u) => u.kind === "cell");
  const plans: CellPlan[] = cells.map((unit) => {
    const agency = agencyName(unit, unitById);
    const time = meetingTime(rng, unit);
    // Branches in the districts are far from the provincial office: some meet online or hybrid.
    const remote = /huyện|thị xã|thành phố|Khu vực/u.test(unit.name);
    const mode: MeetingMode = rng.weighted([
      ["in_person", remote ? 70 : 97],
      ["hybrid", remote ? 22 : 2.5],
      ["online", remote ? 8 : 0.5],
    ]);
    const url =
      mode === "in_person"
        ? null
        : `https://hop.example.org/chibo/${unit.code.toLowerCase().replace(/\./gu, "-")}`;
    unit.meetingTime = time;
    unit.meetingPlace = mode === "online" ? null : meetingPlace(rng, unit, agency);
    unit.meetingMode = mode;
    unit.meetingUrl = url;
    const committee = committeeOf(unit, unitById);
    const visitors =
      committee === null
        ? blocVisitors
        : (committeeVisitors.get(committee.id) ?? [])
            .filter((v) => memberById.get(v.memberId)?.unitId !== unit.id)
            .map((v) => v.guest);
    return {
      unit,
      poor: false,
      rate: Math.min(0.99, Math.max(0.88, 0.955 + 0.022 * rng.normal())),
      excusedShare: 0.94,
      lateShare: 0.03,
      people: peopleOf.get(unit.id) ?? [],
      visitors: visitors.length > 0 ? visitors : blocVisitors,
      visitRate: committee === null ? 0.12 : 0.3,
      time,
      place: unit.meetingPlace,
      mode,
      url,
    };
  });

  // A few cells clearly poor; a few postpone this month's meeting to a date still ahead; a handful
  // of members absent repeatedly, so that every absence alert of the domain shows in the demo.
  const order = rng.shuffled(plans);
  const poorCount = plans.length >= 10 ? Math.max(3, Math.round(plans.length * 0.03)) : 0;
  for (const plan of order.slice(0, poorCount)) {
    plan.poor = true;
    plan.rate = 0.68 + 0.14 * rng.next();
    plan.excusedShare = 0.7;
    plan.lateShare = 0.08;
    plan.visitRate += 0.15;
  }
  const others = order.slice(poorCount);
  const postponing = new Set(others.slice(0, Math.max(1, Math.round(plans.length * 0.01))));
  const scripted = new Map<CellPlan, Script>();
  const candidates = rng
    .shuffled(others)
    .filter((p) => p.people.filter((x) => x.member.leftOn === null).length >= 6);
  candidates.slice(0, 9).forEach((plan, i) => {
    const script = SCRIPTS[i % SCRIPTS.length];
    if (script !== undefined) scripted.set(plan, script);
  });
  // Two cells hold three forums in last year (seed 002 allows two).
  const threeForums = new Set(rng.shuffled(others).slice(0, 2));

  for (const plan of plans) {
    generateCell(plan);
  }
  return out;

  // -------------------------------------------------------------------------------------------

  function meetingRow(
    plan: CellPlan,
    kind: MeetingKind,
    date: string,
    topic: string | null,
  ): DemoMeeting {
    const row: DemoMeeting = {
      id: newId(),
      tenantId,
      unitId: plan.unit.id,
      unitPath: plan.unit.path,
      kind,
      status: "planned",
      mode: plan.mode,
      period: null,
      registeredDate: null,
      date,
      startTime: plan.time,
      place: plan.place,
      onlineUrl: plan.url,
      topic,
      preparesMeetingId: null,
      thematicTopicId: null,
      combinedWithThematic: false,
      startedAt: null,
      endedAt: null,
      heldOn: null,
      durationMinutes: null,
      remindedAt: null,
    };
    out.meetings.push(row);
    return row;
  }

  /** Members were reminded the day before (the tenant default: 24 hours ahead). */
  function remindAt(row: DemoMeeting): Date {
    return plusMinutes(at(row.date, minutesOf(row.startTime ?? "14:00")), -24 * 60);
  }

  /** Marks the meeting held on `date`, with its real start and length. */
  function hold(row: DemoMeeting, date: string, duration: number): void {
    const start = at(date, minutesOf(row.startTime ?? "14:00") + rng.int(0, 10));
    row.status = "held";
    row.heldOn = date;
    row.startedAt = start;
    row.endedAt = plusMinutes(start, duration);
    row.durationMinutes = duration;
  }

  /** HD12/HD42: at least 90 minutes (120 with a thematic meeting); a few cells cut it short. */
  function regularDuration(plan: CellPlan, combined: boolean): number {
    if (rng.chance(plan.poor ? 0.2 : 0.04)) return rng.int(combined ? 95 : 60, combined ? 115 : 85);
    const base = combined ? 120 : 90;
    return base + Math.round(rng.next() ** 1.4 * 60);
  }

  function postponementReason(m: Month, registered: string): string {
    if (isWeekend(registered) && rng.chance(0.6)) return "Ngày sinh hoạt trùng ngày nghỉ cuối tuần";
    const reasons = POSTPONEMENT_REASONS.filter(
      ([r]) =>
        r !== "Ngày sinh hoạt trùng ngày nghỉ cuối tuần" &&
        (STORM_MONTHS.has(m.month) || !r.includes("bão")),
    );
    return rng.weighted(reasons);
  }

  function postpone(
    plan: CellPlan,
    row: DemoMeeting,
    m: Month,
    registered: string,
    reportedOn: string,
    newDate: string,
  ): void {
    const reportedAt = at(reportedOn, rng.int(7 * 60 + 30, 17 * 60));
    out.postponements.push({
      id: newId(),
      tenantId,
      meetingId: row.id,
      unitId: plan.unit.id,
      unitPath: plan.unit.path,
      fromDate: registered,
      newDate,
      reason: postponementReason(m, registered),
      reportedAt,
      reportedOn,
    });
    row.date = newDate;
    row.status = "postponed";
  }

  function generateCell(plan: CellPlan): void {
    const day = plan.unit.meetingDay ?? 3;
    const regular: DemoMeeting[] = [];

    // --- Regular meetings, one per month.
    for (let index = firstIndex; index <= todayIndex + PLANNING_MONTHS_AHEAD; index++) {
      const m = monthAt(index);
      const registered = registeredDate(m.year, m.month, day);
      const row = meetingRow(plan, "regular", registered, regularTopic(m));
      row.period = m.period;
      row.registeredDate = registered;
      regular.push(row);
      // Room for a new date later in the same month (Charter: one meeting a month).
      const latest = m.last;
      const hasRoom = addDays(registered, 2) <= latest;

      if (registered >= today) {
        if (index === todayIndex && postponing.has(plan) && hasRoom) {
          // Reported before the registered date, and already (yesterday at the latest).
          const reportedOn = minDate(addDays(registered, -rng.int(1, 5)), yesterday);
          const newDate = clampToMonth(
            weekdayOnOrAfter(addDays(registered, rng.int(2, 7))),
            registered,
            latest,
          );
          postpone(plan, row, m, registered, reportedOn, newDate);
        }
        continue;
      }

      let outcome: RegularOutcome = rng.weighted(
        plan.poor ? POOR_OUTCOMES : isWeekend(registered) ? WEEKEND_OUTCOMES : WEEKDAY_OUTCOMES,
      );
      if (outcome === "early" && registered.endsWith("-01")) outcome = "on_day";
      if ((outcome === "postponed" || outcome === "late") && !hasRoom) outcome = "on_day";
      // This month's postponement to a date still ahead (at least one cell shows it).
      const forced = index === todayIndex && postponing.has(plan) && today <= latest;
      if (forced) outcome = "postponed";

      let held: string | null = null;
      let early = false;
      switch (outcome) {
        case "on_day":
          held = registered;
          break;
        case "early": {
          const before = weekdayBefore(registered);
          held = before >= m.first ? before : addDays(registered, -1);
          early = true;
          break;
        }
        case "late":
          held = clampToMonth(
            weekdayOnOrAfter(addDays(registered, rng.int(2, 12))),
            registered,
            latest,
          );
          break;
        case "missed":
          break;
        case "postponed": {
          const reportedOn = addDays(registered, -rng.int(1, 5));
          const newDate = forced
            ? dateBetween(rng, today, minDate(latest, addDays(today, 7)))
            : clampToMonth(
                weekdayOnOrAfter(addDays(registered, rng.int(2, 8))),
                registered,
                latest,
              );
          postpone(plan, row, m, registered, reportedOn, newDate);
          if (forced) break;
          switch (rng.weighted(plan.poor ? POOR_AFTER_POSTPONEMENT : AFTER_POSTPONEMENT)) {
            case "held":
              held = rng.chance(0.85) ? newDate : dateBetween(rng, addDays(registered, 1), newDate);
              break;
            case "late": {
              const late = clampToMonth(
                weekdayOnOrAfter(addDays(newDate, rng.int(1, 4))),
                registered,
                latest,
              );
              held = late > newDate ? late : newDate;
              break;
            }
            case "missed":
              break;
          }
          break;
        }
      }
      // Not held yet: this month's meeting is still to come (or, past its date, missed so far).
      if (held !== null && held >= today) held = null;
      if (held !== null) {
        if (early) row.date = held;
        hold(row, held, regularDuration(plan, false));
      }
      if (row.date < today) row.remindedAt = remindAt(row);
    }

    // --- Thematic plans and meetings (HD12: at least one a quarter), forums (seed 002: 1–2 a year).
    const heldRegular = regular.filter((r) => r.status === "held");
    const extra: DemoMeeting[] = [];
    for (let year = yearOf(windowStart); year <= yearOf(today); year++) {
      const reportOn = dateBetween(rng, `${year}-01-05`, `${year}-01-25`);
      const reported = rng.chance(plan.poor ? 0.5 : 0.93) && reportOn < today;
      out.thematicPlans.push({
        tenantId,
        unitId: plan.unit.id,
        year,
        unitPath: plan.unit.path,
        reportedAt: reported ? at(reportOn, rng.int(8 * 60, 16 * 60)) : null,
      });
      const titles = yearTopics(year);
      for (let quarter = 1; quarter <= 4; quarter++) {
        const months = [0, 1, 2]
          .map((k) => year * 12 + (quarter - 1) * 3 + k)
          .filter((i) => i >= firstIndex);
        const qStart = monthAt(year * 12 + (quarter - 1) * 3).first;
        const drafters = rosterOn(plan, maxDate(qStart, windowStart)).filter(
          (p) => statusOn(p.member, qStart) === "official" && p.exemptions.length === 0,
        );
        const drafter = drafters.length > 0 ? rng.pick(drafters) : undefined;
        const topic: DemoThematicTopic = {
          id: newId(),
          tenantId,
          unitId: plan.unit.id,
          year,
          quarter,
          title: titles[quarter - 1] ?? "Nâng cao chất lượng sinh hoạt chi bộ",
          drafterMemberId: drafter?.member.id ?? null,
        };
        out.thematicTopics.push(topic);
        if (months.length === 0 || rng.chance(plan.poor ? 0.3 : 0.05)) continue;
        const combinable = heldRegular.filter(
          (r) => r.heldOn !== null && months.includes(monthIndexOf(r.heldOn)),
        );
        const combined = rng.chance(0.1) ? rng.pick([null, ...combinable]) : null;
        if (combined !== null) {
          // HD42: held together with the regular meeting, 120 minutes at least.
          combined.combinedWithThematic = true;
          combined.thematicTopicId = topic.id;
          combined.topic = `${combined.topic ?? ""}; sinh hoạt chuyên đề: ${topic.title}`;
          hold(combined, combined.heldOn ?? combined.date, regularDuration(plan, true));
          continue;
        }
        const month = monthAt(rng.pick(months));
        const date = weekdayOnOrAfter(`${month.period}-${pad2(rng.int(6, 24))}`);
        const row = placeExtra(plan, "thematic", date, topic.title, extra);
        if (row !== null) row.thematicTopicId = topic.id;
      }
      const forums =
        threeForums.has(plan) && year === yearOf(today) - 1
          ? 3
          : rng.weighted([
              [0, plan.poor ? 30 : 5],
              [1, 50],
              [2, 45],
            ]);
      const topics = rng.shuffled(FORUM_TOPICS);
      for (let f = 0; f < forums; f++) {
        const month = monthAt(year * 12 + rng.int(0, 11));
        if (monthIndexOf(month.first) < firstIndex) continue;
        const date = weekdayOnOrAfter(`${month.period}-${pad2(rng.int(6, 24))}`);
        placeExtra(plan, "forum", date, topics[f] ?? null, extra);
      }
    }

    // --- Cell-committee meetings (họp chi ủy) before the regular meetings of the last three months
    // and of the planned ones.
    const committeeRows: DemoMeeting[] = [];
    for (const r of regular) {
      if (r.period === null || monthIndexOf(`${r.period}-01`) < todayIndex - 2) continue;
      if (r.status !== "held" && r.date < today) continue;
      const before = weekdayBefore(addDays(r.heldOn ?? r.registeredDate ?? r.date, -rng.int(1, 3)));
      if (rosterOn(plan, before).filter((p) => p.lead).length < 2) continue;
      const m = monthAt(monthIndexOf(`${r.period}-01`));
      const row = meetingRow(
        plan,
        "committee",
        before,
        `Họp chi ủy chuẩn bị nội dung sinh hoạt chi bộ tháng ${m.month}/${m.year}`,
      );
      row.preparesMeetingId = r.id;
      row.startTime = plan.time === "07:30" ? "16:00" : plan.time;
      if (before < today) {
        row.remindedAt = remindAt(row);
        hold(row, before, rng.int(40, 75));
      }
      committeeRows.push(row);
    }

    // --- Attendance, guests, and the repeated absentees.
    const overrides = scriptMarks(plan, heldRegular);
    for (const row of [...regular, ...extra]) {
      if (row.status !== "held") continue;
      attend(plan, row, overrides);
      guests(plan, row);
    }
    for (const row of committeeRows) {
      if (row.status === "held") attendCommittee(plan, row);
    }
  }

  /** A date after `registered` and within its month. */
  function clampToMonth(date: string, registered: string, last: string): string {
    if (date <= last) return date;
    return last > registered ? last : registered;
  }

  /** A thematic meeting or forum: held before today, planned up to the horizon, else not yet made. */
  function placeExtra(
    plan: CellPlan,
    kind: "thematic" | "forum",
    date: string,
    topic: string | null,
    extra: DemoMeeting[],
  ): DemoMeeting | null {
    if (date < windowStart || date > horizon) return null;
    const row = meetingRow(plan, kind, date, topic);
    if (date < today) {
      row.remindedAt = remindAt(row);
      hold(row, date, 90 + Math.round(rng.next() ** 1.3 * 60));
    }
    extra.push(row);
    return row;
  }

  /** Four topics of a year's plan; the second quarter's on Hồ Chí Minh (his birthday is in May). */
  function yearTopics(year: number): string[] {
    const pool = THEMATIC_TOPICS.map((group) =>
      group.filter((t) => t.from === undefined || t.from <= year).map((t) => t.title),
    );
    const hcm = rng.pick(pool[0] ?? []);
    const rest = rng.shuffled(pool.slice(1).flat());
    return [rest[0] ?? hcm, hcm, rest[1] ?? hcm, rest[2] ?? hcm];
  }

  /**
   * A handful of members absent again and again in the alert year (this year once four of its regular
   * meetings are past, else last year): an excused run longer than three meetings (HD12), three
   * absences in a row (seed 000), unexcused absences in three months (Charter 24-QĐ/TW §8.1).
   */
  function scriptMarks(plan: CellPlan, heldRegular: readonly DemoMeeting[]): Map<string, Mark> {
    const marks = new Map<string, Mark>();
    const script = scripted.get(plan);
    if (script === undefined) return marks;
    const thisYear = String(yearOf(today));
    const inYear = (y: string) => heldRegular.filter((r) => (r.heldOn ?? "").startsWith(y));
    let meetings = inYear(thisYear);
    if (meetings.length < 4) meetings = inYear(String(yearOf(today) - 1));
    const n = meetings.length;
    if (n < 4) return marks;
    const yearStart = `${(meetings[0]?.heldOn ?? today).slice(0, 4)}-01-01`;
    const eligible = plan.people.filter(
      (p) =>
        !p.lead &&
        p.member.leftOn === null &&
        p.to === null &&
        p.from <= yearStart &&
        p.exemptions.length === 0,
    );
    if (eligible.length === 0) return marks;
    const person = rng.pick(eligible);
    const key = (r: DemoMeeting | undefined) => `${r?.id ?? ""}|${person.member.id}`;
    const excused = (): Mark => ({
      status: "absent_excused",
      reason: rng.weighted(ABSENCE_REASONS),
    });
    switch (script) {
      case "excused_streak": {
        const reason = rng.pick(LONG_ABSENCE_REASONS);
        for (const r of meetings.slice(n - 4)) {
          marks.set(key(r), { status: "absent_excused", reason });
        }
        break;
      }
      case "removal_review":
        for (const i of n >= 5 ? [n - 5, n - 3, n - 1] : [n - 3, n - 2, n - 1]) {
          marks.set(key(meetings[i]), UNEXCUSED);
        }
        break;
      case "consecutive_absences":
        marks.set(key(meetings[n - 3]), excused());
        marks.set(key(meetings[n - 2]), UNEXCUSED);
        marks.set(key(meetings[n - 1]), excused());
        break;
    }
    return marks;
  }

  function absenceReason(member: DemoMember, date: string): string {
    if (
      member.gender === "female" &&
      yearOf(date) - yearOf(member.birthDate) < 42 &&
      rng.chance(0.06)
    ) {
      return MATERNITY_REASON;
    }
    return rng.weighted(ABSENCE_REASONS);
  }

  function drawMark(plan: CellPlan, person: Person, date: string, boost: number): Mark {
    const absent = Math.min(
      0.45,
      (1 - plan.rate) * person.factor * (person.lead ? 0.3 : 1) * boost,
    );
    if (!rng.chance(absent)) return rng.chance(plan.lateShare) ? LATE : PRESENT;
    if (rng.chance(plan.excusedShare)) {
      return { status: "absent_excused", reason: absenceReason(person.member, date) };
    }
    return UNEXCUSED;
  }

  /** HD12: the roster is every member active in the cell on the day; exempt members listed apart. */
  function attend(plan: CellPlan, row: DemoMeeting, overrides: ReadonlyMap<string, Mark>): void {
    const date = row.heldOn ?? row.date;
    const start = row.startedAt ?? at(date, minutesOf(plan.time));
    const selfCheckin: CheckinMethod = rng.weighted<CheckinMethod>(
      plan.mode === "online"
        ? [["link", 1]]
        : plan.mode === "hybrid"
          ? [
              ["link", 5],
              ["code", 2],
              ["lead", 3],
            ]
          : [
              ["lead", 70],
              ["code", 18],
              ["qr", 12],
            ],
    );
    const boost = row.kind === "regular" ? 1 : 1.25;
    for (const person of rosterOn(plan, date)) {
      const exempt = exemptOn(person, date);
      let mark: Mark;
      if (exempt) {
        // Exempt members may still come (Charter); they are listed, not counted.
        mark = rng.chance(0.1) ? PRESENT : EXEMPT;
      } else {
        const scripted =
          overrides.size > 0 ? overrides.get(`${row.id}|${person.member.id}`) : undefined;
        mark = scripted ?? drawMark(plan, person, date, boost);
      }
      const came = mark.status === "present" || mark.status === "late";
      const self = came && selfCheckin !== "lead" && rng.chance(0.85);
      const method: CheckinMethod | null = came ? (self ? selfCheckin : "lead") : null;
      const checkedInAt = !came
        ? null
        : mark.status === "late"
          ? plusMinutes(start, rng.int(8, 40))
          : self
            ? plusMinutes(start, -rng.int(0, 15))
            : null;
      out.attendance.push({
        tenantId,
        meetingId: row.id,
        memberId: person.member.id,
        memberStatus: statusOn(person.member, date),
        exempt,
        status: mark.status,
        reason: mark.reason,
        checkedInAt,
        method,
      });
    }
  }

  /** The chi ủy (or secretary and deputy): the cell's position holders active that day. */
  function attendCommittee(plan: CellPlan, row: DemoMeeting): void {
    const date = row.heldOn ?? row.date;
    for (const person of rosterOn(plan, date)) {
      if (!person.lead) continue;
      const absent = rng.chance(0.05);
      out.attendance.push({
        tenantId,
        meetingId: row.id,
        memberId: person.member.id,
        memberStatus: statusOn(person.member, date),
        exempt: false,
        status: absent ? "absent_excused" : "present",
        reason: absent ? "Đi công tác" : null,
        checkedInAt: null,
        method: absent ? null : "lead",
      });
    }
  }

  /** Seed 000/002: upper-level members attend each cell now and then, without telling it first. */
  function guests(plan: CellPlan, row: DemoMeeting): void {
    const chance = row.kind === "regular" ? plan.visitRate : row.kind === "thematic" ? 0.1 : 0.15;
    if (rng.chance(chance)) {
      const visitor = rng.pick(plan.visitors);
      out.meetingGuests.push({
        id: newId(),
        tenantId,
        meetingId: row.id,
        name: visitor.name,
        title: visitor.title,
        kind: "upper_level",
      });
    }
    if (row.kind === "forum" && rng.chance(0.4)) {
      out.meetingGuests.push({
        id: newId(),
        tenantId,
        meetingId: row.id,
        name: personName(rng, rng.chance(0.5) ? "male" : "female"),
        title: rng.pick(INVITED_GUEST_TITLES),
        kind: "invited",
      });
    }
  }
}
