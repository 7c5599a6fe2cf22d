import type { MemberDto } from "@chibo/domain";
import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import { useDocumentTitle, useMediaQuery } from "@mantine/hooks";
import {
  IconArrowsRightLeft,
  IconBriefcase,
  IconChevronDown,
  IconCircleCheck,
  IconDoorExit,
  IconPencil,
  IconPlayerPause,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { NotFound } from "@/components/ui/not-found";
import { PageLoader } from "@/components/ui/page-loader";
import { isApiError } from "@/lib/api-client";
import { formatDate, formatDateTime } from "@/lib/format";
import { useMember } from "../api/get-member";
import { useMemberHistory } from "../api/get-member-history";
import {
  AddPositionModal,
  EndExemptionModal,
  EndPositionModal,
  ExemptModal,
  LeaveModal,
  MakeOfficialModal,
  TransferModal,
} from "./member-commands";
import { MemberForm } from "./member-form";
import { ExemptBadge, MemberStatusBadge } from "./member-labels";

type OpenModal =
  | { kind: "edit" }
  | { kind: "official" }
  | { kind: "exempt" }
  | { kind: "end_exemption"; id: string }
  | { kind: "transfer" }
  | { kind: "leave" }
  | { kind: "add_position" }
  | { kind: "end_position"; id: string };

function Field({ label, value }: { label: string; value: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} style={{ wordBreak: "break-word" }}>
        {value === null || value === undefined || value === "" ? t("common.none") : value}
      </Text>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A member's register entry, grouped as on form 7-HSĐV, with history and register commands. */
export function MemberDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: member, isPending, error } = useMember(id);
  useDocumentTitle(`${member?.fullName ?? t("members.title")} · chibo`);
  const [modal, setModal] = useState<OpenModal | null>(null);
  const canWrite = member?.can.write ?? false;
  const close = () => {
    setModal(null);
  };

  if (isPending) return <PageLoader />;
  if (error) {
    if (isApiError(error) && error.status === 404) return <NotFound />;
    return <ErrorAlert error={error} />;
  }
  const exemptNow = member.active && member.exemptions.some((e) => e.to === null);
  // Private fields come back empty for callers who may not read them: hide them rather than show "—".
  const priv = member.can.readPrivate;

  return (
    <Stack gap="md">
      <Breadcrumbs separatorMargin={4}>
        <Anchor component={Link} to="/members" size="sm">
          {t("members.back_to_list")}
        </Anchor>
        <Anchor component={Link} to={`/units/${member.unitId}`} size="sm">
          {member.unitName}
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {member.fullName}
          </Title>
          <Group gap={4}>
            <MemberStatusBadge
              status={member.status}
              active={member.active}
              leaveKind={member.leaveKind}
            />
            {exemptNow && <ExemptBadge />}
          </Group>
        </Stack>
        {canWrite && member.active && <MemberActions member={member} onOpen={setModal} />}
      </Group>

      <Section title={t("members.sections.identity")}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Field label={t("members.fields.full_name")} value={member.fullName} />
          <Field label={t("members.fields.birth_name")} value={member.birthName} />
          <Field label={t("members.fields.gender")} value={t(`members.gender.${member.gender}`)} />
          {priv && (
            <Field label={t("members.fields.birth_date")} value={formatDate(member.birthDate)} />
          )}
          <Field label={t("members.fields.ethnicity")} value={member.ethnicity} />
          <Field label={t("members.fields.religion")} value={member.religion} />
          {priv && <Field label={t("members.fields.hometown")} value={member.hometown} />}
          <Field label={t("members.fields.education")} value={member.education} />
          <Field label={t("members.fields.political_theory")} value={member.politicalTheory} />
          <Field label={t("members.fields.qualification")} value={member.qualification} />
          <Field label={t("members.fields.occupation")} value={member.occupation} />
        </SimpleGrid>
      </Section>

      <Section title={t("members.sections.party")}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Field
            label={t("members.fields.unit")}
            value={
              <Anchor component={Link} to={`/units/${member.unitId}`} inherit>
                {member.unitName}
              </Anchor>
            }
          />
          <Field
            label={t("members.fields.status")}
            value={member.active ? t(`members.status.${member.status}`) : t("members.status.left")}
          />
          <Field label={t("members.fields.join_date")} value={formatDate(member.joinDate)} />
          <Field
            label={t("members.fields.official_date")}
            value={formatDate(member.officialDate)}
          />
          {priv && <Field label={t("members.fields.card_number")} value={member.cardNumber} />}
          {!member.active && (
            <>
              <Field label={t("members.fields.left_on")} value={formatDate(member.leftOn)} />
              <Field
                label={t("members.fields.leave_kind")}
                value={member.leaveKind ? t(`members.leave_kind.${member.leaveKind}`) : null}
              />
            </>
          )}
        </SimpleGrid>
      </Section>

      {priv && (
        <Section title={t("members.sections.contact")}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Field
              label={t("members.fields.phone")}
              value={
                member.phone ? <Anchor href={`tel:${member.phone}`}>{member.phone}</Anchor> : null
              }
            />
            <Field
              label={t("members.fields.email")}
              value={
                member.email ? (
                  <Anchor href={`mailto:${member.email}`}>{member.email}</Anchor>
                ) : null
              }
            />
          </SimpleGrid>
        </Section>
      )}

      {priv && (
        <Section title={t("members.sections.exemptions")}>
          {member.exemptions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("members.no_exemptions")}
            </Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {member.exemptions.map((e) => (
                <Group key={e.id} component="li" justify="space-between" gap="xs">
                  <div>
                    <Text size="sm" fw={500}>
                      {t("members.period", {
                        from: formatDate(e.from),
                        to: e.to ? formatDate(e.to) : t("members.current"),
                      })}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {e.reason}
                    </Text>
                  </div>
                  {canWrite && member.active && e.to === null && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => {
                        setModal({ kind: "end_exemption", id: e.id });
                      }}
                    >
                      {t("members.end_exemption")}
                    </Button>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </Section>
      )}

      <Section title={t("members.sections.positions")}>
        {member.positions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("members.no_positions")}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {member.positions.map((p) => (
              <Group key={p.id} component="li" justify="space-between" gap="xs">
                <div>
                  <Text size="sm" fw={500}>
                    {t(`members.position.${p.title}`)} · {p.unitName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t("members.period", {
                      from: formatDate(p.from),
                      to: p.to ? formatDate(p.to) : t("members.current"),
                    })}
                  </Text>
                </div>
                {canWrite && p.to === null && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => {
                      setModal({ kind: "end_position", id: p.id });
                    }}
                  >
                    {t("members.end_position")}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Section>

      {member.notes && (
        <Section title={t("members.sections.notes")}>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {member.notes}
          </Text>
        </Section>
      )}

      {member.can.readPrivate && <MemberHistory id={member.id} />}

      {modal?.kind === "edit" && (
        <AppModal opened onClose={close} title={t("members.edit_title")} size="xl">
          <MemberForm mode="edit" member={member} onSaved={close} onCancel={close} />
        </AppModal>
      )}
      {modal?.kind === "official" && <MakeOfficialModal member={member} onClose={close} />}
      {modal?.kind === "exempt" && <ExemptModal member={member} onClose={close} />}
      {modal?.kind === "end_exemption" && (
        <EndExemptionModal member={member} exemptionId={modal.id} onClose={close} />
      )}
      {modal?.kind === "transfer" && <TransferModal member={member} onClose={close} />}
      {modal?.kind === "leave" && <LeaveModal member={member} onClose={close} />}
      {modal?.kind === "add_position" && <AddPositionModal member={member} onClose={close} />}
      {modal?.kind === "end_position" && (
        <EndPositionModal member={member} positionId={modal.id} onClose={close} />
      )}
    </Stack>
  );
}

function MemberActions({
  member,
  onOpen,
}: {
  member: MemberDto;
  onOpen: (modal: OpenModal) => void;
}) {
  const { t } = useTranslation();
  const isDesktop = useMediaQuery("(min-width: 48em)", true, { getInitialValueInEffect: false });
  const exemptNow = member.exemptions.some((e) => e.to === null);
  const items = [
    { kind: "edit", label: t("members.edit"), icon: <IconPencil size={16} />, show: true },
    {
      kind: "official",
      label: t("members.make_official"),
      icon: <IconCircleCheck size={16} />,
      show: member.status === "probationary",
    },
    {
      kind: "exempt",
      label: t("members.exempt"),
      icon: <IconPlayerPause size={16} />,
      show: !exemptNow,
    },
    {
      kind: "transfer",
      label: t("members.transfer"),
      icon: <IconArrowsRightLeft size={16} />,
      show: true,
    },
    {
      kind: "add_position",
      label: t("members.add_position"),
      icon: <IconBriefcase size={16} />,
      show: true,
    },
    { kind: "leave", label: t("members.leave"), icon: <IconDoorExit size={16} />, show: true },
  ] as const;
  const visible = items.filter((i) => i.show);

  if (isDesktop) {
    return (
      <Group gap="xs">
        {visible.map((item) => (
          <Button
            key={item.kind}
            variant={item.kind === "edit" ? "filled" : "light"}
            color={item.kind === "leave" ? "red" : undefined}
            leftSection={item.icon}
            onClick={() => {
              onOpen({ kind: item.kind });
            }}
          >
            {item.label}
          </Button>
        ))}
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Button
        leftSection={<IconPencil size={16} />}
        onClick={() => {
          onOpen({ kind: "edit" });
        }}
      >
        {t("members.edit")}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="light" rightSection={<IconChevronDown size={16} />}>
            {t("members.actions")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {visible
            .filter((item) => item.kind !== "edit")
            .map((item) => (
              <Menu.Item
                key={item.kind}
                leftSection={item.icon}
                color={item.kind === "leave" ? "red" : undefined}
                onClick={() => {
                  onOpen({ kind: item.kind });
                }}
              >
                {item.label}
              </Menu.Item>
            ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

function MemberHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useMemberHistory(id);
  return (
    <Section title={t("members.sections.history")}>
      {isPending && <PageLoader />}
      {error && <ErrorAlert error={error} />}
      {data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("members.no_history")}
        </Text>
      )}
      {data && data.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2}>
          {data.map((event) => (
            <Timeline.Item key={event.id} title={t(`members.event.${event.kind}`)}>
              <Text size="sm">{formatDate(event.date)}</Text>
              <EventUnits from={event.fromUnitName} to={event.toUnitName} />
              {event.note && (
                <Text size="sm" c="dimmed">
                  {event.note}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t("members.event_recorded", { at: formatDateTime(event.at) })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}

function EventUnits({ from, to }: { from: string | null; to: string | null }) {
  const { t } = useTranslation();
  let text: string | null = null;
  if (from && to) text = t("members.event_from_to", { from, to });
  else if (from) text = t("members.event_from", { from });
  else if (to) text = t("members.event_to", { to });
  if (text === null) return null;
  return (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
}
