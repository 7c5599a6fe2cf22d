// Members' participation over the 12 months ending on a date (issue 4; seeds: members, young ones
// above all, who never speak): meetings attended, opinions given, tasks held and done; the members who
// never spoke and the share of meetings where most of those present spoke.
import {
  addDays,
  addMonths,
  participation,
  type MeetingParticipation,
  type ParticipationDto,
} from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { notFound } from "../../http/errors.js";
import type { Clock } from "../../lib/clock.js";
import { authorize, type Actor } from "../../policy/policy.js";
import {
  createParticipationRepository,
  type CellMemberRow,
  type Period,
} from "./participation.repository.js";

const byName = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** The 12 months ending on `to`: from the day after the same date a year before. */
export function periodEnding(to: string): Period {
  return { from: addDays(addMonths(to, -12), 1), to };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One line per member: on a transfer day a member is counted in the cell they joined last. */
function latestMembership(rows: readonly CellMemberRow[]): CellMemberRow[] {
  const kept = new Map<string, CellMemberRow>();
  for (const r of rows) {
    const seen = kept.get(r.id);
    if (!seen || r.fromDate > seen.fromDate) kept.set(r.id, r);
  }
  return rows.filter((r) => kept.get(r.id) === r);
}

export function createParticipationService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createParticipationRepository(db);

  return {
    /**
     * A cell: its members on `to` with their figures. A committee: one line per cell of its subtree,
     * the top figures adding up all cells. Names members, so it needs meeting.alerts.
     */
    async get(
      actor: Actor,
      unitId: string,
      toAsked: string | undefined,
    ): Promise<ParticipationDto> {
      const unit = await repo.findUnit(actor.tenantId, unitId);
      if (!unit) throw notFound("unit");
      authorize(actor, "meeting.alerts", unit.path, "unit", "meeting.read");
      const period = periodEnding(toAsked ?? clock.today());
      const isCell = unit.kind === "cell";

      const [allCells, held, marks, speakers] = await Promise.all([
        repo.cells(actor.tenantId, unit.path),
        repo.heldMeetings(actor.tenantId, unit.path, period),
        repo.marks(actor.tenantId, unit.path, period),
        repo.speakers(actor.tenantId, unit.path, period),
      ]);
      const meetingsOf = new Map<string, string[]>();
      const recorded = new Set<string>();
      for (const m of held) {
        push(meetingsOf, m.unitId, m.id);
        if (m.recorded) recorded.add(m.id);
      }
      const cells = allCells
        .filter((c) => c.active || c.id === unit.id || meetingsOf.has(c.id))
        .sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));

      const rosters = new Map<string, string[]>();
      const present = new Map<string, string[]>();
      for (const a of marks) {
        push(rosters, a.meetingId, a.memberId);
        if (a.status === "present" || a.status === "late") push(present, a.meetingId, a.memberId);
      }
      const spoken = new Map<string, string[]>();
      for (const s of speakers) push(spoken, s.meetingId, s.memberId);
      const meetingFigures = (cellId: string): MeetingParticipation[] =>
        (meetingsOf.get(cellId) ?? []).map((id) => ({
          meetingId: id,
          present: present.get(id) ?? [],
          speakers: spoken.get(id) ?? [],
          recorded: recorded.has(id),
        }));

      const people = latestMembership(
        await repo.cellMembers(
          actor.tenantId,
          cells.map((c) => c.id),
          period.to,
        ),
      );

      if (isCell) {
        const tasks = await repo.memberTasks(
          actor.tenantId,
          people.map((p) => p.id),
          period,
        );
        const summary = participation(
          people.map((p) => p.id),
          rosters,
          meetingFigures(unit.id),
          tasks,
        );
        const figures = new Map(summary.members.map((m) => [m.memberId, m]));
        return {
          unitId: unit.id,
          from: period.from,
          to: period.to,
          members: people.flatMap((p) => {
            const f = figures.get(p.id);
            return f ? [{ ...f, fullName: p.fullName, status: p.status }] : [];
          }),
          meetings: summary.meetings,
          meetingsRecorded: summary.meetingsRecorded,
          meetingsMostSpoke: summary.meetingsMostSpoke,
          shareMostSpoke: summary.shareMostSpoke,
          neverSpoke: summary.neverSpoke,
          cells: [],
        };
      }

      const lines = cells.map((cell) => {
        const ids = people.filter((p) => p.unitId === cell.id).map((p) => p.id);
        const s = participation(ids, rosters, meetingFigures(cell.id), []);
        return {
          unitId: cell.id,
          unitName: cell.name,
          members: ids.length,
          meetings: s.meetings,
          meetingsRecorded: s.meetingsRecorded,
          meetingsMostSpoke: s.meetingsMostSpoke,
          shareMostSpoke: s.shareMostSpoke,
          neverSpoke: s.neverSpoke,
        };
      });
      const meetings = lines.reduce((n, l) => n + l.meetings, 0);
      const meetingsRecorded = lines.reduce((n, l) => n + l.meetingsRecorded, 0);
      const most = lines.reduce((n, l) => n + l.meetingsMostSpoke, 0);
      return {
        unitId: unit.id,
        from: period.from,
        to: period.to,
        members: [],
        meetings,
        meetingsRecorded,
        meetingsMostSpoke: most,
        shareMostSpoke: meetingsRecorded === 0 ? null : most / meetingsRecorded,
        neverSpoke: lines.reduce((n, l) => n + l.neverSpoke, 0),
        cells: lines,
      };
    },
  };
}

export type ParticipationService = ReturnType<typeof createParticipationService>;
