import type { ThematicPlanDto, ThematicTopicDto } from "@chibo/domain";
import type { ThematicPlanRow, TopicMeetingRow, TopicWithDrafter } from "./thematic.repository.js";

const QUARTERS = [1, 2, 3, 4] as const;

/** The meeting that carries a topic: one not cancelled if any, the latest of them. */
function meetingOf(rows: readonly TopicMeetingRow[]): TopicMeetingRow | undefined {
  let best: TopicMeetingRow | undefined;
  for (const r of rows) {
    if (
      best === undefined ||
      (best.status === "cancelled" && r.status !== "cancelled") ||
      ((best.status === "cancelled") === (r.status === "cancelled") && r.date > best.date)
    ) {
      best = r;
    }
  }
  return best;
}

export function presentThematicPlan(
  unitId: string,
  year: number,
  plan: ThematicPlanRow | undefined,
  topics: readonly TopicWithDrafter[],
  topicMeetings: readonly TopicMeetingRow[],
): ThematicPlanDto {
  const byTopic = new Map<string, TopicMeetingRow[]>();
  for (const m of topicMeetings) {
    const list = byTopic.get(m.thematicTopicId) ?? [];
    list.push(m);
    byTopic.set(m.thematicTopicId, list);
  }
  const items: ThematicTopicDto[] = topics.map((t) => {
    const meeting = meetingOf(byTopic.get(t.id) ?? []);
    return {
      id: t.id,
      quarter: t.quarter,
      title: t.title,
      drafterMemberId: t.drafterMemberId,
      drafterName: t.drafterName,
      meetingId: meeting?.id ?? null,
      meetingDate: meeting?.date ?? null,
      meetingStatus: meeting?.status ?? null,
    };
  });
  const covered = new Set(topics.map((t) => t.quarter));
  return {
    unitId,
    year,
    reportedAt: plan?.reportedAt?.toISOString() ?? null,
    topics: items,
    missingQuarters: QUARTERS.filter((q) => !covered.has(q)),
  };
}
