import {
  GENDERS,
  createMemberInput,
  updateMemberInput,
  type Gender,
  type MemberDto,
} from "@chibo/domain";
import { NativeSelect, SimpleGrid, Stack, TextInput, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppDateInput } from "@/components/ui/date-input";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormActions } from "@/components/ui/form-actions";
import { UnitSelect } from "@/components/units/unit-select";
import { useSchemaValidator, useSubmitError } from "@/hooks/use-form-helpers";
import { notifySuccess } from "@/lib/notify";
import { useCreateMember } from "../api/create-member";
import { useUpdateMember } from "../api/update-member";

export interface MemberFormValues {
  unitId: string | null;
  fullName: string;
  birthName: string;
  gender: Gender | "";
  birthDate: string | null;
  ethnicity: string;
  religion: string;
  hometown: string;
  education: string;
  politicalTheory: string;
  qualification: string;
  occupation: string;
  phone: string;
  email: string;
  joinDate: string | null;
  officialDate: string | null;
  cardNumber: string;
  notes: string;
}

const TEXT_FIELDS = [
  "birthName",
  "ethnicity",
  "religion",
  "hometown",
  "education",
  "politicalTheory",
  "qualification",
  "occupation",
  "phone",
  "email",
  "cardNumber",
  "notes",
] as const;

const isActive = (unit: { active: boolean }) => unit.active;

function isGender(value: string): value is Gender {
  return (GENDERS as readonly string[]).includes(value);
}

export function emptyMemberValues(unitId: string | null): MemberFormValues {
  return {
    unitId,
    fullName: "",
    birthName: "",
    gender: "",
    birthDate: null,
    ethnicity: "",
    religion: "",
    hometown: "",
    education: "",
    politicalTheory: "",
    qualification: "",
    occupation: "",
    phone: "",
    email: "",
    joinDate: null,
    officialDate: null,
    cardNumber: "",
    notes: "",
  };
}

export function memberValues(member: MemberDto): MemberFormValues {
  const values: MemberFormValues = {
    ...emptyMemberValues(member.unitId),
    fullName: member.fullName,
    gender: member.gender,
    birthDate: member.birthDate,
    joinDate: member.joinDate,
    officialDate: member.officialDate,
  };
  for (const field of TEXT_FIELDS) values[field] = member[field] ?? "";
  return values;
}

/** The request body the contract describes; blanks become null there, not here. */
function toFields(v: MemberFormValues) {
  return {
    fullName: v.fullName,
    birthName: v.birthName,
    gender: v.gender === "" ? undefined : v.gender,
    birthDate: v.birthDate,
    ethnicity: v.ethnicity,
    religion: v.religion,
    hometown: v.hometown,
    education: v.education,
    politicalTheory: v.politicalTheory,
    qualification: v.qualification,
    occupation: v.occupation,
    phone: v.phone,
    email: v.email,
    joinDate: v.joinDate,
    officialDate: v.officialDate,
    cardNumber: v.cardNumber,
    notes: v.notes,
  };
}

type MemberFormProps =
  | {
      mode: "create";
      defaultUnitId: string | null;
      onSaved: (member: MemberDto) => void;
      onCancel?: () => void;
    }
  | {
      mode: "edit";
      member: MemberDto;
      onSaved: (member: MemberDto) => void;
      onCancel?: () => void;
    };

/** Create or edit a member (form 7-HSĐV fields), checked against the contract before sending. */
export function MemberForm(props: MemberFormProps) {
  const { t } = useTranslation();
  const create = useCreateMember();
  const update = useUpdateMember(props.mode === "edit" ? props.member.id : "");
  const readError = useSubmitError();
  const [message, setMessage] = useState<string | null>(null);
  const schema = props.mode === "create" ? createMemberInput : updateMemberInput;
  const toInput = (v: MemberFormValues) =>
    props.mode === "create"
      ? { unitId: v.unitId ?? undefined, ...toFields(v) }
      : { ...toFields(v), version: props.member.version };
  const validate = useSchemaValidator(schema, toInput);
  const form = useForm<MemberFormValues>({
    mode: "controlled",
    initialValues:
      props.mode === "create" ? emptyMemberValues(props.defaultUnitId) : memberValues(props.member),
    validate,
  });
  const pending = create.isPending || update.isPending;

  const onError = (error: unknown) => {
    const read = readError(error);
    form.setErrors(read.fields);
    setMessage(read.message);
  };
  const onSuccess = (member: MemberDto) => {
    notifySuccess(props.mode === "create" ? t("members.created") : t("members.updated"));
    props.onSaved(member);
  };

  const text = (field: (typeof TEXT_FIELDS)[number] | "fullName", label: string) => (
    <TextInput label={label} name={field} {...form.getInputProps(field)} />
  );

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        if (props.mode === "create") {
          const input = createMemberInput.parse(toInput(values));
          create.mutate(input, { onSuccess, onError });
        } else {
          const input = updateMemberInput.parse(toInput(values));
          update.mutate(input, { onSuccess, onError });
        }
      })}
    >
      <Stack gap="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("members.sections.identity")}
          </Title>
          {props.mode === "create" && (
            <UnitSelect
              label={t("members.fields.unit")}
              name="unitId"
              required
              autoSelectSingle
              value={form.values.unitId}
              error={form.errors.unitId}
              description={t("common.unit_picker.cells_only")}
              kind="cell"
              isPickable={isActive}
              onChange={(value) => {
                form.setFieldValue("unitId", value);
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("members.fields.full_name")}
              name="fullName"
              required
              data-autofocus
              {...form.getInputProps("fullName")}
            />
            {text("birthName", t("members.fields.birth_name"))}
            <NativeSelect
              label={t("members.fields.gender")}
              name="gender"
              required
              data={[
                { value: "", label: "", disabled: true },
                ...GENDERS.map((g) => ({ value: g, label: t(`members.gender.${g}`) })),
              ]}
              value={form.values.gender}
              error={form.errors.gender}
              onChange={(event) => {
                const value = event.currentTarget.value;
                form.setFieldValue("gender", isGender(value) ? value : "");
              }}
            />
            <AppDateInput
              label={t("members.fields.birth_date")}
              name="birthDate"
              required
              {...form.getInputProps("birthDate")}
            />
            {text("ethnicity", t("members.fields.ethnicity"))}
            {text("religion", t("members.fields.religion"))}
            {text("hometown", t("members.fields.hometown"))}
          </SimpleGrid>
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("members.sections.background")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text("education", t("members.fields.education"))}
            {text("politicalTheory", t("members.fields.political_theory"))}
            {text("qualification", t("members.fields.qualification"))}
            {text("occupation", t("members.fields.occupation"))}
          </SimpleGrid>
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("members.sections.party")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <AppDateInput
              label={t("members.fields.join_date")}
              name="joinDate"
              required
              {...form.getInputProps("joinDate")}
            />
            <AppDateInput
              label={t("members.fields.official_date")}
              name="officialDate"
              {...form.getInputProps("officialDate")}
            />
            {text("cardNumber", t("members.fields.card_number"))}
          </SimpleGrid>
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("members.sections.contact")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("members.fields.phone")}
              name="phone"
              type="tel"
              autoComplete="off"
              {...form.getInputProps("phone")}
            />
            <TextInput
              label={t("members.fields.email")}
              name="email"
              type="email"
              autoComplete="off"
              {...form.getInputProps("email")}
            />
          </SimpleGrid>
          <Textarea
            label={t("members.fields.notes")}
            name="notes"
            autosize
            minRows={2}
            {...form.getInputProps("notes")}
          />
        </Stack>

        <ErrorAlert error={null} message={message} />
        <FormActions loading={pending} {...(props.onCancel ? { onCancel: props.onCancel } : {})} />
      </Stack>
    </form>
  );
}
