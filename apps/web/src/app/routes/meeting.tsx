import { Stack, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { NotFound } from "@/components/ui/not-found";
import { useMeeting } from "@/features/meetings/api/get-meeting";
import { MeetingDetail } from "@/features/meetings/components/meeting-detail";
import { AgendaPanel } from "@/features/minutes/components/agenda-panel";
import { MinutesPanel } from "@/features/minutes/components/minutes-panel";
import { ScorePanel } from "@/features/quality/components/score-panel";

const RECORD_TABS = ["agenda", "minutes", "score"] as const;
type RecordTab = (typeof RECORD_TABS)[number];

function isRecordTab(value: string | null): value is RecordTab {
  return RECORD_TABS.some((tab) => tab === value);
}

/** A meeting (meetings feature), its agenda and minutes (minutes feature) and its score (quality). */
export function Component() {
  const { id } = useParams();
  if (!id) return <NotFound />;
  return (
    <Stack gap="lg">
      <MeetingDetail key={id} id={id} />
      <MeetingRecords key={`records-${id}`} id={id} />
    </Stack>
  );
}

function MeetingRecords({ id }: { id: string }) {
  const { t } = useTranslation();
  const meeting = useMeeting(id);
  const [params, setParams] = useSearchParams();
  // The meeting's own page shows its loading, errors and 404.
  if (!meeting.data || meeting.data.status === "cancelled") return null;
  const asked = params.get("tab");
  // While the meeting runs and after it, the minutes are what the page is opened for.
  const running = meeting.data.status === "in_progress" || meeting.data.status === "held";
  const tab: RecordTab = isRecordTab(asked) ? asked : running ? "minutes" : "agenda";
  return (
    <Tabs
      value={tab}
      onChange={(value) => {
        setParams(
          (prev) => {
            const next = new URLSearchParams(prev);
            next.set("tab", isRecordTab(value) ? value : "agenda");
            return next;
          },
          { replace: true },
        );
      }}
      // The minutes stay mounted when the agenda is looked at: the autosave keeps running.
      keepMounted
    >
      <Tabs.List grow aria-label={t("minutes.tabs.label")}>
        <Tabs.Tab value="agenda" px="xs" fw={600}>
          {t("minutes.tabs.agenda")}
        </Tabs.Tab>
        <Tabs.Tab value="minutes" px="xs" fw={600}>
          {t("minutes.tabs.minutes")}
        </Tabs.Tab>
        <Tabs.Tab value="score" px="xs" fw={600}>
          {t("quality.tab.label")}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="agenda" pt="md">
        <AgendaPanel meetingId={id} />
      </Tabs.Panel>
      <Tabs.Panel value="minutes" pt="md">
        <MinutesPanel meetingId={id} />
      </Tabs.Panel>
      <Tabs.Panel value="score" pt="md">
        {/* Loaded when opened: the score is asked for only by those who look at it. */}
        {tab === "score" && <ScorePanel meetingId={id} />}
      </Tabs.Panel>
    </Tabs>
  );
}
