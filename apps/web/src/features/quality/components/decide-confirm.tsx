import type { MeetingLevel } from "@chibo/domain";
import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { LevelBadge, useQualityFormat } from "./labels";

interface DecideConfirmProps {
  level: MeetingLevel;
  total: number;
  max: number;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** The decision is final: asked once more, with the level it gives. */
export function DecideConfirm({
  level,
  total,
  max,
  loading,
  onConfirm,
  onClose,
}: DecideConfirmProps) {
  const { t } = useTranslation();
  const f = useQualityFormat();
  return (
    <AppModal opened onClose={onClose} title={t("quality.decide.title")} size="md">
      <Stack gap="sm">
        <Text size="sm">{t("quality.decide.text")}</Text>
        <Group gap="sm">
          <Text fw={600}>
            {t("quality.summary.total", { total: f.points(total), max: f.points(max) })}
          </Text>
          <LevelBadge level={level} size="lg" />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t("common.actions.cancel")}
          </Button>
          <Button
            color="red"
            loading={loading}
            onClick={onConfirm}
            data-autofocus
            data-testid="score-decide-confirm"
          >
            {t("quality.decide.confirm")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
