import type { MinutesDto, SignatureRole } from "@chibo/domain";
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconSignature } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { isApiError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { notifySuccess } from "@/lib/notify";
import { useSignMinutes } from "../api/sign-minutes";
import { ConfirmModal } from "./confirm-modal";

type Signature = MinutesDto["signatures"]["chair"];

function SignatureLine({ label, signature }: { label: string; signature: Signature }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} c={signature ? "green.8" : "dimmed"}>
        {signature
          ? t(signature.onBehalf ? "minutes.sign.signed_on_behalf" : "minutes.sign.signed_line", {
              at: formatDateTime(signature.at),
              name: signature.byName,
            })
          : t("minutes.sign.unsigned")}
      </Text>
    </div>
  );
}

/** Chair and minute-taker confirm the minutes; once both have, the minutes are locked. */
export function SigningSection({
  minutes,
  saved,
}: {
  minutes: MinutesDto;
  /** Everything typed is on the server (a signature confirms what the server has). */
  saved: boolean;
}) {
  const { t } = useTranslation();
  const sign = useSignMinutes(minutes.meetingId);
  const [asking, setAsking] = useState<SignatureRole | null>(null);
  const { can, signatures } = minutes;
  const error = sign.error;
  const notReady = isApiError(error) && error.code === "minutes_not_ready" ? error : null;

  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="sign-title">
      <Title order={3} size="h4" id="sign-title" mb="xs">
        {t("minutes.sign.title")}
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <SignatureLine label={t("minutes.sign.chair")} signature={signatures.chair} />
          <SignatureLine
            label={t("minutes.sign.minute_taker")}
            signature={signatures.minuteTaker}
          />
        </SimpleGrid>
        {(can.signAsChair || can.signAsMinuteTaker) && (
          <Group gap="xs">
            {can.signAsChair && (
              <Button
                size="md"
                leftSection={<IconSignature size={18} />}
                disabled={!saved}
                onClick={() => {
                  sign.reset();
                  setAsking("chair");
                }}
              >
                {t("minutes.sign.as_chair")}
              </Button>
            )}
            {can.signAsMinuteTaker && (
              <Button
                size="md"
                variant={can.signAsChair ? "light" : "filled"}
                leftSection={<IconSignature size={18} />}
                disabled={!saved}
                onClick={() => {
                  sign.reset();
                  setAsking("minute_taker");
                }}
              >
                {t("minutes.sign.as_minute_taker")}
              </Button>
            )}
          </Group>
        )}
        {!saved && (can.signAsChair || can.signAsMinuteTaker) && (
          <Text size="xs" c="dimmed">
            {t("minutes.sign.wait_save")}
          </Text>
        )}
        {notReady ? (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            title={t("minutes.sign.not_ready")}
            data-testid="minutes-not-ready"
          >
            <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: "1.2em" }}>
              {(notReady.problem.details ?? []).map((d, i) => (
                <Text key={`${d.path}-${String(i)}`} size="sm" component="li">
                  {d.message || d.path}
                </Text>
              ))}
              {(notReady.problem.details ?? []).length === 0 && notReady.problem.detail && (
                <Text size="sm" component="li">
                  {notReady.problem.detail}
                </Text>
              )}
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )}
      </Stack>
      {asking && (
        <ConfirmModal
          title={t("minutes.sign.confirm_title")}
          message={t("minutes.sign.confirm_text")}
          confirmLabel={t("minutes.sign.confirm")}
          color="blue"
          loading={sign.isPending}
          onClose={() => {
            setAsking(null);
          }}
          onConfirm={() => {
            sign.mutate(
              { as: asking },
              {
                onSuccess: () => {
                  notifySuccess(t("minutes.sign.signed"));
                  setAsking(null);
                },
                onError: () => {
                  setAsking(null);
                },
              },
            );
          }}
        />
      )}
    </Paper>
  );
}
