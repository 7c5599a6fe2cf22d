import type { UnitDto } from "@chibo/domain";
import { CloseButton, Input, InputBase, Modal, Text } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconSitemap } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useUnit } from "@/hooks/use-units";
import { UnitTree } from "./unit-tree";

interface UnitPickerModalProps {
  opened: boolean;
  onClose: () => void;
  onPick: (unit: UnitDto) => void;
  title?: string;
  hint?: string;
  isPickable?: (unit: UnitDto) => boolean;
  selectedId?: string | null;
}

/** A modal with the lazy organisation tree to choose one unit. */
export function UnitPickerModal({
  opened,
  onClose,
  onPick,
  title,
  hint,
  isPickable,
  selectedId,
}: UnitPickerModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery("(max-width: 36em)", false, { getInitialValueInEffect: false });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title ?? t("common.unit_picker.modal_title")}
      fullScreen={phone}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.actions.close") }}
    >
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {opened && (
        <UnitTree
          mode="pick"
          onPick={onPick}
          selectedId={selectedId ?? null}
          {...(isPickable ? { isPickable } : {})}
        />
      )}
    </Modal>
  );
}

interface UnitPickerInputProps {
  label: string;
  value: string | null;
  onChange: (value: string | null, unit: UnitDto | null) => void;
  error?: React.ReactNode;
  required?: boolean;
  clearable?: boolean;
  description?: string;
  isPickable?: (unit: UnitDto) => boolean;
  /** Name of the hidden input carrying the id, for forms and tests. */
  name?: string;
  disabled?: boolean;
}

/** A form field whose value is a unit id, chosen in the organisation tree. */
export function UnitPickerInput({
  label,
  value,
  onChange,
  error,
  required,
  clearable,
  description,
  isPickable,
  name,
  disabled,
}: UnitPickerInputProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [picked, setPicked] = useState<UnitDto | null>(null);
  const known = picked !== null && picked.id === value;
  const fetched = useUnit(known ? null : value);
  const name_ = known ? picked.name : fetched.data?.name;

  return (
    <>
      <InputBase
        component="button"
        type="button"
        pointer
        label={label}
        description={description}
        error={error}
        required={required}
        disabled={disabled}
        onClick={open}
        leftSection={<IconSitemap size={16} aria-hidden />}
        rightSection={
          clearable && value ? (
            <CloseButton
              size="sm"
              aria-label={t("common.actions.clear")}
              onClick={() => {
                onChange(null, null);
              }}
            />
          ) : undefined
        }
        rightSectionPointerEvents={clearable && value ? "all" : "none"}
      >
        {value ? (
          <Text span size="sm" truncate="end">
            {name_ ?? t("common.loading")}
          </Text>
        ) : (
          <Input.Placeholder>{t("common.unit_picker.placeholder")}</Input.Placeholder>
        )}
      </InputBase>
      {name && <input type="hidden" name={name} value={value ?? ""} />}
      <UnitPickerModal
        opened={opened}
        onClose={close}
        title={label}
        selectedId={value}
        {...(isPickable ? { isPickable } : {})}
        onPick={(unit) => {
          setPicked(unit);
          onChange(unit.id, unit);
          close();
        }}
      />
    </>
  );
}
