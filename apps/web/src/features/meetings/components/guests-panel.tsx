import { GUEST_KINDS, guestInput, type GuestKind, type MeetingDetailDto } from "@chibo/domain";
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconTrash, IconUserPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormModal } from "@/components/ui/form-modal";
import { notifySuccess } from "@/lib/notify";
import { useAddGuest, useRemoveGuest } from "../api/guests";

function isGuestKind(value: string): value is GuestKind {
  return (GUEST_KINDS as readonly string[]).includes(value);
}

/** HD12 opening: "giới thiệu đại biểu" — upper-level attendees and invited guests. */
export function GuestsPanel({
  meeting,
  editable,
}: {
  meeting: MeetingDetailDto;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [addOpen, add] = useDisclosure(false);
  const remove = useRemoveGuest(meeting.id);
  if (!editable && meeting.guests.length === 0) return null;
  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="guests-title"
    >
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={2} size="h4" id="guests-title">
          {t("meetings.guests.title")}
        </Title>
        {editable && (
          <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={add.open}>
            {t("meetings.guests.add")}
          </Button>
        )}
      </Group>
      {meeting.guests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("meetings.guests.empty")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {meeting.guests.map((g) => (
            <Group key={g.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {g.name}
                </Text>
                <Group gap={4}>
                  <Badge
                    size="xs"
                    variant="light"
                    color={g.kind === "upper_level" ? "red" : "gray"}
                  >
                    {t(`meetings.guest_kind.${g.kind}`)}
                  </Badge>
                  {g.title && (
                    <Text size="xs" c="dimmed">
                      {g.title}
                    </Text>
                  )}
                </Group>
              </div>
              {editable && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t("meetings.guests.remove", { name: g.name })}
                  loading={remove.isPending && remove.variables === g.id}
                  onClick={() => {
                    remove.mutate(g.id, {
                      onSuccess: () => {
                        notifySuccess(t("meetings.guests.removed"));
                      },
                    });
                  }}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {remove.error && <ErrorAlert error={remove.error} />}
      {addOpen && <AddGuestModal meetingId={meeting.id} onClose={add.close} />}
    </Paper>
  );
}

function AddGuestModal({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useAddGuest(meetingId);
  const initial: { name: string; title: string; kind: GuestKind } = {
    name: "",
    title: "",
    kind: "upper_level",
  };
  return (
    <FormModal
      title={t("meetings.guests.add_title")}
      onClose={onClose}
      schema={guestInput}
      initialValues={initial}
      toInput={(v) => v}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("meetings.guests.added")}
      submitLabel={t("meetings.guests.submit")}
    >
      {(form) => (
        <>
          <TextInput
            label={t("meetings.guests.name")}
            name="name"
            required
            data-autofocus
            {...form.getInputProps("name")}
          />
          <TextInput
            label={t("meetings.guests.position")}
            name="title"
            {...form.getInputProps("title")}
          />
          <NativeSelect
            label={t("meetings.guests.kind")}
            name="kind"
            data={GUEST_KINDS.map((k) => ({ value: k, label: t(`meetings.guest_kind.${k}`) }))}
            value={form.values.kind}
            error={form.errors.kind}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isGuestKind(value)) form.setFieldValue("kind", value);
            }}
          />
        </>
      )}
    </FormModal>
  );
}
