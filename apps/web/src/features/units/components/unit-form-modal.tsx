import {
  UNIT_TYPES,
  allowedChildLevels,
  createUnitInput,
  kindOfLevel,
  updateUnitInput,
  type UnitDetailDto,
  type UnitLevel,
  type UnitType,
} from "@chibo/domain";
import { NativeSelect, NumberInput, Stack, TextInput } from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { AppModal } from "@/components/ui/app-modal";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormActions } from "@/components/ui/form-actions";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { useCreateUnit } from "../api/create-unit";
import { useUpdateUnit } from "../api/update-unit";

interface Values {
  name: string;
  code: string;
  level: UnitLevel | null;
  unitType: UnitType | null;
  meetingDay: number | string;
}

function meetingDayOf(value: number | string): number | null {
  if (typeof value === "number") return value;
  const trimmed = value.trim();
  return trimmed === "" ? null : Number(trimmed);
}

function isUnitType(value: string): value is UnitType {
  return (UNIT_TYPES as readonly string[]).includes(value);
}

interface UnitFieldsProps {
  form: UseFormReturnType<Values>;
  levels: readonly UnitLevel[] | null;
}

function UnitFields({ form, levels }: UnitFieldsProps) {
  const { t } = useTranslation();
  const level = form.values.level;
  const isCell = level !== null && kindOfLevel(level) === "cell";
  return (
    <Stack gap="sm">
      <TextInput
        label={t("units.name")}
        name="name"
        required
        data-autofocus
        {...form.getInputProps("name")}
      />
      {levels && (
        <NativeSelect
          label={t("units.level")}
          name="level"
          required
          data={levels.map((l) => ({ value: l, label: t(`common.unit_level.${l}`) }))}
          value={level ?? ""}
          error={form.errors.level}
          onChange={(event) => {
            const value = event.currentTarget.value;
            form.setFieldValue("level", levels.find((l) => l === value) ?? null);
          }}
        />
      )}
      <TextInput label={t("units.code")} name="code" {...form.getInputProps("code")} />
      <NativeSelect
        label={t("units.unit_type")}
        name="unitType"
        data={[
          { value: "", label: t("units.no_unit_type") },
          ...UNIT_TYPES.map((u) => ({ value: u, label: t(`units.type.${u}`) })),
        ]}
        value={form.values.unitType ?? ""}
        onChange={(event) => {
          const value = event.currentTarget.value;
          form.setFieldValue("unitType", isUnitType(value) ? value : null);
        }}
        error={form.errors.unitType}
      />
      {isCell && (
        <NumberInput
          label={t("units.meeting_day")}
          description={t("units.meeting_day_hint")}
          name="meetingDay"
          min={1}
          max={31}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps("meetingDay")}
        />
      )}
    </Stack>
  );
}

interface EditProps {
  unit: UnitDetailDto;
  opened: boolean;
  onClose: () => void;
}

export function UnitEditModal({ unit, opened, onClose }: EditProps) {
  const { t } = useTranslation();
  const mutation = useUpdateUnit(unit.id);
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const toInput = (v: Values) => ({
    name: v.name,
    code: v.code,
    unitType: v.unitType,
    meetingDay: kindOfLevel(unit.level) === "cell" ? meetingDayOf(v.meetingDay) : undefined,
    version: unit.version,
  });
  const validate = useSchemaValidator(updateUnitInput, toInput);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      name: unit.name,
      code: unit.code ?? "",
      level: unit.level,
      unitType: unit.unitType,
      meetingDay: unit.meetingDay ?? "",
    },
    validate,
  });

  return (
    <AppModal opened={opened} onClose={onClose} title={t("units.edit_title")}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          mutation.mutate(updateUnitInput.parse(toInput(values)), {
            onSuccess: () => {
              notifySuccess(t("units.updated"));
              onClose();
            },
            onError: (error) => {
              const read = readError(error);
              form.setErrors(read.fields);
              setMessage(read.message);
            },
          });
        })}
      >
        <UnitFields form={form} levels={null} />
        <ErrorAlert error={null} message={message} />
        <FormActions onCancel={onClose} loading={mutation.isPending} />
      </form>
    </AppModal>
  );
}

interface CreateProps {
  parent: UnitDetailDto;
  opened: boolean;
  onClose: () => void;
}

export function UnitCreateModal({ parent, opened, onClose }: CreateProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mutation = useCreateUnit();
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const levels = allowedChildLevels(parent.level);
  const toInput = (v: Values) => ({
    parentId: parent.id,
    name: v.name,
    code: v.code,
    level: v.level,
    unitType: v.unitType,
    meetingDay:
      v.level !== null && kindOfLevel(v.level) === "cell" ? meetingDayOf(v.meetingDay) : null,
  });
  const validate = useSchemaValidator(createUnitInput, toInput);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      name: "",
      code: "",
      level: levels[0] ?? null,
      unitType: parent.unitType,
      meetingDay: parent.meetingDay ?? "",
    },
    validate,
  });

  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={t("units.add_child_title", { name: parent.name })}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          mutation.mutate(createUnitInput.parse(toInput(values)), {
            onSuccess: (unit) => {
              notifySuccess(t("units.created"));
              form.reset();
              onClose();
              void navigate(`/units/${unit.id}`);
            },
            onError: (error) => {
              const read = readError(error);
              form.setErrors(read.fields);
              setMessage(read.message);
            },
          });
        })}
      >
        <UnitFields form={form} levels={levels} />
        <ErrorAlert error={null} message={message} />
        <FormActions onCancel={onClose} loading={mutation.isPending} />
      </form>
    </AppModal>
  );
}
