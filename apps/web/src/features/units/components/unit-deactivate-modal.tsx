import type { UnitDetailDto } from "@chibo/domain";
import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { notifySuccess } from "@/lib/notify";
import { useDeactivateUnit } from "../api/deactivate-unit";

interface Props {
  unit: UnitDetailDto;
  opened: boolean;
  onClose: () => void;
}

export function UnitDeactivateModal({ unit, opened, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useDeactivateUnit(unit.id);
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <AppModal opened={opened} onClose={close} title={t("units.deactivate_title")} size="md">
      <Stack gap="sm">
        <Text>{t("units.deactivate_confirm", { name: unit.name })}</Text>
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t("common.actions.cancel")}
          </Button>
          <Button
            color="red"
            loading={mutation.isPending}
            onClick={() => {
              mutation.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess(t("units.deactivated"));
                  close();
                },
              });
            }}
          >
            {t("units.deactivate")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
