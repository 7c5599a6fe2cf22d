import { supervisionAssignmentEndInput, type SupervisionAssignmentDto } from "@chibo/domain";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppDateInput } from "@/components/ui/date-input";
import { FormModal } from "@/components/ui/form-modal";
import { todayIso } from "@/lib/format";
import { useEndAssignment } from "../api/unit-supervision";

/** Ends an assignment on a day (its last day of following the cell). */
export function EndAssignmentModal({
  assignment,
  onClose,
}: {
  assignment: SupervisionAssignmentDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useEndAssignment(assignment.id);
  const initial: { endsOn: string | null } = { endsOn: todayIso() };
  return (
    <FormModal
      title={t("supervision.end.title")}
      onClose={onClose}
      schema={supervisionAssignmentEndInput}
      initialValues={initial}
      toInput={(v) => ({ endsOn: v.endsOn ?? "" })}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("supervision.end.done")}
      submitLabel={t("supervision.end.submit")}
      color="red"
    >
      {(form) => (
        <>
          <Text size="sm">
            {t("supervision.end.who", { name: assignment.userName, cell: assignment.unitName })}
          </Text>
          <AppDateInput
            label={t("supervision.end.ends_on")}
            name="endsOn"
            required
            {...form.getInputProps("endsOn")}
          />
        </>
      )}
    </FormModal>
  );
}
