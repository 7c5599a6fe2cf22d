import type { MeetingDetailDto } from "@chibo/domain";
import { Box, Button, Center, Image, Loader, Modal, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { formatPercent, formatTime } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { useAttendance } from "../api/get-attendance";
import { useCheckinCode } from "../api/get-checkin-code";
import { checkinUrl } from "../lib/display";

/** The QR code as an image; the encoder is loaded only when a code is first shown. */
function useQrImage(text: string | null) {
  return useQuery({
    queryKey: queryKeys.qrImage(text),
    queryFn: async () => {
      const { toDataURL } = await import("qrcode");
      return toDataURL(text ?? "", { errorCorrectionLevel: "M", margin: 2, width: 720 });
    },
    enabled: text !== null,
    staleTime: Infinity,
  });
}

/** "123456" → "123 456", easier to read aloud and to copy. */
function spaced(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

interface CheckinQrViewProps {
  meeting: MeetingDetailDto;
  title: string;
  onClose: () => void;
}

/** Full screen for a phone held up or a projector: the QR code, six big digits, the live count. */
export function CheckinQrView({ meeting, title, onClose }: CheckinQrViewProps) {
  const { t, i18n } = useTranslation();
  const code = useCheckinCode(meeting.id);
  const url = code.data ? checkinUrl(window.location.origin, code.data.token) : null;
  const qr = useQrImage(url);
  const attendance = useAttendance(meeting.id, { refreshMs: 5_000 });
  const counts = attendance.data?.counts;

  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      withCloseButton={false}
      title={null}
      aria-label={t("meetings.qr.title")}
      transitionProps={{ duration: 0 }}
    >
      <Stack align="center" gap="sm" ta="center" py={{ base: 0, sm: "md" }}>
        <Title order={1} size="h3">
          {t("meetings.qr.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {meeting.unitName} · {title}
        </Text>
        {code.error && <ErrorAlert error={code.error} />}
        <Box w="min(86vw, 56vh, 520px)" style={{ aspectRatio: "1 / 1" }}>
          {qr.data ? (
            <Image src={qr.data} alt={t("meetings.qr.image_alt")} w="100%" h="100%" />
          ) : (
            <Center h="100%">
              <Loader aria-label={t("common.loading")} />
            </Center>
          )}
        </Box>
        <Text size="sm">{t("meetings.qr.scan")}</Text>
        {code.data && (
          <>
            <Text
              aria-label={t("meetings.qr.code_label", { code: code.data.code.split("").join(" ") })}
              ff="monospace"
              fw={800}
              lh={1}
              style={{ fontSize: "clamp(48px, 15vw, 140px)", letterSpacing: "0.08em" }}
            >
              {spaced(code.data.code)}
            </Text>
            <Text size="sm" c="dimmed">
              {t("meetings.qr.valid_until", { time: formatTime(code.data.validUntil) })}
            </Text>
          </>
        )}
        {counts && (
          <Text fw={700} fz="xl" role="status" aria-live="polite">
            {t("meetings.qr.checked_in", {
              present: counts.countedPresent,
              counted: counts.counted,
              rate: formatPercent(attendance.data?.rate ?? null, i18n.resolvedLanguage ?? "vi"),
            })}
          </Text>
        )}
        <Button size="lg" variant="default" onClick={onClose} mt="sm">
          {t("meetings.qr.close")}
        </Button>
      </Stack>
    </Modal>
  );
}
