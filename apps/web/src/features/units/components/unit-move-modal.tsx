import { canContain, isWithin, type UnitDetailDto, type UnitDto } from "@chibo/domain";
import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { UnitTree } from "@/components/units/unit-tree";
import { notifySuccess } from "@/lib/notify";
import { useMoveUnit } from "../api/move-unit";

interface Props {
  unit: UnitDetailDto;
  opened: boolean;
  onClose: () => void;
}

/** Picks a new parent in the same lazy tree; units that cannot hold this one are not pickable. */
export function UnitMoveModal({ unit, opened, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useMoveUnit(unit.id);
  const [target, setTarget] = useState<UnitDto | null>(null);
  const isPickable = (candidate: UnitDto) =>
    candidate.active &&
    candidate.id !== unit.parentId &&
    !isWithin(candidate.path, unit.path) &&
    canContain(candidate.level, unit.level);

  const close = () => {
    setTarget(null);
    mutation.reset();
    onClose();
  };

  return (
    <AppModal opened={opened} onClose={close} title={t("units.move_title", { name: unit.name })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("units.move_hint")}
        </Text>
        {opened && (
          <UnitTree
            mode="pick"
            isPickable={isPickable}
            selectedId={target?.id ?? null}
            onPick={setTarget}
          />
        )}
        <Text size="sm">
          {t("units.move_target")}: <strong>{target?.name ?? t("common.none")}</strong>
        </Text>
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.actions.cancel")}
          </Button>
          <Button
            disabled={target === null}
            loading={mutation.isPending}
            onClick={() => {
              if (!target) return;
              mutation.mutate(
                { parentId: target.id },
                {
                  onSuccess: () => {
                    notifySuccess(t("units.moved"));
                    close();
                  },
                },
              );
            }}
          >
            {t("units.move_submit")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
