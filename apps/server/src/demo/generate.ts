// A demo organisation shaped like the Quảng Bình bloc of provincial agencies (seed 000: 70 grassroots
// organisations, 409 cells, 4,921 members). Pure: the same options give the same objects, ids included,
// so tests, screenshots and the README can name what the demo contains.

import {
  childPath,
  personSearchText,
  isGrassrootsLevel,
  kindOfLevel,
  nameSortKey,
  probationEnds,
} from "@chibo/domain";
import type {
  Gender,
  LeaveKind,
  MeetingMode,
  MemberEventKind,
  MemberStatus,
  PositionTitle,
  Role,
  UnitKind,
  UnitLevel,
  UnitType,
} from "@chibo/domain";
import {
  DISTRICTS,
  EXEMPTION_REASONS,
  EXTRA_ORGANISATIONS,
  ORGANISATIONS,
  OTHER_HOMETOWNS,
  THEMES,
  TRANSFER_DESTINATIONS,
} from "./catalogue.js";
import type { OrgSpec, Section, Theme } from "./catalogue.js";
import { generateMeetings } from "./meetings.js";
import type { DemoMeetingData } from "./meetings.js";
import { generateMinutes } from "./minutes.js";
import type { DemoMinutesData } from "./minutes.js";
import { personName } from "./names.js";
import {
  addDays,
  addYears,
  assertDate,
  createRng,
  dateBetween,
  maxDate,
  minDate,
  uuidFrom,
  yearOf,
} from "./random.js";
import type { Rng } from "./random.js";

export const DEMO_ROOT_NAME = "Đảng bộ Khối các cơ quan tỉnh Quảng Bình";
export const DEMO_ROOT_CODE = "DUK-QB";
export const DEMO_TENANT_NAME = `${DEMO_ROOT_NAME} (dữ liệu mẫu)`;
export const DEMO_TENANT_CODE = "demo";
/** Seed 000's bloc (12/2020). */
export const DEMO_DEFAULT_SIZE = { grassroots: 70, cells: 409, members: 4921 } as const;

/** Charter: a cell has at least 3 official members; 40 keeps the demo's cells realistic. */
const MIN_CELL_MEMBERS = 3;
const MAX_CELL_MEMBERS = 40;
/** Cells this large get tổ đảng. */
const LARGE_CELL = 30;
/** Card numbers are "52" + six digits, so a tenant holds at most this many official members. */
const MAX_MEMBERS = 500_000;

export interface GenerateOptions {
  seed: number;
  grassroots: number;
  cells: number;
  members: number;
  /**
   * ISO date the data describes (Asia/Ho_Chi_Minh); every date generated is on or before it, except
   * the meetings planned for the next three months.
   */
  today: string;
  /** Tenant code (default "demo"); it also salts the ids, so several demo tenants share a database. */
  code?: string;
}

export interface DemoTenant {
  id: string;
  tenantId: string;
  name: string;
  code: string;
  isDemo: boolean;
}

export interface DemoUnit {
  id: string;
  tenantId: string;
  parentId: string | null;
  path: string;
  name: string;
  code: string;
  kind: UnitKind;
  level: UnitLevel;
  isGrassroots: boolean;
  unitType: UnitType | null;
  meetingDay: number | null;
  /** The registered schedule of a cell (seed 000): time "HH:MM", place, usual mode and link. */
  meetingTime: string | null;
  meetingPlace: string | null;
  meetingMode: MeetingMode;
  meetingUrl: string | null;
}

export interface DemoMember {
  id: string;
  tenantId: string;
  unitId: string;
  unitPath: string;
  fullName: string;
  sortKey: string;
  searchText: string;
  birthName: string | null;
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  religion: string;
  hometown: string;
  education: string;
  politicalTheory: string;
  qualification: string;
  occupation: string;
  phone: string;
  email: string | null;
  joinDate: string;
  officialDate: string | null;
  cardNumber: string | null;
  notes: string | null;
  status: MemberStatus;
  leftOn: string | null;
  leaveKind: LeaveKind | null;
}

export interface DemoMembership {
  id: string;
  tenantId: string;
  memberId: string;
  unitId: string;
  fromDate: string;
  toDate: string | null;
}

export interface DemoExemption {
  id: string;
  tenantId: string;
  memberId: string;
  fromDate: string;
  toDate: string | null;
  reason: string;
}

export interface DemoPosition {
  id: string;
  tenantId: string;
  memberId: string;
  unitId: string;
  title: PositionTitle;
  fromDate: string;
  toDate: string | null;
}

export interface DemoMemberEvent {
  id: string;
  tenantId: string;
  memberId: string;
  kind: MemberEventKind;
  date: string;
  fromUnitId: string | null;
  toUnitId: string | null;
  note: string | null;
}

export interface DemoGrant {
  id: string;
  unitId: string;
  role: Role;
}

/** A login of the demo; the password is set when seeding, never here. */
export interface DemoUser {
  id: string;
  tenantId: string;
  username: string;
  displayName: string;
  memberId: string | null;
  grants: DemoGrant[];
}

export interface DemoOrganisation {
  tenant: DemoTenant;
  /** Parents before children (depth-first). */
  units: DemoUnit[];
  members: DemoMember[];
  memberships: DemoMembership[];
  exemptions: DemoExemption[];
  positions: DemoPosition[];
  /** Each member's events in date order. */
  memberEvents: DemoMemberEvent[];
  users: DemoUser[];
  /** Two years of meetings up to `today` and the regular meetings planned after it. */
  meetings: DemoMeetingData;
  /** Agendas, minutes, resolutions and tasks of the last twelve months; yearly assignments. */
  minutes: DemoMinutesData;
}

/** The demo's logins; the places and people behind them come from describeDemoLogins. */
export const DEMO_LOGINS = [
  { username: "admin", role: "admin", summary: "Quản trị hệ thống, toàn Đảng bộ Khối" },
  { username: "bantochuc", role: "org_board", summary: "Ban Tổ chức Đảng ủy Khối" },
  { username: "kiemtra", role: "inspector", summary: "Ủy ban Kiểm tra Đảng ủy Khối" },
  { username: "danguy", role: "committee", summary: "Đảng ủy viên một đảng bộ cơ sở" },
  { username: "giamsat", role: "supervisor", summary: "Cán bộ dự sinh hoạt chi bộ của đảng bộ đó" },
  { username: "bithu", role: "cell_lead", summary: "Bí thư một chi bộ của đảng bộ đó" },
  { username: "dangvien", role: "member", summary: "Đảng viên của chi bộ đó" },
] as const satisfies readonly { username: string; role: Role; summary: string }[];

export type DemoUsername = (typeof DEMO_LOGINS)[number]["username"];

export interface DemoLogin {
  username: string;
  role: Role;
  unitName: string;
  description: string;
}

// ---------------------------------------------------------------------------------------------
// Sizes

interface Part {
  min: number;
  max: number;
  weight: number;
  count: number;
}

/**
 * Splits `total` into parts within [min, max], roughly in proportion to weight. When the maxima
 * cannot hold the total they give way, so the requested total is always met exactly.
 */
function allocate(
  total: number,
  specs: readonly { min: number; max: number; weight: number }[],
): number[] {
  const parts: Part[] = specs.map((s) => ({ ...s, count: s.min }));
  let rest = total - parts.reduce((sum, p) => sum + p.min, 0);
  if (rest < 0) throw new RangeError("the minima exceed the total");
  const room = parts.reduce((sum, p) => sum + p.max - p.min, 0);
  if (rest > room) for (const p of parts) p.max = Number.POSITIVE_INFINITY;
  while (rest > 0) {
    const open = parts.filter((p) => p.count < p.max);
    const weight = open.reduce((sum, p) => sum + p.weight, 0);
    const shares = open.map((p) => ({ p, share: (rest * p.weight) / weight }));
    let given = 0;
    for (const { p, share } of shares) {
      const add = Math.min(p.max - p.count, Math.floor(share));
      p.count += add;
      given += add;
    }
    if (given === 0) {
      // Every share rounded to nothing: one more each for the largest remainders (stable sort).
      shares.sort((a, b) => b.share - a.share);
      for (const { p } of shares.slice(0, rest)) p.count += 1;
      given = Math.min(rest, shares.length);
    }
    rest -= given;
  }
  return parts.map((p) => p.count);
}

function validate(opts: GenerateOptions): void {
  const { grassroots, cells, members } = opts;
  for (const [name, value] of Object.entries({ grassroots, cells, members, seed: opts.seed })) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer`);
  }
  if (grassroots < 1) throw new RangeError("at least one grassroots organisation is needed");
  if (cells < grassroots) throw new RangeError("each grassroots organisation needs a cell");
  if (members < cells * MIN_CELL_MEMBERS) {
    throw new RangeError(`each cell needs at least ${MIN_CELL_MEMBERS} members`);
  }
  if (members > cells * MAX_CELL_MEMBERS) {
    throw new RangeError(`a demo cell holds at most ${MAX_CELL_MEMBERS} members`);
  }
  if (members > MAX_MEMBERS) throw new RangeError(`at most ${MAX_MEMBERS} members`);
  assertDate(opts.today);
}

// ---------------------------------------------------------------------------------------------
// Names

function organisationSpecs(count: number): OrgSpec[] {
  const all = [...ORGANISATIONS, ...EXTRA_ORGANISATIONS];
  const out: OrgSpec[] = [];
  for (let i = 0; i < count; i++) {
    const base = all[i % all.length];
    if (base === undefined) throw new RangeError("empty catalogue");
    const round = Math.floor(i / all.length);
    // Beyond the catalogue the agencies repeat as further sites, which keeps names unique.
    out.push(round === 0 ? base : { ...base, name: `${base.name} – cơ sở ${round + 1}` });
  }
  return out;
}

/** The organisation's sections with its own offices and district branches filled in. */
function sectionsOf(spec: OrgSpec): Section[] {
  const theme = THEMES[spec.theme];
  const own = spec.cells ?? [];
  const branches =
    spec.branch === undefined
      ? []
      : DISTRICTS.map((d) =>
          (spec.branch ?? "").replace("{d}", d.name).replace("{D}", `${d.kind} ${d.name}`),
        );
  // An empty section of the theme takes the branches, or the own offices when there are none.
  const ownInSlot = spec.branch === undefined && theme.sections.some((s) => s.cells.length === 0);
  return theme.sections
    .map((s, i) => ({
      name: s.name,
      cells:
        s.cells.length > 0
          ? [...(i === 0 && !ownInSlot ? own : []), ...s.cells]
          : ownInSlot
            ? own
            : branches,
    }))
    .filter((s) => s.cells.length > 0);
}

/** Draws distinct cell names: in turn from each section, then "Chi bộ số N" when they run out. */
function cellNamer(sections: readonly Section[]): () => string {
  const queue: string[] = [];
  const longest = Math.max(0, ...sections.map((s) => s.cells.length));
  for (let i = 0; i < longest; i++) {
    for (const s of sections) {
      const name = s.cells[i];
      if (name !== undefined && !queue.includes(name)) queue.push(name);
    }
  }
  let extra = 0;
  return () => {
    const next = queue.shift();
    if (next !== undefined) return `Chi bộ ${next}`;
    extra += 1;
    return `Chi bộ số ${extra}`;
  };
}

function hometown(rng: Rng): string {
  if (rng.chance(0.08)) return rng.pick(OTHER_HOMETOWNS);
  const district = rng.pick(DISTRICTS);
  return `${rng.pick(district.communes)}, ${district.name}, Quảng Bình`;
}

const THEORY_LEVELS = ["Sơ cấp", "Trung cấp", "Cao cấp"] as const;
type TheoryLevel = (typeof THEORY_LEVELS)[number];

function politicalTheory(rng: Rng, age: number): TheoryLevel {
  if (age < 35)
    return rng.weighted([
      ["Sơ cấp", 75],
      ["Trung cấp", 22],
      ["Cao cấp", 3],
    ]);
  if (age < 50)
    return rng.weighted([
      ["Sơ cấp", 40],
      ["Trung cấp", 45],
      ["Cao cấp", 15],
    ]);
  return rng.weighted([
    ["Sơ cấp", 25],
    ["Trung cấp", 50],
    ["Cao cấp", 25],
  ]);
}

function atLeast(current: string, level: TheoryLevel): string {
  const rank = (l: string) => THEORY_LEVELS.findIndex((t) => t === l);
  return rank(current) >= rank(level) ? current : level;
}

/**
 * The most recent congress term's start on or before `today`: terms run 2020–2025, 2025–2030…; cells
 * hold their congress in April–May, grassroots committees in June.
 */
function termStart(rng: Rng, today: string, of: "cell" | "committee"): string {
  let year = yearOf(today) - ((((yearOf(today) - 2020) % 5) + 5) % 5);
  if (today < `${year}-07-01`) year -= 5;
  return of === "cell"
    ? dateBetween(rng, `${year}-04-01`, `${year}-05-31`)
    : dateBetween(rng, `${year}-06-01`, `${year}-06-30`);
}

// ---------------------------------------------------------------------------------------------
// The organisation

type Fate = "ordinary" | "probationary" | "exempt" | "left";

interface CellInfo {
  unit: DemoUnit;
  theme: Theme;
  size: number;
  /** The đảng bộ cơ sở above, or null for a chi bộ cơ sở. */
  committee: DemoUnit | null;
}

interface MemberInfo {
  member: DemoMember;
  cell: CellInfo;
  fate: Fate;
  age: number;
  /** Start of the open (or last) membership in the current cell. */
  since: string;
}

/**
 * Builds the whole demo organisation in memory, its meetings included; seedDemoTenant writes it. Dates
 * are on or before `today`, except the meetings planned after it.
 */
export function generateOrganisation(opts: GenerateOptions): DemoOrganisation {
  validate(opts);
  const { today } = opts;
  const code = opts.code ?? DEMO_TENANT_CODE;
  const rng = createRng(`chibo-demo:${opts.seed}`);
  const idRng = createRng(`chibo-demo-ids:${opts.seed}:${code}`);
  const newId = () => uuidFrom(idRng);

  const tenantId = newId();
  const tenant: DemoTenant = { id: tenantId, tenantId, name: DEMO_TENANT_NAME, code, isDemo: true };
  const units: DemoUnit[] = [];
  const addUnit = (
    parent: DemoUnit | null,
    level: UnitLevel,
    name: string,
    unitCode: string,
    unitType: UnitType | null,
    meetingDay: number | null = null,
  ): DemoUnit => {
    const id = newId();
    const unit: DemoUnit = {
      id,
      tenantId,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, id),
      name,
      code: unitCode,
      kind: kindOfLevel(level),
      level,
      isGrassroots: isGrassrootsLevel(level),
      unitType,
      meetingDay,
      meetingTime: null,
      meetingPlace: null,
      meetingMode: "in_person",
      meetingUrl: null,
    };
    units.push(unit);
    return unit;
  };
  const meetingDay = (): number =>
    // Quảng Bình's resolution sets the 3rd; a few cells registered another early day.
    rng.weighted([
      [3, 82],
      [1, 2],
      [2, 3],
      [4, 3],
      [5, 4],
      [6, 1],
      [7, 1],
      [8, 1],
      [9, 1],
      [10, 2],
    ]);

  // --- Structure: which organisations are đảng bộ cơ sở, how many cells each.
  const specs = organisationSpecs(opts.grassroots);
  const committeeCount = Math.min(Math.round(opts.grassroots * 0.6), opts.cells - opts.grassroots);
  const ranked = specs
    .map((spec, index) => ({ index, key: spec.size + rng.next() }))
    .sort((a, b) => b.key - a.key);
  const isCommittee = new Set(ranked.slice(0, committeeCount).map((r) => r.index));
  const committeeSpecs = specs.filter((_, i) => isCommittee.has(i));
  const childCells = opts.cells - (opts.grassroots - committeeCount);
  const minChildren =
    committeeCount === 0 ? 0 : Math.min(3, Math.floor(childCells / committeeCount));
  const childCounts = allocate(
    childCells,
    committeeSpecs.map((s) => ({
      min: minChildren,
      max: s.size === 3 ? 30 : 12,
      weight: (s.size === 3 ? 2.6 : 1) * (0.6 + 0.8 * rng.next()),
    })),
  );
  // The three largest đảng bộ (with ten cells or more) get đảng bộ bộ phận.
  const withSubs = new Set(
    childCounts
      .map((count, index) => ({ count, index }))
      .filter((c) => c.count >= 10)
      .sort((a, b) => b.count - a.count || a.index - b.index)
      .slice(0, 3)
      .map((c) => c.index),
  );

  // --- Cell sizes, drawn before the tree so a few cells are big enough for tổ đảng.
  const spare = opts.members - opts.cells * MIN_CELL_MEMBERS;
  const largeCount = Math.min(
    Math.round(opts.cells * 0.015),
    Math.floor(spare / (LARGE_CELL - MIN_CELL_MEMBERS)),
  );
  const large = new Set(rng.shuffled([...Array(opts.cells).keys()]).slice(0, largeCount));
  const sizes = allocate(
    opts.members,
    [...Array(opts.cells).keys()].map((i) => ({
      min: large.has(i) ? LARGE_CELL : MIN_CELL_MEMBERS,
      max: MAX_CELL_MEMBERS,
      // Forced-large cells already hold 30; a small weight keeps them below the cap.
      weight: (large.has(i) ? 0.4 : 1) * Math.min(3, Math.exp(0.6 * rng.normal())),
    })),
  );

  // --- The tree.
  const root = addUnit(null, "bloc", DEMO_ROOT_NAME, DEMO_ROOT_CODE, null);
  const cells: CellInfo[] = [];
  const addCell = (
    parent: DemoUnit,
    level: "cell" | "grassroots_cell",
    name: string,
    unitCode: string,
    theme: Theme,
    committee: DemoUnit | null,
  ) => {
    const size = sizes[cells.length];
    if (size === undefined) throw new RangeError("more cells built than sized");
    const unit = addUnit(parent, level, name, unitCode, parent.unitType, meetingDay());
    cells.push({ unit, theme, size, committee });
    if (size >= LARGE_CELL && (large.has(cells.length - 1) || rng.chance(0.5))) {
      const groups = rng.int(2, 3);
      for (let g = 1; g <= groups; g++) {
        addUnit(unit, "group", `Tổ đảng số ${g}`, `${unitCode}.T${g}`, unit.unitType);
      }
    }
  };
  let committeeIndex = 0;
  specs.forEach((spec, i) => {
    const orgCode = `${DEMO_ROOT_CODE}.${pad(i + 1)}`;
    const theme = THEMES[spec.theme];
    if (!isCommittee.has(i)) {
      addCell(root, "grassroots_cell", `Chi bộ ${spec.name}`, orgCode, theme, null);
      return;
    }
    const org = addUnit(
      root,
      "grassroots_committee",
      `Đảng bộ ${spec.name}`,
      orgCode,
      spec.unitType,
    );
    const count = childCounts[committeeIndex] ?? 0;
    const sections = sectionsOf(spec);
    let child = 0;
    const nextCode = (parent: DemoUnit) => `${parent.code}.${pad(++child)}`;
    if (withSubs.has(committeeIndex) && sections.length >= 2) {
      const subCount = Math.min(sections.length, Math.max(2, Math.min(4, Math.floor(count / 5))));
      const subSections = sections.slice(0, subCount);
      const otherSections = sections.slice(subCount);
      const direct = otherSections.length > 0 ? rng.int(1, 2) : 0;
      const perSub = allocate(
        count - direct,
        subSections.map((s) => ({ min: 2, max: Number.POSITIVE_INFINITY, weight: s.cells.length })),
      );
      subSections.forEach((section, s) => {
        const sub = addUnit(
          org,
          "sub_committee",
          `Đảng bộ bộ phận ${section.name}`,
          nextCode(org),
          spec.unitType,
        );
        const name = cellNamer([section]);
        let subChild = 0;
        for (let c = 0; c < (perSub[s] ?? 0); c++) {
          addCell(sub, "cell", name(), `${sub.code}.${pad(++subChild)}`, theme, org);
        }
      });
      const name = cellNamer(otherSections);
      for (let c = 0; c < direct; c++) addCell(org, "cell", name(), nextCode(org), theme, org);
    } else {
      const name = cellNamer(sections);
      for (let c = 0; c < count; c++) addCell(org, "cell", name(), nextCode(org), theme, org);
    }
    committeeIndex += 1;
  });

  // --- Members.
  const nonForced = spare;
  const wanted: [Fate, number][] = [
    ["probationary", Math.round(opts.members * 0.07)],
    ["exempt", Math.round(opts.members * 0.03)],
    ["left", Math.round(opts.members * 0.01)],
  ];
  const wantedTotal = wanted.reduce((sum, [, n]) => sum + n, 0);
  const scale = wantedTotal > nonForced ? nonForced / wantedTotal : 1;
  const fatePool: Fate[] = [];
  for (const [fate, n] of wanted) {
    for (let k = 0; k < Math.floor(n * scale); k++) fatePool.push(fate);
  }
  while (fatePool.length < nonForced) fatePool.push("ordinary");
  const fates = rng.shuffled(fatePool);
  let fateIndex = 0;

  const members: DemoMember[] = [];
  const infos: MemberInfo[] = [];
  const memberships: DemoMembership[] = [];
  const exemptions: DemoExemption[] = [];
  const events: DemoMemberEvent[] = [];
  const cards = new Set<string>();
  const newCard = (): string => {
    let card = "";
    do card = `52${String(rng.int(0, 999_999)).padStart(6, "0")}`;
    while (cards.has(card));
    cards.add(card);
    return card;
  };
  const oneYearAgo = addYears(today, -1);

  for (const cell of cells) {
    for (let slot = 0; slot < cell.size; slot++) {
      // The first three of every cell are ordinary official members: the Charter's minimum stays met.
      const fate: Fate = slot < MIN_CELL_MEMBERS ? "ordinary" : (fates[fateIndex++] ?? "ordinary");
      const gender: Gender = rng.chance(cell.theme.maleShare) ? "male" : "female";
      const fullName = personName(rng, gender);
      const illness = fate === "exempt" && rng.chance(0.4);
      const retireAge = gender === "male" ? 61 : 58;
      const age =
        fate === "probationary"
          ? 23 + Math.floor(rng.next() ** 1.5 * 16)
          : fate === "exempt"
            ? illness
              ? rng.int(38, 62)
              : rng.int(63, 75)
            : fate === "left"
              ? rng.int(28, 70)
              : Math.min(retireAge, 23 + Math.floor(((rng.next() + rng.next()) / 2) * 40));
      const birthDate = dateBetween(
        rng,
        addDays(addYears(today, -(age + 1)), 1),
        addYears(today, -age),
      );

      let joinDate: string;
      if (fate === "probationary") {
        joinDate = dateBetween(rng, addDays(today, -350), addDays(today, -14));
      } else {
        const joinAge = Math.max(18, Math.min(age - 2, Math.round(25 + 4 * rng.normal())));
        const earliest = addYears(birthDate, 18);
        const latest = addDays(oneYearAgo, -45);
        const drawn = dateBetween(
          rng,
          addYears(birthDate, joinAge),
          addDays(addYears(birthDate, joinAge + 1), -1),
        );
        joinDate = maxDate(earliest, minDate(drawn, latest));
      }
      const officialDate = fate === "probationary" ? null : probationEnds(joinDate);
      const cardNumber = officialDate === null ? null : newCard();

      let leftOn: string | null = null;
      let leaveKind: LeaveKind | null = null;
      if (fate === "left" && officialDate !== null) {
        leftOn = dateBetween(
          rng,
          maxDate(addDays(officialDate, 1), addDays(today, -700)),
          addDays(today, -7),
        );
        leaveKind = age >= 55 && rng.chance(0.5) ? "deceased" : "transferred_out";
      }

      const id = newId();
      const member: DemoMember = {
        id,
        tenantId,
        unitId: cell.unit.id,
        unitPath: cell.unit.path,
        fullName,
        sortKey: nameSortKey(fullName),
        searchText: personSearchText(fullName, cardNumber),
        birthName: null,
        gender,
        birthDate,
        ethnicity: rng.weighted([
          ["Kinh", 985],
          ["Bru-Vân Kiều", 10],
          ["Chứt", 5],
        ]),
        religion: rng.weighted([
          ["Không", 985],
          ["Công giáo", 10],
          ["Phật giáo", 5],
        ]),
        hometown: hometown(rng),
        education: "12/12",
        politicalTheory: fate === "probationary" ? "Sơ cấp" : politicalTheory(rng, age),
        qualification: rng.pick(cell.theme.qualifications),
        occupation: age > 62 ? "Nghỉ hưu" : rng.pick(cell.theme.occupations),
        phone: `${rng.pick(["090", "091", "094", "096", "097", "098", "093"])}${String(rng.int(0, 9_999_999)).padStart(7, "0")}`,
        email: null,
        joinDate,
        officialDate,
        cardNumber,
        notes: null,
        status: officialDate === null ? "probationary" : "official",
        leftOn,
        leaveKind,
      };
      members.push(member);

      // Memberships and history.
      const history: Omit<DemoMemberEvent, "id" | "tenantId" | "memberId">[] = [];
      let since = joinDate;
      const transfer =
        fate === "ordinary" && officialDate !== null && cells.length > 1 ? rng.next() : 1;
      const transferFrom = maxDate(addDays(officialDate ?? joinDate, 30), addYears(today, -8));
      const transferTo = addDays(today, -30);
      if (transfer < 0.08 && transferFrom <= transferTo) {
        since = dateBetween(rng, transferFrom, transferTo);
        if (transfer < 0.05) {
          // Moved from another cell of the bloc: the earlier membership stays, closed.
          let previous = rng.pick(cells);
          while (previous === cell) previous = rng.pick(cells);
          memberships.push({
            id: newId(),
            tenantId,
            memberId: id,
            unitId: previous.unit.id,
            fromDate: joinDate,
            toDate: addDays(since, -1),
          });
          history.push(
            { kind: "created", date: joinDate, fromUnitId: null, toUnitId: null, note: null },
            {
              kind: "transferred",
              date: since,
              fromUnitId: previous.unit.id,
              toUnitId: cell.unit.id,
              note: null,
            },
          );
        } else {
          // Came from outside the bloc: the register here starts on arrival.
          history.push(
            { kind: "created", date: since, fromUnitId: null, toUnitId: null, note: null },
            {
              kind: "transferred",
              date: since,
              fromUnitId: null,
              toUnitId: cell.unit.id,
              note: `Chuyển đến từ ${rng.pick(TRANSFER_DESTINATIONS)}`,
            },
          );
        }
      } else {
        history.push({
          kind: "created",
          date: joinDate,
          fromUnitId: null,
          toUnitId: null,
          note: null,
        });
      }
      memberships.push({
        id: newId(),
        tenantId,
        memberId: id,
        unitId: cell.unit.id,
        fromDate: since,
        toDate: leftOn,
      });
      if (officialDate !== null) {
        history.push({
          kind: "made_official",
          date: officialDate,
          fromUnitId: null,
          toUnitId: null,
          note: null,
        });
      }
      if (fate === "exempt" && officialDate !== null) {
        const reason = illness ? EXEMPTION_REASONS.illness : EXEMPTION_REASONS.age;
        const fromDate = dateBetween(
          rng,
          maxDate(addDays(officialDate, 1), addDays(today, -1500)),
          addDays(today, -15),
        );
        exemptions.push({ id: newId(), tenantId, memberId: id, fromDate, toDate: null, reason });
        history.push({
          kind: "exempted",
          date: fromDate,
          fromUnitId: null,
          toUnitId: null,
          note: reason,
        });
      }
      if (leftOn !== null) {
        history.push({
          kind: "left",
          date: leftOn,
          fromUnitId: cell.unit.id,
          toUnitId: null,
          note:
            leaveKind === "deceased"
              ? "Từ trần"
              : `Chuyển sinh hoạt đảng đến ${rng.pick(TRANSFER_DESTINATIONS)}`,
        });
      }
      // Stable sort keeps "created" before "transferred" on the same day.
      history.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const e of history) events.push({ id: newId(), tenantId, memberId: id, ...e });

      infos.push({ member, cell, fate, age, since });
    }
  }

  // --- Positions: each cell's secretary, deputy and chi ủy; each đảng ủy's members.
  const positions: DemoPosition[] = [];
  const byCell = new Map<string, MemberInfo[]>();
  for (const info of infos) {
    const list = byCell.get(info.cell.unit.id) ?? [];
    list.push(info);
    byCell.set(info.cell.unit.id, list);
  }
  const hold = (info: MemberInfo, unit: DemoUnit, title: PositionTitle, start: string) => {
    positions.push({
      id: newId(),
      tenantId,
      memberId: info.member.id,
      unitId: unit.id,
      title,
      fromDate: maxDate(start, info.since, info.member.officialDate ?? info.since),
      toDate: null,
    });
  };
  const seniority = (info: MemberInfo) => Math.max(1, info.age - 27) ** 1.5;
  const secretaries = new Map<string, MemberInfo>();
  for (const cell of cells) {
    const list = byCell.get(cell.unit.id) ?? [];
    const pool = list.filter((i) => i.fate === "ordinary");
    const officials = list.filter(
      (i) => i.member.status === "official" && i.member.leftOn === null,
    );
    const start = termStart(rng, today, "cell");
    const take = (): MemberInfo | undefined => {
      if (pool.length === 0) return undefined;
      const chosen = rng.weighted(pool.map((i) => [i, seniority(i)] as const));
      pool.splice(pool.indexOf(chosen), 1);
      return chosen;
    };
    const secretary = take();
    if (secretary === undefined) throw new RangeError("a cell without an eligible secretary");
    hold(secretary, cell.unit, "secretary", start);
    secretary.member.politicalTheory = atLeast(secretary.member.politicalTheory, "Trung cấp");
    secretaries.set(cell.unit.id, secretary);
    // Cells with nine or more official members elect a chi ủy; smaller ones usually a deputy too.
    const hasCommittee = officials.length >= 9;
    if (hasCommittee || rng.chance(0.75)) {
      const deputy = take();
      if (deputy !== undefined) hold(deputy, cell.unit, "deputy_secretary", start);
    }
    if (hasCommittee) {
      const seats = rng.weighted([
        [1, 55],
        [2, 15],
        [3, 30],
      ]);
      for (let s = 0; s < seats; s++) {
        const member = take();
        if (member !== undefined) hold(member, cell.unit, "cell_committee_member", start);
      }
    }
  }
  for (const org of units.filter((u) => u.level === "grassroots_committee")) {
    const own = cells.filter((c) => c.committee === org);
    const leads = rng.shuffled(
      own.flatMap((c) => {
        const s = secretaries.get(c.unit.id);
        return s === undefined ? [] : [s];
      }),
    );
    const others = rng.shuffled(
      own.flatMap((c) => (byCell.get(c.unit.id) ?? []).filter((i) => i.fate === "ordinary")),
    );
    const seats = rng.int(5, 9);
    const chosen = new Set<MemberInfo>(leads.slice(0, Math.ceil(seats * 0.6)));
    for (const info of others) {
      if (chosen.size >= seats) break;
      chosen.add(info);
    }
    const start = termStart(rng, today, "committee");
    for (const info of chosen) {
      hold(info, org, "committee_member", start);
      info.member.politicalTheory = rng.chance(0.6)
        ? "Cao cấp"
        : atLeast(info.member.politicalTheory, "Trung cấp");
    }
  }

  const users = demoUsers({ tenantId, newId, root, units, cells, infos, positions, secretaries });
  // Its own random streams: the organisation above stays the same whatever the meetings draw.
  const meetings = generateMeetings(
    { units, members, memberships, exemptions, positions },
    { seed: opts.seed, code, today, tenantId },
  );
  const minutes = generateMinutes(
    { units, members, positions, users, meetings },
    { seed: opts.seed, code, today, tenantId },
  );
  return {
    tenant,
    units,
    members,
    memberships,
    exemptions,
    positions,
    memberEvents: events,
    users,
    meetings,
    minutes,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function demoUsers(ctx: {
  tenantId: string;
  newId: () => string;
  root: DemoUnit;
  units: readonly DemoUnit[];
  cells: readonly CellInfo[];
  infos: readonly MemberInfo[];
  positions: readonly DemoPosition[];
  secretaries: ReadonlyMap<string, MemberInfo>;
}): DemoUser[] {
  const { tenantId, newId, root } = ctx;
  const org =
    ctx.units.find((u) => u.level === "grassroots_committee") ??
    ctx.units.find((u) => u.isGrassroots) ??
    root;
  const cell = ctx.cells.find((c) => c.unit.path.startsWith(org.path));
  if (cell === undefined) throw new RangeError("the demo has no cell");
  const lead = ctx.secretaries.get(cell.unit.id);
  const holders = new Set(ctx.positions.map((p) => p.memberId));
  const boardIds = ctx.positions
    .filter((p) => p.unitId === org.id && p.title === "committee_member")
    .map((p) => p.memberId);
  const infoById = new Map(ctx.infos.map((i) => [i.member.id, i]));
  const board = boardIds.flatMap((id) => {
    const info = infoById.get(id);
    return info === undefined || info === lead ? [] : [info];
  });
  const committeeMember = board[0] ?? lead;
  const supervisor = board[1];
  const ordinary =
    ctx.infos.find((i) => i.cell === cell && i.fate === "ordinary" && !holders.has(i.member.id)) ??
    ctx.infos.find((i) => i.cell === cell && i !== lead && i.member.leftOn === null);

  const user = (
    username: DemoUsername,
    displayName: string,
    info: MemberInfo | undefined,
    unit: DemoUnit,
    role: Role,
  ): DemoUser => ({
    id: newId(),
    tenantId,
    username,
    displayName: info?.member.fullName ?? displayName,
    memberId: info?.member.id ?? null,
    grants: [{ id: newId(), unitId: unit.id, role }],
  });
  return [
    user("admin", "Quản trị hệ thống", undefined, root, "admin"),
    user("bantochuc", "Ban Tổ chức Đảng ủy Khối", undefined, root, "org_board"),
    user("kiemtra", "Ủy ban Kiểm tra Đảng ủy Khối", undefined, root, "inspector"),
    user("danguy", "Đảng ủy viên", committeeMember, org, "committee"),
    user("giamsat", "Cán bộ dự sinh hoạt chi bộ", supervisor, org, "supervisor"),
    user("bithu", "Bí thư chi bộ", lead, cell.unit, "cell_lead"),
    user("dangvien", "Đảng viên", ordinary, cell.unit, "member"),
  ];
}

const TITLE_NAMES: Record<PositionTitle, string> = {
  secretary: "Bí thư",
  deputy_secretary: "Phó Bí thư",
  cell_committee_member: "Chi ủy viên",
  committee_member: "Đảng ủy viên",
};

/**
 * Who each demo login is, in Vietnamese, from the generated data: shown by the start banner and the
 * README so a visitor knows which account sees what.
 */
export function describeDemoLogins(
  org: Pick<DemoOrganisation, "units" | "users" | "positions">,
): DemoLogin[] {
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const place = (unit: DemoUnit): string => {
    if (unit.isGrassroots || unit.parentId === null) return unit.name;
    const grassroots = [...unitById.values()].find(
      (u) => u.isGrassroots && unit.path.startsWith(u.path),
    );
    return grassroots === undefined ? unit.name : `${unit.name}, ${grassroots.name}`;
  };
  return org.users.flatMap((user) =>
    user.grants.flatMap((grant) => {
      const unit = unitById.get(grant.unitId);
      if (unit === undefined) return [];
      const where = place(unit);
      const title = org.positions.find(
        (p) => p.memberId === user.memberId && p.unitId === unit.id && p.toDate === null,
      )?.title;
      const who = user.memberId === null ? "" : ` — đồng chí ${user.displayName}`;
      let description: string;
      switch (grant.role) {
        case "admin":
          description = `Quản trị hệ thống: toàn quyền trên ${where}`;
          break;
        case "org_board":
          description = `Ban Tổ chức: xem tổ chức, đảng viên và nhật ký của ${where}`;
          break;
        case "inspector":
          description = `Ủy ban Kiểm tra: xem, kiểm tra tổ chức và đảng viên của ${where}`;
          break;
        case "committee":
          description = `${title === undefined ? "Cấp ủy" : TITLE_NAMES[title]} ${where}${who}: quản lý các chi bộ và đảng viên của đảng bộ`;
          break;
        case "supervisor":
          description = `Cán bộ dự sinh hoạt các chi bộ thuộc ${where}${who}`;
          break;
        case "cell_lead":
          description = `${title === undefined ? "Chi ủy" : TITLE_NAMES[title]} ${where}${who}: quản lý chi bộ và đảng viên`;
          break;
        case "member":
          description = `Đảng viên ${where}${who}: xem chi bộ của mình`;
          break;
      }
      return [{ username: user.username, role: grant.role, unitName: unit.name, description }];
    }),
  );
}
