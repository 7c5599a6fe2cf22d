import type { AgendaDto, AgendaState } from "@chibo/domain";
import { Alert, Button, Group, Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import {
  IconArrowBackUp,
  IconCheck,
  IconChecks,
  IconInfoCircle,
  IconSend,
  IconTemplate,
} from "@tabler/icons-react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { isApiError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { notifySuccess } from "@/lib/notify";
import { useAgendaFromTemplate } from "../api/agenda-from-template";
import { useAgreeAgenda } from "../api/agree-agenda";
import { useAgenda } from "../api/get-agenda";
import { useReopenAgenda } from "../api/reopen-agenda";
import { useSendAgenda } from "../api/send-agenda";
import { preparationStep } from "../lib/agenda-draft";
import { AgendaEditor } from "./agenda-editor";
import { AgendaView } from "./agenda-view";
import { DocumentsSection } from "./documents-section";
import { AgendaStateBadge } from "./labels";

/** The "Chương trình" tab: the agenda, its preparation steps, its documents. */
export function AgendaPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { data: agenda, isPending, error } = useAgenda(meetingId);
  const [dirty, setDirty] = useState(false);
  const onDirtyChange = useCallback((value: boolean) => {
    setDirty(value);
  }, []);

  if (isPending) return <PageLoader />;
  if (error) {
    if (isApiError(error) && (error.status === 403 || error.status === 404)) return <NotReady />;
    return <ErrorAlert error={error} />;
  }
  const { can } = agenda;
  const writer = can.edit || can.agree || can.send || can.reopen;
  if (agenda.state === null) {
    return (
      <Stack gap="md">
        {writer ? <EmptyAgenda meetingId={meetingId} /> : <NotReady />}
        <DocumentsSection meetingId={meetingId} documents={agenda.documents} editable={writer} />
      </Stack>
    );
  }
  // Members see the steps once the agenda is sent; before that the server gives none.
  if (!writer && agenda.items.length === 0) return <NotReady />;
  const editing = agenda.state === "draft" && can.edit;

  return (
    <Stack gap="md">
      <Paper
        withBorder
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="agenda-title"
      >
        <Group justify="space-between" gap="xs" mb="xs">
          <Title order={2} size="h4" id="agenda-title">
            {t("minutes.agenda.title")}
          </Title>
          <AgendaStateBadge state={agenda.state} />
        </Group>
        <Stack gap={2} mb="sm">
          {agenda.templateName && (
            <Text size="xs" c="dimmed">
              {t("minutes.agenda.template", { name: agenda.templateName })}
            </Text>
          )}
          {agenda.preparedBy && (
            <Text size="xs" c="dimmed">
              {t("minutes.agenda.prepared_by", { name: agenda.preparedBy })}
            </Text>
          )}
          {agenda.agreedAt && (
            <Text size="xs" c="dimmed">
              {t("minutes.agenda.agreed_at", { at: formatDateTime(agenda.agreedAt) })}
            </Text>
          )}
          {agenda.sentAt && (
            <Text size="xs" c="dimmed">
              {t("minutes.agenda.sent_at", { at: formatDateTime(agenda.sentAt) })}
            </Text>
          )}
        </Stack>
        {writer && <PreparationSteps state={agenda.state} />}
        {writer && <AgendaActions agenda={agenda} dirty={editing && dirty} />}
      </Paper>
      {editing ? (
        <AgendaEditor key={agenda.version} agenda={agenda} onDirtyChange={onDirtyChange} />
      ) : (
        <AgendaView agenda={agenda} />
      )}
      <DocumentsSection meetingId={meetingId} documents={agenda.documents} editable={writer} />
    </Stack>
  );
}

function NotReady() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
      {t("minutes.agenda.not_ready")}
    </Alert>
  );
}

function EmptyAgenda({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const create = useAgendaFromTemplate(meetingId);
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4">
          {t("minutes.agenda.title")}
        </Title>
        <Text size="sm">{t("minutes.agenda.empty")}</Text>
        <Text size="xs" c="dimmed">
          {t("minutes.agenda.empty_hint")}
        </Text>
        <Button
          size="md"
          leftSection={<IconTemplate size={18} />}
          loading={create.isPending}
          onClick={() => {
            create.mutate(undefined, {
              onSuccess: () => {
                notifySuccess(t("minutes.agenda.created"));
              },
            });
          }}
        >
          {t("minutes.agenda.from_template")}
        </Button>
        <ErrorAlert error={create.error} />
      </Stack>
    </Paper>
  );
}

/** HD12 §2: drafted → agreed by the cell committee → sent to members (a list, not buttons). */
function PreparationSteps({ state }: { state: AgendaState }) {
  const { t } = useTranslation();
  const steps = ["draft", "agreed", "sent"] as const;
  return (
    <>
      <Text size="sm" fw={600} mb={6}>
        {t("minutes.agenda.steps.label")}
      </Text>
      <Timeline active={preparationStep(state)} bulletSize={22} lineWidth={2} mb="sm">
        {steps.map((step, i) => (
          <Timeline.Item
            key={step}
            title={t(`minutes.agenda.steps.${step}`)}
            bullet={i <= preparationStep(state) ? <IconCheck size={14} aria-hidden /> : i + 1}
          >
            <Text size="xs" c="dimmed">
              {t(`minutes.agenda.steps.${step}_hint`)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </>
  );
}

/** Agree, send, reopen: only what the server's `can` allows; unsaved edits must be saved first. */
function AgendaActions({ agenda, dirty }: { agenda: AgendaDto; dirty: boolean }) {
  const { t } = useTranslation();
  const agree = useAgreeAgenda(agenda.meetingId);
  const send = useSendAgenda(agenda.meetingId);
  const reopen = useReopenAgenda(agenda.meetingId);
  const version = agenda.version;
  const error = agree.error ?? send.error ?? reopen.error;
  const reset = () => {
    agree.reset();
    send.reset();
    reopen.reset();
  };
  const busy = agree.isPending || send.isPending || reopen.isPending;
  if (!agenda.can.agree && !agenda.can.send && !agenda.can.reopen) return null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {agenda.can.agree && (
          <Button
            leftSection={<IconChecks size={16} />}
            loading={agree.isPending}
            disabled={dirty || busy}
            onClick={() => {
              reset();
              agree.mutate(
                { version },
                {
                  onSuccess: () => {
                    notifySuccess(t("minutes.agenda.agreed"));
                  },
                },
              );
            }}
          >
            {t("minutes.agenda.actions.agree")}
          </Button>
        )}
        {agenda.can.send && (
          <Button
            color="green"
            leftSection={<IconSend size={16} />}
            loading={send.isPending}
            disabled={dirty || busy}
            onClick={() => {
              reset();
              send.mutate(
                { version },
                {
                  onSuccess: () => {
                    notifySuccess(t("minutes.agenda.sent"));
                  },
                },
              );
            }}
          >
            {t("minutes.agenda.actions.send")}
          </Button>
        )}
        {agenda.can.reopen && (
          <Button
            variant="light"
            color="gray"
            leftSection={<IconArrowBackUp size={16} />}
            loading={reopen.isPending}
            disabled={busy}
            onClick={() => {
              reset();
              reopen.mutate(
                { version },
                {
                  onSuccess: () => {
                    notifySuccess(t("minutes.agenda.reopened"));
                  },
                },
              );
            }}
          >
            {t("minutes.agenda.actions.reopen")}
          </Button>
        )}
      </Group>
      {dirty && (
        <Text size="xs" c="orange.8">
          {t("minutes.agenda.actions.save_first")}
        </Text>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}
