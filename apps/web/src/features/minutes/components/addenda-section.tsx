import { addendumInput, type MinutesDto } from "@chibo/domain";
import { Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "@/components/ui/form-modal";
import { formatDateTime } from "@/lib/format";
import { useAddAddendum } from "../api/add-addendum";

/** Locked minutes are corrected only by dated addenda; the original stays as signed. */
export function AddendaSection({ minutes }: { minutes: MinutesDto }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const add = useAddAddendum(minutes.meetingId);
  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="addenda-title"
    >
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={3} size="h4" id="addenda-title">
          {t("minutes.addenda.title")}
        </Title>
        {minutes.can.addendum && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => {
              setAdding(true);
            }}
          >
            {t("minutes.addenda.add")}
          </Button>
        )}
      </Group>
      {minutes.addenda.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("minutes.addenda.empty")}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ margin: 0, paddingLeft: "1.4em" }}>
          {minutes.addenda.map((a) => (
            <li key={a.id}>
              <Text size="xs" c="dimmed">
                {t("minutes.addenda.line", {
                  at: formatDateTime(a.createdAt),
                  by: a.createdBy ?? "",
                })}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                {a.text}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {adding && (
        <FormModal
          title={t("minutes.addenda.add")}
          onClose={() => {
            setAdding(false);
          }}
          schema={addendumInput}
          initialValues={{ text: "" }}
          toInput={(v) => v}
          submit={add.mutateAsync}
          pending={add.isPending}
          successMessage={t("minutes.addenda.added")}
          submitLabel={t("minutes.addenda.submit")}
        >
          {(form) => (
            <Textarea
              label={t("minutes.addenda.text")}
              name="text"
              required
              autosize
              minRows={4}
              data-autofocus
              {...form.getInputProps("text")}
            />
          )}
        </FormModal>
      )}
    </Paper>
  );
}
