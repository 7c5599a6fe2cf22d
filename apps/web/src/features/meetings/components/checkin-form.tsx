import { checkinInput, type CheckinDto } from "@chibo/domain";
import {
  Alert,
  Button,
  Center,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useSubmitError } from "@/hooks/use-form-helpers";
import { formatDate, formatTime } from "@/lib/format";
import { useCheckin } from "../api/checkin";
import { normaliseCode } from "../lib/display";
import { zodFieldErrors } from "@/lib/validation";

/**
 * Check-in for a member: the QR code or meeting link opens this page with ?t=token and it is sent at
 * once; otherwise the six digits the lead shows are typed here.
 */
export function CheckinForm({ hasMemberRecord }: { hasMemberRecord: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const token = params.get("t");
  const via = params.get("via") === "link" ? "link" : "qr";
  const checkin = useCheckin();
  const { mutate } = checkin;
  const sent = useRef<string | null>(null);

  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(
      { token, via },
      {
        // The token is a secret: keep it out of the history once used.
        onSettled: () => {
          setParams({}, { replace: true });
        },
      },
    );
  }, [token, via, mutate, setParams]);

  if (checkin.data) return <CheckinDone result={checkin.data} />;
  if (token || checkin.isPending) {
    return (
      <Center py="xl">
        <Stack align="center" gap="sm">
          <Loader size="lg" aria-label={t("meetings.checkin.sending")} />
          <Text>{t("meetings.checkin.sending")}</Text>
        </Stack>
      </Center>
    );
  }
  return (
    <Stack gap="md" maw={420} mx="auto" w="100%">
      {!hasMemberRecord && (
        <Alert color="yellow" variant="light">
          {t("errors.no_member_record")}
        </Alert>
      )}
      {checkin.error && <ErrorAlert error={checkin.error} />}
      <CodeForm />
    </Stack>
  );
}

function CodeForm() {
  const { t, i18n } = useTranslation();
  const checkin = useCheckin();
  const readError = useSubmitError();
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const send = (value: string) => {
    setFieldError(null);
    setMessage(null);
    const parsed = checkinInput.safeParse({ code: value });
    if (!parsed.success) {
      const errors = zodFieldErrors(
        checkinInput,
        { code: value },
        t,
        i18n.resolvedLanguage ?? "vi",
      );
      setFieldError(errors.code ?? t("meetings.checkin.code_hint"));
      return;
    }
    checkin.mutate(parsed.data, {
      onError: (error) => {
        const read = readError(error);
        setFieldError(read.fields.code ?? null);
        setMessage(read.fields.code ? null : read.message);
      },
    });
  };

  if (checkin.data) return <CheckinDone result={checkin.data} />;
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send(code);
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t("meetings.checkin.code_label")}
            description={t("meetings.checkin.code_hint")}
            name="code"
            value={code}
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="one-time-code"
            maxLength={7}
            // The only field of the page, opened to type it.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            error={fieldError}
            onChange={(event) => {
              const next = normaliseCode(event.currentTarget.value);
              setCode(next);
              if (next.length === 6 && !checkin.isPending) send(next);
            }}
            styles={{
              input: {
                fontSize: 40,
                height: 72,
                textAlign: "center",
                letterSpacing: "0.3em",
                fontFamily: "monospace",
                fontWeight: 700,
              },
            }}
          />
          <ErrorAlert error={null} message={message} />
          <Button type="submit" size="xl" fullWidth loading={checkin.isPending} color="green">
            {t("meetings.checkin.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function CheckinDone({ result }: { result: CheckinDto }) {
  const { t } = useTranslation();
  const time = formatTime(result.checkedInAt);
  return (
    <Stack align="center" gap="sm" ta="center" py="lg" role="status">
      <ThemeIcon color="green" size={96} radius="xl" variant="light">
        <IconCircleCheck size={72} aria-hidden />
      </ThemeIcon>
      <Title order={2} size="h2">
        {result.already
          ? t("meetings.checkin.already", { time })
          : t("meetings.checkin.done", { time })}
      </Title>
      <Text c="dimmed">
        {result.unitName} · {formatDate(result.date)}
      </Text>
      <Stack gap="xs" w="100%" maw={320}>
        <Button component={Link} to={`/meetings/${result.meetingId}`} variant="light" size="md">
          {t("meetings.checkin.open_meeting")}
        </Button>
        <Button component={Link} to="/" variant="default" size="md">
          {t("common.actions.back_home")}
        </Button>
      </Stack>
    </Stack>
  );
}
