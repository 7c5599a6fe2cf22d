import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AbsenceHistoryEntry } from "../meetings/alerts.js";
import { ATTENDANCE_STATUSES, type AttendanceStatus } from "../meetings/attendance.js";
import { DEFAULT_MEETING_RULES, resolveMeetingRules } from "../meetings/rules.js";
import { agendaTemplateFor, type AgendaItemKey } from "../minutes/agenda.js";
import { EVIDENCE_KEYS, evidenceValuesSchema, type EvidenceValues } from "../scoring/rubric.js";
import {
  EVIDENCE_LABELS,
  meetingEvidence,
  requiredMinutes,
  type MeetingFacts,
} from "./evidence.js";
import { DEFAULT_SUPERVISION_RULES, resolveSupervisionRules } from "./rules.js";

const rules = DEFAULT_MEETING_RULES;
const D = "2026-03-10";
const ids = Array.from({ length: 20 }, (_, i) => `m${String(i + 1).padStart(2, "0")}`);
const regularKeys: AgendaItemKey[] = agendaTemplateFor("regular", "HD42").items.map((i) => i.key);

/**
 * domain.md's attendance example: 20 members, m19 and m20 exempt → 18 counted; m01–m16 present, m17
 * and m18 absent with reason → 16/18. 18 official, 2 probationary (m01, m02). Held on its registered
 * day 10/03/2026, 14:00–15:35 (95 minutes), every preparation step done.
 */
function facts(overrides: Partial<MeetingFacts> = {}): MeetingFacts {
  const marks = new Map<string, AttendanceStatus>();
  ids.forEach((id, i) => {
    if (i < 16) marks.set(id, "present");
    else if (i < 18) marks.set(id, "absent_excused");
  });
  return {
    kind: "regular",
    status: "held",
    registeredDate: D,
    date: D,
    heldOn: D,
    postponement: null,
    startedAt: "2026-03-10T14:00:00+07:00",
    endedAt: "2026-03-10T15:35:00+07:00",
    durationMinutes: null,
    combinedWithThematic: false,
    roster: ids.map((memberId, i) => ({
      memberId,
      status: i < 2 ? "probationary" : "official",
      exempt: i >= 18,
    })),
    marks,
    absenceHistory: new Map(),
    agendaKeys: regularKeys,
    templateKeys: regularKeys,
    committeeMeetingOn: "2026-03-05",
    agendaAgreedOn: "2026-03-05",
    agendaSentOn: "2026-03-06",
    documents: [
      { uploadedOn: "2026-03-08", postMeeting: false },
      { uploadedOn: "2026-03-11", postMeeting: true },
    ],
    review: {
      tasks: [
        { id: "t1", state: "open" },
        { id: "t2", state: "open" },
      ],
      verdicts: new Map([
        ["t1", "done"],
        ["t2", "done"],
      ]),
    },
    speakerIds: ["m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09"],
    resolutions: [
      {
        outcome: "adopted",
        tasks: [{ assigneeIds: ["m03"], assigneeBody: null, dueDate: "2026-04-05" }],
      },
    ],
    minutesLockedOn: "2026-03-11",
    minutesWritten: true,
    thematicHeldOn: [],
    ...overrides,
  };
}

const evidence = (overrides: Partial<MeetingFacts> = {}) =>
  meetingEvidence(facts(overrides), rules);

function withMarks(change: Record<string, AttendanceStatus | null>): Partial<MeetingFacts> {
  const marks = new Map(facts().marks);
  for (const [id, status] of Object.entries(change)) {
    if (status === null) marks.delete(id);
    else marks.set(id, status);
  }
  return { marks };
}

describe("meetingEvidence: the complete meeting", () => {
  it("gives every item of the base meeting", () => {
    expect(evidence()).toEqual({
      attendance_rate: 16 / 18,
      unexcused_absences: 0,
      long_absence: false,
      duration_minutes: 95,
      duration_required: 90,
      held_on_schedule: true,
      agenda_steps_present: true,
      committee_meeting_before: true,
      notice_sent: true,
      documents_before: true,
      tasks_reviewed: 1,
      speakers_share: 9 / 16,
      resolution_with_tasks: true,
      minutes_signed_in_time: true,
      documents_after: true,
      last_targets_achieved: 1,
      thematic_month: false,
      minutes_kept: true,
    });
  });

  it("has exactly the rubric's evidence keys, each labelled in Vietnamese, and fits its schema", () => {
    expect(Object.keys(evidence()).sort()).toEqual([...EVIDENCE_KEYS].sort());
    for (const key of EVIDENCE_KEYS) expect(EVIDENCE_LABELS[key].length).toBeGreaterThan(10);
    const values: EvidenceValues = evidence();
    expect(evidenceValuesSchema.safeParse(values).success).toBe(true);
  });
});

describe("attendance_rate and unexcused_absences (HD12; domain.md's worked example)", () => {
  it("16 of 18 counted present → 88.9%", () => {
    expect(evidence().attendance_rate).toBeCloseTo(0.889, 3);
  });

  it("15 present → 83.3%", () => {
    expect(evidence(withMarks({ m16: "absent_excused" })).attendance_rate).toBeCloseTo(0.833, 3);
  });

  it("17 present, the absentee without reason → 94.4% and one unexcused absence", () => {
    const e = evidence(withMarks({ m17: "present", m18: "absent_unexcused" }));
    expect(e.attendance_rate).toBeCloseTo(0.944, 3);
    expect(e.unexcused_absences).toBe(1);
  });

  it("late members are present; an exempt member who comes is not in the rate", () => {
    const e = evidence(withMarks({ m01: "late", m19: "present" }));
    expect(e.attendance_rate).toBe(16 / 18);
  });

  it("nobody counted → null", () => {
    const roster = facts().roster.map((m) => ({ ...m, exempt: true }));
    expect(evidence({ roster }).attendance_rate).toBeNull();
  });
});

describe("long_absence (HD12: absent with reason more than 3 times in a row this year)", () => {
  const may = "2026-05-12";
  const entry = (date: string, status: AttendanceStatus): AbsenceHistoryEntry => ({
    date,
    kind: "regular",
    status,
  });
  const inMay = (history: AbsenceHistoryEntry[], extra: Partial<MeetingFacts> = {}) =>
    evidence({
      registeredDate: may,
      date: may,
      heldOn: may,
      absenceHistory: new Map([["m17", history]]),
      ...extra,
    });

  it("Feb, Mar, Apr excused and excused again today → 4 in a row", () => {
    const history = [
      entry("2026-01-10", "present"),
      entry("2026-02-10", "absent_excused"),
      entry("2026-03-10", "absent_excused"),
      entry("2026-04-10", "absent_excused"),
    ];
    expect(inMay(history).long_absence).toBe(true);
  });

  it("today's mark already in the history is not counted twice: 3 in a row", () => {
    const history = [
      entry("2026-01-10", "present"),
      entry("2026-02-10", "present"),
      entry("2026-03-10", "absent_excused"),
      entry("2026-04-10", "absent_excused"),
      entry(may, "absent_excused"),
    ];
    expect(inMay(history).long_absence).toBe(false);
  });

  it("a present mark today ends the run; a thematic meeting neither breaks nor extends it", () => {
    const history = [
      entry("2026-02-10", "absent_excused"),
      entry("2026-03-10", "absent_excused"),
      { date: "2026-03-20", kind: "thematic" as const, status: "present" as const },
      entry("2026-04-10", "absent_excused"),
    ];
    expect(inMay(history, withMarks({ m17: "present" })).long_absence).toBe(false);
    expect(inMay(history).long_absence).toBe(true);
  });

  it("last year's absences do not run into this year", () => {
    const january = "2026-01-12";
    const history = [
      entry("2025-10-10", "absent_excused"),
      entry("2025-11-10", "absent_excused"),
      entry("2025-12-10", "absent_excused"),
    ];
    const e = evidence({
      registeredDate: january,
      date: january,
      heldOn: january,
      absenceHistory: new Map([["m17", history]]),
    });
    expect(e.long_absence).toBe(false);
  });

  it("the tenant's limit applies", () => {
    const history = [entry("2026-03-10", "absent_excused"), entry("2026-04-10", "absent_excused")];
    const strict = resolveMeetingRules({ maxConsecutiveExcused: 2 });
    const f = facts({
      registeredDate: may,
      date: may,
      heldOn: may,
      absenceHistory: new Map([["m17", history]]),
    });
    expect(meetingEvidence(f, rules).long_absence).toBe(false);
    expect(meetingEvidence(f, strict).long_absence).toBe(true);
  });
});

describe("duration_minutes and duration_required", () => {
  it("from the opening and closing, in whole minutes", () => {
    expect(evidence().duration_minutes).toBe(95);
    expect(evidence({ endedAt: "2026-03-10T15:29:59+07:00" }).duration_minutes).toBe(89);
  });

  it("an entered duration wins; nothing recorded → null; closing before opening → null", () => {
    expect(evidence({ durationMinutes: 80 }).duration_minutes).toBe(80);
    expect(evidence({ startedAt: null }).duration_minutes).toBeNull();
    expect(evidence({ endedAt: "2026-03-10T13:00:00+07:00" }).duration_minutes).toBeNull();
  });

  it("a meeting not held has no duration", () => {
    expect(evidence({ status: "planned", heldOn: null }).duration_minutes).toBeNull();
  });

  it("90 minutes by default (HD12, HD42)", () => {
    expect(evidence().duration_required).toBe(90);
  });

  it("120 when held together with a thematic meeting (HD42)", () => {
    expect(evidence({ combinedWithThematic: true }).duration_required).toBe(120);
  });

  it("120 when the cell has 30 members or more (ward sheet), counting everyone on the roster", () => {
    const roster = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        memberId: `x${String(i)}`,
        status: "official" as const,
        // Exempt members still count as members of the cell for this rule.
        exempt: i < 3,
      }));
    expect(evidence({ roster: roster(29) }).duration_required).toBe(90);
    expect(evidence({ roster: roster(30) }).duration_required).toBe(120);
    // The tenant turns the ward sheet's rule off: only HD42's remains.
    const off = resolveSupervisionRules({ largeCellMembers: null });
    expect(meetingEvidence(facts({ roster: roster(30) }), rules, off).duration_required).toBe(90);
  });

  it("the largest applicable minimum wins, with the tenant's numbers", () => {
    const own = resolveMeetingRules({ regularMinMinutes: 100, combinedMinMinutes: 130 });
    const s = DEFAULT_SUPERVISION_RULES;
    expect(requiredMinutes({ combinedWithThematic: false, memberCount: 10 }, own, s)).toBe(100);
    expect(requiredMinutes({ combinedWithThematic: false, memberCount: 40 }, own, s)).toBe(120);
    expect(requiredMinutes({ combinedWithThematic: true, memberCount: 40 }, own, s)).toBe(130);
  });
});

describe("held_on_schedule (seed 000; compliance.ts)", () => {
  const heldAt = (heldOn: string, extra: Partial<MeetingFacts> = {}) =>
    evidence({ heldOn, date: heldOn, ...extra }).held_on_schedule;

  it("on the registered day or earlier", () => {
    expect(heldAt(D)).toBe(true);
    expect(heldAt("2026-03-06")).toBe(true);
  });

  it("postponed before the day and held by the new date", () => {
    const postponement = { reportedOn: "2026-03-08", newDate: "2026-03-17" };
    expect(heldAt("2026-03-17", { postponement })).toBe(true);
    expect(heldAt("2026-03-18", { postponement })).toBe(false);
  });

  it("later without notice, or with a postponement reported on the day itself", () => {
    expect(heldAt("2026-03-12")).toBe(false);
    const postponement = { reportedOn: D, newDate: "2026-03-17" };
    expect(heldAt("2026-03-17", { postponement })).toBe(false);
  });

  it("not held, cancelled, or still planned", () => {
    expect(evidence({ status: "planned", heldOn: null }).held_on_schedule).toBe(false);
    expect(evidence({ status: "cancelled", heldOn: null }).held_on_schedule).toBe(false);
    // A held-on date left on a cancelled meeting is not a meeting held.
    expect(evidence({ status: "cancelled" }).held_on_schedule).toBe(false);
  });

  it("a meeting without a registered day answers for the date it was set for", () => {
    const thematic = { kind: "thematic" as const, registeredDate: null, date: "2026-03-20" };
    expect(evidence({ ...thematic, heldOn: "2026-03-20" }).held_on_schedule).toBe(true);
    expect(evidence({ ...thematic, heldOn: "2026-03-21" }).held_on_schedule).toBe(false);
  });
});

describe("agenda_steps_present (HD12 §3)", () => {
  it("every step of the template is on the agenda, in any order, with extra steps allowed", () => {
    expect(evidence({ agendaKeys: [...regularKeys].reverse() }).agenda_steps_present).toBe(true);
    expect(evidence({ agendaKeys: [...regularKeys, "other"] }).agenda_steps_present).toBe(true);
  });

  it("a step missing (self-criticism) → false; a free step in the template is not required", () => {
    const without = regularKeys.filter((k) => k !== "criticism");
    expect(evidence({ agendaKeys: without }).agenda_steps_present).toBe(false);
    expect(
      evidence({ templateKeys: [...regularKeys, "other"], agendaKeys: regularKeys })
        .agenda_steps_present,
    ).toBe(true);
  });

  it("no agenda at all → false", () => {
    expect(evidence({ agendaKeys: [], templateKeys: [] }).agenda_steps_present).toBe(false);
  });
});

describe("committee_meeting_before (HD12 §2; ward sheet block 3)", () => {
  it("the chi ủy met before, or the same day", () => {
    expect(evidence({ committeeMeetingOn: "2026-03-05" }).committee_meeting_before).toBe(true);
    expect(evidence({ committeeMeetingOn: D }).committee_meeting_before).toBe(true);
  });

  it("after the meeting, or not at all, in a cell with a chi ủy (18 official members) → false", () => {
    expect(evidence({ committeeMeetingOn: "2026-03-11" }).committee_meeting_before).toBe(false);
    expect(evidence({ committeeMeetingOn: null }).committee_meeting_before).toBe(false);
  });

  it("a cell under 9 official members: the secretary and deputy agreeing the agenda is enough", () => {
    const roster = facts().roster.map((m, i) => ({
      ...m,
      status: i < 8 ? ("official" as const) : ("probationary" as const),
    }));
    expect(evidence({ roster, committeeMeetingOn: null }).committee_meeting_before).toBe(true);
    expect(
      evidence({ roster, committeeMeetingOn: null, agendaAgreedOn: null }).committee_meeting_before,
    ).toBe(false);
    expect(
      evidence({ roster, committeeMeetingOn: null, agendaAgreedOn: "2026-03-11" })
        .committee_meeting_before,
    ).toBe(false);
  });
});

describe("notice_sent (HD12 §2 (3))", () => {
  it("sent before or on the day; not after; not at all", () => {
    expect(evidence({ agendaSentOn: "2026-03-06" }).notice_sent).toBe(true);
    expect(evidence({ agendaSentOn: D }).notice_sent).toBe(true);
    expect(evidence({ agendaSentOn: "2026-03-11" }).notice_sent).toBe(false);
    expect(evidence({ agendaSentOn: null }).notice_sent).toBe(false);
  });

  it("a postponed meeting not yet held is measured against its new date", () => {
    const e = evidence({
      status: "postponed",
      heldOn: null,
      date: "2026-03-17",
      agendaSentOn: "2026-03-15",
    });
    expect(e.notice_sent).toBe(true);
  });
});

describe("documents_before (HD42: at least one day before)", () => {
  it("posted the day before → true; only on the day → false; none → false", () => {
    const doc = (uploadedOn: string) => ({ uploadedOn, postMeeting: false });
    expect(evidence({ documents: [doc("2026-03-09")] }).documents_before).toBe(true);
    expect(evidence({ documents: [doc(D)] }).documents_before).toBe(false);
    expect(evidence({ documents: [] }).documents_before).toBe(false);
  });
});

describe("documents_after (HD42, ward sheet block 8: final documents within 2 days)", () => {
  const after = (uploadedOn: string) => ({ uploadedOn, postMeeting: true });

  it("on the day after the meeting began, or up to two days later", () => {
    expect(evidence({ documents: [after(D)] }).documents_after).toBe(true);
    expect(evidence({ documents: [after("2026-03-12")] }).documents_after).toBe(true);
    expect(evidence({ documents: [after("2026-03-13")] }).documents_after).toBe(false);
  });

  it("documents from before the meeting are not final documents", () => {
    expect(
      evidence({ documents: [{ uploadedOn: "2026-03-08", postMeeting: false }] }).documents_after,
    ).toBe(false);
  });

  it("the tenant's number of days; nothing for a meeting not held", () => {
    const three = resolveSupervisionRules({ documentsAfterDays: 3 });
    expect(
      meetingEvidence(facts({ documents: [after("2026-03-13")] }), rules, three).documents_after,
    ).toBe(true);
    expect(evidence({ status: "planned", heldOn: null }).documents_after).toBe(false);
  });
});

describe("tasks_reviewed and last_targets_achieved (HD12; minutes/tasks.ts)", () => {
  const review = (
    tasks: MeetingFacts["review"]["tasks"],
    verdicts: [string, "done" | "in_progress" | "not_done"][],
  ): Partial<MeetingFacts> => ({ review: { tasks, verdicts: new Map(verdicts) } });

  it("4 open tasks, 3 reviewed: 2 done, 1 not done → 75% reviewed, 50% achieved", () => {
    const e = evidence(
      review(
        [
          { id: "t1", state: "open" },
          { id: "t2", state: "open" },
          { id: "t3", state: "open" },
          { id: "t4", state: "in_progress" },
        ],
        [
          ["t1", "done"],
          ["t2", "done"],
          ["t3", "not_done"],
        ],
      ),
    );
    expect(e.tasks_reviewed).toBe(0.75);
    expect(e.last_targets_achieved).toBe(0.5);
  });

  it("a task already done needs no review and counts as achieved; cancelled ones are left out", () => {
    const e = evidence(
      review(
        [
          { id: "t1", state: "open" },
          { id: "t2", state: "done" },
          { id: "t3", state: "cancelled" },
        ],
        [["t1", "in_progress"]],
      ),
    );
    expect(e.tasks_reviewed).toBe(1);
    expect(e.last_targets_achieved).toBe(0.5);
  });

  it("nothing to review: fully reviewed, nothing to measure", () => {
    const e = evidence(review([], []));
    expect(e.tasks_reviewed).toBe(1);
    expect(e.last_targets_achieved).toBeNull();
  });
});

describe("speakers_share (ward sheet block 4; minutes/participation.ts)", () => {
  it("9 of the 16 present spoke → 56%", () => {
    expect(evidence().speakers_share).toBe(9 / 16);
  });

  it("repeats count once; someone absent who 'spoke' does not count", () => {
    const e = evidence({ speakerIds: ["m01", "m01", "m02", "m17"] });
    expect(e.speakers_share).toBe(2 / 16);
  });

  it("late members and exempt members who came are among those present", () => {
    const e = evidence({ ...withMarks({ m19: "present", m01: "late" }), speakerIds: ["m19"] });
    expect(e.speakers_share).toBe(1 / 17);
  });

  it("nobody present → 0", () => {
    expect(evidence({ marks: new Map() }).speakers_share).toBe(0);
  });
});

describe("resolution_with_tasks (ward sheet block 8)", () => {
  const task = (assigneeIds: string[], assigneeBody: string | null, dueDate: string | null) => ({
    assigneeIds,
    assigneeBody,
    dueDate,
  });
  const one = (outcome: "adopted" | "rejected" | null, tasks: ReturnType<typeof task>[]) =>
    evidence({ resolutions: [{ outcome, tasks }] }).resolution_with_tasks;

  it("adopted, with a task that has an owner and a due date", () => {
    expect(one("adopted", [task(["m03"], null, "2026-04-05")])).toBe(true);
    expect(one("adopted", [task([], "Chi ủy", "2026-04-05")])).toBe(true);
  });

  it("no owner, no due date, no task, or not adopted → false", () => {
    expect(one("adopted", [task([], null, "2026-04-05")])).toBe(false);
    expect(one("adopted", [task([], "  ", "2026-04-05")])).toBe(false);
    expect(one("adopted", [task(["m03"], null, null)])).toBe(false);
    expect(one("adopted", [])).toBe(false);
    expect(one("rejected", [task(["m03"], null, "2026-04-05")])).toBe(false);
    expect(one(null, [task(["m03"], null, "2026-04-05")])).toBe(false);
    expect(evidence({ resolutions: [] }).resolution_with_tasks).toBe(false);
  });
});

describe("minutes_signed_in_time (per tenant, default 2 days)", () => {
  it("locked within two days of the meeting", () => {
    expect(evidence({ minutesLockedOn: D }).minutes_signed_in_time).toBe(true);
    expect(evidence({ minutesLockedOn: "2026-03-12" }).minutes_signed_in_time).toBe(true);
    expect(evidence({ minutesLockedOn: "2026-03-13" }).minutes_signed_in_time).toBe(false);
    expect(evidence({ minutesLockedOn: null }).minutes_signed_in_time).toBe(false);
  });

  it("with the tenant's number of days", () => {
    const f = facts({ minutesLockedOn: "2026-03-13" });
    expect(
      meetingEvidence(f, rules, resolveSupervisionRules({ signDays: 3 })).minutes_signed_in_time,
    ).toBe(true);
  });
});

describe("thematic_month (ward sheet block 4)", () => {
  it("a thematic meeting held in the same month", () => {
    expect(evidence({ thematicHeldOn: ["2026-03-25"] }).thematic_month).toBe(true);
    expect(evidence({ thematicHeldOn: ["2026-02-28", "2026-04-01"] }).thematic_month).toBe(false);
  });

  it("held together with a thematic meeting, or itself thematic", () => {
    expect(evidence({ combinedWithThematic: true }).thematic_month).toBe(true);
    expect(evidence({ kind: "thematic", registeredDate: null }).thematic_month).toBe(true);
    expect(
      evidence({ combinedWithThematic: true, status: "planned", heldOn: null }).thematic_month,
    ).toBe(false);
  });
});

describe("minutes_kept (HD12 closing; the rubric's minutes cap)", () => {
  it("written in chibo or a paper book, or locked; nothing for a meeting not held", () => {
    expect(evidence({ minutesWritten: true, minutesLockedOn: null }).minutes_kept).toBe(true);
    expect(evidence({ minutesWritten: false }).minutes_kept).toBe(true);
    expect(evidence({ minutesWritten: false, minutesLockedOn: null }).minutes_kept).toBe(false);
    expect(evidence({ status: "planned", heldOn: null }).minutes_kept).toBe(false);
  });
});

describe("meetingEvidence properties", () => {
  const marksArb = fc
    .array(fc.option(fc.constantFrom(...ATTENDANCE_STATUSES), { nil: undefined }), {
      minLength: 20,
      maxLength: 20,
    })
    .map((statuses) => {
      const marks = new Map<string, AttendanceStatus>();
      statuses.forEach((s, i) => {
        const id = ids[i];
        if (s !== undefined && id !== undefined) marks.set(id, s);
      });
      return marks;
    });

  it("shares stay within 0..1, and the required length is at least the regular minimum", () => {
    fc.assert(
      fc.property(
        marksArb,
        fc.subarray(ids),
        fc.boolean(),
        fc.integer({ min: 0, max: 300 }),
        (marks, speakerIds, combinedWithThematic, durationMinutes) => {
          const e = evidence({ marks, speakerIds, combinedWithThematic, durationMinutes });
          expect(evidenceValuesSchema.safeParse(e).success).toBe(true);
          for (const v of [e.attendance_rate, e.speakers_share, e.tasks_reviewed]) {
            if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
          }
          expect(e.duration_required).toBeGreaterThanOrEqual(rules.regularMinMinutes);
          expect(e.duration_minutes).toBe(durationMinutes);
        },
      ),
    );
  });
});
