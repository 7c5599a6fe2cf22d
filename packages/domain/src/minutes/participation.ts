// Members' participation over a period (seeds: members, young ones above all, who never speak; HD42 and
// the default rubric score "members speaking" as the share of those present who gave an opinion).

export interface MeetingParticipation {
  meetingId: string;
  /** Members present (attendance "present" or "late"). */
  present: readonly string[];
  /** Members who gave at least one opinion, in any order, repeats allowed. */
  speakers: readonly string[];
  /**
   * The meeting's minutes are kept in chibo, so its opinions are known (default true). A meeting
   * without them (held before the cell used chibo, or minutes kept on paper only) counts for
   * attendance but says nothing about who spoke.
   */
  recorded?: boolean;
}

export interface MemberTasks {
  memberId: string;
  held: number;
  done: number;
}

export interface MemberParticipation {
  memberId: string;
  /** Meetings of the period on whose roster the member was counted. */
  meetings: number;
  attended: number;
  opinions: number;
  /** Meetings in which the member spoke at least once. */
  meetingsSpoken: number;
  tasksHeld: number;
  tasksDone: number;
  /** Attended at least one meeting with minutes and never gave an opinion. */
  neverSpoke: boolean;
}

export interface ParticipationSummary {
  members: MemberParticipation[];
  meetings: number;
  /** Meetings whose minutes are kept (their speakers are known). */
  meetingsRecorded: number;
  /** Meetings where more than half of the members present gave an opinion. */
  meetingsMostSpoke: number;
  /** meetingsMostSpoke ÷ meetingsRecorded; null when no meeting has minutes. */
  shareMostSpoke: number | null;
  neverSpoke: number;
}

/** Default rubric, block 4: "members speaking" is full when more than half of those present spoke. */
export function mostSpoke(meeting: MeetingParticipation): boolean {
  const present = new Set(meeting.present);
  if (present.size === 0) return false;
  const spoke = new Set(meeting.speakers.filter((s) => present.has(s)));
  return 2 * spoke.size > present.size;
}

/** Share of those present who spoke (0 when nobody was present). */
export function speakingShare(meeting: MeetingParticipation): number {
  const present = new Set(meeting.present);
  if (present.size === 0) return 0;
  return new Set(meeting.speakers.filter((s) => present.has(s))).size / present.size;
}

/**
 * Figures per member: `rosters` gives, per meeting, who was counted on it (listed members), so a member
 * who joined mid-year is measured only on the meetings they belonged to. Opinions count every one given,
 * also by members not on the roster (a member attached from elsewhere).
 */
export function participation(
  memberIds: readonly string[],
  rosters: ReadonlyMap<string, readonly string[]>,
  meetings: readonly MeetingParticipation[],
  tasks: readonly MemberTasks[],
): ParticipationSummary {
  const byMember = new Map<string, MemberParticipation>(
    memberIds.map((id) => [
      id,
      {
        memberId: id,
        meetings: 0,
        attended: 0,
        opinions: 0,
        meetingsSpoken: 0,
        tasksHeld: 0,
        tasksDone: 0,
        neverSpoke: false,
      },
    ]),
  );
  let most = 0;
  let recorded = 0;
  const heardIn = new Map<string, number>();
  for (const m of meetings) {
    const known = m.recorded !== false;
    if (known) {
      recorded += 1;
      for (const id of new Set(m.present)) heardIn.set(id, (heardIn.get(id) ?? 0) + 1);
    }
    for (const id of rosters.get(m.meetingId) ?? []) {
      const p = byMember.get(id);
      if (p) p.meetings += 1;
    }
    for (const id of new Set(m.present)) {
      const p = byMember.get(id);
      if (p) p.attended += 1;
    }
    for (const id of m.speakers) {
      const p = byMember.get(id);
      if (p) p.opinions += 1;
    }
    for (const id of new Set(m.speakers)) {
      const p = byMember.get(id);
      if (p) p.meetingsSpoken += 1;
    }
    if (known && mostSpoke(m)) most += 1;
  }
  for (const t of tasks) {
    const p = byMember.get(t.memberId);
    if (p) {
      p.tasksHeld += t.held;
      p.tasksDone += t.done;
    }
  }
  const members = [...byMember.values()];
  for (const p of members) p.neverSpoke = (heardIn.get(p.memberId) ?? 0) > 0 && p.opinions === 0;
  return {
    members,
    meetings: meetings.length,
    meetingsRecorded: recorded,
    meetingsMostSpoke: most,
    shareMostSpoke: recorded === 0 ? null : most / recorded,
    neverSpoke: members.filter((p) => p.neverSpoke).length,
  };
}
