import { voteInput, type ResolutionDto } from "@chibo/domain";
import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { splitFieldErrors } from "@/lib/problem";
import { useVoteResolution } from "../api/vote-resolution";

interface Values extends Record<string, unknown> {
  approve: number | string;
  against: number | string;
  other: number | string;
}

const count = (v: number | string) => (v === "" ? undefined : Number(v));
const toInput = (v: Values) => ({
  approve: count(v.approve),
  against: count(v.against),
  other: count(v.other),
});

/** Charter: for, against, other opinions — official members present only; checked by the server. */
export function VoteForm({
  meetingId,
  resolution,
  officialPresent,
}: {
  meetingId: string;
  resolution: ResolutionDto;
  officialPresent: number;
}) {
  const { t } = useTranslation();
  const vote = useVoteResolution(meetingId, resolution.id);
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const validate = useSchemaValidator(voteInput, toInput);
  const initialValues: Values = {
    approve: resolution.vote?.approve ?? "",
    against: resolution.vote?.against ?? "",
    other: resolution.vote?.other ?? "",
  };
  const form = useForm<Values>({ mode: "controlled", initialValues, validate });

  return (
    <form
      noValidate
      aria-label={t("minutes.vote.title")}
      data-testid="vote-form"
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        const parsed = voteInput.safeParse(toInput(values));
        if (!parsed.success) return;
        vote.mutate(parsed.data, {
          onSuccess: () => {
            notifySuccess(t("minutes.vote.saved"));
          },
          onError: (error) => {
            const read = readError(error);
            const { atFields, elsewhere } = splitFieldErrors(read.fields, initialValues);
            form.setErrors(atFields);
            const shown = Object.keys(atFields).length > 0 && elsewhere.length === 0;
            setMessage(shown ? null : [read.message, ...elsewhere].join(" "));
          },
        });
      })}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t("minutes.vote.title")}
        </Text>
        <Text size="xs" c="dimmed">
          {t("minutes.vote.max", { count: officialPresent })}
        </Text>
        <SimpleGrid cols={3} spacing="xs">
          <NumberInput
            label={t("minutes.vote.approve")}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            {...form.getInputProps("approve")}
          />
          <NumberInput
            label={t("minutes.vote.against")}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            {...form.getInputProps("against")}
          />
          <NumberInput
            label={t("minutes.vote.other")}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            {...form.getInputProps("other")}
          />
        </SimpleGrid>
        <ErrorAlert error={null} message={message} />
        <Group justify="flex-end">
          <Button type="submit" loading={vote.isPending}>
            {t("minutes.vote.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
