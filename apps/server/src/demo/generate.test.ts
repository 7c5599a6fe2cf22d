import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import {
  ABSENCE_ALERT_RULES,
  DEFAULT_MEETING_RULES,
  mostSpoke,
  voteProblems,
  REGULAR_STATES,
  attendanceCounts,
  attendanceRate,
  canContain,
  cellAbsenceAlerts,
  childPath,
  forumYearState,
  personSearchText,
  isGrassrootsLevel,
  kindOfLevel,
  monthOf,
  nameSortKey,
  periodCovers,
  postponementProblems,
  probationEnds,
  quarterOf,
  quarterRange,
  registeredDate,
  regularMonthState,
  thematicQuarterState,
} from "@chibo/domain";
import type {
  AbsenceHistoryEntry,
  AttendanceStatus,
  ForumYearState,
  RegularState,
  RosterEntry,
} from "@chibo/domain";
import { testContext } from "#test/db";
import { uniq } from "#test/factories";
import type { Db } from "../db/client.js";
import {
  agendaItems,
  attendance,
  exemptions,
  grants,
  meetingAgendas,
  meetingGuests,
  meetings,
  memberEvents,
  meetingScores,
  memberYearly,
  members,
  memberships,
  minutes,
  positions,
  postponements,
  resolutions,
  supervisionAssignments,
  taskAssignees,
  taskReviews,
  taskUpdates,
  tasks,
  tenants,
  thematicPlans,
  thematicTopics,
  units,
  users,
  visits,
} from "../db/schema/index.js";
import { vnDate } from "../lib/clock.js";
import {
  DEMO_DEFAULT_SIZE,
  DEMO_LOGINS,
  describeDemoLogins,
  generateOrganisation,
} from "./generate.js";
import type { DemoOrganisation, GenerateOptions } from "./generate.js";
import { POSTPONEMENT_REASONS } from "./meeting-catalogue.js";
import { DEMO_MEETING_MONTHS, onRosterOn } from "./meetings.js";
import type { DemoAttendance, DemoMeeting } from "./meetings.js";
import { seedDemoTenant } from "./seed.js";
import type { SeedDemoResult } from "./seed.js";

const TODAY = "2025-11-15";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u;

const cache = new Map<string, DemoOrganisation>();
function org(opts: Partial<GenerateOptions> = {}): DemoOrganisation {
  const full: GenerateOptions = { seed: 2022, ...DEMO_DEFAULT_SIZE, today: TODAY, ...opts };
  const key = JSON.stringify(full);
  let found = cache.get(key);
  if (found === undefined) {
    found = generateOrganisation(full);
    cache.set(key, found);
  }
  return found;
}

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  if (fy === undefined || fm === undefined || fd === undefined) throw new Error(from);
  if (ty === undefined || tm === undefined || td === undefined) throw new Error(to);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

/** Thousands of rows: collect what is wrong and assert once, for speed and a readable failure. */
function collector() {
  const problems: string[] = [];
  const check = (ok: boolean, what: string, who: string) => {
    if (!ok) problems.push(`${who}: ${what}`);
  };
  return { problems, check };
}

const SIZES = [
  { name: "default (Quảng Bình bloc)", ...DEMO_DEFAULT_SIZE },
  { name: "small", grassroots: 3, cells: 8, members: 60 },
  { name: "one chi bộ cơ sở at the Charter minimum", grassroots: 1, cells: 1, members: 3 },
  { name: "only chi bộ cơ sở", grassroots: 5, cells: 5, members: 120 },
  { name: "cells at the minimum size", grassroots: 4, cells: 20, members: 60 },
  { name: "cells at the maximum size", grassroots: 2, cells: 6, members: 240 },
  { name: "larger than the catalogue", grassroots: 120, cells: 700, members: 8000 },
] as const;

describe("generateOrganisation", () => {
  it("gives identical output for the same options", () => {
    const opts = { seed: 7, grassroots: 6, cells: 30, members: 360, today: TODAY };
    expect(generateOrganisation(opts)).toEqual(generateOrganisation(opts));
  });

  it("differs with the seed", () => {
    const a = org({ seed: 1, grassroots: 6, cells: 30, members: 360 });
    const b = org({ seed: 2, grassroots: 6, cells: 30, members: 360 });
    expect(a.members.map((m) => m.fullName)).not.toEqual(b.members.map((m) => m.fullName));
    expect(a.tenant.id).not.toBe(b.tenant.id);
  });

  it("keeps the data but changes every id with the tenant code", () => {
    const a = org({ grassroots: 3, cells: 8, members: 60 });
    const b = org({ grassroots: 3, cells: 8, members: 60, code: "other" });
    expect(b.tenant.code).toBe("other");
    expect(b.members.map((m) => m.fullName)).toEqual(a.members.map((m) => m.fullName));
    const idsOfA = new Set([...a.units, ...a.members].map((x) => x.id));
    expect([...b.units, ...b.members].some((x) => idsOfA.has(x.id))).toBe(false);
    expect(b.meetings.meetings.map((m) => m.topic)).toEqual(
      a.meetings.meetings.map((m) => m.topic),
    );
    const meetingIdsOfA = new Set(a.meetings.meetings.map((m) => m.id));
    expect(b.meetings.meetings.some((m) => meetingIdsOfA.has(m.id))).toBe(false);
  });

  it("rejects sizes the Charter or the shape cannot meet", () => {
    const base = { seed: 1, today: TODAY };
    expect(() => generateOrganisation({ ...base, grassroots: 0, cells: 1, members: 3 })).toThrow();
    expect(() => generateOrganisation({ ...base, grassroots: 5, cells: 4, members: 60 })).toThrow();
    expect(() => generateOrganisation({ ...base, grassroots: 2, cells: 4, members: 11 })).toThrow();
    expect(() => generateOrganisation({ ...base, grassroots: 1, cells: 1, members: 41 })).toThrow();
    expect(() =>
      generateOrganisation({ ...base, grassroots: 1, cells: 1, members: 3, today: "2025-02-30" }),
    ).toThrow();
  });

  describe.each(SIZES)("$name", ({ grassroots, cells, members }) => {
    const o = () => org({ grassroots, cells, members });

    it("has exactly the requested numbers of organisations, cells and members", () => {
      const { units } = o();
      expect(units.filter((u) => u.isGrassroots)).toHaveLength(grassroots);
      expect(units.filter((u) => u.kind === "cell")).toHaveLength(cells);
      expect(o().members).toHaveLength(members);
    });

    it("builds a consistent tree under one bloc root", () => {
      const { units, tenant } = o();
      const byId = new Map(units.map((u) => [u.id, u]));
      const order = new Map(units.map((u, i) => [u.id, i]));
      const roots = units.filter((u) => u.parentId === null);
      expect(roots).toHaveLength(1);
      const root = roots[0];
      expect(root).toMatchObject({ level: "bloc", code: "DUK-QB", isGrassroots: false });
      expect(root?.path).toBe(childPath(null, root?.id ?? ""));
      expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
      expect(tenant).toMatchObject({ tenantId: tenant.id, isDemo: true });
      const { problems, check } = collector();
      for (const unit of units) {
        const who = `${unit.code} ${unit.name}`;
        check(unit.tenantId === tenant.id, "tenant", who);
        check(unit.kind === kindOfLevel(unit.level), "kind", who);
        check(unit.isGrassroots === isGrassrootsLevel(unit.level), "isGrassroots", who);
        const day = unit.meetingDay;
        check(
          unit.kind === "cell" ? day !== null && day >= 1 && day <= 10 : day === null,
          "day",
          who,
        );
        if (unit.parentId === null) continue;
        const parent = byId.get(unit.parentId);
        if (parent === undefined) {
          problems.push(`${who}: no parent`);
          continue;
        }
        // Parents come first, paths extend the parent's, and the Charter allows the nesting.
        check((order.get(parent.id) ?? 0) < (order.get(unit.id) ?? 0), "after its parent", who);
        check(unit.path === childPath(parent.path, unit.id), "path", who);
        check(canContain(parent.level, unit.level), `${unit.level} under ${parent.level}`, who);
      }
      expect(problems).toEqual([]);
    });

    it("puts every member in a cell, with at least three active official members each", () => {
      const { units, members, exemptions } = o();
      const byId = new Map(units.map((u) => [u.id, u]));
      const exempt = new Set(exemptions.map((e) => e.memberId));
      const { problems, check } = collector();
      for (const m of members) {
        const unit = byId.get(m.unitId);
        check(unit?.kind === "cell" && m.unitPath === unit.path, "not in a cell", m.id);
      }
      const perCell = groupBy(members, (m) => m.unitId);
      for (const cell of units.filter((u) => u.kind === "cell")) {
        const list = perCell.get(cell.id) ?? [];
        const voting = list.filter(
          (m) => m.status === "official" && m.leftOn === null && !exempt.has(m.id),
        );
        check(list.length >= 3 && list.length <= 40, `${list.length} members`, cell.name);
        check(voting.length >= 3, `${voting.length} active official members`, cell.name);
      }
      for (const group of units.filter((u) => u.level === "group")) {
        const size = perCell.get(group.parentId ?? "")?.length ?? 0;
        check(size >= 30, `a tổ đảng in a cell of ${size}`, group.code);
      }
      expect(problems).toEqual([]);
    });

    it("gives each cell exactly one current secretary from its own active members", () => {
      const { units, members, positions, exemptions } = o();
      const memberById = new Map(members.map((m) => [m.id, m]));
      const unitById = new Map(units.map((u) => [u.id, u]));
      const exempt = new Set(exemptions.map((e) => e.memberId));
      const perUnit = groupBy(
        positions.filter((p) => p.toDate === null),
        (p) => p.unitId,
      );
      const { problems, check } = collector();
      for (const cell of units.filter((u) => u.kind === "cell")) {
        const held = perUnit.get(cell.id) ?? [];
        const count = (title: string) => held.filter((p) => p.title === title).length;
        check(count("secretary") === 1, `${count("secretary")} secretaries`, cell.name);
        check(count("deputy_secretary") <= 1, "several deputies", cell.name);
        check(count("committee_member") === 0, "đảng ủy viên of a cell", cell.name);
      }
      for (const p of positions) {
        const member = memberById.get(p.memberId);
        const unit = unitById.get(p.unitId);
        if (member === undefined || unit === undefined) {
          problems.push(`${p.id}: unknown member or unit`);
          continue;
        }
        const who = `${p.title} ${member.fullName}`;
        check(member.status === "official" && member.leftOn === null, "not active official", who);
        check(!exempt.has(p.memberId), "exempted", who);
        check(p.fromDate <= TODAY && p.fromDate >= (member.officialDate ?? ""), "from date", who);
        if (p.title === "committee_member") {
          check(unit.level === "grassroots_committee", "on a non-committee", who);
          check(member.unitPath.startsWith(unit.path), "outside the đảng bộ", who);
        } else {
          check(member.unitId === unit.id, "outside the cell", who);
        }
      }
      for (const committee of units.filter((u) => u.level === "grassroots_committee")) {
        const seats = (perUnit.get(committee.id) ?? []).length;
        check(seats >= 5 && seats <= 9, `${seats} đảng ủy viên`, committee.name);
      }
      expect(problems).toEqual([]);
    });

    it("keeps card numbers unique and dates consistent", () => {
      const { members, exemptions, memberships, memberEvents } = o();
      const cards = members.flatMap((m) => (m.cardNumber === null ? [] : [m.cardNumber]));
      expect(new Set(cards).size).toBe(cards.length);
      const exempt = new Set(exemptions.map((e) => e.memberId));
      const { problems, check } = collector();
      for (const m of members) {
        const who = `${m.fullName} (${m.id})`;
        const words = m.fullName.split(" ");
        check(m.fullName === m.fullName.normalize("NFC"), "name not NFC", who);
        check(words.length >= 3 && words.length <= 4, "name not 3–4 words", who);
        check(m.sortKey === nameSortKey(m.fullName), "sortKey", who);
        check(m.searchText === personSearchText(m.fullName, m.cardNumber), "searchText", who);
        check(/^09\d{8}$/u.test(m.phone), "phone", who);
        check(m.birthDate < m.joinDate && m.joinDate <= TODAY, "birth < join <= today", who);
        check(yearsBetween(m.birthDate, m.joinDate) >= 18, "joined before 18", who);
        const age = yearsBetween(m.birthDate, TODAY);
        const oldest = exempt.has(m.id) || m.leftOn !== null ? 75 : 62;
        check(age >= 23 && age <= oldest, `age ${age}`, who);
        if (m.status === "official") {
          check(m.officialDate === probationEnds(m.joinDate), "official = join + 12 months", who);
          check((m.officialDate ?? "") <= TODAY, "official after today", who);
          check(/^\d{8}$/u.test(m.cardNumber ?? ""), "card number", who);
        } else {
          check(m.officialDate === null, "probationary with an official date", who);
          check(probationEnds(m.joinDate) > TODAY, "probation already over", who);
        }
        if (m.leftOn !== null) {
          check(m.leaveKind !== null, "left without a kind", who);
          check(m.leftOn > (m.officialDate ?? m.joinDate) && m.leftOn <= TODAY, "left on", who);
        }
      }
      const memberById = new Map(members.map((m) => [m.id, m]));
      for (const e of exemptions) {
        const m = memberById.get(e.memberId);
        check(m?.status === "official", "exempted but not official", e.memberId);
        check(
          e.fromDate > (m?.officialDate ?? "") && e.fromDate <= TODAY,
          "exemption from",
          e.memberId,
        );
      }
      const perMember = groupBy(memberships, (s) => s.memberId);
      for (const m of members) {
        const list = perMember.get(m.id) ?? [];
        const open = list.filter((s) => s.toDate === null);
        const last = list[list.length - 1];
        check((list[0]?.fromDate ?? "") >= m.joinDate, "membership before joining", m.id);
        check(last?.unitId === m.unitId, "last membership elsewhere", m.id);
        if (m.leftOn === null) {
          check(open.length === 1 && open[0]?.unitId === m.unitId, "one open membership", m.id);
        } else {
          check(
            open.length === 0 && last?.toDate === m.leftOn,
            "membership closed on leaving",
            m.id,
          );
        }
        for (let i = 1; i < list.length; i++) {
          check(
            (list[i - 1]?.toDate ?? "") < (list[i]?.fromDate ?? ""),
            "overlapping memberships",
            m.id,
          );
        }
      }
      const eventsOf = groupBy(memberEvents, (e) => e.memberId);
      for (const m of members) {
        const events = eventsOf.get(m.id) ?? [];
        const dates = events.map((e) => e.date);
        const official = events.filter((e) => e.kind === "made_official").map((e) => e.date);
        check(events.filter((e) => e.kind === "created").length === 1, "one created event", m.id);
        check(
          JSON.stringify(official) ===
            JSON.stringify(m.officialDate === null ? [] : [m.officialDate]),
          "made_official event",
          m.id,
        );
        check(
          JSON.stringify(dates) === JSON.stringify([...dates].sort()),
          "events out of order",
          m.id,
        );
        check(
          dates.every((d) => d <= TODAY),
          "event after today",
          m.id,
        );
      }
      expect(problems).toEqual([]);
    });

    it("uses distinct v4-shaped ids", () => {
      const d = o();
      const ids = [
        d.tenant.id,
        ...d.units.map((u) => u.id),
        ...d.members.map((m) => m.id),
        ...d.memberships.map((s) => s.id),
        ...d.exemptions.map((e) => e.id),
        ...d.positions.map((p) => p.id),
        ...d.memberEvents.map((e) => e.id),
        ...d.users.flatMap((u) => [u.id, ...u.grants.map((g) => g.id)]),
        ...d.meetings.meetings.map((m) => m.id),
        ...d.meetings.postponements.map((p) => p.id),
        ...d.meetings.meetingGuests.map((g) => g.id),
        ...d.meetings.thematicTopics.map((t) => t.id),
      ];
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    });

    it("gives every cell two years of consistent meetings and rosters", () => {
      const d = o();
      expect(meetingProblems(worldOf(d, TODAY))).toEqual([]);
    });

    it("grants the demo logins on existing units, linked to fitting members", () => {
      const { units, users, members, positions } = o();
      const unitById = new Map(units.map((u) => [u.id, u]));
      const memberById = new Map(members.map((m) => [m.id, m]));
      expect(users.map((u) => u.username)).toEqual(DEMO_LOGINS.map((l) => l.username));
      for (const user of users) {
        expect(user.grants).toHaveLength(1);
        const grant = user.grants[0];
        const unit = unitById.get(grant?.unitId ?? "");
        expect(unit).toBeDefined();
        expect(grant?.role).toBe(DEMO_LOGINS.find((l) => l.username === user.username)?.role);
        if (user.memberId !== null) {
          const member = memberById.get(user.memberId);
          expect(member?.fullName).toBe(user.displayName);
          expect(member?.leftOn).toBeNull();
          expect(member?.unitPath.startsWith(unit?.path ?? "-")).toBe(true);
        }
      }
      const byName = new Map(users.map((u) => [u.username, u]));
      const holds = (username: string, title: string) => {
        const user = byName.get(username);
        return positions.some(
          (p) =>
            p.memberId === user?.memberId &&
            p.unitId === user.grants[0]?.unitId &&
            p.title === title,
        );
      };
      expect(holds("bithu", "secretary")).toBe(true);
      expect(unitById.get(byName.get("bithu")?.grants[0]?.unitId ?? "")?.kind).toBe("cell");
      expect(byName.get("dangvien")?.grants[0]?.unitId).toBe(
        byName.get("bithu")?.grants[0]?.unitId,
      );
      expect(byName.get("dangvien")?.memberId).not.toBe(byName.get("bithu")?.memberId);
      const root = units.find((u) => u.parentId === null)?.id;
      for (const username of ["admin", "bantochuc", "kiemtra"]) {
        expect(byName.get(username)?.grants[0]?.unitId).toBe(root);
      }
      if (units.some((u) => u.level === "grassroots_committee")) {
        expect(holds("danguy", "committee_member")).toBe(true);
        expect(unitById.get(byName.get("danguy")?.grants[0]?.unitId ?? "")?.level).toBe(
          "grassroots_committee",
        );
      }

      const logins = describeDemoLogins(o());
      expect(logins.map((l) => l.username)).toEqual(DEMO_LOGINS.map((l) => l.username));
      for (const login of logins) {
        expect(login.description.length).toBeGreaterThan(10);
        expect(units.some((u) => u.name === login.unitName)).toBe(true);
      }
    });
  });

  it("looks like the Quảng Bình bloc at the default size", () => {
    const { units, members, exemptions, positions } = org();
    const share = (n: number) => n / members.length;
    const committees = units.filter((u) => u.level === "grassroots_committee").length;
    expect(committees / DEMO_DEFAULT_SIZE.grassroots).toBeCloseTo(0.6, 1);
    expect(units.filter((u) => u.level === "sub_committee").length).toBeGreaterThan(0);
    expect(units.filter((u) => u.level === "group").length).toBeGreaterThan(0);
    expect(share(members.filter((m) => m.status === "probationary").length)).toBeCloseTo(0.07, 2);
    expect(share(exemptions.length)).toBeCloseTo(0.03, 2);
    expect(share(members.filter((m) => m.leftOn !== null).length)).toBeCloseTo(0.01, 2);
    expect(
      units.filter((u) => u.meetingDay === 3).length / DEMO_DEFAULT_SIZE.cells,
    ).toBeGreaterThan(0.7);
    expect(positions.some((p) => p.title === "cell_committee_member")).toBe(true);
    expect(units[1]?.name).toBe("Đảng bộ Sở Tài chính");
    expect(new Set(units.map((u) => u.name)).has("Chi bộ Sở Tư pháp")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Meetings: the same checks on the generated rows (every size) and on the rows read back from the
// database (the default size), where the domain's rules also judge the mix of outcomes.

interface MeetingWorld {
  today: string;
  tenantId: string;
  cells: readonly {
    id: string;
    path: string;
    meetingDay: number | null;
    meetingTime: string | null;
    meetingPlace: string | null;
    meetingMode: string;
    meetingUrl: string | null;
  }[];
  members: readonly { id: string; officialDate: string | null; leftOn: string | null }[];
  memberships: readonly {
    memberId: string;
    unitId: string;
    fromDate: string;
    toDate: string | null;
  }[];
  exemptions: readonly { memberId: string; fromDate: string; toDate: string | null }[];
  positions: readonly { memberId: string; unitId: string; title: string }[];
  meetings: readonly DemoMeeting[];
  postponements: readonly {
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
  }[];
  attendance: readonly (Omit<DemoAttendance, "status"> & { status: AttendanceStatus | null })[];
  guests: readonly {
    id: string;
    tenantId: string;
    meetingId: string;
    name: string;
    kind: string;
  }[];
  plans: readonly { tenantId: string; unitId: string; year: number; reportedAt: Date | null }[];
  topics: readonly {
    id: string;
    tenantId: string;
    unitId: string;
    year: number;
    quarter: number;
    title: string;
    drafterMemberId: string | null;
  }[];
}

const CELL_TITLES = new Set(["secretary", "deputy_secretary", "cell_committee_member"]);
const REASONS = new Set(POSTPONEMENT_REASONS.map(([r]) => r));
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/u;

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function periodAt(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String(index - year * 12 + 1).padStart(2, "0")}`;
}

function worldOf(d: DemoOrganisation, today: string): MeetingWorld {
  return {
    today,
    tenantId: d.tenant.id,
    cells: d.units.filter((u) => u.kind === "cell"),
    members: d.members,
    memberships: d.memberships,
    exemptions: d.exemptions,
    positions: d.positions,
    meetings: d.meetings.meetings,
    postponements: d.meetings.postponements,
    attendance: d.meetings.attendance,
    guests: d.meetings.meetingGuests,
    plans: d.meetings.thematicPlans,
    topics: d.meetings.thematicTopics,
  };
}

/** Everything that must hold of the meetings whatever the draw: collected, asserted once. */
function meetingProblems(w: MeetingWorld): string[] {
  const { problems, check } = collector();
  const { today } = w;
  const todayIndex = monthIndex(today);
  const cellById = new Map(w.cells.map((c) => [c.id, c]));
  const memberById = new Map(w.members.map((m) => [m.id, m]));
  const membershipsOf = groupBy(w.memberships, (s) => s.unitId);
  const exemptionsOf = groupBy(w.exemptions, (e) => e.memberId);
  const leads = new Set(
    w.positions.filter((p) => CELL_TITLES.has(p.title)).map((p) => `${p.unitId}|${p.memberId}`),
  );
  const meetingById = new Map(w.meetings.map((m) => [m.id, m]));
  const postponementsOf = groupBy(w.postponements, (p) => p.meetingId);
  const attendanceOf = groupBy(w.attendance, (a) => a.meetingId);
  const topicById = new Map(w.topics.map((t) => [t.id, t]));

  // The registered schedule (seed 000), and one regular meeting a month (Charter): 24 months up to
  // today's and the three planned after it.
  const months = Array.from({ length: DEMO_MEETING_MONTHS + 3 }, (_, i) =>
    periodAt(todayIndex - DEMO_MEETING_MONTHS + 1 + i),
  );
  const regularOf = groupBy(
    w.meetings.filter((m) => m.kind === "regular"),
    (m) => m.unitId,
  );
  for (const c of w.cells) {
    check(TIME_OF_DAY.test(c.meetingTime ?? ""), "meeting time", c.id);
    check(
      c.meetingMode === "in_person"
        ? c.meetingUrl === null && c.meetingPlace !== null
        : (c.meetingUrl ?? "").startsWith("https://") &&
            (c.meetingMode === "online") === (c.meetingPlace === null),
      "mode, place and link",
      c.id,
    );
    const periods = (regularOf.get(c.id) ?? []).map((m) => m.period ?? "").sort();
    check(JSON.stringify(periods) === JSON.stringify(months), "one regular meeting a month", c.id);
  }

  for (const m of w.meetings) {
    const who = `${m.kind} ${m.date} ${m.id}`;
    const cell = cellById.get(m.unitId);
    if (cell === undefined) {
      problems.push(`${who}: not a cell's meeting`);
      continue;
    }
    check(m.tenantId === w.tenantId && m.unitPath === cell.path, "tenant and path", who);
    check(["planned", "postponed", "held"].includes(m.status), `status ${m.status}`, who);
    const posts = postponementsOf.get(m.id) ?? [];
    const post = posts[0];
    if (m.kind === "regular") {
      const [y, mo] = (m.period ?? "").split("-").map(Number);
      check(
        m.registeredDate === registeredDate(y ?? 0, mo ?? 0, cell.meetingDay ?? 0),
        "registered date",
        who,
      );
      check(posts.length <= 1, "several postponements", who);
    } else {
      check(m.period === null && m.registeredDate === null, "period on a non-regular", who);
      check(posts.length === 0, "postponement of a non-regular", who);
    }

    if (m.status === "held") {
      const { startedAt, endedAt, heldOn } = m;
      check(
        heldOn !== null &&
          heldOn < today &&
          startedAt !== null &&
          endedAt !== null &&
          vnDate(startedAt) === heldOn &&
          m.durationMinutes === (endedAt.getTime() - startedAt.getTime()) / 60_000,
        "held: local date, start, end and duration agree",
        who,
      );
      if (m.kind === "regular") {
        check(monthOf(heldOn ?? "") === m.period, "held in its month", who);
        check(
          post !== undefined
            ? m.date === post.newDate
            : m.date === m.registeredDate ||
                (m.date === heldOn && m.date < (m.registeredDate ?? "")),
          "date: registered, new, or the earlier day it was held",
          who,
        );
      } else {
        check(m.date === heldOn, "held on its date", who);
      }
    } else {
      check(
        m.heldOn === null && m.startedAt === null && m.endedAt === null,
        "times only when held",
        who,
      );
      check((attendanceOf.get(m.id) ?? []).length === 0, "a roster before it was held", who);
    }
    if (m.status === "postponed") {
      check(m.date === post?.newDate, "postponed to the new date", who);
    }
    if (m.status === "planned") {
      check(post === undefined, "planned yet postponed", who);
      if (m.kind === "regular") check(m.date === m.registeredDate, "on the registered day", who);
      else check(m.date >= today, "planned in the past", who);
    }
    if (post !== undefined) {
      check(
        post.fromDate === m.registeredDate &&
          postponementProblems({
            registeredDate: post.fromDate,
            newDate: post.newDate,
            today: post.reportedOn,
          }).length === 0,
        "a postponement the app accepts (with notice, later in the month)",
        who,
      );
      check(
        post.reportedOn < today &&
          vnDate(post.reportedAt) === post.reportedOn &&
          post.tenantId === w.tenantId &&
          post.unitId === m.unitId &&
          post.unitPath === m.unitPath,
        "reported before today, by this cell",
        who,
      );
      check(REASONS.has(post.reason), `reason ${post.reason}`, who);
    }
    if (m.kind === "committee") {
      const prepared = meetingById.get(m.preparesMeetingId ?? "");
      check(
        prepared?.kind === "regular" &&
          prepared.unitId === m.unitId &&
          m.date < (prepared.heldOn ?? prepared.date) &&
          monthIndex(prepared.registeredDate ?? "") >= todayIndex - 2,
        "prepares a regular meeting of the last three months or a planned one",
        who,
      );
    } else {
      check(m.preparesMeetingId === null, "prepares a meeting", who);
    }
    if (m.kind === "thematic") check(m.thematicTopicId !== null, "without a topic", who);
    if (m.thematicTopicId !== null) {
      const topic = topicById.get(m.thematicTopicId);
      const date = m.heldOn ?? m.date;
      check(
        topic?.unitId === m.unitId &&
          topic.year === Number(date.slice(0, 4)) &&
          topic.quarter === quarterOf(date).quarter &&
          (m.kind === "thematic" || m.combinedWithThematic),
        "the topic of its cell and quarter",
        who,
      );
    }

    if (m.status !== "held") continue;
    // HD12: the roster is every member of the cell that day; exempt members listed, not counted.
    const date = m.heldOn ?? m.date;
    const rows = attendanceOf.get(m.id) ?? [];
    const expected = new Set(
      (membershipsOf.get(m.unitId) ?? [])
        .filter((s) => onRosterOn(s, memberById.get(s.memberId)?.leftOn ?? null, date))
        .map((s) => s.memberId),
    );
    const got = rows.map((a) => a.memberId);
    if (m.kind === "committee") {
      check(
        got.length >= 2 && got.every((id) => expected.has(id) && leads.has(`${m.unitId}|${id}`)),
        "the chi ủy's roster",
        who,
      );
    } else {
      check(
        got.length === expected.size && got.every((id) => expected.has(id)),
        "roster = the cell's members that day",
        who,
      );
    }
    for (const a of rows) {
      const member = memberById.get(a.memberId);
      const exempt = (exemptionsOf.get(a.memberId) ?? []).some((e) =>
        periodCovers({ from: e.fromDate, to: e.toDate }, date),
      );
      const mark = `${who} ${a.memberId}`;
      const official = member?.officialDate != null && member.officialDate <= date;
      check(a.tenantId === w.tenantId, "tenant", mark);
      check(a.exempt === exempt, "exempt flag", mark);
      check(a.memberStatus === (official ? "official" : "probationary"), "status that day", mark);
      check(
        exempt
          ? a.status === "exempt" || a.status === "present"
          : a.status !== null && a.status !== "exempt",
        `mark ${a.status ?? "none"}`,
        mark,
      );
      check((a.status === "absent_excused") === (a.reason !== null), "reason", mark);
      const came = a.status === "present" || a.status === "late";
      check((a.method !== null) === came, "check-in method of those who came", mark);
      check(a.status !== "late" || a.checkedInAt !== null, "late without a time", mark);
    }
  }

  // HD12: a yearly thematic plan with a topic each quarter, drafted by a member of the cell.
  const topicsOf = groupBy(w.topics, (t) => `${t.unitId}|${t.year}`);
  for (const plan of w.plans) {
    const who = `plan ${plan.unitId} ${plan.year}`;
    const quarters = (topicsOf.get(`${plan.unitId}|${plan.year}`) ?? []).map((t) => t.quarter);
    check(JSON.stringify(quarters.sort()) === "[1,2,3,4]", "a topic each quarter", who);
    check(plan.tenantId === w.tenantId, "tenant", who);
    check(plan.reportedAt === null || vnDate(plan.reportedAt) < today, "reported", who);
  }
  for (const t of w.topics) {
    check(
      t.drafterMemberId === null ||
        (membershipsOf.get(t.unitId) ?? []).some((s) => s.memberId === t.drafterMemberId),
      "drafter from the cell",
      t.id,
    );
  }
  for (const g of w.guests) {
    check(
      g.tenantId === w.tenantId && meetingById.get(g.meetingId)?.status === "held",
      "guest of a held meeting",
      g.id,
    );
  }
  return problems;
}

/** regularMonthState of every cell-month, as the compliance views will compute it. */
function regularStates(w: MeetingWorld): Map<string, RegularState[]> {
  const postponementOf = new Map(w.postponements.map((p) => [p.meetingId, p]));
  const out = new Map<string, RegularState[]>();
  for (const m of w.meetings) {
    if (m.kind !== "regular" || m.registeredDate === null) continue;
    const p = postponementOf.get(m.id);
    const { state } = regularMonthState({
      registeredDate: m.registeredDate,
      today: w.today,
      postponement: p === undefined ? null : { reportedOn: p.reportedOn, newDate: p.newDate },
      held:
        m.status === "held" && m.heldOn !== null
          ? {
              date: m.heldOn,
              minutes: m.durationMinutes,
              combinedWithThematic: m.combinedWithThematic,
            }
          : null,
      rules: DEFAULT_MEETING_RULES,
    });
    const list = out.get(m.unitId) ?? [];
    list.push(state);
    out.set(m.unitId, list);
  }
  return out;
}

function heldWithRoster(w: MeetingWorld) {
  const byId = new Map(w.meetings.map((m) => [m.id, m]));
  return [...groupBy(w.attendance, (a) => a.meetingId)].flatMap(([id, rows]) => {
    const meeting = byId.get(id);
    return meeting?.heldOn == null ? [] : [{ meeting, date: meeting.heldOn, rows }];
  });
}

/** Each cell's attendance rate over its held regular meetings (HD12: present ÷ counted). */
function cellAttendanceRates(w: MeetingWorld): number[] {
  const pooled = new Map<string, { present: number; counted: number }>();
  for (const { meeting, rows } of heldWithRoster(w)) {
    if (meeting.kind !== "regular") continue;
    const roster: RosterEntry[] = rows.map((a) => ({
      memberId: a.memberId,
      status: a.memberStatus,
      exempt: a.exempt,
    }));
    const marks = new Map<string, AttendanceStatus>();
    for (const a of rows) if (a.status !== null) marks.set(a.memberId, a.status);
    const counts = attendanceCounts(roster, marks);
    const rate = attendanceRate(counts);
    if (rate === null) continue;
    const cell = pooled.get(meeting.unitId) ?? { present: 0, counted: 0 };
    cell.present += counts.countedPresent;
    cell.counted += counts.counted;
    pooled.set(meeting.unitId, cell);
  }
  return [...pooled.values()].map((c) => c.present / c.counted).sort((a, b) => a - b);
}

/** Issue 3's absence alerts of every member, kept when their last meeting falls in `year`. */
function alertRulesIn(w: MeetingWorld, year: string): Map<string, number> {
  const histories = new Map<string, AbsenceHistoryEntry[]>();
  for (const { meeting, date, rows } of heldWithRoster(w)) {
    for (const a of rows) {
      if (a.status === null) continue;
      const list = histories.get(a.memberId) ?? [];
      list.push({ date, kind: meeting.kind, status: a.status });
      histories.set(a.memberId, list);
    }
  }
  const counts = new Map<string, number>();
  for (const alert of cellAbsenceAlerts(histories, DEFAULT_MEETING_RULES)) {
    if (!(alert.dates[alert.dates.length - 1] ?? "").startsWith(year)) continue;
    counts.set(alert.rule, (counts.get(alert.rule) ?? 0) + 1);
  }
  return counts;
}

function count<T>(items: readonly T[], ok: (item: T) => boolean): number {
  return items.reduce((n, item) => n + (ok(item) ? 1 : 0), 0);
}

async function loadWorld(db: Db, tenantId: string, today: string): Promise<MeetingWorld> {
  const cells = (
    await db.select().from(units).where(eq(units.tenantId, tenantId)).orderBy(asc(units.path))
  ).filter((u) => u.kind === "cell");
  return {
    today,
    tenantId,
    cells,
    members: await db.select().from(members).where(eq(members.tenantId, tenantId)),
    memberships: await db.select().from(memberships).where(eq(memberships.tenantId, tenantId)),
    exemptions: await db.select().from(exemptions).where(eq(exemptions.tenantId, tenantId)),
    positions: await db.select().from(positions).where(eq(positions.tenantId, tenantId)),
    meetings: await db.select().from(meetings).where(eq(meetings.tenantId, tenantId)),
    postponements: await db
      .select()
      .from(postponements)
      .where(eq(postponements.tenantId, tenantId)),
    attendance: await db.select().from(attendance).where(eq(attendance.tenantId, tenantId)),
    guests: await db.select().from(meetingGuests).where(eq(meetingGuests.tenantId, tenantId)),
    plans: await db.select().from(thematicPlans).where(eq(thematicPlans.tenantId, tenantId)),
    topics: await db.select().from(thematicTopics).where(eq(thematicTopics.tenantId, tenantId)),
  };
}

describe("the demo's meetings, seeded and read back from the database", () => {
  let seeded: SeedDemoResult;
  let world: MeetingWorld;
  let db: Db;

  beforeAll(async () => {
    db = (await testContext()).database.db;
    // The default seed and code, so the rows can be compared with the organisation generated above;
    // usernames are unique across tenants, hence the prefix.
    seeded = await seedDemoTenant(db, {
      password: "mat-khau-mau",
      today: TODAY,
      usernamePrefix: `${uniq("m")}-`,
    });
    world = await loadWorld(db, seeded.tenantId, TODAY);
  }, 300_000);

  afterAll(async () => {
    // The test database is shared by every file: leave no demo tenant behind.
    const id = seeded.tenantId;
    await db.transaction(async (tx) => {
      for (const table of [
        meetingAgendas,
        agendaItems,
        minutes,
        resolutions,
        tasks,
        taskAssignees,
        taskUpdates,
        taskReviews,
        memberYearly,
        supervisionAssignments,
        meetingScores,
        visits,
      ]) {
        await tx.delete(table).where(eq(table.tenantId, id));
      }
      await tx.delete(attendance).where(eq(attendance.tenantId, id));
      await tx.delete(meetingGuests).where(eq(meetingGuests.tenantId, id));
      await tx.delete(postponements).where(eq(postponements.tenantId, id));
      await tx.delete(meetings).where(eq(meetings.tenantId, id));
      await tx.delete(thematicTopics).where(eq(thematicTopics.tenantId, id));
      await tx.delete(thematicPlans).where(eq(thematicPlans.tenantId, id));
      await tx.delete(memberEvents).where(eq(memberEvents.tenantId, id));
      await tx.delete(positions).where(eq(positions.tenantId, id));
      await tx.delete(exemptions).where(eq(exemptions.tenantId, id));
      await tx.delete(memberships).where(eq(memberships.tenantId, id));
      await tx.delete(members).where(eq(members.tenantId, id));
      await tx.delete(grants).where(eq(grants.tenantId, id));
      await tx.delete(users).where(eq(users.tenantId, id));
      await tx.delete(units).where(eq(units.tenantId, id));
      await tx.delete(tenants).where(eq(tenants.id, id));
    });
  }, 120_000);

  it("writes consistent meetings, postponements, rosters and plans", () => {
    expect(world.cells).toHaveLength(DEMO_DEFAULT_SIZE.cells);
    expect(meetingProblems(world)).toEqual([]);
    const modes = world.cells.map((c) => c.meetingMode);
    expect(count(modes, (m) => m === "in_person") / modes.length).toBeGreaterThan(0.85);
    expect(modes).toContain("hybrid");
    expect(modes).toContain("online");
    // Vietnamese text and punctuation survive the bulk insert.
    expect(world.topics.map((t) => t.title)).toContain(
      "Phòng, chống tham nhũng, lãng phí, tiêu cực trong cơ quan, đơn vị",
    );
  });

  it("shows every regular compliance state, in realistic shares", () => {
    const states = [...regularStates(world).values()].flat();
    const n = (s: RegularState) => count(states, (x) => x === s);
    for (const state of REGULAR_STATES) expect(n(state), state).toBeGreaterThan(0);
    const settled = count(states, (s) => s !== "upcoming" && s !== "postponed_upcoming");
    const share = (...which: RegularState[]) => which.reduce((sum, s) => sum + n(s), 0) / settled;
    expect(share("held_on_day")).toBeGreaterThan(0.75);
    expect(share("postponed_held", "postponed_held_late", "postponed_missed")).toBeGreaterThan(
      0.05,
    );
    expect(share("postponed_held", "postponed_held_late", "postponed_missed")).toBeLessThan(0.08);
    expect(share("late_without_notice")).toBeGreaterThan(0.01);
    expect(share("late_without_notice")).toBeLessThan(0.025);
    expect(share("missed")).toBeGreaterThan(0.005);
    expect(share("missed")).toBeLessThan(0.015);
    // A past registered date with nothing held is a planned row left in the past.
    const missedRows = world.meetings.filter(
      (m) => m.kind === "regular" && m.status === "planned" && m.date < TODAY,
    );
    expect(missedRows).toHaveLength(n("missed"));
  });

  it("raises every absence alert rule in the current year", () => {
    const rules = alertRulesIn(world, TODAY.slice(0, 4));
    for (const rule of ABSENCE_ALERT_RULES) expect(rules.get(rule) ?? 0, rule).toBeGreaterThan(0);
  });

  it("has most cells attending 90–98% and a few poor ones below 85%", () => {
    const rates = cellAttendanceRates(world);
    expect(rates).toHaveLength(DEMO_DEFAULT_SIZE.cells);
    const median = rates[Math.floor(rates.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(0.9);
    expect(median).toBeLessThanOrEqual(0.98);
    expect(count(rates, (r) => r < 0.85)).toBeGreaterThanOrEqual(3);
    const statuses = new Set(world.attendance.map((a) => a.status));
    for (const s of ["present", "late", "absent_excused", "absent_unexcused", "exempt"] as const) {
      expect(statuses.has(s), s).toBe(true);
    }
    const methods = new Set(world.attendance.map((a) => a.method));
    for (const m of ["lead", "code", "qr", "link"] as const) expect(methods.has(m), m).toBe(true);
  });

  it("holds a thematic meeting most quarters, one or two forums most years, with guests", () => {
    const year = Number(TODAY.slice(0, 4));
    const thematic = groupBy(
      world.meetings.filter(
        (m) => m.status === "held" && (m.kind === "thematic" || m.combinedWithThematic),
      ),
      (m) =>
        `${m.unitId}|${quarterOf(m.heldOn ?? m.date).year}-${quarterOf(m.heldOn ?? m.date).quarter}`,
    );
    const quarterStates: string[] = [];
    for (const cell of world.cells) {
      for (let q = 1; q <= 4; q++) {
        const { to } = quarterRange(year - 1, q);
        const held = thematic.get(`${cell.id}|${year - 1}-${q}`)?.length ?? 0;
        quarterStates.push(thematicQuarterState({ quarterEnd: to, today: TODAY, heldCount: held }));
      }
    }
    expect(count(quarterStates, (s) => s === "met") / quarterStates.length).toBeGreaterThan(0.85);
    expect(quarterStates).toContain("missed");
    expect(count(world.meetings, (m) => m.combinedWithThematic)).toBeGreaterThan(0);
    expect(count(world.plans, (p) => p.reportedAt !== null) / world.plans.length).toBeGreaterThan(
      0.8,
    );

    const forums = groupBy(
      world.meetings.filter((m) => m.kind === "forum" && m.status === "held"),
      (m) => `${m.unitId}|${m.date.slice(0, 4)}`,
    );
    const forumStates: ForumYearState[] = world.cells.map((cell) =>
      forumYearState({
        yearEnd: `${year - 1}-12-31`,
        today: TODAY,
        heldCount: forums.get(`${cell.id}|${year - 1}`)?.length ?? 0,
      }),
    );
    expect(count(forumStates, (s) => s === "met") / forumStates.length).toBeGreaterThan(0.85);
    expect(forumStates).toContain("missed");
    expect(count(forumStates, (s) => s === "too_many")).toBeGreaterThanOrEqual(1);
    expect(count(forumStates, (s) => s === "too_many")).toBeLessThanOrEqual(2);

    const heldRegular = world.meetings.filter((m) => m.kind === "regular" && m.status === "held");
    const visited = new Set(
      world.guests.filter((g) => g.kind === "upper_level").map((g) => g.meetingId),
    );
    const share = count(heldRegular, (m) => visited.has(m.id)) / heldRegular.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.5);
  });

  it("scores every cell's recent regular meetings from their record, with the visitor's visits", () => {
    // Three months of regular meetings for each of the 409 cells, six for the demo committee's.
    expect(seeded.counts.scores).toBeGreaterThan(409 * 2);
    expect(seeded.counts.visits).toBeGreaterThan(3);
    // One attended visit whose report is overdue, for the committee's list and the visitor's notice.
    expect(seeded.counts.overdueReports).toBe(1);
  });

  it("writes exactly what the generator gives for the same seed and day", () => {
    const again = org().meetings;
    const counts = {
      meetings: again.meetings.length,
      postponements: again.postponements.length,
      attendance: again.attendance.length,
      guests: again.meetingGuests.length,
      thematicPlans: again.thematicPlans.length,
      thematicTopics: again.thematicTopics.length,
    };
    expect(seeded.counts).toMatchObject(counts);
    expect({
      meetings: world.meetings.length,
      postponements: world.postponements.length,
      attendance: world.attendance.length,
      guests: world.guests.length - seeded.counts.visitGuests,
      thematicPlans: world.plans.length,
      thematicTopics: world.topics.length,
    }).toEqual(counts);
    const key = (m: DemoMeeting) =>
      [m.id, m.kind, m.status, m.date, m.heldOn, m.startedAt?.toISOString(), m.topic].join("|");
    expect(world.meetings.map(key).sort()).toEqual(again.meetings.map(key).sort());
    const mark = (a: { meetingId: string; memberId: string; status: string | null }) =>
      `${a.meetingId}|${a.memberId}|${a.status ?? ""}`;
    const same =
      JSON.stringify(world.attendance.map(mark).sort()) ===
      JSON.stringify(again.attendance.map(mark).sort());
    expect(same).toBe(true);
  });
});

describe("the demo's minutes, resolutions and tasks", () => {
  const o = org();
  const x = o.minutes;
  const meetingById = new Map(o.meetings.meetings.map((m) => [m.id, m]));
  const roster = new Map<string, { memberId: string; present: boolean; official: boolean }[]>();
  for (const a of o.meetings.attendance) {
    const list = roster.get(a.meetingId) ?? [];
    list.push({
      memberId: a.memberId,
      present: a.status === "present" || a.status === "late",
      official: a.memberStatus === "official",
    });
    roster.set(a.meetingId, list);
  }

  it("records held meetings only, with chair, minute-taker and speakers from those present", () => {
    expect(x.minutes.length).toBeGreaterThan(2000);
    for (const m of x.minutes) {
      const meeting = meetingById.get(m.meetingId);
      expect(meeting?.status).toBe("held");
      const present = new Set(
        (roster.get(m.meetingId) ?? []).filter((r) => r.present).map((r) => r.memberId),
      );
      expect(present.has(m.chairMemberId)).toBe(true);
      expect(present.has(m.minuteTakerMemberId)).toBe(true);
      for (const item of m.content.items) {
        for (const op of item.opinions) {
          if (op.speakerMemberId !== null) expect(present.has(op.speakerMemberId)).toBe(true);
        }
      }
      expect(m.lockedAt === null).toBe(m.chairSignedAt === null);
    }
    // Most minutes are signed; a few of the last days are still being written.
    const unsigned = x.minutes.filter((m) => m.lockedAt === null);
    expect(unsigned.length).toBeGreaterThan(0);
    expect(unsigned.length / x.minutes.length).toBeLessThan(0.1);
  });

  it("adopts each resolution by a valid vote of the official members present", () => {
    for (const r of x.resolutions) {
      const rows = roster.get(r.meetingId) ?? [];
      const officialPresent = rows.filter((a) => a.present && a.official).length;
      const tally = { approve: r.voteApprove, against: r.voteAgainst, other: r.voteOther };
      expect(
        voteProblems(tally, { votingBody: officialPresent, officialPresent, quorum: true }),
      ).toEqual([]);
    }
  });

  it("gives every task an owner and a due date after its meeting; the next meeting reviews it", () => {
    const assigned = new Set(x.taskAssignees.map((a) => a.taskId));
    for (const t of x.tasks) {
      expect(assigned.has(t.id) || t.assigneeBody !== null).toBe(true);
      expect(t.dueDate > t.meetingDate).toBe(true);
    }
    const taskById = new Map(x.tasks.map((t) => [t.id, t]));
    for (const r of x.taskReviews) {
      const task = taskById.get(r.taskId);
      const meeting = meetingById.get(r.meetingId);
      expect(meeting?.kind).toBe("regular");
      expect(task !== undefined && meeting !== undefined && task.meetingDate < meeting.date).toBe(
        true,
      );
      expect(r.verdict !== "not_done" || r.cause !== null).toBe(true);
    }
    const states = new Set(x.tasks.map((t) => t.state));
    for (const s of ["open", "in_progress", "done", "not_done"])
      expect(states.has(s as never)).toBe(true);
  });

  it("has cells where most members speak and members who never do", () => {
    const shares = x.minutes.map((m) =>
      mostSpoke({
        meetingId: m.meetingId,
        present: (roster.get(m.meetingId) ?? []).filter((r) => r.present).map((r) => r.memberId),
        speakers: m.content.items.flatMap((i) =>
          i.opinions.flatMap((op) => (op.speakerMemberId === null ? [] : [op.speakerMemberId])),
        ),
      }),
    );
    const share = shares.filter(Boolean).length / shares.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.98);
  });

  it("assigns yearly tasks to nearly every member, with a few cells behind", () => {
    const year = Number(TODAY.slice(0, 4));
    const active = o.members.filter((m) => m.leftOn === null);
    const withAssignment = new Set(
      x.memberYearly
        .filter((y) => y.year === year && y.kind === "assignment")
        .map((y) => y.memberId),
    );
    const share = active.filter((m) => withAssignment.has(m.id)).length / active.length;
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(1);
  });
});
