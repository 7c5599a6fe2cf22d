// The substance of the demo's meetings over the last twelve months: agendas prepared and sent, minutes
// with every opinion, resolutions with their votes, tasks with owners and due dates reviewed by the next
// regular meeting, and the members' yearly assignments and commitments. Pure and seeded: the same
// organisation and meetings give the same rows. Shaped after the seeds' complaints: in some cells a
// few members never speak, some tasks run late, a few members have no yearly assignment yet.

import {
  agendaTemplateFor,
  guidanceOn,
  type AgendaItemKey,
  type AgendaSection,
  type MinutesContentDto,
  type PositionTitle,
  type ResolutionKind,
  type ReviewVerdict,
  type TaskState,
  type VoteOutcome,
  type YearlyKind,
} from "@chibo/domain";
import type { DemoMember, DemoPosition, DemoUnit, DemoUser } from "./generate.js";
import type { DemoMeetingData } from "./meetings.js";
import {
  ASSIGNMENTS,
  COMMITMENTS,
  NOT_DONE_CAUSES,
  OPINIONS,
  PROGRESS_NOTES,
  TASK_BODIES,
  TASKS,
} from "./minutes-catalogue.js";
import { addDays, createRng, uuidFrom, yearOf, type Rng } from "./random.js";

/**
 * Months of minutes up to today. Participation is measured over twelve; six keep the first start of
 * the embedded database within its target (the minutes' text is most of the demo's bytes).
 */
export const DEMO_MINUTES_MONTHS = 6;
/** Months of agendas: older ones matter only through their minutes. */
const DEMO_AGENDA_MONTHS = 3;

export interface DemoAgenda {
  tenantId: string;
  meetingId: string;
  unitPath: string;
  state: "sent";
  templateName: string;
  agreedAt: Date;
  committeeMeetingId: string | null;
  sentAt: Date;
  version: number;
}

export interface DemoAgendaItem {
  id: string;
  tenantId: string;
  meetingId: string;
  position: number;
  section: AgendaSection;
  key: AgendaItemKey;
  title: string;
  presenter: string | null;
  notes: string | null;
}

export interface DemoMinutes {
  tenantId: string;
  meetingId: string;
  unitPath: string;
  rev: number;
  content: MinutesContentDto;
  chairMemberId: string;
  minuteTakerMemberId: string;
  chairSignedAt: Date | null;
  chairOnBehalf: boolean;
  takerSignedAt: Date | null;
  takerOnBehalf: boolean;
  lockedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoResolution {
  id: string;
  tenantId: string;
  meetingId: string;
  unitId: string;
  unitPath: string;
  kind: ResolutionKind;
  number: number | null;
  title: string;
  content: string;
  position: number;
  voteApprove: number;
  voteAgainst: number;
  voteOther: number;
  outcome: VoteOutcome;
  votedAt: Date;
}

export interface DemoTask {
  id: string;
  tenantId: string;
  unitId: string;
  unitPath: string;
  meetingId: string;
  meetingDate: string;
  resolutionId: string;
  title: string;
  details: string | null;
  dueDate: string;
  assigneeBody: string | null;
  state: TaskState;
  lastNote: string | null;
  lastReportedAt: Date | null;
  overdueNotifiedAt: Date | null;
  position: number;
}

export interface DemoTaskAssignee {
  tenantId: string;
  taskId: string;
  memberId: string;
}

export interface DemoTaskUpdate {
  id: string;
  tenantId: string;
  taskId: string;
  state: TaskState;
  note: string | null;
  createdAt: Date;
}

export interface DemoTaskReview {
  id: string;
  tenantId: string;
  taskId: string;
  meetingId: string;
  verdict: ReviewVerdict;
  cause: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoYearly {
  id: string;
  tenantId: string;
  memberId: string;
  unitPath: string;
  year: number;
  kind: YearlyKind;
  content: string;
  datedOn: string;
}

export interface DemoSupervision {
  id: string;
  tenantId: string;
  unitId: string;
  unitPath: string;
  userId: string;
  startsOn: string;
  endsOn: string | null;
  visitsPerQuarter: number;
}

export interface DemoMinutesData {
  agendas: DemoAgenda[];
  agendaItems: DemoAgendaItem[];
  minutes: DemoMinutes[];
  resolutions: DemoResolution[];
  tasks: DemoTask[];
  taskAssignees: DemoTaskAssignee[];
  taskUpdates: DemoTaskUpdate[];
  taskReviews: DemoTaskReview[];
  memberYearly: DemoYearly[];
  supervisionAssignments: DemoSupervision[];
}

export interface MinutesSource {
  units: readonly DemoUnit[];
  members: readonly DemoMember[];
  positions: readonly DemoPosition[];
  users: readonly DemoUser[];
  meetings: DemoMeetingData;
}

export interface MinutesOptions {
  seed: number;
  code: string;
  today: string;
  tenantId: string;
}

const VN_OFFSET_MS = 7 * 3_600_000;

/** Local (UTC+7) noon of a date: when the demo's papers were signed or reported. */
function noonOf(date: string): Date {
  return new Date(Date.parse(`${date}T12:00:00Z`) - VN_OFFSET_MS);
}

/** The items where members speak: the report, the discussion, self-criticism, the topic. */
const SPEAKING_KEYS: ReadonlySet<AgendaItemKey> = new Set([
  "report",
  "discussion",
  "criticism",
  "topic_discussion",
]);

function monthLabel(date: string): string {
  return `${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function holderOn(
  positions: readonly DemoPosition[],
  unitId: string,
  title: PositionTitle,
  date: string,
): string | null {
  const p = positions.find(
    (x) =>
      x.unitId === unitId &&
      x.title === title &&
      x.fromDate <= date &&
      (x.toDate === null || x.toDate >= date),
  );
  return p?.memberId ?? null;
}

interface OpenTask {
  task: DemoTask;
  /** Regular meetings that reviewed it so far. */
  reviews: number;
}

export function generateMinutes(src: MinutesSource, opts: MinutesOptions): DemoMinutesData {
  const rng = createRng(`${String(opts.seed)}:${opts.code}:minutes`);
  const newId = () => uuidFrom(rng);
  const { tenantId, today } = opts;
  const from = addDays(today, -Math.round((DEMO_MINUTES_MONTHS * 365) / 12));
  const agendaFrom = addDays(today, -Math.round((DEMO_AGENDA_MONTHS * 365) / 12));
  const out: DemoMinutesData = {
    agendas: [],
    agendaItems: [],
    minutes: [],
    resolutions: [],
    tasks: [],
    taskAssignees: [],
    taskUpdates: [],
    taskReviews: [],
    memberYearly: [],
    supervisionAssignments: [],
  };
  const memberById = new Map(src.members.map((m) => [m.id, m]));
  const unitById = new Map(src.units.map((u) => [u.id, u]));
  const guestsByMeeting = new Map<string, { id: string; name: string }[]>();
  for (const g of src.meetings.meetingGuests) {
    const list = guestsByMeeting.get(g.meetingId) ?? [];
    list.push({ id: g.id, name: g.name });
    guestsByMeeting.set(g.meetingId, list);
  }
  const rosterByMeeting = new Map<
    string,
    { memberId: string; present: boolean; official: boolean }[]
  >();
  for (const a of src.meetings.attendance) {
    const list = rosterByMeeting.get(a.meetingId) ?? [];
    list.push({
      memberId: a.memberId,
      present: a.status === "present" || a.status === "late",
      official: a.memberStatus === "official",
    });
    rosterByMeeting.set(a.meetingId, list);
  }
  const preparedBy = new Map<string, string>();
  for (const m of src.meetings.meetings) {
    if (m.kind === "committee" && m.preparesMeetingId !== null)
      preparedBy.set(m.preparesMeetingId, m.id);
  }

  // How willing each member is to speak: the seeds' "members who never speak" are the zeros.
  const voice = new Map<string, number>();
  const cellQuiet = new Map<string, number>();
  for (const u of src.units)
    if (u.kind === "cell")
      cellQuiet.set(
        u.id,
        rng.weighted([
          [0.05, 5],
          [0.2, 3],
          [0.45, 1],
        ]),
      );
  for (const m of src.members) {
    const quiet = cellQuiet.get(m.unitId) ?? 0.1;
    voice.set(m.id, rng.chance(quiet) ? 0 : 0.3 + rng.next());
  }

  const held = src.meetings.meetings
    .filter(
      (m) =>
        m.status === "held" &&
        (m.kind === "regular" || m.kind === "thematic") &&
        m.date >= from &&
        m.date <= today,
    )
    .sort((a, b) =>
      a.unitId === b.unitId ? a.date.localeCompare(b.date) : a.unitId.localeCompare(b.unitId),
    );

  const numbers = new Map<string, number>();
  let openTasks: OpenTask[] = [];
  let currentUnit = "";
  const flushOpen = () => {
    // Tasks nobody has reviewed yet (the cell's latest meeting): some are being reported on.
    for (const o of openTasks) {
      if (o.reviews > 0) continue;
      if (rng.chance(0.45)) {
        const at = noonOf(addDays(o.task.meetingDate, rng.int(3, 15)));
        if (at.getTime() > noonOf(today).getTime()) continue;
        o.task.state = "in_progress";
        o.task.lastNote = rng.pick(PROGRESS_NOTES);
        o.task.lastReportedAt = at;
        out.taskUpdates.push({
          id: newId(),
          tenantId,
          taskId: o.task.id,
          state: "in_progress",
          note: o.task.lastNote,
          createdAt: at,
        });
      }
    }
    openTasks = [];
  };

  for (const meeting of held) {
    if (meeting.unitId !== currentUnit) {
      flushOpen();
      currentUnit = meeting.unitId;
    }
    const unit = unitById.get(meeting.unitId);
    const roster = rosterByMeeting.get(meeting.id) ?? [];
    const present = roster.filter((r) => r.present).map((r) => r.memberId);
    if (unit === undefined || present.length === 0) continue;
    const name = (id: string) => memberById.get(id)?.fullName ?? "";
    const template = agendaTemplateFor(meeting.kind, guidanceOn(meeting.date));

    // Chair: the secretary when present, else the deputy, else the first official member present.
    const secretary = holderOn(src.positions, unit.id, "secretary", meeting.date);
    const deputy = holderOn(src.positions, unit.id, "deputy_secretary", meeting.date);
    const chair =
      [secretary, deputy].find((id) => id !== null && present.includes(id)) ??
      roster.find((r) => r.present && r.official)?.memberId ??
      present[0];
    const takerPool = present.filter((id) => id !== chair);
    const taker = takerPool.length > 0 ? rng.pick(takerPool) : chair;
    if (chair === undefined || taker === undefined) continue;

    // The agenda: agreed at the cell-committee meeting, sent two days ahead.
    const agreedAt = noonOf(addDays(meeting.date, -4));
    const withAgenda = meeting.date >= agendaFrom;
    if (withAgenda)
      out.agendas.push({
        tenantId,
        meetingId: meeting.id,
        unitPath: meeting.unitPath,
        state: "sent",
        templateName: template.name,
        agreedAt,
        committeeMeetingId: preparedBy.get(meeting.id) ?? null,
        sentAt: noonOf(addDays(meeting.date, -2)),
        version: 3,
      });
    const itemIds = template.items.map(() => newId());
    template.items.forEach((item, position) => {
      if (withAgenda)
        out.agendaItems.push({
          id: itemIds[position] ?? newId(),
          tenantId,
          meetingId: meeting.id,
          position,
          section: item.section,
          key: item.key,
          title: item.title,
          presenter: item.section === "proceedings" ? `Đồng chí ${name(chair)}` : null,
          notes: null,
        });
    });

    // Opinions: each present member speaks by their voice; a good meeting hears most of them.
    const speakers = present.filter((id) => rng.chance(Math.min(0.95, voice.get(id) ?? 0.5)));
    const guests = guestsByMeeting.get(meeting.id) ?? [];
    const content: MinutesContentDto = {
      place: meeting.place,
      opening: `Đồng chí ${name(chair)} tuyên bố lý do${guests.length > 0 ? ", giới thiệu đại biểu dự họp" : ""}.`,
      items: template.items.map((item, i) => ({
        agendaItemId: withAgenda ? (itemIds[i] ?? null) : null,
        title: item.title,
        presenter: item.section === "proceedings" ? `Đồng chí ${name(chair)}` : null,
        summary:
          item.key === "report" || item.key === "topic_paper"
            ? `Trình bày ${item.title.toLowerCase()}.`
            : "",
        opinions: [],
        conclusion: SPEAKING_KEYS.has(item.key)
          ? "Chủ trì kết luận, tiếp thu ý kiến của đảng viên."
          : "",
      })),
      other: "",
    };
    const speakingItems = content.items.filter((_, i) =>
      SPEAKING_KEYS.has(template.items[i]?.key ?? "other"),
    );
    for (const speaker of speakers) {
      const times = rng.chance(0.25) ? 2 : 1;
      for (let t = 0; t < times; t++) {
        const target = speakingItems.length > 0 ? rng.pick(speakingItems) : content.items[0];
        target?.opinions.push({
          id: newId(),
          speakerMemberId: speaker,
          speakerGuestId: null,
          speakerName: `Đồng chí ${name(speaker)}`,
          text: rng.pick(OPINIONS),
        });
      }
    }
    const guest = guests[0];
    if (guest !== undefined && rng.chance(0.7)) {
      speakingItems.at(-1)?.opinions.push({
        id: newId(),
        speakerMemberId: null,
        speakerGuestId: guest.id,
        speakerName: `Đồng chí ${guest.name}`,
        text: "Ghi nhận sự chuẩn bị của chi bộ; đề nghị nghị quyết ghi rõ người phụ trách và thời hạn từng việc.",
      });
    }

    // The resolution (regular) or conclusion (thematic), adopted by the official members present.
    const kind: ResolutionKind = meeting.kind === "regular" ? "resolution" : "conclusion";
    const numberKey = `${unit.id}:${kind}`;
    const number = (numbers.get(numberKey) ?? 0) + 1;
    numbers.set(numberKey, number);
    const officialPresent = roster.filter((r) => r.present && r.official).length;
    const other = officialPresent > 3 && rng.chance(0.1) ? 1 : 0;
    const resolutionId = newId();
    const recent = meeting.date > addDays(today, -10);
    const signed = !(recent && rng.chance(0.4));
    out.resolutions.push({
      id: resolutionId,
      tenantId,
      meetingId: meeting.id,
      unitId: unit.id,
      unitPath: meeting.unitPath,
      kind,
      number: signed ? number : null,
      title:
        kind === "resolution"
          ? `Nghị quyết chi bộ tháng ${monthLabel(meeting.date)}`
          : `Kết luận chuyên đề: ${meeting.topic ?? "sinh hoạt chuyên đề"}`,
      content:
        kind === "resolution"
          ? "Chi bộ thống nhất đánh giá kết quả tháng qua và đề ra nhiệm vụ trọng tâm tháng tới như sau."
          : "Chi bộ thống nhất nội dung chuyên đề; mỗi đảng viên liên hệ, đưa vào cam kết tu dưỡng, rèn luyện.",
      position: 0,
      voteApprove: officialPresent - other,
      voteAgainst: 0,
      voteOther: other,
      outcome: "adopted",
      votedAt: meeting.endedAt ?? noonOf(meeting.date),
    });
    if (!signed) numbers.set(numberKey, number - 1);

    // The next regular meeting reviews every task still open (HD12), and gives its verdict.
    if (meeting.kind === "regular") {
      for (const o of openTasks) {
        const verdict: ReviewVerdict = rng.weighted([
          ["done", o.reviews === 0 ? 80 : 85],
          ["in_progress", o.reviews === 0 ? 12 : 0],
          ["not_done", o.reviews === 0 ? 8 : 15],
        ]);
        const cause = verdict === "not_done" ? rng.pick(NOT_DONE_CAUSES) : null;
        const at = meeting.endedAt ?? noonOf(meeting.date);
        out.taskReviews.push({
          id: newId(),
          tenantId,
          taskId: o.task.id,
          meetingId: meeting.id,
          verdict,
          cause,
          createdAt: at,
          updatedAt: at,
        });
        o.task.state = verdict;
        o.task.lastNote = cause;
        o.reviews += 1;
      }
      openTasks = openTasks.filter((o) => o.task.state === "in_progress");

      const count = rng.int(2, 4);
      const titles = rng.shuffled(TASKS).slice(0, count);
      titles.forEach((title, position) => {
        const byBody = rng.chance(0.15);
        const task: DemoTask = {
          id: newId(),
          tenantId,
          unitId: unit.id,
          unitPath: meeting.unitPath,
          meetingId: meeting.id,
          meetingDate: meeting.date,
          resolutionId,
          title,
          details: null,
          dueDate: addDays(meeting.date, rng.int(14, 28)),
          assigneeBody: byBody ? rng.pick(TASK_BODIES) : null,
          state: "open",
          lastNote: null,
          lastReportedAt: null,
          overdueNotifiedAt: null,
          position,
        };
        out.tasks.push(task);
        if (!byBody || rng.chance(0.5)) {
          for (const memberId of rng
            .shuffled(present)
            .slice(0, rng.int(1, Math.min(2, present.length)))) {
            out.taskAssignees.push({ tenantId, taskId: task.id, memberId });
          }
        }
        openTasks.push({ task, reviews: 0 });
      });
    }

    const signedAt = noonOf(addDays(meeting.date, rng.int(0, 2)));
    out.minutes.push({
      tenantId,
      meetingId: meeting.id,
      unitPath: meeting.unitPath,
      rev: rng.int(20, 120),
      content,
      chairMemberId: chair,
      minuteTakerMemberId: taker,
      // Most demo members have no login: their signatures are in the minutes book, confirmed by the lead.
      chairSignedAt: signed ? signedAt : null,
      chairOnBehalf: signed,
      takerSignedAt: signed ? signedAt : null,
      takerOnBehalf: signed,
      lockedAt: signed ? signedAt : null,
      createdAt: meeting.startedAt ?? noonOf(meeting.date),
      updatedAt: signed ? signedAt : (meeting.endedAt ?? noonOf(meeting.date)),
    });
  }
  flushOpen();
  for (const t of out.tasks) {
    if ((t.state === "open" || t.state === "in_progress") && t.dueDate < today) {
      t.overdueNotifiedAt = noonOf(addDays(t.dueDate, 1));
    }
  }

  yearly(rng, newId, src, opts, out.memberYearly);
  supervision(newId, src, opts, out.supervisionAssignments);
  return out;
}

/**
 * Yearly assignments and commitments (seeds' target: every member assigned): last year complete but a
 * few, this year's missing in a handful of cells that have not finished theirs.
 */
function yearly(
  rng: Rng,
  newId: () => string,
  src: MinutesSource,
  opts: MinutesOptions,
  rows: DemoYearly[],
) {
  const year = yearOf(opts.today);
  const lagging = new Set(
    src.units.filter((u) => u.kind === "cell" && rng.chance(0.12)).map((u) => u.id),
  );
  for (const m of src.members) {
    for (const y of [year - 1, year]) {
      const start = `${String(y)}-01-15`;
      if (m.joinDate > start || (m.leftOn !== null && m.leftOn <= `${String(y)}-12-31`)) continue;
      if (y === year && m.leftOn !== null) continue;
      const miss = y === year ? (lagging.has(m.unitId) ? 0.45 : 0.03) : 0.02;
      const datedOn = `${String(y)}-0${String(rng.int(1, 3))}-${String(rng.int(10, 28))}`;
      if (!rng.chance(miss)) {
        rows.push({
          id: newId(),
          tenantId: opts.tenantId,
          memberId: m.id,
          unitPath: m.unitPath,
          year: y,
          kind: "assignment",
          content: rng.pick(ASSIGNMENTS),
          datedOn,
        });
      }
      if (!rng.chance(miss + 0.04)) {
        rows.push({
          id: newId(),
          tenantId: opts.tenantId,
          memberId: m.id,
          unitPath: m.unitPath,
          year: y,
          kind: "commitment",
          content: rng.pick(COMMITMENTS),
          datedOn,
        });
      }
    }
  }
}

/** Seed 002: committee members and staff follow their cells; the demo's visitor follows every cell of its committee. */
function supervision(
  newId: () => string,
  src: MinutesSource,
  opts: MinutesOptions,
  rows: DemoSupervision[],
) {
  const visitor = src.users.find((u) => u.username === "giamsat");
  const committee = src.users.find((u) => u.username === "danguy");
  for (const user of [visitor, committee]) {
    const grant = user?.grants[0];
    const root = grant === undefined ? undefined : src.units.find((u) => u.id === grant.unitId);
    if (user === undefined || root === undefined) continue;
    const cells = src.units.filter((u) => u.kind === "cell" && u.path.startsWith(root.path));
    const mine = user === committee ? cells.slice(0, Math.ceil(cells.length / 2)) : cells;
    for (const cell of mine) {
      rows.push({
        id: newId(),
        tenantId: opts.tenantId,
        unitId: cell.id,
        unitPath: cell.path,
        userId: user.id,
        startsOn: `${String(yearOf(opts.today))}-01-01`,
        endsOn: null,
        visitsPerQuarter: 1,
      });
    }
  }
}
