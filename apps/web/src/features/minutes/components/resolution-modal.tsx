import {
  RESOLUTION_KINDS,
  resolutionInput,
  resolutionPatchInput,
  type ResolutionDto,
  type ResolutionKind,
} from "@chibo/domain";
import { NativeSelect, TextInput, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { FormModal } from "@/components/ui/form-modal";
import { useCreateResolution } from "../api/create-resolution";
import { useUpdateResolution } from "../api/update-resolution";

interface Values extends Record<string, unknown> {
  kind: ResolutionKind;
  title: string;
  content: string;
}

function isKind(value: string): value is ResolutionKind {
  return (RESOLUTION_KINDS as readonly string[]).includes(value);
}

function Fields({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  return (
    <>
      <NativeSelect
        label={t("minutes.resolution.kind_label")}
        name="kind"
        data={RESOLUTION_KINDS.map((k) => ({ value: k, label: t(`minutes.resolution.kind.${k}`) }))}
        value={form.values.kind}
        error={form.errors.kind}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isKind(value)) form.setFieldValue("kind", value);
        }}
      />
      <TextInput
        label={t("minutes.resolution.field_title")}
        name="title"
        required
        data-autofocus
        {...form.getInputProps("title")}
      />
      <Textarea
        label={t("minutes.resolution.content")}
        name="content"
        autosize
        minRows={4}
        maxRows={16}
        {...form.getInputProps("content")}
      />
    </>
  );
}

export function CreateResolutionModal({
  meetingId,
  onClose,
}: {
  meetingId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useCreateResolution(meetingId);
  const initial: Values = { kind: "resolution", title: "", content: "" };
  return (
    <FormModal
      title={t("minutes.resolution.add_title")}
      onClose={onClose}
      schema={resolutionInput}
      initialValues={initial}
      toInput={(v) => v}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("minutes.resolution.created")}
      size="lg"
    >
      {(form) => <Fields form={form} />}
    </FormModal>
  );
}

export function EditResolutionModal({
  meetingId,
  resolution,
  onClose,
}: {
  meetingId: string;
  resolution: ResolutionDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useUpdateResolution(meetingId, resolution.id);
  const initial: Values = {
    kind: resolution.kind,
    title: resolution.title,
    content: resolution.content,
  };
  return (
    <FormModal
      title={t("minutes.resolution.edit_title")}
      onClose={onClose}
      schema={resolutionPatchInput}
      initialValues={initial}
      toInput={(v) => v}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("minutes.resolution.updated")}
      size="lg"
    >
      {(form) => <Fields form={form} />}
    </FormModal>
  );
}
