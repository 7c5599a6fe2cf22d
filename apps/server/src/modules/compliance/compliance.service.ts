import {
  absenceAlerts,
  addDays,
  daysBetween,
  daysInMonth,
  forumYearState,
  formatDate,
  quarterRange,
  registeredDate as registeredDateOf,
  regularMonthState,
  summariseCell,
  summariseCommittee,
  thematicQuarterState,
  type AbsenceAlertDto,
  type AbsenceHistoryEntry,
  type ComplianceCellDto,
  type ComplianceDto,
  type MeetingRules,
  type PostponementDto,
  type RegularState,
} from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { invalid, notFound } from "../../http/errors.js";
import { vnDate, type Clock } from "../../lib/clock.js";
import { loadMeetingRules } from "../../lib/meeting-rules.js";
import { authorize, type Actor } from "../../policy/policy.js";
import { presentAbsenceAlert, presentPostponement } from "./compliance.presenter.js";
import {
  createComplianceRepository,
  type ComplianceCellRow,
  type HeldCountRow,
  type RegularMeetingRow,
} from "./compliance.repository.js";

/** Default window of the postponement list around today, and the widest window asked for. */
const POSTPONEMENT_DAYS_BACK = 90;
const POSTPONEMENT_DAYS_AHEAD = 90;
// A year plus the quarter after it: the current year's list also shows what is postponed into the next.
const POSTPONEMENT_MAX_SPAN_DAYS = 500;

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const QUARTERS = [1, 2, 3, 4] as const;

const byName = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Cells by registered day (cells without one last), then by name. */
function cellOrder(a: ComplianceCellRow, b: ComplianceCellRow): number {
  const da = a.meetingDay ?? 99;
  const db = b.meetingDay ?? 99;
  return da !== db ? da - db : byName.compare(a.name, b.name);
}

interface Totals {
  counted: number;
  countedPresent: number;
}

const rateOf = (t: Totals): number | null =>
  t.counted === 0 ? null : t.countedPresent / t.counted;

/** One cell's recorded meetings of the year. */
interface CellMeetings {
  /** Regular meetings by the month they answer for ("YYYY-MM"). */
  regular: Map<string, RegularMeetingRow>;
  /** HD12: thematic meetings held per quarter, regular meetings combined with one included. */
  thematic: number[];
  /** Seed 002: forums held in the year. */
  forums: number;
}

function byCell(
  regular: readonly RegularMeetingRow[],
  held: readonly HeldCountRow[],
): Map<string, CellMeetings> {
  const out = new Map<string, CellMeetings>();
  const of = (unitId: string): CellMeetings => {
    let c = out.get(unitId);
    if (!c) {
      c = { regular: new Map(), thematic: [0, 0, 0, 0], forums: 0 };
      out.set(unitId, c);
    }
    return c;
  };
  for (const m of regular) {
    if (m.period !== null) of(m.unitId).regular.set(m.period, m);
  }
  for (const h of held) {
    const c = of(h.unitId);
    if (h.kind === "forum") c.forums += h.held;
    else c.thematic[h.quarter - 1] = (c.thematic[h.quarter - 1] ?? 0) + h.held;
  }
  return out;
}

/** The year's month keys, month ends, quarter ends and registered dates, formatted once per request. */
interface YearCalendar {
  /** "YYYY-MM" of each month. */
  periods: string[];
  monthEnds: string[];
  quarterEnds: string[];
  yearEnd: string;
  /** Seed 000: the registered date of each month for a meeting day (29–31 fall back in short months). */
  registered(day: number): string[];
}

function yearCalendar(year: number): YearCalendar {
  const byDay = new Map<number, string[]>();
  return {
    periods: MONTHS.map((m) => formatDate(year, m, 1).slice(0, 7)),
    monthEnds: MONTHS.map((m) => formatDate(year, m, daysInMonth(year, m))),
    quarterEnds: QUARTERS.map((q) => quarterRange(year, q).to),
    yearEnd: formatDate(year, 12, 31),
    registered(day) {
      let dates = byDay.get(day);
      if (!dates) {
        dates = MONTHS.map((m) => registeredDateOf(year, m, day));
        byDay.set(day, dates);
      }
      return dates;
    },
  };
}

/** One cell's year (Charter, seed 000: monthly meeting on the registered day; HD12: thematic). */
function cellYear(
  cell: ComplianceCellRow,
  calendar: YearCalendar,
  today: string,
  rules: MeetingRules,
  recorded: CellMeetings | undefined,
): { dto: ComplianceCellDto; states: RegularState[]; totals: Totals } {
  const createdOn = vnDate(cell.createdAt);
  const registeredDates = cell.meetingDay !== null ? calendar.registered(cell.meetingDay) : null;
  const states: RegularState[] = [];
  const totals: Totals = { counted: 0, countedPresent: 0 };
  const months = calendar.periods.map((period, i) => {
    const meeting = recorded?.regular.get(period);
    const registered = meeting?.registeredDate ?? registeredDates?.[i] ?? meeting?.date ?? null;
    const isHeld = meeting?.status === "held";
    const counted = isHeld ? (meeting.counted ?? 0) : 0;
    const countedPresent = isHeld ? (meeting.countedPresent ?? 0) : 0;
    totals.counted += counted;
    totals.countedPresent += countedPresent;
    const firstReportedOn = meeting?.firstReportedOn ?? null;
    // A month with no meeting is not owed when the cell has no registered day or did not exist yet;
    // a recorded meeting is judged whenever it was.
    const owed =
      registered !== null && (meeting !== undefined || (calendar.monthEnds[i] ?? "") >= createdOn);
    const result = owed
      ? regularMonthState({
          registeredDate: registered,
          today,
          postponement:
            meeting && firstReportedOn !== null
              ? { reportedOn: firstReportedOn, newDate: meeting.date }
              : null,
          held: isHeld
            ? {
                date: meeting.heldOn ?? meeting.date,
                minutes: meeting.durationMinutes,
                combinedWithThematic: meeting.combinedWithThematic,
              }
            : null,
          rules,
        })
      : null;
    if (result) states.push(result.state);
    return {
      month: period,
      registeredDate: registered,
      state: result?.state ?? null,
      short: result?.short ?? false,
      meetingId: meeting?.id ?? null,
      heldOn: isHeld ? (meeting.heldOn ?? meeting.date) : null,
      newDate: meeting && firstReportedOn !== null ? meeting.date : null,
      attendanceRate: counted === 0 ? null : countedPresent / counted,
    };
  });

  const quarters = QUARTERS.map((quarter) => {
    const heldCount = recorded?.thematic[quarter - 1] ?? 0;
    return {
      quarter,
      held: heldCount,
      state: thematicQuarterState({
        quarterEnd: calendar.quarterEnds[quarter - 1] ?? calendar.yearEnd,
        today,
        heldCount,
        required: rules.thematicPerQuarter,
      }),
    };
  });
  const forumCount = recorded?.forums ?? 0;
  const forums = {
    held: forumCount,
    state: forumYearState({
      yearEnd: calendar.yearEnd,
      today,
      heldCount: forumCount,
      min: rules.forumsPerYear.min,
      max: rules.forumsPerYear.max,
    }),
  };
  const summary = summariseCell(states);
  return {
    dto: {
      unitId: cell.id,
      name: cell.name,
      meetingDay: cell.meetingDay,
      months,
      quarters,
      forums,
      compliant: summary.compliant,
      settled: summary.settled,
      rate: summary.rate,
      attendanceRate: rateOf(totals),
    },
    states,
    totals,
  };
}

export function createComplianceService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createComplianceRepository(db);

  async function loadUnit(actor: Actor, id: string, action: "meeting.read" | "meeting.alerts") {
    const unit = await repo.findUnit(actor.tenantId, id);
    if (!unit) throw notFound("unit");
    authorize(actor, action, unit.path, "unit");
    return unit;
  }

  return {
    /**
     * Seed 000: the committee assesses its cells' compliance with the meeting regime — every cell of
     * the subtree, month by month, with thematic quarters (HD12), forums (seed 002) and attendance.
     */
    async compliance(actor: Actor, unitId: string, year: number): Promise<ComplianceDto> {
      const unit = await loadUnit(actor, unitId, "meeting.read");
      const today = clock.today();
      const [rules, cells, regular, held] = await Promise.all([
        loadMeetingRules(db, actor.tenantId),
        repo.cells(actor.tenantId, unit.id, unit.path),
        repo.regularMeetings(actor.tenantId, unit.path, year),
        repo.heldCounts(actor.tenantId, unit.path, year),
      ]);
      const recorded = byCell(regular, held);
      const calendar = yearCalendar(year);
      const pooled: Totals = { counted: 0, countedPresent: 0 };
      const allStates: RegularState[][] = [];
      const items = [...cells].sort(cellOrder).map((cell) => {
        const result = cellYear(cell, calendar, today, rules, recorded.get(cell.id));
        pooled.counted += result.totals.counted;
        pooled.countedPresent += result.totals.countedPresent;
        allStates.push(result.states);
        return result.dto;
      });
      const summary = summariseCommittee(allStates);
      return {
        unitId: unit.id,
        year,
        today,
        cells: items,
        summary: {
          cells: summary.cells,
          cellsOnSchedule: summary.cellsOnSchedule,
          cellsPending: summary.cellsPending,
          settled: summary.settled,
          compliant: summary.compliant,
          rate: summary.rate,
          counts: summary.counts,
          attendanceRate: rateOf(pooled),
          target: rules.programmeTarget,
        },
      };
    },

    /** Seed 000: "only postponements are reported" — the subtree's reports, newest first. */
    async postponements(
      actor: Actor,
      unitId: string,
      query: { from?: string | undefined; to?: string | undefined },
    ): Promise<PostponementDto[]> {
      const unit = await loadUnit(actor, unitId, "meeting.read");
      const today = clock.today();
      const from = query.from ?? addDays(today, -POSTPONEMENT_DAYS_BACK);
      const to = query.to ?? addDays(today, POSTPONEMENT_DAYS_AHEAD);
      if (from > to) {
        throw invalid("querystring.to", "Ngày kết thúc phải sau ngày bắt đầu");
      }
      if (daysBetween(from, to) > POSTPONEMENT_MAX_SPAN_DAYS) {
        throw invalid("querystring.to", "Khoảng thời gian tối đa 500 ngày");
      }
      const rows = await repo.postponements(actor.tenantId, unit.path, from, to);
      return rows.map(presentPostponement);
    },

    /**
     * Issue 3: absences the cell lead and the committee must act on (HD12; seed 000; Charter
     * 24-QĐ/TW §8.1), for the subtree's current members over the meetings held in `year`.
     */
    async absenceAlerts(actor: Actor, unitId: string, year: number): Promise<AbsenceAlertDto[]> {
      const unit = await loadUnit(actor, unitId, "meeting.alerts");
      const [rules, marks, people] = await Promise.all([
        loadMeetingRules(db, actor.tenantId),
        repo.absenceMarks(actor.tenantId, unit.path, year),
        repo.currentMembers(actor.tenantId, unit.path),
      ]);
      const histories = new Map<string, AbsenceHistoryEntry[]>();
      for (const m of marks) {
        const history = histories.get(m.memberId) ?? [];
        history.push({ date: m.date, kind: m.kind, status: m.status });
        histories.set(m.memberId, history);
      }
      // People arrive in name order; a stable sort groups them by cell.
      const ordered = [...people].sort(
        (a, b) =>
          byName.compare(a.unitName, b.unitName) ||
          (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
      );
      return ordered.flatMap((person) => {
        const history = histories.get(person.id);
        if (!history) return [];
        return absenceAlerts(person.id, history, rules).map((alert) =>
          presentAbsenceAlert(alert, person),
        );
      });
    },
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
