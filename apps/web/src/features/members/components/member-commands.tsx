import {
  LEAVE_KINDS,
  POSITION_TITLES,
  endExemptionInput,
  endPositionInput,
  exemptionInput,
  leaveInput,
  makeOfficialInput,
  positionInput,
  probationEnds,
  transferInput,
  type LeaveKind,
  type MemberDto,
  type PositionTitle,
} from "@chibo/domain";
import { NativeSelect, TextInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppDateInput } from "@/components/ui/date-input";
import { UnitSelect } from "@/components/units/unit-select";
import { todayIso } from "@/lib/format";
import { useAddExemption } from "../api/add-exemption";
import { useAddPosition } from "../api/add-position";
import { useEndExemption } from "../api/end-exemption";
import { useEndPosition } from "../api/end-position";
import { useLeaveMember } from "../api/leave-member";
import { useMakeOfficial } from "../api/make-official";
import { useTransferMember } from "../api/transfer-member";
import { CommandModal } from "./command-modal";

/** A date field: an ISO date, or null while empty. */
type DateField = string | null;

interface Props {
  member: MemberDto;
  onClose: () => void;
}

export function MakeOfficialModal({ member, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useMakeOfficial(member.id);
  const initial: { officialDate: DateField } = {
    officialDate: member.joinDate ? probationEnds(member.joinDate) : todayIso(),
  };
  return (
    <CommandModal
      title={t("members.make_official")}
      onClose={onClose}
      schema={makeOfficialInput}
      initialValues={initial}
      toInput={(v) => v}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("members.make_official_done")}
    >
      {(form) => (
        <AppDateInput
          label={t("members.fields.official_date")}
          name="officialDate"
          required
          data-autofocus
          {...form.getInputProps("officialDate")}
        />
      )}
    </CommandModal>
  );
}

export function ExemptModal({ member, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useAddExemption(member.id);
  const initial: { from: DateField; to: DateField; reason: string } = {
    from: todayIso(),
    to: null,
    reason: "",
  };
  return (
    <CommandModal
      title={t("members.exempt_title")}
      onClose={onClose}
      schema={exemptionInput}
      initialValues={initial}
      toInput={(v) => v}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("members.exempt_done")}
    >
      {(form) => (
        <>
          <AppDateInput
            label={t("members.exempt_from")}
            name="from"
            required
            {...form.getInputProps("from")}
          />
          <AppDateInput
            label={t("members.exempt_to")}
            description={t("members.exempt_to_hint")}
            name="to"
            {...form.getInputProps("to")}
          />
          <TextInput
            label={t("members.exempt_reason")}
            name="reason"
            required
            data-autofocus
            {...form.getInputProps("reason")}
          />
        </>
      )}
    </CommandModal>
  );
}

export function EndExemptionModal({
  member,
  exemptionId,
  onClose,
}: Props & { exemptionId: string }) {
  const { t } = useTranslation();
  const mutation = useEndExemption(member.id);
  const initial: { to: DateField } = { to: todayIso() };
  return (
    <CommandModal
      title={t("members.end_exemption_title")}
      onClose={onClose}
      schema={endExemptionInput}
      initialValues={initial}
      toInput={(v) => v}
      submit={(input) => mutation.mutateAsync({ exemptionId, to: input.to })}
      pending={mutation.isPending}
      successMessage={t("members.end_exemption_done")}
    >
      {(form) => (
        <AppDateInput
          label={t("members.end_date")}
          name="to"
          required
          data-autofocus
          {...form.getInputProps("to")}
        />
      )}
    </CommandModal>
  );
}

export function TransferModal({ member, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useTransferMember(member.id);
  const initial: { toUnitId: string | null; date: DateField; note: string } = {
    toUnitId: null,
    date: todayIso(),
    note: "",
  };
  return (
    <CommandModal
      title={t("members.transfer_title")}
      onClose={onClose}
      schema={transferInput}
      initialValues={initial}
      toInput={(v) => ({ ...v, toUnitId: v.toUnitId ?? undefined })}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("members.transfer_done")}
    >
      {(form) => (
        <>
          <UnitSelect
            label={t("members.transfer_to")}
            name="toUnitId"
            required
            description={t("common.unit_picker.cells_only")}
            value={form.values.toUnitId}
            error={form.errors.toUnitId}
            kind="cell"
            isPickable={(unit) => unit.active && unit.id !== member.unitId}
            onChange={(value) => {
              form.setFieldValue("toUnitId", value);
            }}
          />
          <AppDateInput
            label={t("members.date")}
            name="date"
            required
            {...form.getInputProps("date")}
          />
          <Textarea
            label={t("members.note")}
            name="note"
            autosize
            minRows={2}
            {...form.getInputProps("note")}
          />
        </>
      )}
    </CommandModal>
  );
}

function isLeaveKind(value: string): value is LeaveKind {
  return (LEAVE_KINDS as readonly string[]).includes(value);
}

export function LeaveModal({ member, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useLeaveMember(member.id);
  const initial: { kind: LeaveKind; date: DateField; note: string } = {
    kind: "transferred_out",
    date: todayIso(),
    note: "",
  };
  return (
    <CommandModal
      title={t("members.leave_title")}
      onClose={onClose}
      schema={leaveInput}
      initialValues={initial}
      toInput={(v) => v}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("members.leave_done")}
      color="red"
    >
      {(form) => (
        <>
          <NativeSelect
            label={t("members.leave_kind_label")}
            name="kind"
            required
            data-autofocus
            data={LEAVE_KINDS.map((k) => ({ value: k, label: t(`members.leave_kind.${k}`) }))}
            value={form.values.kind}
            error={form.errors.kind}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isLeaveKind(value)) form.setFieldValue("kind", value);
            }}
          />
          <AppDateInput
            label={t("members.date")}
            name="date"
            required
            {...form.getInputProps("date")}
          />
          <Textarea
            label={t("members.note")}
            name="note"
            autosize
            minRows={2}
            {...form.getInputProps("note")}
          />
        </>
      )}
    </CommandModal>
  );
}

function isPositionTitle(value: string): value is PositionTitle {
  return (POSITION_TITLES as readonly string[]).includes(value);
}

export function AddPositionModal({ member, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useAddPosition(member.id);
  const initial: { unitId: string | null; title: PositionTitle; from: DateField; to: DateField } = {
    unitId: member.unitId,
    title: "secretary",
    from: todayIso(),
    to: null,
  };
  return (
    <CommandModal
      title={t("members.add_position_title")}
      onClose={onClose}
      schema={positionInput}
      initialValues={initial}
      toInput={(v) => ({ ...v, unitId: v.unitId ?? undefined })}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("members.position_done")}
    >
      {(form) => (
        <>
          <NativeSelect
            label={t("members.position_title")}
            name="title"
            required
            data-autofocus
            data={POSITION_TITLES.map((p) => ({ value: p, label: t(`members.position.${p}`) }))}
            value={form.values.title}
            error={form.errors.title}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isPositionTitle(value)) form.setFieldValue("title", value);
            }}
          />
          <UnitSelect
            label={t("members.position_unit")}
            name="unitId"
            required
            value={form.values.unitId}
            error={form.errors.unitId}
            isPickable={(unit) => unit.active}
            onChange={(value) => {
              form.setFieldValue("unitId", value);
            }}
          />
          <AppDateInput
            label={t("members.position_from")}
            name="from"
            required
            {...form.getInputProps("from")}
          />
          <AppDateInput
            label={t("members.position_to")}
            description={t("members.exempt_to_hint")}
            name="to"
            {...form.getInputProps("to")}
          />
        </>
      )}
    </CommandModal>
  );
}

export function EndPositionModal({ member, positionId, onClose }: Props & { positionId: string }) {
  const { t } = useTranslation();
  const mutation = useEndPosition(member.id);
  const initial: { to: DateField } = { to: todayIso() };
  return (
    <CommandModal
      title={t("members.end_position_title")}
      onClose={onClose}
      schema={endPositionInput}
      initialValues={initial}
      toInput={(v) => v}
      submit={(input) => mutation.mutateAsync({ positionId, to: input.to })}
      pending={mutation.isPending}
      successMessage={t("members.end_position_done")}
    >
      {(form) => (
        <AppDateInput
          label={t("members.end_date")}
          name="to"
          required
          data-autofocus
          {...form.getInputProps("to")}
        />
      )}
    </CommandModal>
  );
}
