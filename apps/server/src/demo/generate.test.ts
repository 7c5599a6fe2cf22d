import { describe, expect, it } from "vitest";
import {
  canContain,
  childPath,
  personSearchText,
  isGrassrootsLevel,
  kindOfLevel,
  nameSortKey,
  probationEnds,
} from "@chibo/domain";
import {
  DEMO_DEFAULT_SIZE,
  DEMO_LOGINS,
  describeDemoLogins,
  generateOrganisation,
} from "./generate.js";
import type { DemoOrganisation, GenerateOptions } from "./generate.js";

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
      ];
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
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
