import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../access/roles.js";
import { childPath, isWithin } from "../org/tree.js";
import {
  PLANNED_VISIT_ROLES,
  VISIT_REPORT_LABELS,
  VISIT_REPORT_PARTS,
  VISIT_STATES,
  activeOn,
  assignmentProblems,
  canMoveVisit,
  isInsider,
  isReportOverdue,
  quarterDue,
  reportDueOn,
  reportProblems,
  reportedOnTime,
  visitPlanProblems,
  visitReportVisibleTo,
  visitVisibleTo,
  visitorCompliance,
  type ComplianceVisit,
  type VisibleVisit,
  type VisitAssignment,
  type VisitReportBody,
  type VisitState,
  type VisitViewer,
} from "./visits.js";

const assignment = (overrides: Partial<VisitAssignment> = {}): VisitAssignment => ({
  userId: "u1",
  unitId: "c1",
  startsOn: "2026-02-15",
  endsOn: null,
  ...overrides,
});

describe("assignments", () => {
  it("activeOn includes both ends", () => {
    const a = assignment({ endsOn: "2026-06-30" });
    expect(activeOn(a, "2026-02-14")).toBe(false);
    expect(activeOn(a, "2026-02-15")).toBe(true);
    expect(activeOn(a, "2026-06-30")).toBe(true);
    expect(activeOn(a, "2026-07-01")).toBe(false);
    expect(activeOn(assignment(), "2099-01-01")).toBe(true);
  });

  it("quarterDue: none outside the assignment, one in a quarter covered in part or in full", () => {
    const a = assignment({ endsOn: "2026-03-31" });
    expect(quarterDue(a, 2025, 4)).toBe(0);
    expect(quarterDue(a, 2026, 1)).toBe(1); // from 15/02: half the quarter
    expect(quarterDue(a, 2026, 2)).toBe(0); // ended on 31/03
    expect(quarterDue(assignment(), 2026, 2)).toBe(1);
    expect(quarterDue(assignment({ startsOn: "2026-03-31" }), 2026, 1)).toBe(1); // one day
  });

  it("quarterDue prorates a higher frequency by days covered, rounding up", () => {
    // Q1 2026 has 90 days; from 15/02 to 31/03 is 45 → 3 × 45/90 = 1.5 → 2.
    expect(quarterDue(assignment({ visitsPerQuarter: 3 }), 2026, 1)).toBe(2);
    expect(quarterDue(assignment({ visitsPerQuarter: 3 }), 2026, 2)).toBe(3);
    expect(quarterDue(assignment({ visitsPerQuarter: 3, startsOn: "2026-03-31" }), 2026, 1)).toBe(
      1,
    );
  });

  it("quarterDue never exceeds the frequency and is positive exactly when the quarter is touched", () => {
    const date = fc
      .integer({ min: 0, max: 3 * 365 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        date,
        fc.option(date, { nil: null }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2025, max: 2027 }),
        fc.integer({ min: 1, max: 4 }),
        (startsOn, end, n, year, quarter) => {
          const endsOn = end !== null && end < startsOn ? startsOn : end;
          const a = assignment({ startsOn, endsOn, visitsPerQuarter: n });
          const due = quarterDue(a, year, quarter);
          const first = `${String(year)}-${String(quarter * 3 - 2).padStart(2, "0")}-01`;
          const touched = Array.from({ length: 92 }, (_, i) =>
            new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
          ).some(
            (d) => Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1 === quarter && activeOn(a, d),
          );
          expect(due <= n).toBe(true);
          expect(due > 0).toBe(touched);
        },
      ),
    );
  });

  it("assignmentProblems: an end before the start, a frequency out of range", () => {
    expect(assignmentProblems(assignment())).toEqual([]);
    expect(
      assignmentProblems(assignment({ endsOn: "2026-02-14", visitsPerQuarter: 0 })).map(
        (p) => p.path,
      ),
    ).toEqual(["endsOn", "visitsPerQuarter"]);
    expect(assignmentProblems(assignment({ visitsPerQuarter: 1.5 }))).toHaveLength(1);
  });
});

describe("visit states", () => {
  it.each<[VisitState, VisitState, boolean]>([
    ["planned", "attended", true],
    ["planned", "cancelled", true],
    ["planned", "reported", false],
    ["attended", "reported", true],
    ["attended", "cancelled", false],
    ["attended", "planned", false],
    ["reported", "attended", false],
    ["cancelled", "planned", false],
  ])("%s → %s: %s", (from, to, ok) => {
    expect(canMoveVisit(from, to)).toBe(ok);
  });

  it("no state moves to itself", () => {
    for (const s of VISIT_STATES) expect(canMoveVisit(s, s)).toBe(false);
  });
});

describe("reportProblems (seed 000)", () => {
  const complete: VisitReportBody = Object.fromEntries(
    VISIT_REPORT_PARTS.map((p) => [p, `Nội dung ${p}`]),
  );

  it("a complete report has no problem", () => {
    expect(reportProblems(complete)).toEqual([]);
  });

  it("every missing, null or blank part, in the seed's order, with its Vietnamese label", () => {
    const problems = reportProblems({
      ...complete,
      situation: undefined,
      opinions: "   \n\t",
      score_decision: null,
      taken_back: "\u00a0",
    });
    expect(problems.map((p) => p.path)).toEqual([
      "body.situation",
      "body.opinions",
      "body.taken_back",
      "body.score_decision",
    ]);
    expect(problems[0]?.message).toBe(
      "Báo cáo dự sinh hoạt thiếu nội dung bắt buộc: Tình hình cơ sở và chi bộ",
    );
  });

  it("an empty report lacks all nine parts", () => {
    const problems = reportProblems({});
    expect(problems).toHaveLength(9);
    for (const [i, part] of VISIT_REPORT_PARTS.entries()) {
      expect(problems[i]?.message).toContain(VISIT_REPORT_LABELS[part]);
    }
  });
});

describe("report due dates", () => {
  it("three days after the meeting by default, across month ends", () => {
    expect(reportDueOn("2026-03-10")).toBe("2026-03-13");
    expect(reportDueOn("2026-02-27")).toBe("2026-03-02");
    expect(reportDueOn("2026-03-10", 5)).toBe("2026-03-15");
  });

  it("overdue once the due day has passed, only while attended and not reported", () => {
    const visit = { state: "attended" as const, meetingDate: "2026-03-10" };
    expect(isReportOverdue(visit, "2026-03-13")).toBe(false);
    expect(isReportOverdue(visit, "2026-03-14")).toBe(true);
    expect(isReportOverdue(visit, "2026-03-14", 7)).toBe(false);
    expect(isReportOverdue({ ...visit, state: "reported" }, "2026-04-30")).toBe(false);
    expect(isReportOverdue({ ...visit, state: "planned" }, "2026-04-30")).toBe(false);
  });

  it("reported on time up to the due day", () => {
    const v = { state: "reported" as const, meetingDate: "2026-03-10" };
    expect(reportedOnTime({ ...v, reportedOn: "2026-03-13" })).toBe(true);
    expect(reportedOnTime({ ...v, reportedOn: "2026-03-14" })).toBe(false);
    expect(reportedOnTime({ ...v, state: "attended", reportedOn: null })).toBe(false);
  });
});

describe("visitorCompliance (seed 000: each quarter)", () => {
  // Q1 2026. A follows c1 for years and c2 from 15/02; B follows c1 twice a quarter, and followed c3
  // until the end of 2025 (so nothing due in Q1), yet visited it once.
  const assignments: VisitAssignment[] = [
    { userId: "A", unitId: "c1", startsOn: "2025-01-01", endsOn: null },
    { userId: "A", unitId: "c2", startsOn: "2026-02-15", endsOn: null },
    // A renewed assignment of the same pair does not double the requirement.
    { userId: "A", unitId: "c1", startsOn: "2026-03-01", endsOn: null },
    { userId: "B", unitId: "c1", startsOn: "2025-06-01", endsOn: null, visitsPerQuarter: 2 },
    { userId: "B", unitId: "c3", startsOn: "2025-01-01", endsOn: "2025-12-31" },
  ];
  const visit = (
    visitorUserId: string,
    unitId: string,
    meetingDate: string,
    state: VisitState,
    reportedOn: string | null = null,
  ): ComplianceVisit => ({ visitorUserId, unitId, meetingDate, state, reportedOn });
  const visits: ComplianceVisit[] = [
    visit("A", "c1", "2026-01-10", "reported", "2026-01-12"),
    visit("A", "c1", "2026-03-03", "attended"),
    visit("A", "c2", "2026-03-20", "planned"),
    visit("B", "c1", "2026-02-05", "reported", "2026-02-10"), // due 08/02: late
    visit("B", "c3", "2026-01-20", "reported", "2026-01-21"),
    visit("B", "c1", "2026-04-03", "reported", "2026-04-04"), // Q2
    visit("B", "c1", "2026-03-03", "cancelled"),
  ];

  it("rows per visitor and cell, and totals", () => {
    const { rows, totals } = visitorCompliance(assignments, visits, 2026, 1, 3);
    expect(rows).toEqual([
      {
        userId: "A",
        unitId: "c1",
        required: 1,
        attended: 2,
        reported: 1,
        reportedOnTime: 1,
        met: true,
      },
      {
        userId: "A",
        unitId: "c2",
        required: 1,
        attended: 0,
        reported: 0,
        reportedOnTime: 0,
        met: false,
      },
      {
        userId: "B",
        unitId: "c1",
        required: 2,
        attended: 1,
        reported: 1,
        reportedOnTime: 0,
        met: false,
      },
      {
        userId: "B",
        unitId: "c3",
        required: 0,
        attended: 1,
        reported: 1,
        reportedOnTime: 1,
        met: true,
      },
    ]);
    expect(totals).toEqual({
      required: 4,
      attended: 4,
      reported: 3,
      reportedOnTime: 2,
      pairs: 4,
      met: 2,
      visitors: 2,
      visitorsMet: 0,
    });
  });

  it("a longer reporting window turns B's late report into an on-time one", () => {
    const { rows } = visitorCompliance(assignments, visits, 2026, 1, 5);
    expect(rows.find((r) => r.userId === "B" && r.unitId === "c1")?.reportedOnTime).toBe(1);
  });

  it("a quarter with nothing due and no visit lists nobody", () => {
    const { rows, totals } = visitorCompliance([], visits, 2024, 1);
    expect(rows).toEqual([]);
    expect(totals.pairs).toBe(0);
  });
});

describe("visibility of visits (seed 000: without telling the cell beforehand)", () => {
  // /p/ province → /p/g/ grassroots committee → cells /p/g/c1/ (with group /p/g/c1/t1/) and /p/g/c2/;
  // a sibling committee /p/h/. The visitor V sits on /p/g/'s committee and visits c1.
  const visit = (state: VisitState): VisibleVisit => ({
    visitorUserId: "V",
    visitorUnitPath: "/p/g/",
    cellPath: "/p/g/c1/",
    state,
  });
  const viewer = (userId: string, ...grants: [Role, string][]): VisitViewer => ({
    userId,
    grants: grants.map(([role, unitPath]) => ({ role, unitPath })),
  });
  const cases: [string, VisitViewer, boolean, boolean][] = [
    // name, viewer, sees planned, sees attended
    ["the visitor", viewer("V", ["committee", "/p/g/"]), true, true],
    ["a member of the visitor's committee", viewer("K", ["committee", "/p/g/"]), true, true],
    ["the district above", viewer("D", ["committee", "/p/"]), true, true],
    ["the organisation board above", viewer("O", ["org_board", "/p/"]), true, true],
    [
      "a committee member who belongs to the cell",
      viewer("K2", ["committee", "/p/g/"], ["member", "/p/g/c1/"]),
      false,
      true,
    ],
    ["the cell's secretary", viewer("L", ["cell_lead", "/p/g/c1/"]), false, true],
    ["a member of a group of the cell", viewer("M", ["member", "/p/g/c1/t1/"]), false, true],
    ["a fellow supervisor", viewer("S", ["supervisor", "/p/g/"]), false, true],
    ["an administrator", viewer("A", ["admin", "/p/"]), false, true],
    ["another cell's lead", viewer("L2", ["cell_lead", "/p/g/c2/"]), false, false],
    ["a sibling committee", viewer("H", ["committee", "/p/h/"]), false, false],
    ["the committee of another cell", viewer("K3", ["committee", "/p/g/c2/"]), false, false],
    ["nobody", viewer("X"), false, false],
  ];

  it.each(cases)("%s", (_, v, planned, attended) => {
    expect(visitVisibleTo(v, visit("planned"))).toBe(planned);
    expect(visitVisibleTo(v, visit("cancelled"))).toBe(planned);
    expect(visitVisibleTo(v, visit("attended"))).toBe(attended);
    expect(visitVisibleTo(v, visit("reported"))).toBe(attended);
  });

  it("the report body goes to the visitor's committee, never to the cell", () => {
    const reported = visit("reported");
    expect(visitReportVisibleTo(viewer("V"), reported)).toBe(true);
    expect(visitReportVisibleTo(viewer("K", ["committee", "/p/g/"]), reported)).toBe(true);
    expect(visitReportVisibleTo(viewer("L", ["cell_lead", "/p/g/c1/"]), reported)).toBe(false);
    expect(visitReportVisibleTo(viewer("S", ["supervisor", "/p/g/"]), reported)).toBe(false);
    expect(
      visitReportVisibleTo(viewer("K2", ["committee", "/p/g/"], ["member", "/p/g/c1/"]), {
        ...reported,
        state: "planned",
      }),
    ).toBe(false);
  });

  it("visitPlanProblems: no visit to one's own cell, none to a past meeting", () => {
    const ok = { cellPath: "/p/g/c1/", meetingDate: "2026-03-10", today: "2026-03-01" };
    expect(visitPlanProblems({ ...ok, visitor: viewer("V", ["committee", "/p/g/"]) })).toEqual([]);
    const problems = visitPlanProblems({
      ...ok,
      today: "2026-03-11",
      visitor: viewer("K2", ["committee", "/p/g/"], ["member", "/p/g/c1/t1/"]),
    });
    expect(problems.map((p) => p.path)).toEqual(["unitId", "meetingDate"]);
    // A committee member whose own member record is in the cell, with no grant in it.
    const member = { ...viewer("K3", ["committee", "/p/g/"]), memberPath: "/p/g/c1/" };
    expect(visitPlanProblems({ ...ok, visitor: member }).map((p) => p.path)).toEqual(["unitId"]);
    expect(visitVisibleTo(member, visit("planned"))).toBe(false);
    expect(visitReportVisibleTo(member, visit("planned"))).toBe(false);
  });
});

describe("visibility properties over random trees", () => {
  // A random tree: node i > 0 hangs under a node before it; paths are built like the server's.
  const treeArb = fc.array(fc.nat(), { minLength: 1, maxLength: 14 }).map((seeds) => {
    const paths = ["/n0/"];
    seeds.forEach((s, i) => {
      const parent = paths[s % paths.length] ?? "/n0/";
      paths.push(childPath(parent, `n${String(i + 1)}`));
    });
    return paths;
  });
  const users = ["u0", "u1", "u2", "u3", "u4", "u5"];

  const worldArb = treeArb.chain((paths) => {
    const node = fc.constantFrom(...paths);
    const grant = fc.record({ role: fc.constantFrom(...ROLES), unitPath: node });
    const viewerArb = fc.record({
      userId: fc.constantFrom(...users),
      grants: fc.array(grant, { maxLength: 4 }),
      memberPath: fc.option(node, { nil: null }),
    });
    const visitArb = fc.record({
      visitorUserId: fc.constantFrom(...users),
      visitorUnitPath: node,
      cellPath: node,
      state: fc.constantFrom(...VISIT_STATES),
    });
    return fc.record({
      viewers: fc.array(viewerArb, { minLength: 1, maxLength: 8 }),
      visits: fc.array(visitArb, { minLength: 1, maxLength: 8 }),
    });
  });

  it("no one with a grant or a member record within the visited cell, other than the visitor, sees a planned visit", () => {
    fc.assert(
      fc.property(worldArb, ({ viewers, visits }) => {
        for (const v of viewers) {
          for (const visit of visits) {
            if (visit.state !== "planned" && visit.state !== "cancelled") continue;
            if (v.userId === visit.visitorUserId) continue;
            const member = v.memberPath !== null && isWithin(v.memberPath, visit.cellPath);
            if (!member && !v.grants.some((g) => isWithin(g.unitPath, visit.cellPath))) continue;
            expect(visitVisibleTo(v, visit)).toBe(false);
            expect(visitReportVisibleTo(v, visit)).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the visitor always sees their own visit and its report", () => {
    fc.assert(
      fc.property(worldArb, ({ viewers, visits }) => {
        for (const visit of visits) {
          for (const v of viewers) {
            const self = { ...v, userId: visit.visitorUserId };
            expect(visitVisibleTo(self, visit)).toBe(true);
            expect(visitReportVisibleTo(self, visit)).toBe(true);
          }
        }
      }),
    );
  });

  it("a planned visit is seen only through a committee-side grant on or above the visitor's unit", () => {
    fc.assert(
      fc.property(worldArb, ({ viewers, visits }) => {
        for (const v of viewers) {
          for (const visit of visits) {
            if (visit.state !== "planned" || v.userId === visit.visitorUserId) continue;
            if (!visitVisibleTo(v, visit)) continue;
            expect(
              v.grants.some(
                (g) =>
                  PLANNED_VISIT_ROLES.includes(g.role) &&
                  isWithin(visit.visitorUnitPath, g.unitPath),
              ),
            ).toBe(true);
            expect(isInsider(v, visit.cellPath)).toBe(false);
          }
        }
      }),
    );
  });

  it("attending never hides a visit from someone who saw it planned; no grant, nothing seen", () => {
    fc.assert(
      fc.property(worldArb, ({ viewers, visits }) => {
        for (const v of viewers) {
          for (const visit of visits) {
            const planned = visitVisibleTo(v, { ...visit, state: "planned" });
            const attended = visitVisibleTo(v, { ...visit, state: "attended" });
            if (planned) expect(attended).toBe(true);
            if (v.userId !== visit.visitorUserId) {
              expect(visitVisibleTo({ userId: v.userId, grants: [] }, visit)).toBe(false);
            }
          }
        }
      }),
    );
  });

  it("a cell's list filtered for an insider never holds a planned visit to that cell", () => {
    fc.assert(
      fc.property(worldArb, ({ viewers, visits }) => {
        for (const v of viewers) {
          const seen = visits.filter((visit) => visitVisibleTo(v, visit));
          const leaked = seen.filter(
            (visit) =>
              (visit.state === "planned" || visit.state === "cancelled") &&
              visit.visitorUserId !== v.userId &&
              isInsider(v, visit.cellPath),
          );
          expect(leaked).toEqual([]);
        }
      }),
    );
  });
});
