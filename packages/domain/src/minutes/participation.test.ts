import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  mostSpoke,
  participation,
  speakingShare,
  type MeetingParticipation,
  type MemberTasks,
} from "./participation.js";

const ids = ["a", "b", "c", "d", "e", "f"] as const;

describe("participation figures (hand-worked)", () => {
  // Six members on every roster. m1: a, b, c present; a speaks twice, b once → 2 of 3 spoke.
  // m2: a, b, c, e present; only c speaks → 1 of 4. m3: a, b present; d speaks without being
  // present (counted as d's opinion, never towards "most spoke") → 0 of 2.
  const meetings: MeetingParticipation[] = [
    { meetingId: "m1", present: ["a", "b", "c"], speakers: ["a", "a", "b"] },
    { meetingId: "m2", present: ["a", "b", "c", "e"], speakers: ["c"] },
    { meetingId: "m3", present: ["a", "b"], speakers: ["d"] },
  ];
  const rosters = new Map(meetings.map((m) => [m.meetingId, [...ids]]));
  const tasks: MemberTasks[] = [
    { memberId: "a", held: 2, done: 1 },
    { memberId: "a", held: 1, done: 1 },
    { memberId: "b", held: 1, done: 0 },
    // Someone not listed: ignored.
    { memberId: "zz", held: 5, done: 5 },
  ];
  const result = participation(ids, rosters, meetings, tasks);
  const of = (id: string) => result.members.find((m) => m.memberId === id);

  it("counts meetings, attendance, opinions and tasks per member", () => {
    expect(of("a")).toEqual({
      memberId: "a",
      meetings: 3,
      attended: 3,
      opinions: 2,
      meetingsSpoken: 1,
      tasksHeld: 3,
      tasksDone: 2,
      neverSpoke: false,
    });
    expect(of("b")).toMatchObject({ attended: 3, opinions: 1, meetingsSpoken: 1, tasksHeld: 1 });
    expect(of("c")).toMatchObject({ attended: 2, opinions: 1, meetingsSpoken: 1, tasksHeld: 0 });
    expect(of("d")).toMatchObject({
      attended: 0,
      opinions: 1,
      meetingsSpoken: 1,
      neverSpoke: false,
    });
    // e came once and never spoke; f never came, so is not "never spoke".
    expect(of("e")).toMatchObject({ meetings: 3, attended: 1, opinions: 0, neverSpoke: true });
    expect(of("f")).toMatchObject({ meetings: 3, attended: 0, opinions: 0, neverSpoke: false });
    expect(result.members.map((m) => m.memberId)).toEqual([...ids]);
  });

  it("counts the meetings where more than half of those present spoke", () => {
    expect(meetings.map(mostSpoke)).toEqual([true, false, false]);
    expect(result).toMatchObject({ meetings: 3, meetingsMostSpoke: 1, neverSpoke: 1 });
    expect(result.shareMostSpoke).toBeCloseTo(1 / 3);
  });

  it("needs strictly more than half, and nobody present means nobody spoke", () => {
    const half = { meetingId: "x", present: ["a", "b", "c", "d"], speakers: ["a", "b", "b"] };
    expect(mostSpoke(half)).toBe(false);
    expect(speakingShare(half)).toBe(0.5);
    expect(mostSpoke({ ...half, speakers: ["a", "b", "c"] })).toBe(true);
    expect(speakingShare({ ...half, speakers: ["a", "b", "c"] })).toBe(0.75);
    expect(mostSpoke({ meetingId: "y", present: [], speakers: ["a"] })).toBe(false);
    expect(speakingShare({ meetingId: "y", present: [], speakers: ["a"] })).toBe(0);
    // Repeated presence marks count once.
    expect(mostSpoke({ meetingId: "z", present: ["a", "a", "b"], speakers: ["a"] })).toBe(false);
  });

  it("measures a member only on the meetings whose roster lists them", () => {
    const joined = participation(
      ["a", "n"],
      new Map([
        ["m1", ["a"]],
        ["m2", ["a", "n"]],
      ]),
      [
        { meetingId: "m1", present: ["a"], speakers: [] },
        { meetingId: "m2", present: ["a", "n"], speakers: ["n"] },
      ],
      [],
    );
    expect(joined.members).toEqual([
      expect.objectContaining({ memberId: "a", meetings: 2, attended: 2, neverSpoke: true }),
      expect.objectContaining({ memberId: "n", meetings: 1, attended: 1, neverSpoke: false }),
    ]);
    expect(joined.meetingsMostSpoke).toBe(0);
  });

  it("measures who spoke only in meetings whose minutes are kept", () => {
    const rosters = new Map([
      ["m1", ["a", "b"]],
      ["m2", ["a", "b"]],
    ]);
    const s = participation(
      ["a", "b"],
      rosters,
      [
        // Held before the cell kept minutes in chibo: attendance counts, speakers are unknown.
        { meetingId: "m1", present: ["a", "b"], speakers: [], recorded: false },
        { meetingId: "m2", present: ["a"], speakers: ["a"] },
      ],
      [],
    );
    expect(s.meetings).toBe(2);
    expect(s.meetingsRecorded).toBe(1);
    expect(s.meetingsMostSpoke).toBe(1);
    expect(s.shareMostSpoke).toBe(1);
    const b = s.members.find((m) => m.memberId === "b");
    // b attended only the meeting without minutes: nothing is known of b's speaking.
    expect(b).toMatchObject({ attended: 1, opinions: 0, neverSpoke: false });
  });

  it("has no share when there was no meeting", () => {
    expect(participation(["a"], new Map(), [], [])).toEqual({
      members: [
        {
          memberId: "a",
          meetings: 0,
          attended: 0,
          opinions: 0,
          meetingsSpoken: 0,
          tasksHeld: 0,
          tasksDone: 0,
          neverSpoke: false,
        },
      ],
      meetings: 0,
      meetingsRecorded: 0,
      meetingsMostSpoke: 0,
      shareMostSpoke: null,
      neverSpoke: 0,
    });
  });
});

// Random meetings over a small pool of members, so that overlaps are frequent.
const pool = ["a", "b", "c", "d", "e", "f", "g"];
const person = fc.constantFrom(...pool);
const meetingArb = fc.record({
  meetingId: fc.uuid(),
  present: fc.uniqueArray(person, { maxLength: pool.length }),
  speakers: fc.array(person, { maxLength: 12 }),
  recorded: fc.boolean(),
});
const meetingsArb = fc.array(meetingArb, { maxLength: 8 });
const tasksArb = fc.array(
  fc
    .record({ memberId: person, held: fc.nat(5), extra: fc.nat(5) })
    .map(({ memberId, held, extra }) => ({ memberId, held: held + extra, done: held })),
  { maxLength: 10 },
);
/** Rosters that list at least those present (and sometimes more). */
const rostersOf = (meetings: readonly MeetingParticipation[], extra: readonly string[]) =>
  new Map(meetings.map((m) => [m.meetingId, [...new Set([...m.present, ...extra])]]));

describe("participation figures (properties)", () => {
  it("keeps the share of meetings where most spoke within [0, 1], null only without minutes", () => {
    fc.assert(
      fc.property(meetingsArb, (meetings) => {
        const r = participation(pool, rostersOf(meetings, []), meetings, []);
        expect(r.meetingsRecorded).toBe(meetings.filter((m) => m.recorded).length);
        expect(r.meetingsMostSpoke).toBeLessThanOrEqual(r.meetingsRecorded);
        if (r.meetingsRecorded === 0) {
          expect(r.shareMostSpoke).toBeNull();
        } else {
          expect(r.shareMostSpoke).not.toBeNull();
          expect(r.shareMostSpoke ?? -1).toBeGreaterThanOrEqual(0);
          expect(r.shareMostSpoke ?? 2).toBeLessThanOrEqual(1);
        }
        expect(r.meetingsMostSpoke).toBeLessThanOrEqual(r.meetings);
      }),
    );
  });

  it("flags never-spoke exactly for members who attended a meeting with minutes and gave no opinion", () => {
    fc.assert(
      fc.property(meetingsArb, tasksArb, (meetings, tasks) => {
        const r = participation(pool, rostersOf(meetings, []), meetings, tasks);
        for (const m of r.members) {
          const heard = meetings.some((x) => x.recorded && x.present.includes(m.memberId));
          expect(m.neverSpoke).toBe(heard && m.opinions === 0);
        }
        expect(r.neverSpoke).toBe(r.members.filter((m) => m.neverSpoke).length);
      }),
    );
  });

  it("never counts a speaker who was not present towards most spoke", () => {
    fc.assert(
      fc.property(meetingArb, fc.array(person, { maxLength: 10 }), (meeting, others) => {
        const present = new Set(meeting.present);
        const absentSpeakers = others.filter((s) => !present.has(s));
        const withAbsent = { ...meeting, speakers: [...meeting.speakers, ...absentSpeakers] };
        expect(mostSpoke(withAbsent)).toBe(mostSpoke(meeting));
        expect(speakingShare(withAbsent)).toBe(speakingShare(meeting));
        const onlyAbsent = { ...meeting, speakers: absentSpeakers };
        expect(mostSpoke(onlyAbsent)).toBe(false);
      }),
    );
  });

  it("never gives a negative or inconsistent count", () => {
    fc.assert(
      fc.property(meetingsArb, tasksArb, (meetings, tasks) => {
        const r = participation(pool, rostersOf(meetings, ["g"]), meetings, tasks);
        expect(r.meetings).toBe(meetings.length);
        expect(r.meetingsMostSpoke).toBeGreaterThanOrEqual(0);
        expect(r.neverSpoke).toBeGreaterThanOrEqual(0);
        for (const m of r.members) {
          for (const n of [
            m.meetings,
            m.attended,
            m.opinions,
            m.meetingsSpoken,
            m.tasksHeld,
            m.tasksDone,
          ]) {
            expect(n).toBeGreaterThanOrEqual(0);
          }
          // Rosters list everyone present, so attendance never exceeds the meetings counted.
          expect(m.attended).toBeLessThanOrEqual(m.meetings);
          expect(m.meetingsSpoken).toBeLessThanOrEqual(m.opinions);
          expect(m.meetingsSpoken).toBeLessThanOrEqual(r.meetings);
          expect(m.tasksDone).toBeLessThanOrEqual(m.tasksHeld);
        }
      }),
    );
  });

  it("gives the same totals whatever the order of the meetings", () => {
    const withShuffle = meetingsArb.chain((meetings) =>
      fc.tuple(
        fc.constant(meetings),
        fc.shuffledSubarray(meetings, { minLength: meetings.length, maxLength: meetings.length }),
      ),
    );
    fc.assert(
      fc.property(withShuffle, tasksArb, ([meetings, shuffled], tasks) => {
        const a = participation(pool, rostersOf(meetings, []), meetings, tasks);
        const b = participation(pool, rostersOf(meetings, []), shuffled, tasks);
        expect(b).toEqual(a);
      }),
    );
  });
});
